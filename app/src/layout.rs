//! The DKFDS header and footer around every page.

use leptos::prelude::*;

use crate::site::{MailLink, SiteSettings};
use crate::viewer::{use_viewer, Viewer};

/// Name of the portal as shown in the header.
pub const PORTAL_NAME: &str = "Indblik";

/// Where the portal's name in the header leads, and what it says the portal
/// is for: to staff their own start page and their own work, to everyone
/// else what a citizen comes for.
fn tagline(viewer: &Viewer) -> (&'static str, &'static str) {
    match viewer {
        Viewer::Staff { pages, .. } if pages.casework => (
            "/sagsbehandling",
            "sagsbehandling af borgernes henvendelser",
        ),
        Viewer::Staff { pages, .. } if pages.overview => (
            "/dpo",
            "frister og adgangskontrol for databeskyttelsesrådgiveren",
        ),
        Viewer::Staff { pages, .. } if pages.queue => ("/sagsbehandling", "borgernes henvendelser"),
        _ => ("/", "se hvem der har brugt dine oplysninger"),
    }
}

/// DKFDS header: the municipality's logo (portal info) and the portal's name
/// with the authority (solution info).
#[component]
pub fn SiteHeader(
    /// The municipality's details; `None` when they could not be loaded.
    site: Option<SiteSettings>,
) -> impl IntoView {
    let name = site.as_ref().map(|s| s.municipality_name.clone());
    let logo_label = name
        .as_ref()
        .map_or_else(|| "Forside".to_owned(), |n| format!("{n}, til forsiden"));
    let logo_url = site.as_ref().and_then(|s| s.logo_url.clone());
    let logo_class = if logo_url.is_some() {
        "logo logo-image"
    } else {
        "logo logo-text"
    };
    let logo_text = name.clone().unwrap_or_else(|| PORTAL_NAME.to_owned());
    let (home, tagline) = tagline(&use_viewer());

    view! {
        <header class="header">
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <a href="/" class=logo_class aria-label=logo_label.clone()>
                        {match logo_url {
                            Some(url) => view! { <img src=url alt=""/> }.into_any(),
                            None => view! { <span>{logo_text}</span> }.into_any(),
                        }}
                    </a>
                    <SignedInUser/>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading">
                        <a href=home>{format!("{PORTAL_NAME} · {tagline}")}</a>
                    </div>
                    {name.map(|name| view! {
                        <div class="additional-info">
                            <p><strong class="authority-name">{name}</strong></p>
                        </div>
                    })}
                </div>
            </div>
            <MobileMenu/>
            <MainMenu/>
        </header>
    }
}

/// The signed-in user's own pages (address, text); nothing for anonymous
/// visitors. The desktop menu and the mobile menu show the same.
fn menu_links(viewer: &Viewer) -> Vec<(&'static str, &'static str)> {
    match viewer {
        Viewer::Anonymous => Vec::new(),
        Viewer::Citizen { .. } => vec![
            ("/min-log", "Hvem har set mine oplysninger?"),
            ("/henvendelser", "Mine henvendelser"),
            ("/henvendelser/ny", "Ny henvendelse"),
        ],
        Viewer::Staff { pages, .. } => [
            (pages.overview, "/dpo", "Overblik"),
            (pages.queue, "/sagsbehandling", "Henvendelser"),
            (
                pages.casework,
                "/sagsbehandling/registrer",
                "Registrer henvendelse",
            ),
        ]
        .into_iter()
        .filter(|(opens, _, _)| *opens)
        .map(|(_, href, text)| (href, text))
        .collect(),
    }
}

/// The menu's links as list items, the current page marked with
/// `aria-current`.
fn menu_items(links: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    links
        .into_iter()
        .map(|(href, text)| {
            let current = move || (location.pathname.get() == href).then_some("page");
            view! {
                <li><a href=href class="nav-link" aria-current=current><span>{text}</span></a></li>
            }
        })
        .collect_view()
}

