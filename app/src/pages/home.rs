//! The landing page: what the portal shows, what it does not, and the
//! citizen's rights, with the way in through MitID.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{use_lang, Lang};
use crate::pages::my_log::WhatTheLogDoesNotShow;
use crate::pages::rights::RightsList;
use crate::site::WithSite;

/// `/`: the public landing page (in Danish and English).
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=lang.text("home-title")/>
        <Meta name="description" content=lang.text("home-description")/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>{lang.text("home-heading")}</h1>
                <p class="font-lead">
                    <WithSite render=move |site| {
                        let who = site.map_or_else(|| lang.text("home-lead-municipality"), |s| s.municipality_name);
                        lang.text_with("home-lead", &[("municipality", who.into())])
                    }/>
                </p>
                <p>{lang.text("home-overview")}</p>
                <p class="mt-6">{next_step(lang)}</p>

                <h2>{lang.text("home-you-see")}</h2>
                <ul>
                    {["home-see-unit", "home-see-system", "home-see-when", "home-see-what", "home-see-why"]
                        .map(|key| view! { <li>{lang.text(key)}</li> })}
                </ul>
                <p>{lang.text("home-not-who")}</p>

                <WhatTheLogDoesNotShow/>

                <h2>{lang.text("home-rights")}</h2>
                <RightsList/>
            </div>
        </div>
    }
}

/// What the front page offers: sign-in to a visitor, the way on to someone
/// already signed in (never "Log ind" to them).
fn next_step(lang: Lang) -> impl IntoView {
    use crate::viewer::{use_viewer, Viewer};
    let (href, key, external) = match use_viewer() {
        Viewer::Anonymous => ("/log-ind", "home-sign-in", true),
        Viewer::Citizen { .. } => ("/min-log", "home-to-my-log", false),
        Viewer::Staff { pages, .. } if pages.queue => {
            ("/sagsbehandling", "home-to-requests", false)
        }
        Viewer::Staff { pages, .. } if pages.overview => ("/dpo", "home-to-overview", false),
        Viewer::Staff { pages, .. } if pages.control => ("/kontrol", "home-to-control", false),
        Viewer::Staff { .. } => ("/sagsbehandling/stikproever", "home-to-samples", false),
    };
    view! {
        <a class="button button-primary" href=href rel=external.then_some("external")>{lang.text(key)}</a>
    }
}
