//! [ssr] What the portal writes by e-mail, and the outbox it is written to
//! (sent by the server's mail job, retried until it goes through):
//! - the notice to a citizen who gave an address: only that something
//!   changed in one of their requests, and a link (no personal data);
//! - the daily digest ([`digest`]): to the DPO every open request that is
//!   overdue or due within N days, to each assignee their own such requests.
//!   Request numbers, kinds, units and deadlines only: no names, no CPR.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;

use super::overview::RequestLine;
use super::request_number;
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;

/// One e-mail to write to the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// What a mail in the outbox is (stored in `mail_outbox.kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    /// The daily deadline digest to the DPO or an assignee.
    Digest,
    /// A citizen's notice that something changed in their request.
    StatusNotice,
    /// The DPO's notice that a caseworker asks for advice, or the
    /// caseworker's that the DPO has advised.
    ConsultationNotice,
    /// The DPO's notice that a citizen or staff member was blocked.
    BlockNotice,
    /// An employee's reminder that their random sample waits for answers.
    SampleReminder,
    /// A manager's notice that a review of their unit's authorisations
    /// waits for them.
    ReviewRequest,
    /// A manager's reminder that the review's answer is late.
    ReviewReminder,
    /// The DPO's notice that units are due for a review.
    ReviewDue,
}

impl MailKind {
    pub const ALL: [MailKind; 8] = [
        MailKind::Digest,
        MailKind::StatusNotice,
        MailKind::ConsultationNotice,
        MailKind::BlockNotice,
        MailKind::SampleReminder,
        MailKind::ReviewRequest,
        MailKind::ReviewReminder,
        MailKind::ReviewDue,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            MailKind::Digest => "digest",
            MailKind::StatusNotice => "status_notice",
            MailKind::ConsultationNotice => "consultation_notice",
            MailKind::BlockNotice => "block_notice",
            MailKind::SampleReminder => "sample_reminder",
            MailKind::ReviewRequest => "review_request",
            MailKind::ReviewReminder => "review_reminder",
            MailKind::ReviewDue => "review_due",
        }
    }
}

/// Writes `mail` to the outbox inside the caller's transaction.
pub async fn enqueue(db: &mut PgConnection, mail: &Mail, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO mail_outbox (kind, to_address, subject, body, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $5)",
        mail.kind.code(),
        mail.to,
        mail.subject,
        mail.body,
        now
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Writes today's digests to the outbox, once per day (Europe/Copenhagen)
/// however often it is called and however many servers call it; returns
/// how many mails were written, or `None` when today's digest already ran.
pub async fn run_digest(
    pool: &sqlx::PgPool,
    dpo_email: &str,
    public_url: &str,
    within_days: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<usize>> {
    let today = crate::access_log::coverage::local_date(now);
    let mut tx = pool.begin().await?;
    let claimed = sqlx::query_scalar!(
        "INSERT INTO mail_digest_runs (day, ran_at, messages) VALUES ($1, $2, 0)
         ON CONFLICT (day) DO NOTHING RETURNING day",
        today,
        now
    )
    .fetch_optional(&mut *tx)
    .await?;
    if claimed.is_none() {
        return Ok(None);
    }
    let lines = super::overview::every_line(pool).await?;
    let mails = digest(&lines, dpo_email, public_url, today, within_days);
    for mail in &mails {
        enqueue(&mut tx, mail, now).await?;
    }
    sqlx::query!(
        "UPDATE mail_digest_runs SET messages = $2 WHERE day = $1",
        today,
        i32::try_from(mails.len()).unwrap_or(i32::MAX)
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(mails.len()))
}

/// How the outbox stands, for the DPO.
pub async fn health(
    pool: &sqlx::PgPool,
    _overseer: &crate::capability::Overseer,
    lang: Lang,
) -> sqlx::Result<super::views::MailHealth> {
    let row = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE sent_at IS NULL) AS "waiting!",
                  count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0) AS "failing!",
                  min(created_at) FILTER (WHERE sent_at IS NULL) AS oldest,
                  (SELECT max(day) FROM mail_digest_runs) AS last_digest
           FROM mail_outbox"#
    )
    .fetch_one(pool)
    .await?;
    Ok(super::views::MailHealth {
        waiting: usize::try_from(row.waiting).unwrap_or(0),
        failing: usize::try_from(row.failing).unwrap_or(0),
        oldest_waiting: row.oldest.map(|at| moment_text(lang, at)),
        last_digest: row.last_digest.map(|day| date_text(lang, day)),
    })
}

/// The notice to a citizen that request `id` changed, in `lang` (the
/// language the citizen filed it in).
pub fn status_notice(to: &str, public_url: &str, id: i64, lang: Lang) -> Mail {
    let base = public_url.trim_end_matches('/');
    Mail {
        kind: MailKind::StatusNotice,
        to: to.to_owned(),
        subject: lang.text("mail-notice-subject"),
        body: paragraphs(&[
            lang.text("mail-notice-news"),
            format!(
                "{}\n{base}/henvendelser/{id}",
                lang.text("mail-notice-sign-in")
            ),
            lang.text("mail-notice-why"),
        ]),
    }
}

