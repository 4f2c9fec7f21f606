//! `/log-ind` before an identity provider is configured: tells the citizen
//! plainly that sign-in is not open yet. The MitID sign-in replaces this route.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site::{MailLink, WithSite};

/// `/log-ind` while no MitID broker is configured.
#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <Title text="Log ind"/>
        <h1>"Log ind med MitID"</h1>
        <div class="alert alert-info" role="status">
            <div class="alert-body">
                <p class="alert-heading">"Log ind er ikke åbnet endnu"</p>
                <p class="alert-text">
                    "Kommunen har endnu ikke koblet portalen til MitID. Du kan læse om portalen og dine rettigheder uden at logge ind."
                </p>
            </div>
        </div>
        <WithSite render=|site| site.map(|site| {
            view! {
                <p class="mt-6">
                    "Vil du bruge dine rettigheder nu, kan du skrive til kommunen: "
                    <MailLink address=site.contact_email/>"."
                </p>
            }
        })/>
        <p><a href="/">"Tilbage til forsiden"</a></p>
    }
}
