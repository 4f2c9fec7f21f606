//! The Danish CPR number, parsed once at the edge and never shown, logged or
//! sent to a browser.

use std::fmt;

use chrono::NaiveDate;

/// A syntactically valid CPR number: ten digits whose first six are a real
/// date of birth, with the century taken from the seventh digit.
///
/// There is deliberately no modulus-11 check: numbers issued since 2007 may
/// fail it. The type implements neither `Display` nor `Serialize`, and its
/// `Debug` shows only asterisks.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cpr {
    digits: [u8; 10],
}

/// Why a text is not a CPR number. The message never repeats the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CprError {
    #[error("Et CPR-nummer har 10 cifre: ddmmåå-xxxx.")]
    WrongLength,
    #[error("Et CPR-nummer må kun indeholde cifre og evt. en bindestreg efter de første 6.")]
    NotDigits,
    #[error("De første 6 cifre i et CPR-nummer skal være en gyldig fødselsdato (ddmmåå).")]
    NotADate,
}

impl Cpr {
    /// Parses `DDMMYYSSSS` or `DDMMYY-SSSS`, ignoring surrounding whitespace.
    pub fn parse(text: &str) -> Result<Cpr, CprError> {
        let text = text.trim();
        let compact: String = match text.as_bytes().get(6) {
            Some(b'-') => text.chars().filter(|c| *c != '-').collect(),
            _ => text.to_owned(),
        };
        if text.matches('-').count() > 1
            || (text.contains('-') && text.as_bytes().get(6) != Some(&b'-'))
        {
            return Err(CprError::NotDigits);
        }
        if compact.chars().count() != 10 {
            return Err(CprError::WrongLength);
        }
        let mut digits = [0_u8; 10];
        for (slot, c) in digits.iter_mut().zip(compact.chars()) {
            *slot = c
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .ok_or(CprError::NotDigits)?;
        }
        let cpr = Cpr { digits };
        cpr.birth_date().ok_or(CprError::NotADate)?;
        Ok(cpr)
    }

    /// The date of birth encoded in the number, `None` only for numbers that
    /// [`Cpr::parse`] would refuse.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let two = |i: usize| u32::from(self.digits[i]) * 10 + u32::from(self.digits[i + 1]);
        let (day, month, year_in_century) = (two(0), two(2), two(4));
        let year = century(self.digits[6], year_in_century) + year_in_century;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    }

    /// The number with the last four digits hidden, e.g. `010190-****`, for
    /// staff screens that show whose case it is without revealing the number.
    pub fn masked(&self) -> String {
        let date: String = self.digits[..6]
            .iter()
            .map(|d| char::from(b'0' + d))
            .collect();
        format!("{date}-****")
    }

    /// The ten digits, for the few places that must use the number itself
    /// (deriving the subject key, encrypting it for staff). Name every caller
    /// in review.
    pub fn expose_digits(&self) -> String {
        self.digits.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

/// The first year of the century a CPR number belongs to, from its seventh
/// digit and two-digit birth year (the CPR office's table).
fn century(seventh_digit: u8, year_in_century: u32) -> u32 {
    match (seventh_digit, year_in_century) {
        (0..=3, _) => 1900,
        (4 | 9, 0..=36) => 2000,
        (4 | 9, _) => 1900,
        (5..=8, 0..=57) => 2000,
        (5..=8, _) => 1800,
        _ => 1900,
    }
}

impl fmt::Debug for Cpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cpr(**********)")
    }
}

