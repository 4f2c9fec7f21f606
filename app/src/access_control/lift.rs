//! [ssr] Lifting a block: why ([`LiftCause`]) and the DPO's form.

/// Why a block is lifted, as the DPO or an administrator writes it (the web
/// form, `server unblock --cause`): 1 to 500 characters, without control
/// characters or anything shaped like a CPR number (it is kept with the
/// block, and shown to whoever reviews the registry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiftCause(String);

impl LiftCause {
    pub const MAX_CHARS: usize = 500;

    /// The cause, trimmed, or the key of what to tell the person who wrote
    /// it (a text in `app/locales`).
    pub fn parse(text: &str) -> Result<LiftCause, &'static str> {
        let text = text.trim();
        if text.is_empty() {
            Err("lift-cause-missing")
        } else if text.chars().count() > Self::MAX_CHARS {
            Err("lift-cause-too-long")
        } else if crate::text::has_control_characters(text) {
            Err("lift-cause-control-character")
        } else if crate::identity::cpr::contains_cpr_number(text) {
            Err("lift-cause-cpr")
        } else {
            Ok(LiftCause(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The DPO's form lifting a block: which block (`block`) and why (`cause`).
pub fn parse_lift_form(
    fields: &crate::requests::forms::Fields,
    lang: crate::i18n::Lang,
) -> Result<(i64, LiftCause), crate::requests::forms::FieldErrors> {
    use crate::requests::forms::field;
    let mut errors = crate::requests::forms::FieldErrors::new(lang);
    let block = field(fields, "block").trim().parse::<i64>().ok();
    if block.is_none() {
        errors.add("block", "lift-block-missing");
    }
    let cause = LiftCause::parse(field(fields, "cause"))
        .map_err(|problem| errors.add("cause", problem))
        .ok();
    match (block, cause) {
        (Some(block), Some(cause)) => Ok((block, cause)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::LiftCause;

    #[test]
    fn a_lift_cause_is_trimmed_text_without_cpr_numbers_or_control_characters() {
        assert_eq!(
            LiftCause::parse("  Borgeren tastede forkert, sag 2026-12 ")
                .unwrap()
                .as_str(),
            "Borgeren tastede forkert, sag 2026-12"
        );
        assert!(LiftCause::parse("   ").is_err());
        assert!(LiftCause::parse(&"x".repeat(501)).is_err());
        assert!(LiftCause::parse(&"æ".repeat(500)).is_ok());
        assert!(LiftCause::parse("a\0b").is_err());
        assert_eq!(
            LiftCause::parse("borger 010190-1234 ringede"),
            Err("lift-cause-cpr")
        );
        for key in [
            "lift-cause-missing",
            "lift-cause-too-long",
            "lift-cause-control-character",
            "lift-cause-cpr",
        ] {
            for lang in crate::i18n::Lang::ALL {
                assert!(lang.has(key), "{lang:?} {key}");
            }
        }
    }
}