/// Who a consultation notice goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consulted {
    /// The DPO, asked for advice.
    Dpo,
    /// The caseworker who asked, now advised.
    Caseworker,
}

/// The notice that a consultation on request `id` waits for `to` (the DPO,
/// asked; the caseworker, advised): the request's number and a link to the
/// page that opens it, nothing about the citizen.
pub fn consultation_notice(
    to: &str,
    public_url: &str,
    id: i64,
    consulted: Consulted,
    lang: Lang,
) -> Mail {
    let base = public_url.trim_end_matches('/');
    let (subject, news) = match consulted {
        Consulted::Dpo => ("mail-consultation-asked-subject", "mail-consultation-asked"),
        Consulted::Caseworker => (
            "mail-consultation-advised-subject",
            "mail-consultation-advised",
        ),
    };
    let number = request_number(id);
    Mail {
        kind: MailKind::ConsultationNotice,
        to: to.to_owned(),
        subject: lang.text_with(subject, &[("number", number.clone().into())]),
        body: paragraphs(&[
            lang.text_with(news, &[("number", number.into())]),
            format!("{base}/sagsbehandling/{id}/aabn"),
        ]),
    }
}

/// Paragraphs of a plain-text mail.
fn paragraphs(parts: &[String]) -> String {
    parts.join("\n\n")
}

