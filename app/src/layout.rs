//! The DKFDS header and footer around every page.

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::site::{MailLink, SiteSettings};
use crate::text::query_value;
use crate::viewer::{use_viewer, Viewer};

/// Name of the portal as shown in the header.
pub const PORTAL_NAME: &str = "Indblik";

/// Where the portal's name in the header leads, and (the key of) what it
/// says the portal is for: to staff their own start page and their own
/// work, to everyone else what a citizen comes for.
fn tagline(viewer: &Viewer) -> (&'static str, &'static str) {
    match viewer {
        Viewer::Staff { pages, .. } if pages.casework => ("/sagsbehandling", "tagline-casework"),
        Viewer::Staff { pages, .. } if pages.overview => ("/dpo", "tagline-overview"),
        Viewer::Staff { pages, .. } if pages.queue => ("/sagsbehandling", "tagline-queue"),
        Viewer::Staff { pages, .. } if pages.control => ("/kontrol", "tagline-control"),
        Viewer::Staff { .. } => ("/sagsbehandling/stikproever", "tagline-samples"),
        _ => ("/", "tagline-citizen"),
    }
}

/// The link to the page in the other language: a plain link (it works
/// without JavaScript) that keeps the choice and comes back to this page,
/// written in the language it leads to.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let other = lang.other();
    let location = leptos_router::hooks::use_location();
    let href = move || {
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        format!("/sprog/{}?tilbage={}", other.code(), query_value(&here))
    };
    view! {
        <p class="language-switch d-print-none">
            <a href=href lang=other.code() hreflang=other.code()
                aria-label=lang.text("language-switch-label")>{lang.text("language-switch")}</a>
        </p>
    }
}

/// DKFDS header: the municipality's logo (portal info) and the portal's name
/// with the authority (solution info).
#[component]
pub fn SiteHeader(
    /// The municipality's details; `None` when they could not be loaded.
    site: Option<SiteSettings>,
    /// Whether to offer the other language (a page inside the router; the
    /// server's bare error page is not).
    #[prop(default = true)]
    language_switch: bool,
) -> impl IntoView {
    let lang = use_lang();
    let name = site.as_ref().map(|s| s.municipality_name.clone());
    let logo_label = name.as_ref().map_or_else(
        || lang.text("logo-home-plain"),
        |n| lang.text_with("logo-home", &[("municipality", n.as_str().into())]),
    );
    let logo_url = site.as_ref().and_then(|s| s.logo_url.clone());
    let logo_class = if logo_url.is_some() {
        "logo logo-image"
    } else {
        "logo logo-text"
    };
    let logo_text = name.clone().unwrap_or_else(|| PORTAL_NAME.to_owned());
    let (home, tagline) = tagline(&use_viewer());
    let tagline = lang.text(tagline);

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
                    <div class="additional-info">
                        {name.map(|name| view! { <p><strong class="authority-name">{name}</strong></p> })}
                        {language_switch.then(|| view! { <LanguageSwitch/> })}
                    </div>
                </div>
            </div>
            <MobileMenu/>
            <MainMenu/>
        </header>
    }
}

/// The signed-in user's own pages (address, key of the text); nothing for
/// anonymous visitors. The desktop menu and the mobile menu show the same.
fn menu_links(viewer: &Viewer) -> Vec<(&'static str, &'static str)> {
    match viewer {
        Viewer::Anonymous => Vec::new(),
        Viewer::Citizen { .. } => vec![
            ("/min-log", "menu-my-log"),
            ("/henvendelser", "menu-my-requests"),
            ("/henvendelser/ny", "menu-new-request"),
        ],
        Viewer::Staff { pages, .. } => [
            (pages.overview, "/dpo", "menu-overview"),
            (pages.queue, "/sagsbehandling", "menu-requests"),
            (pages.casework, "/sagsbehandling/registrer", "menu-register"),
            (pages.control, "/kontrol", "menu-control"),
            (true, "/sagsbehandling/stikproever", "menu-my-samples"),
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
    let lang = use_lang();
    links
        .into_iter()
        .map(|(href, key)| {
            let current = move || (location.pathname.get() == href).then_some("page");
            view! {
                <li><a href=href class="nav-link" aria-current=current><span>{lang.text(key)}</span></a></li>
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
            <nav class="navigation-menu d-print-none" aria-label=use_lang().text("main-menu")>
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
    Some(view! {
        <details class="mobile-menu d-print-none">
            <summary class="button button-secondary">{use_lang().text("menu")}</summary>
            <nav class="mobile-menu-content container" aria-label=use_lang().text("main-menu")>
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
            <button type="submit" class="button button-secondary d-print-none log-off">{use_lang().text("sign-out")}</button>
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
    let lang = use_lang();
    view! {
        <footer>
            <div class="footer">
                <div class="container">
                    <div class="row">
                        <div class="col-12 col-md-6 footer-col">
                            <section aria-label=lang.text("footer-contact")>
                                {site.map(|site| {
                                    view! {
                                        <p class="h5 mb-3">{site.municipality_name}</p>
                                        <ul class="unstyled-list">
                                            <li>
                                                {lang.text("footer-questions")}" "
                                                <MailLink address=site.contact_email/>
                                            </li>
                                            <li>
                                                <a href=site.municipality_url>{lang.text("footer-municipality-site")}</a>
                                            </li>
                                        </ul>
                                    }
                                })}
                            </section>
                        </div>
                        <div class="col-12 col-md-6 footer-col">
                            <nav aria-label=lang.text("footer-about-nav")>
                                <ul class="unstyled-list">
                                    <li><a href="/om-portalen">{lang.text("footer-about")}</a></li>
                                    <li><a href="/tilgaengelighedserklaering">{lang.text("footer-accessibility")}</a></li>
                                    <li><a href="/privatlivspolitik">{lang.text("footer-privacy")}</a></li>
                                    <li><a href="/medarbejder/log-ind">{lang.text("footer-staff-sign-in")}</a></li>
                                </ul>
                            </nav>
                        </div>
                    </div>
                </div>
            </div>
        </footer>
    }
}
