//! The HTML document around every page and the route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::error::{ErrorsView, NotFoundPage};
use crate::layout::{SiteFooter, SiteHeader};
use crate::pages;
use crate::site::{use_site, WithSite};

/// Path under which the DKFDS stylesheet, fonts, icons and script are
/// served (each version of them under a path of its own: [`StaticPaths`]).
pub const DKFDS_PREFIX: &str = "/dkfds";

/// Path under which the portal's own script, WebAssembly and stylesheet are
/// served (likewise by version).
pub const PKG_PREFIX: &str = "/pkg";

/// Where the browser fetches the static files: each tree under a path that
/// names its version (`/pkg/<version>`), so a browser may keep the files
/// for a year and still fetches a new release's. The server computes them
/// at start (`server::http::static_assets`) and provides them to every
/// render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticPaths {
    /// The portal's script, WebAssembly and stylesheet, e.g. `/pkg/3f9a0c1b2d4e5f60`.
    pub pkg: String,
    /// DKFDS, e.g. `/dkfds/0c1b2d4e5f603f9a`.
    pub dkfds: String,
}

impl StaticPaths {
    pub fn of_versions(pkg: &str, dkfds: &str) -> StaticPaths {
        StaticPaths {
            pkg: format!("{PKG_PREFIX}/{pkg}"),
            dkfds: format!("{DKFDS_PREFIX}/{dkfds}"),
        }
    }

    /// The portal's stylesheet.
    pub fn stylesheet(&self) -> String {
        format!("{}/{}.css", self.pkg, crate::OUTPUT_NAME)
    }

    /// DKFDS's stylesheet.
    pub fn dkfds_stylesheet(&self) -> String {
        format!("{}/css/dkfds.min.css", self.dkfds)
    }
}

/// The static paths of this render (the server provides them; a render
/// without them, which the server never makes, names unversioned paths).
pub fn use_static_paths() -> StaticPaths {
    use_context::<StaticPaths>().unwrap_or_else(|| StaticPaths {
        pkg: PKG_PREFIX.to_owned(),
        dkfds: DKFDS_PREFIX.to_owned(),
    })
}

/// The HTML document rendered on the server. Only its islands hydrate in the
/// browser (`crate::idle`); every other part is plain HTML.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let paths = use_static_paths();
    // The hydration script fetches the script and the WebAssembly from
    // `/<site_pkg_dir>/`: the versioned path.
    let mut options = options;
    options.site_pkg_dir = paths.pkg.trim_start_matches('/').into();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    #[cfg(feature = "ssr")]
    provide_context(viewer_from_request());
    let lang = crate::i18n::provide_lang();
    let viewer = crate::viewer::use_viewer();
    // The only island is the idle warning of a signed-in user's page: a
    // visitor's page loads no script at all.
    let has_islands = viewer != crate::viewer::Viewer::Anonymous;
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
                        href=format!("{}/fonts/IBMPlexSans/complete/woff2/{face}.woff2", paths.dkfds)/>
                })}
                <link rel="stylesheet" href=paths.dkfds_stylesheet()/>
                <link rel="stylesheet" href=paths.stylesheet()/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                {idle_refresh.map(|refresh| view! {
                    <noscript><meta http-equiv="refresh" content=refresh/></noscript>
                })}
                {has_islands.then(|| view! { <HydrationScripts options islands=true/> })}
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
            <a class="skipnav" href="#main-content">{lang.text("skip-to-content")}</a>
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

/// The main area, focusable so that the skip link moves focus to it.
#[component]
fn PageMain(children: Children) -> impl IntoView {
    view! {
        <main id="main-content" class="container page-container" tabindex="-1">
            {children()}
        </main>
    }
}
