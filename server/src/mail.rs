//! Sending the outbox (`mail_outbox`) over SMTP with lettre, and the daily
//! digest job. Mail is written to the outbox by the action it reports, in the
//! same transaction; this module only delivers it. A failed delivery stays in
//! the outbox with its error and is tried again after a pause that doubles
//! (2, 4, 8 … minutes, at most 6 hours), so nothing is lost silently: every
//! failure is logged, and the DPO's page shows what waits.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use sqlx::PgPool;

use crate::config::{Config, ConfigError};

/// Mail deliveries per round of the sending job.
pub const BATCH: i64 = 50;

/// An SMTP connection pool and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer of `config`, or `None` when `smtp_url` is not set.
    pub fn from_config(config: &Config) -> Result<Option<Mailer>, ConfigError> {
        let Some(url) = &config.smtp_url else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
            .map_err(|error| ConfigError::invalid("smtp_url", format!("cannot be used: {error}")))?
            .timeout(Some(StdDuration::from_secs(30)))
            .build();
        Ok(Some(Mailer {
            transport,
            from: config.mail_sender(),
        }))
    }

    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| "the recipient's address cannot be used".to_owned())?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|error| format!("cannot build the message: {error}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| smtp_problem(&error))
    }
}

/// What went wrong in SMTP terms, for the log and the outbox, without the
/// server's reply text (it may name the recipient, e.g. "550 <anna@…>:
/// mailbox unavailable").
fn smtp_problem(error: &lettre::transport::smtp::Error) -> String {
    let kind = if error.is_permanent() {
        "the SMTP server refused the message"
    } else if error.is_transient() {
        "the SMTP server asked to try again later"
    } else if error.is_timeout() {
        "the SMTP server did not answer in time"
    } else if error.is_tls() {
        "the TLS connection to the SMTP server failed"
    } else {
        "the SMTP server could not be reached or answered unexpectedly"
    };
    match error.status() {
        Some(code) => format!("{kind} (code {code})"),
        None => kind.to_owned(),
    }
}

/// The pause before attempt number `attempts + 1`.
pub fn retry_after(attempts: i32) -> Duration {
    let minutes = 2_i64.saturating_pow(u32::try_from(attempts.clamp(1, 20)).unwrap_or(1));
    Duration::minutes(minutes.min(360))
}

/// What one round of sending did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SendReport {
    pub sent: usize,
    pub failed: usize,
}

/// Sends the outbox's due mail (at most [`BATCH`]). Rows being sent are
/// locked, so two servers never send the same mail.
pub async fn send_due(
    pool: &PgPool,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> sqlx::Result<SendReport> {
    let mut tx = pool.begin().await?;
    let due = sqlx::query!(
        "SELECT id, to_address, subject, body, attempts FROM mail_outbox
         WHERE sent_at IS NULL AND next_attempt_at <= $1
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED",
        now,
        BATCH
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut report = SendReport::default();
    for mail in due {
        match mailer
            .send(&mail.to_address, &mail.subject, &mail.body)
            .await
        {
            Ok(()) => {
                sqlx::query!(
                    "UPDATE mail_outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1",
                    mail.id,
                    now
                )
                .execute(&mut *tx)
                .await?;
                report.sent += 1;
            }
            Err(error) => {
                let attempts = mail.attempts + 1;
                tracing::error!(mail = mail.id, attempts, error = %error, "cannot send an e-mail; it stays in the outbox");
                sqlx::query!(
                    "UPDATE mail_outbox SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1",
                    mail.id,
                    attempts,
                    error,
                    now + retry_after(attempts)
                )
                .execute(&mut *tx)
                .await?;
                report.failed += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_up_to_six_hours() {
        assert_eq!(retry_after(1), Duration::minutes(2));
        assert_eq!(retry_after(2), Duration::minutes(4));
        assert_eq!(retry_after(5), Duration::minutes(32));
        assert_eq!(retry_after(9), Duration::minutes(360));
        assert_eq!(retry_after(1000), Duration::minutes(360));
    }
}
