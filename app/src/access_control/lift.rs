//! [ssr] Lifting a block: why ([`LiftCause`]) and the DPO's form.

/// Why a block is lifted, as the DPO or an administrator writes it (the web
/// form, `server unblock --cause`): 1 to 500 characters, without control
/// characters or anything shaped like a CPR number (it is kept with the
/// block, and shown to whoever reviews the registry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiftCause(String);

impl LiftCause {
    pub const MAX_CHARS: usize = 500;

    /// The cause, trimmed, or what to tell the person who wrote it.
    pub fn parse(text: &str) -> Result<LiftCause, &'static str> {
        let text = text.trim();
        if text.is_empty() {
            Err("Skriv, hvorfor spærringen ophæves, fx hvad undersøgelsen viste.")
        } else if text.chars().count() > Self::MAX_CHARS {
            Err("Skriv årsagen med højst 500 tegn.")
        } else if crate::text::has_control_characters(text) {
            Err("Årsagen indeholder et tegn, der ikke kan gemmes. Skriv den igen.")
        } else if crate::identity::cpr::contains_cpr_number(text) {
            Err("Skriv årsagen uden CPR-nummer.")
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
) -> Result<(i64, LiftCause), crate::requests::forms::FieldErrors> {
    use crate::requests::forms::field;
    let mut errors = crate::requests::forms::FieldErrors::default();
    let block = field(fields, "block").trim().parse::<i64>().ok();
    if block.is_none() {
        errors.add("block", "Vælg den spærring, der skal ophæves.");
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
        assert!(LiftCause::parse("borger 010190-1234 ringede").is_err());
    }
}
