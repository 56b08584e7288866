//! The shared glossary: domain synonyms and abbreviations referenced by name from concepts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Named lists of equivalent phrasings (`pdb` → `PDB`, `PodDisruptionBudget`, `pod disruption budget`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// Entry name → phrasings (phrases, `/regexes/` or `@other` entries, as in `Matcher::Any`).
    pub entries: BTreeMap<String, Vec<String>>,
}

impl Glossary {
    /// The phrasings of an entry.
    pub fn get(&self, name: &str) -> Option<&[String]> {
        self.entries.get(name).map(Vec::as_slice)
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
