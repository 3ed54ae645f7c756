//! Phone numbers as surveyors copy them off a door, in the one form the pack keeps:
//! `+86 571 86912900` (landline: area code, then the local number), `+86 138 0013 8000`
//! (mobile), or a short service number as it is (`12345`, `96345`).

/// Why a number was refused, in both languages (the survey form shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    Empty,
    NotANumber,
    WrongLength,
}

impl PhoneProblem {
    pub fn message(self, english: bool) -> &'static str {
        match (self, english) {
            (PhoneProblem::Empty, false) => "请填写电话号码。",
            (PhoneProblem::Empty, true) => "Enter a phone number.",
            (PhoneProblem::NotANumber, false) => "电话号码只能包含数字、空格、+ 和 -。",
            (PhoneProblem::NotANumber, true) => "A phone number has only digits, spaces, + and -.",
            (PhoneProblem::WrongLength, false) => {
                "位数不对：固话请写区号加号码（如 0571 86912900），手机为 11 位。"
            }
            (PhoneProblem::WrongLength, true) => {
                "Wrong number of digits: a landline needs its area code (e.g. 0571 86912900); a mobile has 11 digits."
            }
        }
    }
}

/// Area codes of two digits after the 0 (Beijing, Shanghai, Tianjin, Chongqing and the 02x
/// cities); every other mainland area code has three.
fn area_code_len(national: &str) -> usize {
    if national.starts_with("10") || national.starts_with('2') {
        2
    } else {
        3
    }
}

/// Normalises a mainland China number. A bare 8-digit number is a Hangzhou landline (0571):
/// that is how numbers are written on doors here.
pub fn normalise_phone(input: &str) -> Result<String, PhoneProblem> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(PhoneProblem::Empty);
    }
    if !raw
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()（）".contains(c))
    {
        return Err(PhoneProblem::NotANumber);
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let international = raw.starts_with('+') || digits.starts_with("0086");
    let national = if let Some(rest) = digits.strip_prefix("0086") {
        rest.to_string()
    } else if international {
        digits
            .strip_prefix("86")
            .ok_or(PhoneProblem::WrongLength)?
            .to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest.to_string()
    } else if digits.len() == 8 {
        format!("571{digits}")
    } else if (3..=6).contains(&digits.len()) {
        // A service number (12345 government hotline, 96345 …) is dialled as it is.
        return Ok(digits);
    } else if digits.len() == 11 && digits.starts_with('1') {
        digits
    } else {
        // Without a 0, only a mobile number or a Hangzhou local one is complete.
        return Err(PhoneProblem::WrongLength);
    };
    if national.len() == 11 && national.starts_with('1') {
        let (a, rest) = national.split_at(3);
        let (b, c) = rest.split_at(4);
        return Ok(format!("+86 {a} {b} {c}"));
    }
    let area = area_code_len(&national);
    let local = national.len().saturating_sub(area);
    if !(7..=8).contains(&local) {
        return Err(PhoneProblem::WrongLength);
    }
    let (a, l) = national.split_at(area);
    Ok(format!("+86 {a} {l}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_one_way() {
        for (input, want) in [
            ("0571-86912900", "+86 571 86912900"),
            ("(0571) 8691 2900", "+86 571 86912900"),
            ("86912900", "+86 571 86912900"),
            ("+86 571 86912900", "+86 571 86912900"),
            ("0086 571 86912900", "+86 571 86912900"),
            ("010-12345678", "+86 10 12345678"),
            ("021 1234 5678", "+86 21 12345678"),
            ("13800138000", "+86 138 0013 8000"),
            ("+86 138-0013-8000", "+86 138 0013 8000"),
            ("12345", "12345"),
        ] {
            assert_eq!(normalise_phone(input).as_deref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn bad_numbers_say_why_in_both_languages() {
        assert_eq!(normalise_phone("  "), Err(PhoneProblem::Empty));
        assert_eq!(
            normalise_phone("0571-8691 ext 2"),
            Err(PhoneProblem::NotANumber)
        );
        assert_eq!(
            normalise_phone("0571-869129"),
            Err(PhoneProblem::WrongLength)
        );
        assert_eq!(
            normalise_phone("+44 20 7946 0958"),
            Err(PhoneProblem::WrongLength)
        );
        assert_eq!(
            normalise_phone("1380013800"),
            Err(PhoneProblem::WrongLength)
        );
        for p in [
            PhoneProblem::Empty,
            PhoneProblem::NotANumber,
            PhoneProblem::WrongLength,
        ] {
            assert!(!p.message(false).is_empty() && !p.message(true).is_empty());
        }
    }
}
