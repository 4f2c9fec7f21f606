//! The warning before an idle sign-out. The server ends a session after the
//! configured minutes without requests; two minutes before that, the page
//! says so and offers to stay signed in (a request that renews the session).
//! When the time has run out, the page leaves for the signed-out page, so
//! nothing it showed stays on the screen. Every page load starts the timer
//! again (the request renewed the session), and typing in a form is activity
//! too: it renews the session (at most once a minute), so a long answer is
//! not lost to the idle limit.
//!
//! The warning is the portal's one island: the only component whose code
//! goes to the browser (`docs/decisions.md`, "Islands"). It gets its texts
//! and the limit as props from the server, so the browser needs neither the
//! translations nor the settings. Without JavaScript the shell's
//! `<noscript>` refresh takes the page away at the same time, and the server
//! signs the user out on time either way.

use leptos::prelude::*;

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::site::use_site;
use crate::viewer::{use_viewer, Viewer};

/// Minutes before the sign-out that the warning appears.
const WARN_BEFORE_MINUTES: u32 = 2;

/// The server moves a session's end only when it would move by more than
/// this many seconds (`server::auth::session::renew_when_due`), so a session
/// may end up to this long before the idle limit counted from the last
/// request; the timer here counts with it.
pub const RENEWAL_STEP_SECONDS: u32 = 10;

/// While someone types, how often the session is renewed.
const TYPING_RENEWS_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Renews the caller's session (any request does; this one says whether
/// there still is a signed-in user to renew).
#[server(endpoint = "session/keep-alive")]
pub async fn keep_session_alive() -> Result<bool, AppError> {
    Ok(!matches!(
        crate::caller::Caller::current(),
        crate::caller::Caller::Anonymous
    ))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum IdleState {
    Active,
    Warned,
    SignedOut,
}

/// What the warning says, in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdleTexts {
    pub heading: String,
    pub text: String,
    pub stay: String,
}

/// The warning for the signed-in user of this page; nothing for visitors.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let signed_in = use_viewer() != Viewer::Anonymous;
    signed_in.then(|| {
        let lang = crate::i18n::use_lang();
        let idle_minutes = use_site().map_or(15, |site| site.session_idle_minutes);
        let texts = IdleTexts {
            heading: lang.text("idle-heading"),
            text: lang.text_with(
                "idle-text",
                &[
                    (
                        "idle",
                        idle_minutes.saturating_sub(WARN_BEFORE_MINUTES).into(),
                    ),
                    ("left", WARN_BEFORE_MINUTES.into()),
                ],
            ),
            stay: lang.text("idle-stay"),
        };
        let signs_out_after_seconds = (idle_minutes * 60).saturating_sub(RENEWAL_STEP_SECONDS);
        view! { <IdleTimer signs_out_after_seconds texts/> }
    })
}

/// The timer and the warning it shows, in the browser.
#[island]
fn IdleTimer(signs_out_after_seconds: u32, texts: IdleTexts) -> impl IntoView {
    let state = RwSignal::new(IdleState::Active);
    // Bumped at every renewal, so timers from before it do nothing.
    let generation = StoredValue::new(0_u32);

    let arm = move || {
        let current = generation.get_value() + 1;
        generation.set_value(current);
        state.set(IdleState::Active);
        let seconds = |s: u32| std::time::Duration::from_secs(u64::from(s));
        set_timeout(
            move || {
                if generation.get_value() == current {
                    state.set(IdleState::Warned);
                }
            },
            seconds(signs_out_after_seconds.saturating_sub(WARN_BEFORE_MINUTES * 60)),
        );
        set_timeout(
            move || {
                if generation.get_value() == current {
                    state.set(IdleState::SignedOut);
                }
            },
            seconds(signs_out_after_seconds),
        );
    };
    let stay = Action::new(move |_: &()| async move {
        match keep_session_alive().await {
            Ok(true) => arm(),
            _ => state.set(IdleState::SignedOut),
        }
    });
    // Effects run in the browser only: the timer starts when the page has
    // loaded (its request renewed the session).
    Effect::new(move |_| arm());
    // Typing into a form is activity the server does not see: it renews
    // the session, at most once per [`TYPING_RENEWS_EVERY`].
    let renewed_lately = StoredValue::new(false);
    Effect::new(move |_| {
        let listener = window_event_listener(leptos::ev::input, move |_| {
            if renewed_lately.get_value() || state.get_untracked() == IdleState::SignedOut {
                return;
            }
            renewed_lately.set_value(true);
            set_timeout(move || renewed_lately.set_value(false), TYPING_RENEWS_EVERY);
            stay.dispatch(());
        });
        on_cleanup(move || listener.remove());
    });

    move || match state.get() {
        IdleState::Active => None,
        IdleState::Warned => Some(view! {
            <div class="container mt-4">
                <div class="alert alert-warning" role="alert">
                    <div class="alert-body">
                        <p class="alert-heading">{texts.heading.clone()}</p>
                        <p class="alert-text">{texts.text.clone()}</p>
                        <button type="button" class="button button-primary" on:click=move |_| {
                            stay.dispatch(());
                        }>{texts.stay.clone()}</button>
                    </div>
                </div>
            </div>
        }),
        IdleState::SignedOut => {
            leave_for_signed_out_page();
            None
        }
    }
}

/// Replaces the page (and its history entry) with the signed-out page.
fn leave_for_signed_out_page() {
    let target = format!(
        "{}?grund=inaktiv",
        crate::pages::signed_out::SIGNED_OUT_PATH
    );
    if let Err(error) = window().location().replace(&target) {
        leptos::logging::error!("cannot leave the idle page: {error:?}");
    }
}
