//! Indblik in Danish and English: the texts live in Mozilla Fluent files
//! (`app/locales/<da|en>/indblik.ftl`), compiled into the program by
//! `fluent-templates` and looked up by key ([`Lang::text`]); Fluent's plural
//! rules give "1 gang" / "2 gange" and "1 time" / "2 times" in each language.
//!
//! Which language a person reads: the choice they made with the switch in
//! the header (a cookie, [`LANG_COOKIE`]), otherwise the browser's
//! `Accept-Language` ([`Lang::negotiate`]), otherwise Danish. The server
//! decides it per request and provides it as context; the browser's islands
//! get their texts from the server, already in that language.
//!
//! Every page, message, e-mail, error and export is in both languages. What
//! the municipality's systems deliver (the names of units, systems and
//! purposes) is Danish whatever the reader's language, and is marked so
//! ([`Lang::of_danish_data`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, LanguageIdentifier, Loader};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "da",
        // No Unicode isolation marks around arguments: the texts are plain
        // HTML text, where the marks would only get in the way of tests and
        // screen readers.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that keeps a person's own choice of language.
pub const LANG_COOKIE: &str = "indblik-sprog";

/// A language the portal is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Da,
    En,
}

static IDS: LazyLock<[LanguageIdentifier; 2]> = LazyLock::new(|| {
    [
        fluent_templates::langid!("da"),
        fluent_templates::langid!("en"),
    ]
});

