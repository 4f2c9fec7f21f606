//! What the page frame says about the municipality that runs the portal: its
//! name, logo and contact addresses. Set by the operator in configuration.
//!
//! On the server the settings are put into context for every request; the
//! page frame is server-rendered HTML, so the browser never needs them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The municipality's public details, shown in the header, footer and policy pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    /// Name of the municipality, e.g. "Eksempel Kommune".
    pub municipality_name: String,
    /// The municipality's own website.
    pub municipality_url: String,
    /// URL of the logo shown in the header; the name as text when absent.
    pub logo_url: Option<String>,
    /// Where citizens write with questions about the portal.
    pub contact_email: String,
    /// The data protection officer's address.
    pub dpo_email: String,
    /// Minutes without activity before a signed-in user is signed out.
    pub session_idle_minutes: u32,
    /// Months the access log keeps events.
    pub log_retention_months: u32,
    /// How long the portal keeps its own records.
    pub retention: RecordRetention,
}

/// How long the portal keeps its own records (the privacy page says so, and
/// the server's retention job deletes what is older).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRetention {
    /// Rejected access attempts, and blocks once lifted or expired.
    pub security_log_months: u32,
    /// Successful sign-ins (time, address, who).
    pub sign_ins_months: u32,
    /// Mail once sent (the outbox's copy).
    pub sent_mail_days: u32,
}

/// The settings of this render, `None` only if they were never provided.
pub fn use_site() -> Option<SiteSettings> {
    use_context::<SiteSettings>()
}

/// Renders `render` with the municipality's details (or `None` when they are
/// missing, which the frame handles by showing less).
#[component]
pub fn WithSite<F, V>(render: F) -> impl IntoView
where
    F: FnOnce(Option<SiteSettings>) -> V,
    V: IntoView + 'static,
{
    render(use_site())
}

/// A `mailto:` link showing the address itself.
#[component]
pub fn MailLink(address: String) -> impl IntoView {
    let href = format!("mailto:{address}");
    view! { <a href=href>{address}</a> }
}