/// The digests of `today`: one to `dpo_email` (also when nothing is due, so
/// the DPO knows the digest runs) and one to each assignee with an address
/// who has open requests overdue or due within `within_days`.
pub fn digest(
    lines: &[RequestLine],
    dpo_email: &str,
    public_url: &str,
    today: NaiveDate,
    within_days: i64,
) -> Vec<Mail> {
    let base = public_url.trim_end_matches('/');
    let mut urgent: Vec<&RequestLine> = lines
        .iter()
        .filter(|line| line.status.is_open() && line.days_left(today) <= within_days)
        .collect();
    urgent.sort_by_key(|line| (line.deadline.in_force(), line.id));
    let describe = |line: &&RequestLine, lang: Lang| {
        let days = line.days_left(today);
        let which = match days {
            0 => "mail-digest-today",
            days if days < 0 => "mail-digest-overdue",
            _ => "mail-digest-left",
        };
        let left = lang.text_with(which, &[("days", days.abs().into())]);
        let deadline = lang.text_with(
            "mail-digest-deadline",
            &[("date", date_text(lang, line.deadline.in_force()).into())],
        );
        format!(
            "- {} ({}, {}): {deadline} – {left}\n  {base}/sagsbehandling/{}",
            request_number(line.id),
            line.kind.label(lang),
            line.unit,
            line.id
        )
    };
    let overdue = urgent.iter().filter(|line| line.overdue(today)).count();
    let soon = urgent.len() - overdue;
    let list = |lines: &[&RequestLine], lang: Lang| {
        lines
            .iter()
            .map(|line| describe(line, lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let today_in = |lang: Lang| date_text(lang, today);
    // The DPO's mailbox is the municipality's own, written to in Danish.
    let lang = Lang::Da;
    let window = [("days", within_days.into())];
    let mut mails = vec![Mail {
        kind: MailKind::Digest,
        to: dpo_email.to_owned(),
        subject: lang.text_with(
            "mail-digest-dpo-subject",
            &[
                ("today", today_in(lang).into()),
                ("overdue", overdue.into()),
                ("soon", soon.into()),
                ("days", within_days.into()),
            ],
        ),
        body: if urgent.is_empty() {
            paragraphs(&[
                lang.text_with("mail-digest-dpo-none", &window),
                lang.text_with(
                    "mail-digest-overview",
                    &[("link", format!("{base}/dpo").into())],
                ),
            ])
        } else {
            paragraphs(&[
                lang.text_with("mail-digest-dpo-some", &window),
                list(&urgent, lang),
                lang.text_with(
                    "mail-digest-overview",
                    &[("link", format!("{base}/dpo").into())],
                ),
            ])
        },
    }];
    let mut by_assignee: BTreeMap<&str, (Lang, Vec<&RequestLine>)> = BTreeMap::new();
    for line in &urgent {
        if let Some(email) = line.assignee_email.as_deref() {
            by_assignee
                .entry(email)
                .or_insert_with(|| (line.assignee_lang, Vec::new()))
                .1
                .push(line);
        }
    }
    for (email, (lang, lines)) in by_assignee {
        let count = lines.len();
        mails.push(Mail {
            kind: MailKind::Digest,
            to: email.to_owned(),
            subject: lang.text_with(
                "mail-digest-own-subject",
                &[("today", today_in(lang).into()), ("count", count.into())],
            ),
            body: paragraphs(&[
                lang.text_with("mail-digest-own", &window),
                list(&lines, lang),
                lang.text_with(
                    "mail-digest-queue",
                    &[("link", format!("{base}/sagsbehandling?mine=ja").into())],
                ),
            ]),
        });
    }
    mails
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::{Kind, Status};
    use chrono::TimeZone;

    fn line(id: i64, status: Status, due: &str, assignee: Option<&str>) -> RequestLine {
        let due = NaiveDate::parse_from_str(due, "%Y-%m-%d").unwrap();
        RequestLine {
            id,
            kind: Kind::Access,
            status,
            unit: "Borgerservice".to_owned(),
            citizen_name: "Anna Testesen".to_owned(),
            assignee: assignee.map(|_| "Sara".to_owned()),
            assignee_email: assignee.map(str::to_owned),
            assignee_lang: if assignee == Some("kim@eksempel.dk") {
                Lang::En
            } else {
                Lang::Da
            },
            received_at: Utc.with_ymd_and_hms(2026, 10, 20, 9, 0, 0).unwrap(),
            deadline: crate::requests::deadline::RequestDeadline {
                due_on: due,
                extendable_to: due + chrono::Duration::days(61),
                extended: false,
            },
            decided_at: None,
        }
    }

    #[test]
    fn the_digest_lists_overdue_and_soon_due_open_requests_to_the_right_people() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let lines = vec![
            line(
                1,
                Status::InProgress,
                "2026-11-20",
                Some("sara@eksempel.dk"),
            ),
            line(2, Status::Received, "2026-11-30", None),
            line(
                3,
                Status::InProgress,
                "2026-12-01",
                Some("sara@eksempel.dk"),
            ),
            line(4, Status::Answered, "2026-11-21", Some("sara@eksempel.dk")),
            line(
                5,
                Status::AwaitingCitizen,
                "2026-11-23",
                Some("kim@eksempel.dk"),
            ),
        ];
        let mails = digest(
            &lines,
            "dpo@eksempel.dk",
            "https://indblik.eksempel.dk/",
            today,
            7,
        );
        assert_eq!(mails.len(), 3);
        let dpo = &mails[0];
        assert_eq!(dpo.to, "dpo@eksempel.dk");
        assert_eq!(
            dpo.subject,
            "Indblik 23. november 2026: 1 overskreden frist, 2 inden for 7 dage"
        );
        let order: Vec<usize> = ["H-000001", "H-000005", "H-000002"]
            .iter()
            .map(|n| dpo.body.find(n).unwrap())
            .collect();
        assert!(
            order.windows(2).all(|pair| pair[0] < pair[1]),
            "by deadline"
        );
        assert!(dpo.body.contains("3 dage over fristen") && dpo.body.contains("frist i dag"));
        assert!(dpo
            .body
            .contains("https://indblik.eksempel.dk/sagsbehandling/2"));
        assert!(!dpo.body.contains("H-000003"), "due in 8 days");
        assert!(!dpo.body.contains("H-000004"), "answered");
        assert!(!dpo.body.contains("Anna"), "no names in mail");
        let kim = mails
            .iter()
            .find(|mail| mail.to == "kim@eksempel.dk")
            .unwrap();
        assert!(kim.body.contains("H-000005") && !kim.body.contains("H-000001"));
        // Kim reads the portal in English, and gets the digest in English.
        assert_eq!(
            kim.subject,
            "Indblik 23 November 2026: 1 of your requests is due soon"
        );
        assert!(kim
            .body
            .contains("Access (indsigt), Borgerservice): deadline 23 November 2026 – due today"));
        let sara = mails
            .iter()
            .find(|mail| mail.to == "sara@eksempel.dk")
            .unwrap();
        assert!(sara.body.contains("H-000001") && !sara.body.contains("H-000003"));
    }

    #[test]
    fn the_dpo_hears_from_the_digest_even_on_a_quiet_day() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mails = digest(&[], "dpo@eksempel.dk", "http://127.0.0.1:3000", today, 7);
        assert_eq!(mails.len(), 1);
        assert!(mails[0].body.starts_with("Ingen åbne henvendelser"));
    }

    #[test]
    fn a_citizen_notice_says_only_that_something_changed() {
        let mail = status_notice(
            "anna@eksempel.dk",
            "https://indblik.eksempel.dk",
            42,
            Lang::Da,
        );
        assert_eq!(mail.subject, "Der er nyt i din henvendelse");
        let english = status_notice(
            "anna@eksempel.dk",
            "https://indblik.eksempel.dk",
            42,
            Lang::En,
        );
        assert_eq!(english.subject, "There is news in your request");
        assert!(english
            .body
            .contains("https://indblik.eksempel.dk/henvendelser/42"));
        assert!(mail
            .body
            .contains("https://indblik.eksempel.dk/henvendelser/42"));
        assert!(!mail.body.contains("H-000042"));
    }
}
