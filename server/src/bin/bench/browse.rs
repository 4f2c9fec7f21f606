//! `bench browse`: people browsing a running server, as the load test
//! needs them (issue 15). Each signed-in citizen is one task with their
//! own session and their own connection (a client of their own, kept
//! alive), asks for the pages in turn, reads each answer whole, and waits
//! as people do between pages. A page that does not answer 200 (a lost
//! session would be sent to the sign-in) is an error.

use std::time::{Duration, Instant};

use openidconnect::reqwest;
use rand::Rng;

/// What the browsing people do.
pub struct Browsing {
    /// The running server, e.g. `http://127.0.0.1:3300`.
    pub url: String,
    /// One `Cookie` header value per person.
    pub cookies: Vec<String>,
    /// The pages each person asks for in turn.
    pub pages: Vec<String>,
    /// The pause between a person's pages: from, to (0, 0: none).
    pub think: (Duration, Duration),
    pub duration: Duration,
}

/// What was measured.
pub struct Browsed {
    /// Every answered page's time, sorted.
    pub latencies: Vec<Duration>,
    /// Pages that answered other than 200, or not at all.
    pub errors: usize,
    pub bytes: u64,
    pub took: Duration,
}

/// What a browser sends: the pages come compressed as for real visitors.
const ACCEPT_ENCODING: &str = "gzip, deflate, br, zstd";

/// Waits as a person does between pages, at most until `deadline`.
async fn pause(think: (Duration, Duration), deadline: Instant) {
    if think.1.is_zero() {
        return;
    }
    let pause = rand::thread_rng().gen_range(think.0..=think.1);
    tokio::time::sleep_until((Instant::now() + pause).min(deadline).into()).await;
}

/// Runs `browsing` to its end.
pub async fn browse(browsing: Browsing) -> anyhow::Result<Browsed> {
    anyhow::ensure!(!browsing.cookies.is_empty(), "no sessions to browse with");
    anyhow::ensure!(!browsing.pages.is_empty(), "no pages to ask for");
    let started = Instant::now();
    let deadline = started + browsing.duration;
    let mut people = tokio::task::JoinSet::new();
    for (person, cookie) in browsing.cookies.iter().enumerate() {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        let (cookie, pages, url, think) = (
            cookie.clone(),
            browsing.pages.clone(),
            browsing.url.clone(),
            browsing.think,
        );
        people.spawn(async move {
            let (mut latencies, mut errors, mut bytes) = (Vec::new(), 0_usize, 0_u64);
            // People are not all at the same point when the measurement
            // starts: each begins after a pause of their own.
            pause(think, deadline).await;
            // Each person starts at their own page.
            for page in pages.iter().cycle().skip(person % pages.len()) {
                if Instant::now() >= deadline {
                    break;
                }
                let began = Instant::now();
                let answer = client
                    .get(format!("{url}{page}"))
                    .header(reqwest::header::COOKIE, &cookie)
                    .header(reqwest::header::ACCEPT_ENCODING, ACCEPT_ENCODING)
                    .send()
                    .await;
                let ok = match answer {
                    Ok(response) => {
                        let ok = response.status() == reqwest::StatusCode::OK;
                        match response.bytes().await {
                            Ok(body) => {
                                bytes += body.len() as u64;
                                ok
                            }
                            Err(_) => false,
                        }
                    }
                    Err(_) => false,
                };
                latencies.push(began.elapsed());
                if !ok {
                    errors += 1;
                }
                pause(think, deadline).await;
            }
            (latencies, errors, bytes)
        });
    }
    let mut browsed = Browsed {
        latencies: Vec::new(),
        errors: 0,
        bytes: 0,
        took: Duration::ZERO,
    };
    while let Some(person) = people.join_next().await {
        let (latencies, errors, bytes) = person?;
        browsed.latencies.extend(latencies);
        browsed.errors += errors;
        browsed.bytes += bytes;
    }
    browsed.took = started.elapsed();
    browsed.latencies.sort();
    Ok(browsed)
}
