//! The landing page: what the portal shows, what it does not, and the
//! citizen's rights, with the way in through MitID.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::pages::my_log::WhatTheLogDoesNotShow;
use crate::pages::rights::RightsList;
use crate::site::WithSite;

/// `/`: the public landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Forside"/>
        <Meta name="description" content="Se hvilke enheder i kommunen der har brugt dine personoplysninger, i hvilket system, hvornår og til hvad, og bed om indsigt, berigtigelse eller sletning."/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>"Se hvem der har brugt dine oplysninger"</h1>
                <p class="font-lead">
                    <WithSite render=|site| {
                        let who = site.map_or_else(|| "Kommunen".to_owned(), |s| s.municipality_name);
                        format!(
                            "{who} bruger oplysninger om dig, når du fx søger om en ydelse, har en sag i jobcentret eller får hjemmepleje. \
                             Hver gang en medarbejder slår dig op eller ændrer dine oplysninger i et af kommunens it-systemer, bliver det skrevet i en log."
                        )
                    }/>
                </p>
                <p>"I Indblik kan du se et overblik over den log og bruge dine rettigheder, hvis du vil vide mere eller er uenig."</p>
                <p class="mt-6">{next_step()}</p>

                <h2>"Det kan du se"</h2>
                <ul>
                    <li>"hvilken enhed i kommunen der har brugt dine oplysninger"</li>
                    <li>"i hvilket it-system det skete"</li>
                    <li>"hvornår det skete"</li>
                    <li>"hvad der blev gjort, fx om oplysningerne blev slået op, ændret eller udskrevet"</li>
                    <li>"hvorfor, altså hvilken opgave oplysningerne blev brugt til"</li>
                </ul>
                <p>
                    "Du kan ikke se navnet på den enkelte medarbejder. Efter Datatilsynets praksis har du ret til at vide, "
                    "hvilken enhed i kommunen der har brugt dine oplysninger, men ikke hvilken medarbejder."
                </p>

                <WhatTheLogDoesNotShow/>

                <h2>"Dine rettigheder"</h2>
                <RightsList/>
            </div>
        </div>
    }
}

/// What the front page offers: sign-in to a visitor, the way on to someone
/// already signed in (never "Log ind" to them).
fn next_step() -> impl IntoView {
    use crate::viewer::{use_viewer, Viewer};
    match use_viewer() {
        Viewer::Anonymous => view! {
            <a class="button button-primary" href="/log-ind" rel="external">"Log ind med MitID"</a>
        }
        .into_any(),
        Viewer::Citizen { .. } => view! {
            <a class="button button-primary" href="/min-log">"Se hvem der har brugt dine oplysninger"</a>
        }
        .into_any(),
        Viewer::Staff { pages, .. } => {
            let (href, text) = if pages.queue {
                ("/sagsbehandling", "Til henvendelserne")
            } else {
                ("/dpo", "Til overblikket")
            };
            view! { <a class="button button-primary" href=href>{text}</a> }.into_any()
        }
    }
}
