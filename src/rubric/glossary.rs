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

/// Most entries one rubric's glossary references may visit, and most phrasings they may expand
/// to, before the rubric is refused: chains of any depth are fine below it, and a glossary built
/// to explode (every entry naming the next one twice) costs bounded time.
pub const MAX_GLOSSARY_EXPANSION: usize = 100_000;

/// Why glossary references cannot be expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RefProblem {
    /// `name` is not an entry; `from` is the entry that names it (none: the rubric itself).
    Unknown { from: Option<String>, name: String },
    /// The entries of a cycle, first repeated at the end: `a → b → a`.
    Cycle(Vec<String>),
    /// Expanding `name` visits more than [`MAX_GLOSSARY_EXPANSION`] entries or phrasings.
    TooLarge { name: String },
}

impl RefProblem {
    /// The reference to point at in the source text (`@name`) and a message.
    pub(crate) fn describe(&self) -> (String, String) {
        match self {
            RefProblem::Unknown { from: None, name } => {
                (name.clone(), format!("unknown glossary entry `{name}`"))
            }
            RefProblem::Unknown {
                from: Some(from),
                name,
            } => (
                from.clone(),
                format!("glossary entry `{from}` refers to unknown entry `{name}`"),
            ),
            RefProblem::Cycle(path) => (
                path[0].clone(),
                format!(
                    "glossary entry `{}` refers to itself through {}",
                    path[0],
                    path.iter()
                        .map(|p| format!("`{p}`"))
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            ),
            RefProblem::TooLarge { name } => (
                name.clone(),
                format!(
                    "glossary entry `{name}` expands to more than {MAX_GLOSSARY_EXPANSION} entries or phrasings"
                ),
            ),
        }
    }
}

impl Glossary {
    /// Whether any of `names` leads to an entry that refers to another (`@other`), so that
    /// references must be expanded before compiling.
    pub(crate) fn has_chains(&self, names: &[String]) -> bool {
        names.iter().any(|n| {
            self.get(n)
                .is_some_and(|items| items.iter().any(|s| s.starts_with('@')))
        })
    }

    /// The first reference cycle among all entries, if any.
    pub(crate) fn find_cycle(&self) -> Option<Vec<String>> {
        let mut done = std::collections::HashSet::new();
        for name in self.entries.keys() {
            if let Err(RefProblem::Cycle(c)) = self.expand(name, &mut done, &mut |_| Ok(())) {
                return Some(c);
            }
        }
        None
    }

    /// A glossary holding, for each of `names`, every phrasing reachable from it with all
    /// `@references` resolved (so chains of any depth compile in one step), each phrasing once.
    pub(crate) fn flatten(&self, names: &[String]) -> Result<Glossary, RefProblem> {
        let mut entries = BTreeMap::new();
        let mut budget = MAX_GLOSSARY_EXPANSION;
        for name in names {
            if entries.contains_key(name) {
                continue;
            }
            let mut phrasings = Vec::new();
            let mut dedupe = std::collections::HashSet::new();
            self.expand(
                name,
                &mut std::collections::HashSet::new(),
                &mut |s: &str| {
                    budget = budget.checked_sub(1).ok_or(())?;
                    if dedupe.insert(s.to_string()) {
                        phrasings.push(s.to_string());
                    }
                    Ok(())
                },
            )?;
            entries.insert(name.clone(), phrasings);
        }
        Ok(Glossary { entries })
    }

    /// Depth-first walk from `root` without recursion (so depth costs no stack), calling `emit`
    /// on every phrasing that is not a reference. Entries in `done` were fully expanded before
    /// and are not walked again. `emit` returning `Err` means the budget is spent.
    fn expand(
        &self,
        root: &str,
        done: &mut std::collections::HashSet<String>,
        emit: &mut dyn FnMut(&str) -> Result<(), ()>,
    ) -> Result<(), RefProblem> {
        let too_large = || RefProblem::TooLarge {
            name: root.to_string(),
        };
        if done.contains(root) {
            return Ok(());
        }
        let Some(items) = self.get(root) else {
            return Err(RefProblem::Unknown {
                from: None,
                name: root.to_string(),
            });
        };
        // The path being walked: (entry, its phrasings, next index).
        let mut stack: Vec<(&str, &[String], usize)> = vec![(root, items, 0)];
        let mut on_stack = std::collections::HashSet::from([root]);
        let mut visits = 0usize;
        while let Some(top) = stack.last_mut() {
            let (name, items, i): (&str, &[String], usize) = (top.0, top.1, top.2);
            let Some(item) = items.get(i) else {
                on_stack.remove(name);
                done.insert(name.to_string());
                stack.pop();
                continue;
            };
            top.2 += 1;
            visits += 1;
            if visits > MAX_GLOSSARY_EXPANSION {
                return Err(too_large());
            }
            match item.strip_prefix('@') {
                None => emit(item).map_err(|()| too_large())?,
                Some(next) => {
                    if on_stack.contains(next) {
                        let start = stack.iter().position(|(n, _, _)| *n == next).unwrap_or(0);
                        let mut cycle: Vec<String> = stack[start..]
                            .iter()
                            .map(|(n, _, _)| n.to_string())
                            .collect();
                        cycle.push(next.to_string());
                        return Err(RefProblem::Cycle(cycle));
                    }
                    if done.contains(next) {
                        // Expanded already from this root: its phrasings are in.
                        continue;
                    }
                    let Some((key, items)) = self.entries.get_key_value(next) else {
                        return Err(RefProblem::Unknown {
                            from: Some(name.to_string()),
                            name: next.to_string(),
                        });
                    };
                    on_stack.insert(key.as_str());
                    stack.push((key.as_str(), items.as_slice(), 0));
                }
            }
        }
        Ok(())
    }
}