/// The signed-in user's own pages, as a DKFDS main menu (shown from DKFDS's
/// large breakpoint, 992 px, up); nothing for anonymous visitors.
#[component]
fn MainMenu() -> impl IntoView {
    let links = menu_links(&use_viewer());
    (!links.is_empty()).then(|| {
        view! {
            <nav class="navigation-menu d-print-none" aria-label="Hovedmenu">
                <div class="navigation-menu-inner container">
                    <ul class="mainmenu">{menu_items(links)}</ul>
                </div>
            </nav>
        }
    })
}

/// Below 992 px (every phone, and a laptop zoomed past about 130 %) DKFDS
/// hides the main menu and the user's name with "Log af". This is the
/// mobile header's menu in their place: a disclosure (`<details>`), which
/// opens with a click, a tap or the keyboard with or without JavaScript and
/// which screen readers announce as expandable, holding the same links, the
/// user's name and the sign-out form.
#[component]
fn MobileMenu() -> impl IntoView {
    let viewer = use_viewer();
    let who = signed_in_name(&viewer)?;
    let links = menu_links(&viewer);
    // With JavaScript the header stays while the router changes the page:
    // close the menu on every change, as a page load would.
    let disclosure = NodeRef::<leptos::html::Details>::new();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(details) = disclosure.get_untracked() {
            let _ = details.remove_attribute("open");
        }
    });
    Some(view! {
        <details class="mobile-menu d-print-none" node_ref=disclosure>
            <summary class="button button-secondary">"Menu"</summary>
            <nav class="mobile-menu-content container" aria-label="Hovedmenu">
                <ul class="mobile-menu-links">{menu_items(links)}</ul>
                <div class="mobile-menu-user">
                    <p class="user">{who}</p>
                    <SignOutForm/>
                </div>
            </nav>
        </details>
    })
}

/// Who is signed in, as the header names them; `None` for anonymous visitors.
fn signed_in_name(viewer: &Viewer) -> Option<String> {
    match viewer {
        Viewer::Anonymous => None,
        Viewer::Citizen { name } => Some(name.clone()),
        Viewer::Staff { name, unit, .. } => Some(format!("{name}, {unit}")),
    }
}

/// The sign-out button: a form, so it works without JavaScript.
#[component]
fn SignOutForm() -> impl IntoView {
    view! {
        <form method="post" action="/log-ud">
            <button type="submit" class="button button-secondary d-print-none log-off">"Log af"</button>
        </form>
    }
}

/// The signed-in user's name and the sign-out button (from 992 px up);
/// nothing for anonymous visitors.
#[component]
fn SignedInUser() -> impl IntoView {
    let who = signed_in_name(&use_viewer())?;
    Some(view! {
        <div class="portal-user">
            <p class="user">{who}</p>
            <SignOutForm/>
        </div>
    })
}

/// DKFDS footer: who runs the portal, how to reach them, and the policy pages.
#[component]
pub fn SiteFooter(
    /// The municipality's details; `None` when they could not be loaded.
    site: Option<SiteSettings>,
) -> impl IntoView {
    view! {
        <footer>
            <div class="footer">
                <div class="container">
                    <div class="row">
                        <div class="col-12 col-md-6 footer-col">
                            <section aria-label="Kontakt">
                                {site.map(|site| {
                                    view! {
                                        <p class="h5 mb-3">{site.municipality_name}</p>
                                        <ul class="unstyled-list">
                                            <li>
                                                "Spørgsmål om portalen: "
                                                <MailLink address=site.contact_email/>
                                            </li>
                                            <li>
                                                <a href=site.municipality_url>"Kommunens hjemmeside"</a>
                                            </li>
                                        </ul>
                                    }
                                })}
                            </section>
                        </div>
                        <div class="col-12 col-md-6 footer-col">
                            <nav aria-label="Om portalen">
                                <ul class="unstyled-list">
                                    <li><a href="/om-portalen">"Om portalen"</a></li>
                                    <li><a href="/tilgaengelighedserklaering">"Tilgængelighedserklæring"</a></li>
                                    <li><a href="/privatlivspolitik">"Privatlivspolitik"</a></li>
                                    <li><a href="/medarbejder/log-ind" rel="external">"Log ind som medarbejder"</a></li>
                                </ul>
                            </nav>
                        </div>
                    </div>
                </div>
            </div>
        </footer>
    }
}
