//! Which language a request is answered in ([`app::i18n::Lang`]): the
//! person's own choice (the [`LANG_COOKIE`] the switch in the header sets),
//! otherwise the browser's `Accept-Language`, otherwise Danish. Decided once
//! per request by [`choose`] and put in the request's extensions, where the
//! pages ([`app::i18n::provide_lang`]) find it.
//!
//! The switch is a plain link, `GET /sprog/<da|en>?tilbage=<path>`: it keeps
//! the choice in a cookie for a year and goes back to the page, so it works
//! without JavaScript. The cookie holds nothing but the language code, is
//! set only when the person asks for it, and is not a tracking cookie.

use axum::extract::{Path, Query, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::i18n::{Lang, LANG_COOKIE, REQUEST_LANG};

use super::middleware::is_local_page;
use super::route_list::Routes;

/// The path of the switch (`/sprog/{lang}`).
pub const SWITCH_PATH: &str = "/sprog/{lang}";

/// How long the choice is kept.
const KEPT_SECONDS: u32 = 365 * 24 * 60 * 60;

/// Middleware: decides the request's language.
pub async fn choose(mut request: Request, next: Next) -> Response {
    let lang = of_headers(request.headers());
    request.extensions_mut().insert(lang);
    REQUEST_LANG.scope(lang, next.run(request)).await
}

/// The language the headers ask for: the cookie first, then the browser's
/// languages.
pub fn of_headers(headers: &HeaderMap) -> Lang {
    let chosen = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == LANG_COOKIE)
        .and_then(|cookie| Lang::from_code(cookie.value()));
    chosen.unwrap_or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map_or(Lang::Da, Lang::negotiate)
    })
}

/// The switch's route; `secure`: the cookie only over https.
pub fn routes<S: Clone + Send + Sync + 'static>(secure: bool) -> Routes<S> {
    Routes::new().get(
        SWITCH_PATH,
        move |lang: Path<String>, back: Query<Back>| async move { switch(lang, back, secure) },
    )
}

#[derive(Deserialize)]
pub struct Back {
    tilbage: Option<String>,
}

/// Keeps the chosen language and goes back to the page (a path on this
/// portal only; anything else goes to the front page).
fn switch(Path(code): Path<String>, Query(back): Query<Back>, secure: bool) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let to = back
        .tilbage
        .filter(|path| is_local_page(path))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age={KEPT_SECONDS}; SameSite=Lax; HttpOnly{}",
        lang.code(),
        if secure { "; Secure" } else { "" }
    );
    let mut response = Redirect::to(&to).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.clone(), HeaderValue::from_str(value).unwrap()))
            .collect()
    }

    #[test]
    fn the_cookie_wins_over_the_browser() {
        let both = headers(&[
            (header::COOKIE, "a=1; indblik-sprog=da"),
            (header::ACCEPT_LANGUAGE, "en"),
        ]);
        assert_eq!(of_headers(&both), Lang::Da);
        let browser = headers(&[(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.8")]);
        assert_eq!(of_headers(&browser), Lang::En);
        let nonsense = headers(&[(header::COOKIE, "indblik-sprog=xx")]);
        assert_eq!(of_headers(&nonsense), Lang::Da);
        assert_eq!(of_headers(&HeaderMap::new()), Lang::Da);
    }

    #[test]
    fn the_switch_goes_back_only_to_a_page_here() {
        assert!(is_local_page("/min-log?system=cpr"));
        for elsewhere in [
            "//evil.example",
            "https://evil.example/",
            "/a/../b",
            "/x#y",
            "",
        ] {
            assert!(!is_local_page(elsewhere), "{elsewhere}");
        }
    }
}
