//! The warning before an idle sign-out. The server ends a session after the
//! configured minutes without requests; two minutes before that, the page
//! says so and offers to stay signed in (a request that renews the session).
//! When the time has run out, the page leaves for the signed-out page, so
//! nothing it showed stays on the screen. Page changes and typing in a form
//! count as activity: the timer starts again, and typing renews the session
//! (at most once a minute), so a long answer is not lost to the idle limit.
//!
//! This needs JavaScript; without it the shell's `<noscript>` refresh takes
//! the page away at the same time, and the server signs the user out on time
//! either way.

use leptos::prelude::*;

use crate::error::AppError;
use crate::site::use_site;
use crate::viewer::{use_viewer, Viewer};

/// Minutes before the sign-out that the warning appears.
const WARN_BEFORE_MINUTES: u32 = 2;

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

/// The warning, shown only to signed-in users with JavaScript.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let signed_in = use_viewer() != Viewer::Anonymous;
    let lang = crate::i18n::use_lang();
    let idle_minutes = use_site().map_or(15, |site| site.session_idle_minutes);
    let state = RwSignal::new(IdleState::Active);
    // Bumped at every renewal, so timers from before it do nothing.
    let generation = StoredValue::new(0_u32);

    let arm = move || {
        let current = generation.get_value() + 1;
        generation.set_value(current);
        state.set(IdleState::Active);
        let minutes = |m: u32| std::time::Duration::from_secs(u64::from(m) * 60);
        set_timeout(
            move || {
                if generation.get_value() == current {
                    state.set(IdleState::Warned);
                }
            },
            minutes(idle_minutes.saturating_sub(WARN_BEFORE_MINUTES)),
        );
        set_timeout(
            move || {
                if generation.get_value() == current {
                    state.set(IdleState::SignedOut);
                }
            },
            minutes(idle_minutes),
        );
    };
    let stay = Action::new(move |_: &()| async move {
        match keep_session_alive().await {
            Ok(true) => arm(),
            _ => state.set(IdleState::SignedOut),
        }
    });
    if signed_in {
        // A page change loads the new page's data from the server, which
        // renews the session: the timer starts again with it.
        let location = leptos_router::hooks::use_location();
        Effect::new(move |_| {
            location.pathname.track();
            arm();
        });
        // Typing into a form is activity the server does not see: it
        // renews the session, at most once per [`TYPING_RENEWS_EVERY`].
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
    }

    move || {
        match state.get() {
        IdleState::Active => None,
        IdleState::Warned => Some(
            view! {
                <div class="container mt-4">
                    <div class="alert alert-warning" role="alert">
                        <div class="alert-body">
                            <p class="alert-heading">{lang.text("idle-heading")}</p>
                            <p class="alert-text">
                                {lang.text_with("idle-text", &[
                                    ("idle", idle_minutes.saturating_sub(WARN_BEFORE_MINUTES).into()),
                                    ("left", WARN_BEFORE_MINUTES.into()),
                                ])}
                            </p>
                            <button type="button" class="button button-primary" on:click=move |_| {
                                stay.dispatch(());
                            }>{lang.text("idle-stay")}</button>
                        </div>
                    </div>
                </div>
            }
            .into_any(),
        ),
        IdleState::SignedOut => {
            leave_for_signed_out_page();
            None
        }
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
