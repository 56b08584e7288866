use serde::{Deserialize, Serialize};

use crate::rubric::Bands;

/// A band of scores, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// Below the partial threshold.
    Weak,
    /// Some of the picture.
    Partial,
    /// Most of it.
    Good,
    /// All that matters.
    Strong,
}

impl Band {
    /// The band of `score` under `bands`.
    pub fn of(score: f32, bands: &Bands) -> Band {
        if score >= bands.strong {
            Band::Strong
        } else if score >= bands.good {
            Band::Good
        } else if score >= bands.partial {
            Band::Partial
        } else {
            Band::Weak
        }
    }

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Weak => "weak",
            Band::Partial => "partial",
            Band::Good => "good",
            Band::Strong => "strong",
        }
    }
}

impl std::fmt::Display for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
