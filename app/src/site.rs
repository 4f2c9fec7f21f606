//! What the page frame says about the municipality that runs the portal: its
//! name, logo and contact addresses. Set by the operator in configuration and
//! handed to every page through [`load_site_settings`].

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The municipality's public details, shown in the header, footer and policy pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    /// Name of the municipality, e.g. "Eksempel Kommune".
    pub municipality_name: String,
    /// The municipality's own website.
    pub municipality_url: String,
    /// URL of the logo shown in the header; DKFDS's placeholder when absent.
    pub logo_url: Option<String>,
    /// Where citizens write with questions about the portal.
    pub contact_email: String,
    /// The data protection officer's address.
    pub dpo_email: String,
}

/// The municipality's public details for the page frame.
#[server(endpoint = "site-settings")]
pub async fn load_site_settings() -> Result<SiteSettings, AppError> {
    let state = crate::state::app_state()?;
    Ok(state.site.as_ref().clone())
}

/// The settings resource, loaded once per page and shared through context.
#[derive(Clone, Copy)]
pub struct SiteResource(pub OnceResource<Result<SiteSettings, AppError>>);

/// Starts loading the settings and makes them available to [`WithSite`].
pub fn provide_site_settings() {
    provide_context(SiteResource(OnceResource::new_blocking(
        load_site_settings(),
    )));
}

/// Renders `render` with the municipality's details, or with `None` when they
/// could not be loaded (the cause is in the server log).
#[component]
pub fn WithSite<F, V>(render: F) -> impl IntoView
where
    F: Fn(Option<SiteSettings>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let resource = use_context::<SiteResource>();
    view! {
        <Suspense>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let site = match resource {
                        Some(SiteResource(resource)) => resource.await.ok(),
                        None => None,
                    };
                    render(site)
                })
            }}
        </Suspense>
    }
}
