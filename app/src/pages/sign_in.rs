//! `/log-ind/afvist`: why a sign-in was refused, in plain words (Danish or
//! English), and what the
//! citizen can do. The sign-in itself (`/log-ind`, `/auth/callback`) is
//! handled by the server's auth routes, which send the browser here with a
//! reason code (never personal data) in `grund`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::use_lang;
use crate::site::{MailLink, WithSite};

/// Why a sign-in was refused, as the user is told: the server's sign-in
/// sends the browser to [`SignInRefusal::path`], this page explains it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInRefusal {
    /// The MitID was used at too low an assurance level.
    AssuranceTooLow,
    /// No valid CPR number came with the sign-in.
    NoCpr,
    /// The address or identity is blocked after repeated rejections.
    Blocked,
    /// A staff member without a known role or a unit.
    NoStaffRole,
    /// A staff member without two-factor authentication.
    NoTwoFactor,
    /// A staff member whose access an authorisation review removed.
    Deactivated,
    /// The identity provider could not be reached.
    ProviderUnavailable,
    /// Anything else (an interrupted or expired sign-in, an internal error).
    Interrupted,
}

impl SignInRefusal {
    pub const ALL: [SignInRefusal; 8] = [
        SignInRefusal::AssuranceTooLow,
        SignInRefusal::NoCpr,
        SignInRefusal::Blocked,
        SignInRefusal::NoStaffRole,
        SignInRefusal::NoTwoFactor,
        SignInRefusal::Deactivated,
        SignInRefusal::ProviderUnavailable,
        SignInRefusal::Interrupted,
    ];

    /// The code in `grund` (never personal data).
    pub fn code(self) -> &'static str {
        match self {
            SignInRefusal::AssuranceTooLow => "sikringsniveau",
            SignInRefusal::NoCpr => "cpr",
            SignInRefusal::Blocked => "blokeret",
            SignInRefusal::NoStaffRole => "rolle",
            SignInRefusal::NoTwoFactor => "tofaktor",
            SignInRefusal::Deactivated => "fjernet",
            SignInRefusal::ProviderUnavailable => "utilgaengelig",
            SignInRefusal::Interrupted => "fejl",
        }
    }

    /// The refusal named by `code`; anything unknown reads as interrupted.
    pub fn from_code(code: &str) -> SignInRefusal {
        SignInRefusal::ALL
            .into_iter()
            .find(|refusal| refusal.code() == code)
            .unwrap_or(SignInRefusal::Interrupted)
    }

    /// Where the browser is sent.
    pub fn path(self) -> String {
        format!("/log-ind/afvist?grund={}", self.code())
    }

    /// Whether the refused user signs in again as staff.
    fn is_staff(self) -> bool {
        matches!(
            self,
            SignInRefusal::NoStaffRole | SignInRefusal::NoTwoFactor | SignInRefusal::Deactivated
        )
    }

    /// The keys of the heading and the explanation.
    fn explanation(self) -> (&'static str, &'static str) {
        match self {
            SignInRefusal::AssuranceTooLow => ("refused-assurance-heading", "refused-assurance"),
            SignInRefusal::NoCpr => ("refused-cpr-heading", "refused-cpr"),
            SignInRefusal::Blocked => ("refused-blocked-heading", "refused-blocked"),
            SignInRefusal::NoStaffRole => ("refused-role-heading", "refused-role"),
            SignInRefusal::NoTwoFactor => ("refused-two-factor-heading", "refused-two-factor"),
            SignInRefusal::Deactivated => ("refused-removed-heading", "refused-removed"),
            SignInRefusal::ProviderUnavailable => {
                ("refused-unavailable-heading", "refused-unavailable")
            }
            SignInRefusal::Interrupted => ("refused-interrupted-heading", "refused-interrupted"),
        }
    }
}

/// `/log-ind/afvist?grund=…`.
#[component]
pub fn SignInRefusedPage() -> impl IntoView {
    let query = use_query_map();
    let reason = SignInRefusal::from_code(&query.read_untracked().get("grund").unwrap_or_default());
    let lang = use_lang();
    let (heading, text) = reason.explanation();
    let (heading, text) = (lang.text(heading), lang.text(text));
    let retry = if reason.is_staff() {
        "/medarbejder/log-ind"
    } else {
        "/log-ind"
    };
    view! {
        <Title text=heading.clone()/>
        <h1>{heading}</h1>
        <div class="alert alert-warning" role="alert">
            <div class="alert-body">
                <p class="alert-text">{text}</p>
            </div>
        </div>
        <p class="mt-6">
            <a class="button button-primary" href=retry>{lang.text("refused-retry")}</a>
        </p>
        <WithSite render=move |site| site.map(|site| view! {
            <p>
                {lang.text("refused-help")}" "
                <MailLink address=site.contact_email/>"."
            </p>
        })/>
        <p><a href="/">{lang.text("refused-front")}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_reads_back_and_anything_else_is_an_interruption() {
        for refusal in SignInRefusal::ALL {
            assert_eq!(SignInRefusal::from_code(refusal.code()), refusal);
        }
        assert_eq!(
            SignInRefusal::from_code("<script>"),
            SignInRefusal::Interrupted
        );
    }

    #[test]
    fn every_refusal_is_explained_in_every_language() {
        for refusal in SignInRefusal::ALL {
            let (heading, text) = refusal.explanation();
            for lang in crate::i18n::Lang::ALL {
                assert!(
                    lang.has(heading) && lang.has(text),
                    "{refusal:?} in {lang:?}"
                );
            }
        }
    }
}
