//! How a grade becomes a rating for the scheduler.
//!
//! The band gives the rating — strong → [`Rating::Easy`], good → [`Rating::Good`], partial →
//! [`Rating::Hard`], weak → [`Rating::Again`] — and a missed required concept pulls it down one
//! step (a good answer that misses what the question is about is only Hard). The user may
//! override the result; both the suggestion and the rating used are stored. Missed concepts,
//! required or not, also shorten the interval the rating gives — by their share of the score,
//! not through the rating (see [`Scheduler::sooner`](super::Scheduler::sooner)).

use serde::{Deserialize, Serialize};

use crate::scoring::{Band, Grade};

/// An FSRS rating: how well the answer was recalled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Forgotten: comes back tomorrow.
    Again,
    /// Recalled with serious gaps.
    Hard,
    /// Recalled.
    Good,
    /// Recalled completely.
    Easy,
}

impl Rating {
    /// All four, worst first.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The lower-case name (`again`, `hard`, `good`, `easy`).
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// The rating a key names: `a`/`1` Again, `h`/`2` Hard, `g`/`3` Good, `e`/`4` Easy
    /// (case-insensitive); anything else is `None`.
    pub fn from_key(key: &str) -> Option<Rating> {
        match key.trim().to_ascii_lowercase().as_str() {
            "a" | "1" | "again" => Some(Rating::Again),
            "h" | "2" | "hard" => Some(Rating::Hard),
            "g" | "3" | "good" => Some(Rating::Good),
            "e" | "4" | "easy" => Some(Rating::Easy),
            _ => None,
        }
    }

    /// One step lower (Again stays Again).
    pub fn lower(self) -> Rating {
        match self {
            Rating::Easy => Rating::Good,
            Rating::Good => Rating::Hard,
            Rating::Hard | Rating::Again => Rating::Again,
        }
    }

    pub(crate) fn to_fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        })
    }
}

impl std::str::FromStr for Rating {
    type Err = String;
    fn from_str(s: &str) -> Result<Rating, String> {
        Rating::from_key(s)
            .ok_or_else(|| format!("unknown rating `{s}`; use again, hard, good or easy"))
    }
}

/// The rating of a band, before missed required concepts are counted.
pub fn band_rating(band: Band) -> Rating {
    match band {
        Band::Strong => Rating::Easy,
        Band::Good => Rating::Good,
        Band::Partial => Rating::Hard,
        Band::Weak => Rating::Again,
    }
}

/// The suggested rating of a band when `missed_required` required concepts were missed.
pub fn suggest(band: Band, missed_required: usize) -> Rating {
    let r = band_rating(band);
    if missed_required > 0 {
        r.lower()
    } else {
        r
    }
}

/// The suggested rating of a grade.
///
/// # Example: a missed required concept pulls a good answer down to Hard
/// ```
/// use rubric_grader::study::{rating_for, Rating};
/// use rubric_grader::{Bank, Grader};
/// let bank = Bank::embedded()?;
/// let grader = Grader::for_entry(&bank, bank.find("g06")?)?;
/// let grade = grader.grade("I do not know.")?;
/// assert_eq!(rating_for(&grade), Rating::Again);
/// # Ok::<(), rubric_grader::Error>(())
/// ```
pub fn rating_for(grade: &Grade) -> Rating {
    let missed_required = grade.missed().filter(|c| c.required).count();
    suggest(grade.band, missed_required)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_map_to_ratings_and_required_misses_pull_down() {
        assert_eq!(suggest(Band::Strong, 0), Rating::Easy);
        assert_eq!(suggest(Band::Good, 0), Rating::Good);
        assert_eq!(suggest(Band::Good, 1), Rating::Hard);
        assert_eq!(suggest(Band::Partial, 0), Rating::Hard);
        assert_eq!(suggest(Band::Partial, 2), Rating::Again);
        assert_eq!(suggest(Band::Weak, 0), Rating::Again);
        assert_eq!(Rating::from_key(" E "), Some(Rating::Easy));
        assert_eq!(Rating::from_key("x"), None);
    }
}
