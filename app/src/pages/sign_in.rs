//! `/log-ind/afvist`: why a sign-in was refused, in plain Danish, and what the
//! citizen can do. The sign-in itself (`/log-ind`, `/auth/callback`) is
//! handled by the server's auth routes, which send the browser here with a
//! reason code (never personal data) in `grund`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

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
    /// The identity provider could not be reached.
    ProviderUnavailable,
    /// Anything else (an interrupted or expired sign-in, an internal error).
    Interrupted,
}

impl SignInRefusal {
    pub const ALL: [SignInRefusal; 7] = [
        SignInRefusal::AssuranceTooLow,
        SignInRefusal::NoCpr,
        SignInRefusal::Blocked,
        SignInRefusal::NoStaffRole,
        SignInRefusal::NoTwoFactor,
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
            SignInRefusal::NoStaffRole | SignInRefusal::NoTwoFactor
        )
    }

    /// The heading and the explanation, in plain Danish.
    fn explanation(self) -> (&'static str, &'static str) {
        match self {
            SignInRefusal::AssuranceTooLow => (
                "Dit MitID giver ikke adgang til portalen",
                "Portalen viser oplysninger om, hvem der har brugt dine personoplysninger, og kræver derfor, at du logger ind med et MitID på et højere sikringsniveau end det, du brugte. Log ind igen med MitID-appen eller en kodeviser eller kodeoplæser.",
            ),
            SignInRefusal::NoCpr => (
                "Vi kunne ikke finde dit CPR-nummer",
                "MitID sendte ikke et gyldigt CPR-nummer, og uden det kan portalen ikke finde dine oplysninger. Det kan ske, hvis du har logget ind med et erhvervs-MitID. Prøv igen med dit private MitID.",
            ),
            SignInRefusal::Blocked => (
                "Log ind er spærret",
                "Der har været for mange mislykkede forsøg på at logge ind fra din forbindelse eller med dit MitID. Af hensyn til sikkerheden er flere forsøg spærret, indtil kommunen har undersøgt det. Skriv til kommunen på adressen nedenfor, så ophæver vi spærringen, når vi har talt med dig.",
            ),
            SignInRefusal::NoStaffRole => (
                "Du har ikke adgang som medarbejder",
                "Din bruger har ikke en rolle i portalen (sagsbehandler, databeskyttelsesrådgiver eller administrator), eller den mangler en enhed. Kontakt din leder eller it-afdelingen, hvis du skal have adgang.",
            ),
            SignInRefusal::NoTwoFactor => (
                "Log ind kræver to-faktor-godkendelse",
                "Medarbejdere skal logge ind med to-faktor-godkendelse, fx med en godkendelses-app. Log ind igen, og godkend med din anden faktor.",
            ),
            SignInRefusal::ProviderUnavailable => (
                "MitID svarer ikke lige nu",
                "Portalen kunne ikke få forbindelse til MitID. Prøv igen om lidt.",
            ),
            SignInRefusal::Interrupted => (
                "Log ind blev afbrudt",
                "Log ind kunne ikke gennemføres, fx fordi det tog for lang tid, eller fordi siden blev genindlæst undervejs. Prøv igen.",
            ),
        }
    }
}

/// `/log-ind/afvist?grund=…`.
#[component]
pub fn SignInRefusedPage() -> impl IntoView {
    let query = use_query_map();
    let reason = SignInRefusal::from_code(&query.read_untracked().get("grund").unwrap_or_default());
    let (heading, text) = reason.explanation();
    let retry = if reason.is_staff() {
        "/medarbejder/log-ind"
    } else {
        "/log-ind"
    };
    view! {
        <Title text=heading/>
        <h1>{heading}</h1>
        <div class="alert alert-warning" role="alert">
            <div class="alert-body">
                <p class="alert-text">{text}</p>
            </div>
        </div>
        <p class="mt-6">
            <a class="button button-primary" href=retry rel="external">"Prøv at logge ind igen"</a>
        </p>
        <WithSite render=|site| site.map(|site| view! {
            <p>
                "Har du brug for hjælp, kan du skrive til kommunen: "
                <MailLink address=site.contact_email/>"."
            </p>
        })/>
        <p><a href="/">"Tilbage til forsiden"</a></p>
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
}
