//! What a filled-in request form must contain, checked field by field. Each
//! `parse_*` function turns the submitted fields into a typed value or into
//! [`FieldErrors`] that name every field that is wrong with a message a
//! person can act on. Pure: the caller passes the current time.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;

use super::kinds::{Channel, ExtensionReason, Kind, RefusalGround};
use crate::i18n::Lang;
use crate::identity::cpr::Cpr;

/// Longest free text a citizen or caseworker may write in one field.
pub const MAX_TEXT: usize = 4000;
/// Longest answer text.
pub const MAX_ANSWER: usize = 20000;

/// A submitted form: field name → value.
pub type Fields = BTreeMap<String, String>;

/// What is wrong with a form: field name → message, written in the
/// language the errors were made for ([`FieldErrors::new`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<String, String>, Lang);

impl FieldErrors {
    /// No errors yet; messages will be in `lang`.
    pub fn new(lang: Lang) -> FieldErrors {
        FieldErrors(BTreeMap::new(), lang)
    }

    /// The first problem of `field`: the text of message `key`.
    pub(crate) fn add(&mut self, field: &str, key: &str) {
        let lang = self.1;
        self.add_text(field, || lang.text(key));
    }

    pub(crate) fn add_text(&mut self, field: &str, text: impl FnOnce() -> String) {
        self.0.entry(field.to_owned()).or_insert_with(text);
    }

    pub(crate) fn result<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

pub(crate) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .get(name)
        .map(|value| value.trim())
        .unwrap_or_default()
}

/// A required text of at most `max` characters.
pub(crate) fn required_text(
    fields: &Fields,
    name: &str,
    max: usize,
    missing: &str,
    errors: &mut FieldErrors,
) -> String {
    let value = field(fields, name);
    if value.is_empty() {
        errors.add(name, missing);
    } else {
        check_text(value, name, max, errors);
    }
    value.to_owned()
}

/// An optional text of at most `max` characters.
pub(crate) fn optional_text(
    fields: &Fields,
    name: &str,
    max: usize,
    errors: &mut FieldErrors,
) -> Option<String> {
    let value = field(fields, name);
    check_text(value, name, max, errors);
    (!value.is_empty()).then(|| value.to_owned())
}

/// A text that cannot be stored: too long, or with a control character
/// (NUL and the like; tab and line breaks are fine).
fn check_text(value: &str, name: &str, max: usize, errors: &mut FieldErrors) {
    if crate::text::has_control_characters(value) {
        errors.add(name, "form-control-character");
    } else if value.chars().count() > max {
        let lang = errors.1;
        errors.add_text(name, || {
            lang.text_with("form-too-long", &[("max", max.into())])
        });
    }
}

/// An optional e-mail address for notices.
fn optional_email(fields: &Fields, errors: &mut FieldErrors) -> Option<String> {
    let value = field(fields, "notify_email");
    if value.is_empty() {
        return None;
    }
    if !crate::text::is_email_address(value) {
        errors.add("notify_email", "form-email-invalid");
    }
    Some(value.to_owned())
}

/// What a citizen filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestText {
    pub kind: Kind,
    pub about: String,
    pub what_is_wrong: Option<String>,
    pub what_is_right: Option<String>,
    pub situation: Option<String>,
    pub notify_email: Option<String>,
}

/// Reads the kind-specific fields all request forms share.
fn request_text(kind: Kind, fields: &Fields, errors: &mut FieldErrors) -> RequestText {
    let about = required_text(
        fields,
        "about",
        MAX_TEXT,
        match kind {
            Kind::LogQuestion => "form-question-missing",
            _ => "form-about-missing",
        },
        errors,
    );
    let (what_is_wrong, what_is_right) = if kind == Kind::Rectification {
        (
            Some(required_text(
                fields,
                "what_is_wrong",
                MAX_TEXT,
                "form-wrong-missing",
                errors,
            )),
            Some(required_text(
                fields,
                "what_is_right",
                MAX_TEXT,
                "form-right-missing",
                errors,
            )),
        )
    } else {
        (None, None)
    };
    let situation = (kind == Kind::Objection).then(|| {
        required_text(
            fields,
            "situation",
            MAX_TEXT,
            "form-situation-missing",
            errors,
        )
    });
    let notify_email = optional_email(fields, errors);
    RequestText {
        kind,
        about,
        what_is_wrong,
        what_is_right,
        situation,
        notify_email,
    }
}

