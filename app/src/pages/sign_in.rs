//! `/log-ind/afvist`: why a sign-in was refused, in plain Danish, and what the
//! citizen can do. The sign-in itself (`/log-ind`, `/auth/callback`) is
//! handled by the server's auth routes, which send the browser here with a
//! reason code (never personal data) in `grund`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::site::{MailLink, WithSite};

/// The reasons the server's sign-in may give, and what they mean to a citizen.
fn explanation(reason: &str) -> (&'static str, &'static str) {
    match reason {
        "sikringsniveau" => (
            "Dit MitID giver ikke adgang til portalen",
            "Portalen viser oplysninger om, hvem der har brugt dine personoplysninger, og kræver derfor, at du logger ind med et MitID på et højere sikringsniveau end det, du brugte. Log ind igen med MitID-appen eller en kodeviser eller kodeoplæser.",
        ),
        "cpr" => (
            "Vi kunne ikke finde dit CPR-nummer",
            "MitID sendte ikke et gyldigt CPR-nummer, og uden det kan portalen ikke finde dine oplysninger. Det kan ske, hvis du har logget ind med et erhvervs-MitID. Prøv igen med dit private MitID.",
        ),
        "blokeret" => (
            "Log ind er spærret",
            "Der har været for mange mislykkede forsøg på at logge ind fra din forbindelse eller med dit MitID. Af hensyn til sikkerheden er flere forsøg spærret, indtil kommunen har undersøgt det. Skriv til kommunen på adressen nedenfor, så ophæver vi spærringen, når vi har talt med dig.",
        ),
        "rolle" => (
            "Du har ikke adgang som medarbejder",
            "Din bruger har ikke en rolle i portalen (sagsbehandler, databeskyttelsesrådgiver eller administrator), eller den mangler en enhed. Kontakt din leder eller it-afdelingen, hvis du skal have adgang.",
        ),
        "tofaktor" => (
            "Log ind kræver to-faktor-godkendelse",
            "Medarbejdere skal logge ind med to-faktor-godkendelse, fx med en godkendelses-app. Log ind igen, og godkend med din anden faktor.",
        ),
        "utilgaengelig" => (
            "MitID svarer ikke lige nu",
            "Portalen kunne ikke få forbindelse til MitID. Prøv igen om lidt.",
        ),
        _ => (
            "Log ind blev afbrudt",
            "Log ind kunne ikke gennemføres, fx fordi det tog for lang tid, eller fordi siden blev genindlæst undervejs. Prøv igen.",
        ),
    }
}

/// `/log-ind/afvist?grund=…`.
#[component]
pub fn SignInRefusedPage() -> impl IntoView {
    let query = use_query_map();
    let reason = query.read_untracked().get("grund").unwrap_or_default();
    let (heading, text) = explanation(&reason);
    let retry = if matches!(reason.as_str(), "rolle" | "tofaktor") {
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