/// The texts without arguments already formatted, per language (in the
/// order of [`Lang::ALL`]), filled as they are first asked for.
static PLAIN_TEXTS: LazyLock<[std::sync::RwLock<HashMap<String, String>>; 2]> =
    LazyLock::new(Default::default);

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The language's code (`lang` attribute, cookie, Fluent directory).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The other language (the switch in the header offers it).
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Da => &IDS[0],
            Lang::En => &IDS[1],
        }
    }

    /// The text of `key` (a Fluent message id) in this language.
    ///
    /// A text without arguments never changes while the program runs, so
    /// each is formatted by Fluent once and kept ([`PLAIN_TEXTS`]): a page
    /// looks up a hundred of them, and Fluent's language negotiation and
    /// formatting were a measurable part of a page's cost
    /// (`docs/benchmarks.md`).
    pub fn text(self, key: &str) -> String {
        let texts = &PLAIN_TEXTS[self as usize];
        if let Some(text) = texts
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(key)
        {
            return text.clone();
        }
        // Only keys that exist are kept, so the cache cannot grow past the
        // Fluent files whatever keys are asked for.
        match LOCALES.try_lookup(self.id(), key) {
            Some(text) => {
                texts
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(key.to_owned(), text.clone());
                text
            }
            None => LOCALES.lookup(self.id(), key),
        }
    }

    /// Whether `key` has a text in this language.
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.id(), key).is_some()
    }

    /// The text of `key` with its arguments filled in.
    pub fn text_with(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(number) => FluentValue::from(*number),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// [`Lang::text_with`] as a view in which the argument `name`, a piece of
    /// the municipality's own data, is marked as Danish
    /// ([`Lang::of_danish_data`]): "Start the review of <span
    /// lang="da">Økonomi</span>", so a screen reader reads each part in its
    /// own language.
    pub fn text_with_danish(
        self,
        key: &str,
        args: &[(&'static str, Arg)],
        name: &'static str,
        value: String,
    ) -> impl IntoView {
        self.text_with_part_in(key, args, name, value, self.of_danish_data())
    }

    /// [`Lang::text_with`] as a view in which the argument `name` is marked
    /// with the `lang` attribute `part_lang` (none: the page's language).
    pub fn text_with_part_in(
        self,
        key: &str,
        args: &[(&'static str, Arg)],
        name: &'static str,
        value: String,
        part_lang: Option<&'static str>,
    ) -> impl IntoView {
        self.text_with_parts_in(key, args, vec![(name, value, part_lang)])
    }

    /// [`Lang::text_with`] as a view in which each of `parts` (argument
    /// name, value, `lang` attribute) is its own `<span>` marked with its
    /// language: "Sample of 1 December: <span lang="da">Borgerservice</span>,
    /// <span lang="da">Sag og Ydelse</span>".
    pub fn text_with_parts_in(
        self,
        key: &str,
        args: &[(&'static str, Arg)],
        parts: Vec<(&'static str, String, Option<&'static str>)>,
    ) -> impl IntoView {
        /// Stands in for part `n` while the text is looked up: characters
        /// from Unicode's private use area, in no text of ours.
        fn stand_in(n: usize) -> String {
            let offset = u32::try_from(n).unwrap_or_default();
            char::from_u32(0xE000 + offset).map_or_else(String::new, String::from)
        }
        let mut with_stand_ins = args.to_vec();
        with_stand_ins.extend(
            parts
                .iter()
                .enumerate()
                .map(|(n, (name, _, _))| (*name, Arg::from(stand_in(n)))),
        );
        let text = self.text_with(key, &with_stand_ins);
        let mut pieces = Vec::new();
        let mut rest = text.as_str();
        loop {
            // The stand-in that comes first in what is left.
            let next = parts
                .iter()
                .enumerate()
                .filter_map(|(n, part)| rest.find(&stand_in(n)).map(|at| (at, n, part)))
                .min_by_key(|(at, _, _)| *at);
            let Some((at, n, (_, value, part_lang))) = next else {
                break;
            };
            if at > 0 {
                pieces.push(rest[..at].to_owned().into_any());
            }
            pieces.push(view! { <span lang=*part_lang>{value.clone()}</span> }.into_any());
            rest = &rest[at + stand_in(n).len()..];
        }
        if !rest.is_empty() {
            pieces.push(rest.to_owned().into_any());
        }
        pieces
    }

    /// The `lang` attribute for a text written in `written` (what a citizen
    /// or caseworker wrote about a request filed in that language): its
    /// code when it is not the page's language.
    pub fn of_text_in(self, written: Lang) -> Option<&'static str> {
        (written != self).then_some(written.code())
    }

    /// The `lang` attribute for a piece of the municipality's own data (the
    /// names of units, systems and purposes, hiding reasons, legal bases),
    /// which is in Danish whatever the page's language: `da` on a page in
    /// another language, nothing on a Danish page. (What people wrote about
    /// a request is in the request's language: [`Lang::of_text_in`].)
    pub fn of_danish_data(self) -> Option<&'static str> {
        (self != Lang::Da).then_some("da")
    }

    /// The best of the portal's languages for an `Accept-Language` header;
    /// Danish when the browser asks for neither.
    pub fn negotiate(accept_language: &str) -> Lang {
        use fluent_langneg::{negotiate_languages, NegotiationStrategy};
        let requested = fluent_langneg::accepted_languages::parse(accept_language);
        let available: Vec<&LanguageIdentifier> = IDS.iter().collect();
        let default = &IDS[0];
        negotiate_languages(
            &requested,
            &available,
            Some(&default),
            NegotiationStrategy::Lookup,
        )
        .first()
        .and_then(|chosen| Lang::ALL.into_iter().find(|lang| lang.id() == **chosen))
        .unwrap_or_default()
    }
}

/// An argument of a text.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(number: i64) -> Arg {
        Arg::Number(number)
    }
}

impl From<u32> for Arg {
    fn from(number: u32) -> Arg {
        Arg::Number(i64::from(number))
    }
}

impl From<i32> for Arg {
    fn from(number: i32) -> Arg {
        Arg::Number(i64::from(number))
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Arg {
        Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

/// The language the person reads the portal in (from context: the server
/// provides what it decided; the browser what the page was rendered in).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[cfg(feature = "ssr")]
tokio::task_local! {
    /// [ssr] The language of the request being handled, set by the server's
    /// language middleware around the whole request: for answers written
    /// where the request itself is out of reach (a plain-text refusal from
    /// a middleware, the page after a panic).
    pub static REQUEST_LANG: Lang;
}

/// [ssr] The language of the request this task is handling
/// ([`REQUEST_LANG`]); Danish outside a request.
#[cfg(feature = "ssr")]
pub fn task_lang() -> Lang {
    REQUEST_LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// [ssr] The language of the request being rendered or served (server
/// functions format dates and texts in it); Danish outside a request.
#[cfg(feature = "ssr")]
pub fn request_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Lang>().copied())
        .unwrap_or_default()
}

/// Provides the reader's language for the whole app: on the server as the
/// request decided it, in the browser as `<html lang>` says.
pub fn provide_lang() -> Lang {
    #[cfg(feature = "ssr")]
    let lang = request_lang();
    #[cfg(not(feature = "ssr"))]
    let lang = document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    provide_context(lang);
    lang
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The message ids of one language's file.
    fn keys(lang: Lang) -> BTreeSet<String> {
        let path = format!(
            "{}/locales/{}/indblik.ftl",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_key_exists_in_both_languages() {
        let (danish, english) = (keys(Lang::Da), keys(Lang::En));
        let only_danish: Vec<_> = danish.difference(&english).collect();
        let only_english: Vec<_> = english.difference(&danish).collect();
        assert!(
            only_danish.is_empty() && only_english.is_empty(),
            "only in Danish: {only_danish:?}; only in English: {only_english:?}"
        );
    }

    #[test]
    fn every_key_the_code_asks_for_exists() {
        // `.text("key")` and `.text_with("key", …)` calls in the app's source.
        let known = keys(Lang::Da);
        let mut missing = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for call in [".text(\"", ".text_with(\""] {
                    for piece in source.split(call).skip(1) {
                        let key = piece.split('"').next().unwrap_or_default();
                        if !known.contains(key) && key != "key" {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn texts_come_in_the_chosen_language_with_their_arguments() {
        assert_eq!(Lang::Da.text("sign-out"), "Log af");
        assert_eq!(Lang::En.text("sign-out"), "Sign out");
        assert_eq!(
            Lang::En.text_with("idle-text", &[("idle", 13_u32.into()), ("left", 2_u32.into())]),
            "You have not used the portal for 13 minutes. In 2 minutes you will be signed out, for your security."
        );
    }

    #[test]
    fn the_browsers_languages_choose_and_danish_is_the_default() {
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9"), Lang::En);
        assert_eq!(Lang::negotiate("da-DK,da;q=0.9,en;q=0.8"), Lang::Da);
        assert_eq!(Lang::negotiate("de-DE,en;q=0.5"), Lang::En);
        assert_eq!(Lang::negotiate("de-DE,fr"), Lang::Da);
        assert_eq!(Lang::negotiate(""), Lang::Da);
        assert_eq!(Lang::negotiate("*"), Lang::Da);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn each_marked_part_gets_its_own_language_wherever_the_text_puts_it() {
        let html = Lang::En
            .text_with_parts_in(
                "sample-heading",
                &[("date", "1 December 2026".into())],
                vec![
                    ("unit", "Økonomi".to_owned(), Some("da")),
                    ("system", "every system".to_owned(), None),
                ],
            )
            .to_html();
        assert_eq!(
            html.replace("<!>", ""),
            r#"Sample of 1 December 2026: <span lang="da">Økonomi</span>, <span>every system</span>"#
        );
    }
}