/// A citizen's form for `kind`.
pub fn parse_citizen_request(
    kind: Kind,
    fields: &Fields,
    lang: Lang,
) -> Result<RequestText, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let text = request_text(kind, fields, &mut errors);
    errors.result(|| text)
}

/// A request that reached the municipality by letter, phone or e-mail, as a
/// caseworker registers it.
pub struct RegisteredRequest {
    pub text: RequestText,
    pub channel: Channel,
    pub received_at: DateTime<Utc>,
    pub cpr: Cpr,
    pub citizen_name: String,
    pub identity_check: String,
    /// Where letters go; required for a request that came by letter.
    pub postal_address: Option<String>,
}

/// The registration form, with `now` to refuse a receipt in the future.
pub fn parse_registration(
    fields: &Fields,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<RegisteredRequest, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let kind = Kind::from_code(field(fields, "kind")).filter(|kind| *kind != Kind::LogQuestion);
    if kind.is_none() {
        errors.add("kind", "form-kind-missing");
    }
    let channel =
        Channel::from_code(field(fields, "channel")).filter(|channel| *channel != Channel::Portal);
    if channel.is_none() {
        errors.add("channel", "form-channel-missing");
    }
    let received_at = received_at(fields, now, &mut errors);
    let cpr = match Cpr::parse(field(fields, "cpr")) {
        Ok(cpr) => Some(cpr),
        Err(_) => {
            errors.add("cpr", "form-cpr-invalid");
            None
        }
    };
    let citizen_name = required_text(
        fields,
        "citizen_name",
        200,
        "form-name-missing",
        &mut errors,
    );
    let identity_check = required_text(
        fields,
        "identity_check",
        500,
        "form-identity-missing",
        &mut errors,
    );
    let text = request_text(kind.unwrap_or(Kind::Access), fields, &mut errors);
    let postal_address = optional_text(fields, "postal_address", 500, &mut errors);
    if channel == Some(Channel::Letter) && postal_address.is_none() {
        errors.add("postal_address", "form-postal-address-missing");
    }
    if postal_address.as_ref().is_some_and(|address| {
        address
            .lines()
            .filter(|line| !line.trim().is_empty())
            .count()
            > 6
    }) {
        errors.add("postal_address", "form-postal-address-lines");
    }
    match (kind, channel, received_at, cpr) {
        (Some(_), Some(channel), Some(received_at), Some(cpr)) if errors.0.is_empty() => {
            Ok(RegisteredRequest {
                text,
                channel,
                received_at,
                cpr,
                citizen_name,
                identity_check,
                postal_address,
            })
        }
        _ => Err(errors),
    }
}

/// `received_date` (YYYY-MM-DD) and `received_time` (HH:MM), Europe/Copenhagen.
fn received_at(
    fields: &Fields,
    now: DateTime<Utc>,
    errors: &mut FieldErrors,
) -> Option<DateTime<Utc>> {
    let date = NaiveDate::parse_from_str(field(fields, "received_date"), "%Y-%m-%d").ok();
    if date.is_none() {
        errors.add("received_date", "form-date-invalid");
    }
    let time = NaiveTime::parse_from_str(field(fields, "received_time"), "%H:%M").ok();
    if time.is_none() {
        errors.add("received_time", "form-time-invalid");
    }
    let local = date?.and_time(time?);
    // The earlier instant when the clock is turned back; a time skipped
    // when the clock is turned forward does not exist.
    let Some(at) = Copenhagen.from_local_datetime(&local).earliest() else {
        errors.add("received_time", "form-time-skipped");
        return None;
    };
    let at = at.with_timezone(&Utc);
    if at > now {
        errors.add("received_date", "form-received-future");
        return None;
    }
    Some(at)
}

