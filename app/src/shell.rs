//! The HTML document around every page and the route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::error::{ErrorsView, NotFoundPage};
use crate::layout::{SiteFooter, SiteHeader};
use crate::pages;
use crate::site::{use_site, WithSite, SITE_META_NAME};
use crate::viewer::VIEWER_META_NAME;

/// Path under which the DKFDS stylesheet, fonts, icons and script are served.
pub const DKFDS_PREFIX: &str = "/dkfds";

/// The HTML document rendered on the server; `App` is hydrated inside `<body>`.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let app_css = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    #[cfg(feature = "ssr")]
    provide_context(viewer_from_request());
    let lang = crate::i18n::provide_lang();
    let site_json = use_site().and_then(|site| serde_json::to_string(&site).ok());
    let viewer = crate::viewer::use_viewer();
    let viewer_json = serde_json::to_string(&viewer).ok();
    // Without JavaScript there is no timer in the page: a signed-in page
    // leaves for the signed-out page when the idle limit has passed (a few
    // seconds after, so the server has ended the session by then).
    let idle_refresh = (viewer != crate::viewer::Viewer::Anonymous).then(|| {
        let seconds = use_site().map_or(15, |site| site.session_idle_minutes) * 60 + 5;
        format!(
            "{seconds};url={}?grund=inaktiv",
            crate::pages::signed_out::SIGNED_OUT_PATH
        )
    });
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                // The faces every page uses, fetched with the stylesheet
                // instead of after it, so the text does not jump when they
                // arrive (DKFDS swaps fonts in).
                {PRELOADED_FONTS.map(|face| view! {
                    <link rel="preload" r#as="font" type="font/woff2" crossorigin="anonymous"
                        href=format!("{DKFDS_PREFIX}/fonts/IBMPlexSans/complete/woff2/{face}.woff2")/>
                })}
                <link rel="stylesheet" href=format!("{DKFDS_PREFIX}/css/dkfds.min.css")/>
                <link rel="stylesheet" href=app_css/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <meta name=SITE_META_NAME content=site_json/>
                <meta name=VIEWER_META_NAME content=viewer_json/>
                {idle_refresh.map(|refresh| view! {
                    <noscript><meta http-equiv="refresh" content=refresh/></noscript>
                })}
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The IBM Plex Sans faces of DKFDS that every page uses (body text, and
/// headings, strong text); the end-to-end tests check the list against
/// the faces the browser loads.
pub const PRELOADED_FONTS: [&str; 3] = [
    "IBMPlexSans-Regular",
    "IBMPlexSans-SemiBold",
    "IBMPlexSans-Bold",
];

/// The viewer the server's session middleware attached to this request.
#[cfg(feature = "ssr")]
fn viewer_from_request() -> crate::viewer::Viewer {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::viewer::Viewer>().cloned())
        .unwrap_or_default()
}

/// Reads JSON the shell wrote into `<meta name=…>`, so the browser hydrates
/// with the same values the server rendered with.
#[cfg(feature = "hydrate")]
pub fn read_meta_json<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|content| serde_json::from_str(&content).ok())
}

/// Sends a content security policy that only allows this site's own scripts
/// and the inline hydration scripts carrying this response's nonce.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The page frame (skip link, header, main area, footer) and the route table.
///
/// Every route renders with [`SsrMode::Async`]: the server sends complete HTML,
/// so pages work without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let form_errors = crate::form::FormErrorsShown::provide();
    let lang = crate::i18n::provide_lang();

    view! {
        <Title formatter=move |page: String| {
            let prefix = if form_errors.shown() { lang.text("error-title-prefix") } else { String::new() };
            format!("{prefix}{page} · Indblik")
        }/>
        <Router>
            // `rel="external"`: the browser, not the client router, follows
            // the in-page link, and so moves focus to the main content.
            <a class="skipnav" href="#main-content" rel="external">{lang.text("skip-to-content")}</a>
            <crate::page_change::PageChangeAnnouncer/>
            <WithSite render=|site| view! { <SiteHeader site/> }/>
            <crate::idle::IdleWarning/>
            <PageMain>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors/> }>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=pages::home::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/om-portalen") view=pages::about::AboutPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/tilgaengelighedserklaering")
                        view=pages::accessibility::AccessibilityPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/privatlivspolitik")
                        view=pages::privacy::PrivacyPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/min-log") view=pages::my_log::MyLogPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/min-log/udskriv")
                        view=pages::my_log::MyLogPrintPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/henvendelser") view=pages::requests::MyRequestsPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/henvendelser/ny")
                        view=pages::requests::NewRequestPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/henvendelser/ny/:kind")
                        view=|| view! { <pages::requests::RequestFormPage/> }
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/henvendelser/:id") view=pages::requests::MyRequestPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/henvendelser/:id/kvittering")
                        view=pages::requests::ReceiptPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/sagsbehandling") view=pages::casework::QueuePage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/sagsbehandling/registrer")
                        view=pages::casework::RegisterPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/sagsbehandling/stikproever")
                        view=pages::samples::MySamplesPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/sagsbehandling/:id") view=pages::casework::CasePage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/sagsbehandling/:id/brev/:entry")
                        view=pages::letter::LetterPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/sagsbehandling/:id/aabn")
                        view=pages::casework::OpenCasePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/dpo") view=pages::dpo::DpoPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol") view=pages::control::ControlPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/log") view=pages::control::LogSearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/flag") view=pages::control_flags::FlagsPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/spoergsmaal") view=pages::control::QuestionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/stikproever") view=pages::samples::SampleReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/stikproeveplaner") view=pages::samples::PlansPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/statistik") view=pages::usage::UsagePage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/autorisationer") view=pages::authorisations::ReviewsPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/kontrol/autorisationer/:id")
                        view=pages::authorisations::ReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/kontrol/spoergsmaal/:id") view=pages::control::QuestionPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontrol/flag/:id") view=pages::control_flags::FlagPage ssr=SsrMode::Async/>
                    <Route path=path!("/logget-ud") view=pages::signed_out::SignedOutPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/log-ind/afvist")
                        view=pages::sign_in::SignInRefusedPage
                        ssr=SsrMode::Async
                    />
                </Routes>
                </ErrorBoundary>
            </PageMain>
            <WithSite render=|site| view! { <SiteFooter site/> }/>
        </Router>
    }
}

/// The main area, focusable so that the skip link and the client router can
/// move focus to it.
#[component]
fn PageMain(children: Children) -> impl IntoView {
    view! {
        <main id="main-content" class="container page-container" tabindex="-1">
            {children()}
        </main>
    }
}
