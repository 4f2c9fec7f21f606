//! "Om portalen": what Indblik is, where its data come from and who runs it.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::use_lang;
use crate::site::{MailLink, WithSite};

/// `/om-portalen` (in Danish and English).
#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=lang.text("about-title")/>
        <Meta name="description" content=lang.text("about-description")/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>{lang.text("about-title")}</h1>
                <p class="font-lead">{lang.text("about-lead")}</p>

                <h2>{lang.text("about-source-heading")}</h2>
                <p>{lang.text("about-source")}</p>
                <p>{lang.text("about-no-names")}</p>

                <h2>{lang.text("about-how-long-heading")}</h2>
                <p>{lang.text("about-how-long")}</p>

                <h2>{lang.text("about-who-heading")}</h2>
                <ul>
                    {["about-who-citizens", "about-who-caseworkers", "about-who-dpo"]
                        .map(|key| view! { <li>{lang.text(key)}</li> })}
                </ul>
                <p>{lang.text("about-own-use")}</p>
                <p>{lang.text("about-control")}</p>

                <h2>{lang.text("about-behind-heading")}</h2>
                <WithSite render=move |site| site.map(|site| {
                    let behind = lang.text_with("about-behind", &[("municipality", site.municipality_name.into())]);
                    view! {
                        <p>{behind}" "<MailLink address=site.contact_email/>"."</p>
                    }
                })/>
            </div>
        </div>
    }
}