/// A text to the citizen or an internal note.
pub fn parse_message(fields: &Fields, lang: Lang) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let body = required_text(fields, "body", MAX_TEXT, "form-text-missing", &mut errors);
    errors.result(|| body)
}

/// An extension: the reason from the list and the explanation to the citizen.
pub fn parse_extension(
    fields: &Fields,
    lang: Lang,
) -> Result<(ExtensionReason, String), FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let reason = ExtensionReason::from_code(field(fields, "reason"));
    if reason.is_none() {
        errors.add("reason", "form-reason-missing");
    }
    let text = required_text(
        fields,
        "explanation",
        MAX_TEXT,
        "form-explanation-missing",
        &mut errors,
    );
    match reason {
        Some(reason) if errors.0.is_empty() => Ok((reason, text)),
        _ => Err(errors),
    }
}

/// An answer's text.
pub fn parse_answer(fields: &Fields, lang: Lang) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let body = required_text(
        fields,
        "body",
        MAX_ANSWER,
        "form-answer-missing",
        &mut errors,
    );
    errors.result(|| body)
}

/// A refusal, full or partial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub partly: bool,
    pub ground: RefusalGround,
    /// The reasons, to the citizen (for a partial refusal, with the answer to the rest).
    pub body: String,
    /// The written assessment behind a § 22 restriction (internal).
    pub assessment: Option<String>,
}

/// A refusal of a request of `kind`; a ground that cannot refuse that
/// kind (§ 22 of anything but access) is refused, whatever the form sent.
pub fn parse_refusal(fields: &Fields, kind: Kind, lang: Lang) -> Result<Refusal, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let partly = match field(fields, "scope") {
        "partly" => Some(true),
        "fully" => Some(false),
        _ => None,
    };
    if partly.is_none() {
        errors.add("scope", "form-scope-missing");
    }
    let ground = RefusalGround::from_code(field(fields, "ground"));
    match ground {
        None => errors.add("ground", "form-ground-missing"),
        Some(ground) if !ground.applies_to(kind) => {
            errors.add("ground", "form-ground-not-for-kind")
        }
        Some(_) => {}
    }
    let body = required_text(
        fields,
        "body",
        MAX_ANSWER,
        "form-refusal-body-missing",
        &mut errors,
    );
    let assessment = optional_text(fields, "assessment", MAX_TEXT, &mut errors);
    if ground == Some(RefusalGround::Section22) && assessment.is_none() {
        errors.add("assessment", "form-assessment-missing");
    }
    match (partly, ground) {
        (Some(partly), Some(ground)) if errors.0.is_empty() => Ok(Refusal {
            partly,
            ground,
            body,
            assessment,
        }),
        _ => Err(errors),
    }
}

/// A caseworker's assessment of the citizen's hidden entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HiddenAssessment {
    /// Keep them hidden (`true`), or ask the source unit to disclose them.
    pub keep: bool,
    pub text: String,
}

pub fn parse_hidden_assessment(
    fields: &Fields,
    lang: Lang,
) -> Result<HiddenAssessment, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let keep = match field(fields, "decision") {
        "keep" => Some(true),
        "disclose" => Some(false),
        _ => None,
    };
    if keep.is_none() {
        errors.add("decision", "form-hidden-decision-missing");
    }
    let text = required_text(
        fields,
        "text",
        MAX_TEXT,
        "form-hidden-text-missing",
        &mut errors,
    );
    match keep {
        Some(keep) if errors.0.is_empty() => Ok(HiddenAssessment { keep, text }),
        _ => Err(errors),
    }
}

/// A transfer: the unit's code (from the list) and the reason, told to the
/// citizen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transfer {
    pub unit: String,
    pub reason: String,
}

