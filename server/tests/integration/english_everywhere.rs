//! Indblik in English, route by route: every route of the authorization
//! matrix is tried by every kind of caller with English chosen, and every
//! page, error page and form reply that comes back as HTML, and the heading
//! row of every CSV export, must be English wherever it is not marked as
//! Danish (`lang="da"`: the municipality's own names, and what people wrote
//! about a request filed in Danish).
//! A text written straight into a view instead of the language files shows
//! up here as Danish words on an English page.

use std::collections::BTreeSet;

use axum::http::{header, Method};
use scraper::{Html, Node};
use sqlx::PgPool;

use crate::authorization_matrix::{matrix, world, Caller, Who};
use crate::support::Reply;

/// Words that are common in the portal's Danish and are not English words.
const DANISH_WORDS: &[&str] = &[
    "af",
    "alle",
    "bliver",
    "blev",
    "borger",
    "borgeren",
    "brug",
    "dage",
    "denne",
    "der",
    "dette",
    "dig",
    "din",
    "dine",
    "disse",
    "dit",
    "du",
    "efter",
    "eller",
    "en",
    "enhed",
    "enheder",
    "et",
    "fejl",
    "fra",
    "frist",
    "fristen",
    "har",
    "henvendelse",
    "henvendelser",
    "hvad",
    "hvem",
    "hvis",
    "hvor",
    "ikke",
    "ingen",
    "jeg",
    "kan",
    "kl",
    "kommunen",
    "kun",
    "medarbejder",
    "medarbejdere",
    "mig",
    "måned",
    "måneder",
    "nej",
    "og",
    "om",
    "opslag",
    "oplysninger",
    "periode",
    "sager",
    "skal",
    "som",
    "svar",
    "til",
    "tilbage",
    "uger",
    "ved",
    "vi",
    "vil",
    "vis",
    "vores",
];

/// Danish the English pages keep on purpose: legal and official names given
/// beside their English (a reader meets them in letters and at borger.dk),
/// the switch's own label, and the test people's names.
const KEPT_IN_DANISH: &[&str] = &[
    "tilgængelighedserklæring",
    "begrænsning",
    "tilbagekaldelse af samtykke",
    "sikkerhedsbekendtgørelsen",
    "Det Fælles Designsystem",
    "På dansk",
    "Prøvesen",
];

/// The Danish words of `text`: listed ones written in lower case (so "EN
/// 301 549" is no article), and any with æ, ø or å.
fn danish_words(text: &str) -> Vec<String> {
    let text = KEPT_IN_DANISH
        .iter()
        .fold(text.to_owned(), |text, kept| text.replace(kept, " "));
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| DANISH_WORDS.contains(word) || word.to_lowercase().contains(['æ', 'ø', 'å']))
        .map(str::to_lowercase)
        .collect()
}

/// What an English page shows in Danish without saying so: each text and
/// each attribute a person reads or hears, outside scripts, styles and
/// parts marked `lang="da"`.
fn unmarked_danish(page: &str) -> BTreeSet<String> {
    let document = Html::parse_document(page);
    let mut found = BTreeSet::new();
    for node in document.root_element().descendants() {
        let read: Vec<String> = match node.value() {
            Node::Text(text) => vec![text.to_string()],
            Node::Element(element) => ["aria-label", "title", "alt", "placeholder", "content"]
                .iter()
                .filter_map(|name| element.attr(name))
                .map(str::to_owned)
                .collect(),
            _ => continue,
        };
        let mut enclosing = std::iter::once(node)
            .chain(node.ancestors())
            .filter_map(|ancestor| ancestor.value().as_element());
        let hidden_or_danish = enclosing
            .clone()
            .any(|element| matches!(element.name(), "script" | "style" | "template"))
            || enclosing
                .find_map(|element| element.attr("lang"))
                .is_some_and(|lang| lang == "da");
        if hidden_or_danish {
            continue;
        }
        for text in read {
            let words = danish_words(&text);
            if !words.is_empty() {
                found.insert(format!("{:?} ({})", text.trim(), words.join(", ")));
            }
        }
    }
    found
}

fn content_type(reply: &Reply) -> &str {
    reply
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

#[test]
fn the_check_finds_danish_and_lets_marked_danish_be() {
    let page = r#"<html lang="en"><head><title>Error: vis log</title></head><body>
        <p>Who has seen my data?</p>
        <p lang="da">Borgerservice</p>
        <span aria-label="Nummer og navn">Show</span>
        <script>var og = 1;</script>
        <p>Bo Prøvesen asked about EN 301 549 (begrænsning)</p>
        <p>Gem ændringer</p></body></html>"#;
    let found = unmarked_danish(page);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found.iter().any(|text| text.contains("vis log")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|text| text.contains("Nummer og navn")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|text| text.contains("ændringer")),
        "{found:#?}"
    );
    assert!(
        unmarked_danish(r#"<html lang="da"><p>Hvem har set mine oplysninger?</p></html>"#)
            .is_empty()
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_page_error_and_export_is_english_when_english_is_chosen(pool: PgPool) {
    let (world, routes) = world(&pool).await;
    let mut danish = Vec::new();
    let mut pages = 0;
    for (method, pattern) in &routes {
        let who = matrix(method, pattern).expect("every route is in the matrix");
        // Static files; and the files of an answer, which are documents
        // written in the request's language when it was answered.
        if who == Who::SignInFlow || pattern.ends_with("{*file}") || pattern.contains("/bilag/") {
            continue;
        }
        for caller in Caller::ALL {
            if method != Method::GET && !caller.may(who) {
                // A refused change answers as the matrix checks; the pages
                // that refuse are read by the GETs.
                continue;
            }
            let reply = world.try_reading(caller, method, pattern, Some("en")).await;
            sqlx::query("DELETE FROM access_rejections")
                .execute(&pool)
                .await
                .unwrap();
            let kind = content_type(&reply);
            let found = if kind.starts_with("text/html") {
                pages += 1;
                assert!(
                    reply.body.contains(r#"<html lang="en""#),
                    "{caller:?} {method} {pattern}: not an English page"
                );
                unmarked_danish(&reply.body)
            } else if kind.starts_with("text/csv") {
                let headings = reply.body.lines().next().unwrap_or_default();
                danish_words(headings).into_iter().collect()
            } else {
                continue;
            };
            if !found.is_empty() {
                danish.push(format!("{caller:?} {method} {pattern}: {found:#?}"));
            }
        }
    }
    assert!(pages > 60, "the walk read the pages: {pages}");
    assert!(danish.is_empty(), "{danish:#?}");
}