/// Whether `text` contains something shaped like a CPR number: ten digits,
/// or six, a hyphen and four, not part of a longer run of digits, whose first
/// six are a date. Used to keep CPR numbers out of free-text fields.
pub fn contains_cpr_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    (0..bytes.len()).any(|start| {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            return false;
        }
        let run = |from: usize, length: usize| (from..from + length).all(digit);
        let ends_at = |end: usize| !digit(end);
        let candidate = if run(start, 10) && ends_at(start + 10) {
            Some(&text[start..start + 10])
        } else if run(start, 6)
            && bytes.get(start + 6) == Some(&b'-')
            && run(start + 7, 4)
            && ends_at(start + 11)
        {
            Some(&text[start..start + 11])
        } else {
            None
        };
        candidate.is_some_and(|candidate| Cpr::parse(candidate).is_ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_ten_digits_with_or_without_hyphen() {
        let plain = Cpr::parse("0101901234").unwrap();
        let hyphen = Cpr::parse(" 010190-1234 ").unwrap();
        assert_eq!(plain, hyphen);
        assert_eq!(plain.birth_date(), NaiveDate::from_ymd_opt(1990, 1, 1));
    }

    #[test]
    fn century_follows_the_seventh_digit() {
        let born = |cpr: &str| Cpr::parse(cpr).unwrap().birth_date().unwrap().to_string();
        assert_eq!(born("0101991234"), "1999-01-01");
        assert_eq!(born("0101103234"), "1910-01-01");
        assert_eq!(born("0101104234"), "2010-01-01");
        assert_eq!(born("0101374234"), "1937-01-01");
        assert_eq!(born("0101205234"), "2020-01-01");
        assert_eq!(born("0101575234"), "2057-01-01");
        assert_eq!(born("0101588234"), "1858-01-01");
        assert_eq!(born("0101369234"), "2036-01-01");
        assert_eq!(born("0101379234"), "1937-01-01");
    }

    #[test]
    fn numbers_failing_modulus_11_are_accepted() {
        // 010190-1235 fails the old modulus-11 check; such numbers exist since 2007.
        assert!(Cpr::parse("0101901235").is_ok());
    }

    #[test]
    fn refuses_malformed_numbers_with_a_reason() {
        assert_eq!(Cpr::parse(""), Err(CprError::WrongLength));
        assert_eq!(Cpr::parse("010190123"), Err(CprError::WrongLength));
        assert_eq!(Cpr::parse("01019012345"), Err(CprError::WrongLength));
        assert_eq!(Cpr::parse("01019O1234"), Err(CprError::NotDigits));
        assert_eq!(Cpr::parse("0101-901234"), Err(CprError::NotDigits));
        assert_eq!(Cpr::parse("010190--1234"), Err(CprError::NotDigits));
        assert_eq!(Cpr::parse("3202901234"), Err(CprError::NotADate));
        assert_eq!(Cpr::parse("0113901234"), Err(CprError::NotADate));
        assert_eq!(Cpr::parse("0001901234"), Err(CprError::NotADate));
        // 29 February exists in 2000 (7th digit 4) but not in 1900 (7th digit 0).
        assert!(Cpr::parse("2902004234").is_ok());
        assert_eq!(Cpr::parse("2902000234"), Err(CprError::NotADate));
        // Full-width digits are not ASCII digits.
        assert_eq!(Cpr::parse("０１０１９０１２３４"), Err(CprError::NotDigits));
    }

    #[test]
    fn never_reveals_the_number() {
        let cpr = Cpr::parse("0101901234").unwrap();
        assert_eq!(format!("{cpr:?}"), "Cpr(**********)");
        assert_eq!(cpr.masked(), "010190-****");
        for bad in ["0101901234x", "3202901234"] {
            let message = Cpr::parse(bad).unwrap_err().to_string();
            assert!(!message.contains("1234"), "{message}");
        }
    }

    proptest! {
        #[test]
        fn every_real_date_parses_and_round_trips(
            days in 0_i64..(365 * 200),
            serial in 0_u32..1000,
        ) {
            // Any date 1858-2057, with a 7th digit that puts it in the right century.
            let date = NaiveDate::from_ymd_opt(1858, 1, 1).unwrap() + chrono::Duration::days(days);
            let year = date.format("%Y").to_string().parse::<u32>().unwrap();
            let seventh = match year { 1858..=1899 => 5, 1900..=1936 => 0, 1937..=1999 => 9, 2000..=2036 => 4, _ => 6 };
            let text = format!("{}{seventh}{serial:03}", date.format("%d%m%y"));
            let cpr = Cpr::parse(&text).unwrap();
            prop_assert_eq!(cpr.birth_date(), Some(date));
            prop_assert_eq!(cpr.expose_digits(), text);
        }

        #[test]
        fn anything_with_a_non_digit_is_refused(text in "[0-9]{0,5}[^0-9\\s-][0-9]{0,8}") {
            prop_assert!(Cpr::parse(&text).is_err());
        }
    }

    #[test]
    fn cpr_numbers_are_found_inside_text_and_other_numbers_are_not() {
        for text in [
            "2403819912",
            "240381-9912",
            "sag om 240381-9912 i går",
            "cpr:2403819912.",
            "x2403819912y",
        ] {
            assert!(contains_cpr_number(text), "{text}");
        }
        for text in [
            "",
            "H-000123",
            "24038199123",
            "12403819912",
            "9903819912",
            "240381 9912",
            "sag 2026-123456",
            "tlf. 12345678",
        ] {
            assert!(!contains_cpr_number(text), "{text}");
        }
    }
}
