//! Study settings kept in the store: the daily limit of new questions and the desired retention.
//!
//! They live in the store's `settings` table (name → value, as text), so every program that
//! opens the store — `rubric study`, `practice`, `interview`, an embedding tool — schedules with
//! the same ones. A value is checked when it is set ([`Settings::set`]); a name not stored takes
//! its default. The command line may override them for one session without storing anything.

use serde::Serialize;

use super::error::StudyError;
use super::schedule::DEFAULT_RETENTION;

/// The default daily limit of new questions.
pub const DEFAULT_NEW_PER_DAY: usize = 5;
/// The largest daily limit of new questions accepted.
pub const MAX_NEW_PER_DAY: usize = 1000;
/// The range of desired retention accepted (FSRS's sensible range).
pub const RETENTION_RANGE: std::ops::RangeInclusive<f64> = 0.7..=0.99;

/// The settings of a study store.
///
/// # Example: set from text, checked
/// ```
/// use rubric_grader::study::Settings;
/// let mut s = Settings::default();
/// s.set("new-per-day", "15")?;
/// assert_eq!(s.new_per_day, 15);
/// assert!(s.set("retention", "1.5").is_err());
/// assert_eq!(s.get("retention").as_deref(), Some("0.9"));
/// # Ok::<(), rubric_grader::study::StudyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    /// New questions a day in a session (those already started today count).
    pub new_per_day: usize,
    /// FSRS desired retention, 0.7–0.99: the recall probability at which a card falls due.
    pub retention: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            new_per_day: DEFAULT_NEW_PER_DAY,
            retention: DEFAULT_RETENTION,
        }
    }
}

impl Settings {
    /// The names of the settings, as stored and as typed (`--set NAME=VALUE`).
    pub const NAMES: [&'static str; 2] = ["new-per-day", "retention"];

    /// The value of setting `name` as text, or `None` for an unknown name.
    pub fn get(&self, name: &str) -> Option<String> {
        match canonical(name)? {
            "new-per-day" => Some(self.new_per_day.to_string()),
            _ => Some(self.retention.to_string()),
        }
    }

    /// Sets `name` from text, after checking it; `name` may also be `new` (the flag's name).
    ///
    /// # Errors
    /// [`StudyError::BadSetting`] for an unknown name or a value out of range; nothing changes.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), StudyError> {
        let bad = |reason: String| StudyError::BadSetting {
            name: one_line(name),
            value: one_line(value),
            reason,
        };
        match canonical(name) {
            Some("new-per-day") => self.new_per_day = parse_new_per_day(value).map_err(bad)?,
            Some(_) => self.retention = parse_retention(value).map_err(bad)?,
            None => return Err(unknown(name)),
        }
        Ok(())
    }
}

/// The error for a setting name that is not one.
pub(crate) fn unknown(name: &str) -> StudyError {
    StudyError::UnknownSetting {
        name: one_line(name),
    }
}

/// Text for a one-line message: control characters escaped, at most 40 characters.
fn one_line(s: &str) -> String {
    let escaped: String = s.chars().flat_map(char::escape_debug).collect();
    match escaped.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &escaped[..i]),
        None => escaped,
    }
}

/// The canonical name of a setting (`new` and `desired-retention` are accepted too).
pub(crate) fn canonical(name: &str) -> Option<&'static str> {
    match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "new-per-day" | "new" => Some("new-per-day"),
        "retention" | "desired-retention" => Some("retention"),
        _ => None,
    }
}

/// A daily limit of new questions: a whole number from 0 to [`MAX_NEW_PER_DAY`].
///
/// # Errors
/// Why the text is not one, in a short phrase.
pub fn parse_new_per_day(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n <= MAX_NEW_PER_DAY => Ok(n),
        Ok(_) => Err(format!("must be from 0 to {MAX_NEW_PER_DAY}")),
        Err(_) => Err(format!(
            "not a whole number; give 0 to {MAX_NEW_PER_DAY} new questions a day"
        )),
    }
}

/// A desired retention: a number from 0.7 to 0.99.
///
/// # Errors
/// Why the text is not one, in a short phrase.
pub fn parse_retention(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if RETENTION_RANGE.contains(&r) => Ok(r),
        Ok(_) => Err("must be between 0.7 and 0.99".into()),
        Err(_) => Err("not a number; give a retention between 0.7 and 0.99".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_and_nothing_changes_on_a_bad_one() {
        let mut s = Settings::default();
        for (name, value) in [
            ("new-per-day", "-1"),
            ("new-per-day", "ten"),
            ("new-per-day", "1001"),
            ("retention", "0.5"),
            ("retention", "NaN"),
            ("retention", "inf"),
            ("retention", ""),
            ("colour", "blue"),
        ] {
            let e = s.set(name, value).unwrap_err();
            assert!(
                matches!(
                    e,
                    StudyError::BadSetting { .. } | StudyError::UnknownSetting { .. }
                ),
                "{e}"
            );
            assert!(!e.to_string().contains('\n'), "{e}");
            assert_eq!(s, Settings::default());
        }
        let e = s.set("retention", "0.8\nmore").unwrap_err().to_string();
        assert_eq!(
            e,
            "setting retention=0.8\\nmore: not a number; give a retention between 0.7 and 0.99"
        );
        s.set("NEW", " 0 ").unwrap();
        s.set("desired_retention", "0.85").unwrap();
        assert_eq!(
            s,
            Settings {
                new_per_day: 0,
                retention: 0.85
            }
        );
        assert_eq!(s.get("retention").as_deref(), Some("0.85"));
        assert_eq!(s.get("nope"), None);
    }
}