pub fn parse_transfer(fields: &Fields, lang: Lang) -> Result<Transfer, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let unit = field(fields, "unit").to_owned();
    if unit.is_empty() || crate::text::has_control_characters(&unit) || unit.chars().count() > 64 {
        errors.add("unit", "form-transfer-unit-missing");
    }
    let reason = required_text(
        fields,
        "reason",
        MAX_TEXT,
        "form-transfer-reason-missing",
        &mut errors,
    );
    errors.result(|| Transfer { unit, reason })
}

/// Whether a decision follows the DPO's advice (asked on the answer and
/// refusal forms once the DPO has advised on the request).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdviceOutcome {
    Followed,
    /// Departs from the advice, and why (internal).
    NotFollowed(String),
}

/// A decision's form read with, when the DPO has `advised`, whether it
/// follows the advice (`advice_followed`: `ja`/`nej`, and for `nej` the
/// reason in `advice_deviation`); the errors of both come back together.
pub fn with_advice_outcome<T>(
    decision: Result<T, FieldErrors>,
    fields: &Fields,
    advised: bool,
    lang: Lang,
) -> Result<(T, Option<AdviceOutcome>), FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let outcome = if advised {
        match field(fields, "advice_followed") {
            "ja" => Some(AdviceOutcome::Followed),
            "nej" => Some(AdviceOutcome::NotFollowed(required_text(
                fields,
                "advice_deviation",
                MAX_TEXT,
                "form-advice-deviation-missing",
                &mut errors,
            ))),
            _ => {
                errors.add("advice_followed", "form-advice-followed-missing");
                None
            }
        }
    } else {
        None
    };
    match decision {
        Ok(decision) => errors.result(|| (decision, outcome)),
        Err(mut decision_errors) => {
            for (name, text) in errors.0 {
                decision_errors.0.entry(name).or_insert(text);
            }
            Err(decision_errors)
        }
    }
}

/// The day a letter was sent (`sent_on`, YYYY-MM-DD): not before the day
/// of what it tells (`earliest`), not after `today`.
pub fn parse_sent_on(
    fields: &Fields,
    earliest: NaiveDate,
    today: NaiveDate,
    lang: Lang,
) -> Result<NaiveDate, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    match NaiveDate::parse_from_str(field(fields, "sent_on"), "%Y-%m-%d") {
        Err(_) => errors.add("sent_on", "form-date-invalid"),
        Ok(day) if day > today => errors.add("sent_on", "form-sent-future"),
        Ok(day) if day < earliest => errors.add("sent_on", "form-sent-before"),
        Ok(day) => return Ok(day),
    }
    Err(errors)
}

