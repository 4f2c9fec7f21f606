//! "Privatlivspolitik": how the portal itself processes personal data. The
//! idle minutes and every retention period come from the configuration, so
//! the page says what the code does.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::use_lang;
use crate::pages::rights::{RightsList, DATATILSYNET_URL};
use crate::site::{MailLink, WithSite};

/// `/privatlivspolitik` (in Danish and English); the limits come from the
/// configuration.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lang = use_lang();
    let section = move |heading: &'static str, text: &'static str| {
        view! {
            <h2>{lang.text(heading)}</h2>
            <p>{lang.text(text)}</p>
        }
    };
    view! {
        <Title text=lang.text("privacy-title")/>
        <Meta name="description" content=lang.text("privacy-description")/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>{lang.text("privacy-heading")}</h1>
                <p class="font-lead">{lang.text("privacy-lead")}</p>

                <h2>{lang.text("privacy-controller-heading")}</h2>
                <WithSite render=move |site| site.map(|site| {
                    let controller = lang.text_with("privacy-controller", &[("municipality", site.municipality_name.into())]);
                    view! { <p>{controller}" "<MailLink address=site.dpo_email/>"."</p> }
                })/>

                <h2>{lang.text("privacy-sign-in-heading")}</h2>
                <p>{lang.text("privacy-sign-in")}</p>
                <WithSite render=move |site| site.map(|site| view! {
                    <p>{lang.text_with("privacy-cookies", &[("minutes", site.session_idle_minutes.into())])}</p>
                })/>

                {section("privacy-request-heading", "privacy-request")}
                {section("privacy-security-heading", "privacy-security")}

                <h2>{lang.text("privacy-basis-heading")}</h2>
                <ul>
                    {["privacy-basis-requests", "privacy-basis-security", "privacy-basis-cpr"]
                        .map(|key| view! { <li>{lang.text(key)}</li> })}
                </ul>

                {section("privacy-recipients-heading", "privacy-recipients")}

                <h2>{lang.text("privacy-retention-heading")}</h2>
                <WithSite render=move |site| site.map(|site| {
                    let retention = site.retention;
                    let months = |key: &str, months: u32| lang.text_with(key, &[("months", months.into())]);
                    view! {
                        <ul>
                            <li>{lang.text("privacy-retention-session")}</li>
                            <li>{months("privacy-retention-sign-ins", retention.sign_ins_months)}</li>
                            <li>{months("privacy-retention-log", site.log_retention_months)}</li>
                            <li>{lang.text("privacy-retention-requests")}</li>
                            <li>{months("privacy-retention-security", retention.security_log_months)}</li>
                            <li>{lang.text_with("privacy-retention-mail", &[("days", retention.sent_mail_days.into())])}</li>
                        </ul>
                    }
                })/>

                <h2>{lang.text("privacy-rights-heading")}</h2>
                <RightsList/>
                <p>
                    {lang.text("privacy-authority-address")}" "
                    <a href=DATATILSYNET_URL>"datatilsynet.dk"</a>"."
                </p>
            </div>
        </div>
    }
}