/// The version of the request the form was filled in on.
pub fn parse_version(fields: &Fields) -> Option<i32> {
    field(fields, "version").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The checks in Danish (the messages' words are tested in Danish).
    fn parse_citizen_request(kind: Kind, fields: &Fields) -> Result<RequestText, FieldErrors> {
        super::parse_citizen_request(kind, fields, Lang::Da)
    }

    fn parse_registration(
        fields: &Fields,
        now: DateTime<Utc>,
    ) -> Result<RegisteredRequest, FieldErrors> {
        super::parse_registration(fields, now, Lang::Da)
    }

    fn parse_refusal(fields: &Fields) -> Result<Refusal, FieldErrors> {
        super::parse_refusal(fields, Kind::Access, Lang::Da)
    }

    fn parse_extension(fields: &Fields) -> Result<(ExtensionReason, String), FieldErrors> {
        super::parse_extension(fields, Lang::Da)
    }

    #[test]
    fn the_messages_come_in_the_language_asked_for() {
        let fields: Fields = [("about".to_owned(), "x".repeat(MAX_TEXT + 1))].into();
        let english = super::parse_citizen_request(Kind::Access, &fields, Lang::En).unwrap_err();
        assert_eq!(
            english.0["about"],
            "The text is too long. Write at most 4000 characters."
        );
        let danish = super::parse_message(&Fields::new(), Lang::Da).unwrap_err();
        assert_eq!(danish.0["body"], "Skriv en tekst.");
    }

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_rectification_needs_what_is_wrong_and_what_is_right() {
        let errors =
            parse_citizen_request(Kind::Rectification, &fields(&[("about", "Min adresse")]))
                .unwrap_err();
        assert_eq!(
            errors.0.keys().collect::<Vec<_>>(),
            ["what_is_right", "what_is_wrong"]
        );
        let ok = parse_citizen_request(
            Kind::Rectification,
            &fields(&[
                ("about", " Min adresse "),
                ("what_is_wrong", "Vejen"),
                ("what_is_right", "Gaden"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.about, "Min adresse");
        assert_eq!(ok.what_is_right.as_deref(), Some("Gaden"));
    }

    #[test]
    fn an_objection_needs_the_situation_and_other_kinds_ignore_it() {
        let errors =
            parse_citizen_request(Kind::Objection, &fields(&[("about", "x")])).unwrap_err();
        assert!(errors.0.contains_key("situation"));
        let access = parse_citizen_request(
            Kind::Access,
            &fields(&[("about", "alt"), ("situation", "y")]),
        )
        .unwrap();
        assert_eq!(access.situation, None);
    }

    #[test]
    fn empty_long_and_bad_email_fields_are_named() {
        let long = "a".repeat(MAX_TEXT + 1);
        let errors = parse_citizen_request(
            Kind::Access,
            &fields(&[("about", &long), ("notify_email", "anna@")]),
        )
        .unwrap_err();
        assert!(errors.0["about"].contains("4000"));
        assert!(errors.0.contains_key("notify_email"));
        assert!(parse_citizen_request(Kind::Access, &fields(&[("about", "   ")])).is_err());
        let ok = parse_citizen_request(
            Kind::Access,
            &fields(&[("about", "alt"), ("notify_email", "anna@eksempel.dk")]),
        )
        .unwrap();
        assert_eq!(ok.notify_email.as_deref(), Some("anna@eksempel.dk"));
    }

    #[test]
    fn a_registration_reads_local_time_and_refuses_the_future() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let form = |date: &str, time: &str| {
            fields(&[
                ("kind", "access"),
                ("channel", "letter"),
                ("received_date", date),
                ("received_time", time),
                ("cpr", "240381-9912"),
                ("citizen_name", "Anna Testesen"),
                ("identity_check", "Brev med underskrift"),
                ("about", "Alt"),
                ("postal_address", "Testvej 1\n1234 Testby"),
            ])
        };
        let ok = parse_registration(&form("2026-11-20", "00:30"), now)
            .ok()
            .unwrap();
        assert_eq!(
            ok.received_at,
            Utc.with_ymd_and_hms(2026, 11, 19, 23, 30, 0).unwrap()
        );
        assert_eq!(ok.channel, Channel::Letter);
        let future = parse_registration(&form("2026-11-24", "09:00"), now)
            .err()
            .unwrap();
        assert!(future.0.contains_key("received_date"));
        let bad = parse_registration(
            &fields(&[
                ("kind", "log_question"),
                ("channel", "portal"),
                ("cpr", "123"),
            ]),
            now,
        )
        .err()
        .unwrap();
        for name in [
            "kind",
            "channel",
            "received_date",
            "received_time",
            "cpr",
            "citizen_name",
            "identity_check",
            "about",
        ] {
            assert!(bad.0.contains_key(name), "{name} named");
        }
    }

    #[test]
    fn a_section_22_refusal_needs_a_written_assessment() {
        let errors = parse_refusal(&fields(&[
            ("scope", "fully"),
            ("ground", "section_22"),
            ("body", "Begrundelse"),
        ]))
        .unwrap_err();
        assert!(errors.0.contains_key("assessment"));
        let ok = parse_refusal(&fields(&[
            ("scope", "partly"),
            ("ground", "excessive"),
            ("body", "Begrundelse"),
        ]))
        .unwrap();
        assert!(ok.partly);
        assert!(parse_refusal(&fields(&[])).unwrap_err().0.len() >= 3);
    }

    #[test]
    fn section_22_cannot_refuse_anything_but_access() {
        let form = fields(&[
            ("scope", "fully"),
            ("ground", "section_22"),
            ("body", "Begrundelse"),
            ("assessment", "Efterforskning pågår"),
        ]);
        for kind in Kind::ALL {
            let parsed = super::parse_refusal(&form, kind, Lang::Da);
            if kind.is_right_of_access() {
                assert!(parsed.is_ok(), "{kind:?}");
            } else {
                let errors = parsed.unwrap_err();
                assert_eq!(
                    errors.0["ground"],
                    "Databeskyttelseslovens § 22 kan kun begrænse retten til indsigt. Vælg et andet grundlag.",
                    "{kind:?}"
                );
            }
        }
    }

    #[test]
    fn an_extension_needs_a_listed_reason_and_an_explanation() {
        assert_eq!(
            parse_extension(&fields(&[("reason", "other"), ("explanation", "")]))
                .unwrap_err()
                .0
                .len(),
            2
        );
        assert_eq!(
            parse_extension(&fields(&[
                ("reason", "complexity"),
                ("explanation", "Mange sager")
            ]))
            .unwrap(),
            (ExtensionReason::Complexity, "Mange sager".to_owned())
        );
    }

    #[test]
    fn a_decision_after_advice_says_whether_it_follows_it() {
        let answer = |pairs: &[(&str, &str)], advised| {
            let fields = fields(pairs);
            with_advice_outcome(
                super::parse_answer(&fields, Lang::Da),
                &fields,
                advised,
                Lang::Da,
            )
        };
        // Without advice nothing more is asked, whatever the form sends.
        assert_eq!(
            answer(&[("body", "Svar"), ("advice_followed", "nej")], false).unwrap(),
            ("Svar".to_owned(), None)
        );
        assert_eq!(
            answer(&[("body", "Svar"), ("advice_followed", "ja")], true).unwrap(),
            ("Svar".to_owned(), Some(AdviceOutcome::Followed))
        );
        assert_eq!(
            answer(
                &[
                    ("body", "Svar"),
                    ("advice_followed", "nej"),
                    ("advice_deviation", "Nye oplysninger")
                ],
                true
            )
            .unwrap(),
            (
                "Svar".to_owned(),
                Some(AdviceOutcome::NotFollowed("Nye oplysninger".to_owned()))
            )
        );
        // Both forms' errors come back together, in the language asked.
        let errors = answer(&[("body", ""), ("advice_followed", "måske")], true).unwrap_err();
        assert_eq!(
            errors.0.keys().collect::<Vec<_>>(),
            ["advice_followed", "body"]
        );
        let errors = answer(&[("body", "Svar"), ("advice_followed", "nej")], true).unwrap_err();
        assert_eq!(errors.0.keys().collect::<Vec<_>>(), ["advice_deviation"]);
    }

    #[test]
    fn a_letter_needs_an_address_and_is_sent_between_its_entry_and_today() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let without = fields(&[
            ("kind", "access"),
            ("channel", "letter"),
            ("received_date", "2026-11-20"),
            ("received_time", "10:00"),
            ("cpr", "240381-9912"),
            ("citizen_name", "Anna Testesen"),
            ("identity_check", "Brev med underskrift"),
            ("about", "Alt"),
        ]);
        let errors = parse_registration(&without, now).err().unwrap();
        assert_eq!(
            errors.0["postal_address"],
            "Skriv borgerens postadresse: svar på et brev sendes med posten."
        );
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let sent = |text: &str| {
            parse_sent_on(
                &fields(&[("sent_on", text)]),
                day("2026-11-20"),
                day("2026-11-23"),
                Lang::Da,
            )
        };
        assert_eq!(sent("2026-11-20").unwrap(), day("2026-11-20"));
        assert_eq!(sent("2026-11-23").unwrap(), day("2026-11-23"));
        assert!(sent("2026-11-24").unwrap_err().0["sent_on"].contains("fremtiden"));
        assert!(sent("2026-11-19").unwrap_err().0["sent_on"].contains("før"));
        assert!(sent("23-11-2026").is_err());
    }
}
