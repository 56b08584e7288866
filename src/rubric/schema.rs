//! What a rubric is: plain data, read from RON with unknown fields rejected.
//!
//! See `docs/rubric-format.md` for an annotated example of every field.

use serde::{Deserialize, Serialize};

/// One question's rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Stable id users type: `q005`, `g06`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Category folder name, e.g. `troubleshooting`.
    pub category: String,
    /// Level of the question.
    pub level: Level,
    /// The question as asked.
    pub question: String,
    /// Free tags for filtering.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A model answer that must score in the top band.
    pub model_answer: String,
    /// What a strong answer shows.
    pub concepts: Vec<Concept>,
    /// "k of n" groups over concepts.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Wrong beliefs that cost points.
    #[serde(default)]
    pub misconceptions: Vec<Misconception>,
    /// Band thresholds; defaults when absent.
    #[serde(default)]
    pub bands: Option<Bands>,
    /// Answers with the score range they should get, checked by lint and tests.
    #[serde(default)]
    pub examples: Vec<MarkedExample>,
    /// Optional credit for stating the reference answers' content words in any order: the
    /// fallback `rubric draft` gives short references. Absent from hand-written rubrics unless
    /// an author adds it; without it nothing about scoring changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

/// Credit for content-word coverage of reference answers, on a saturating curve.
///
/// The answer's stemmed content words are compared with each reference's; a reference word
/// counts when the answer states it (or one of its `synonyms`) with the same stance — a word the
/// reference asserts does not count when the answer denies it, and the other way round. A
/// reference word the answer contradicts — states only with the opposite stance, or replaces by
/// one of its `antonyms` — counts against that reference. Words of `demote` (typically the
/// question) count a fifth when its last sentence or a question in it uses them, and half when
/// only the setup before does. With `r` the best weighted recall
/// over the references and `x = min(1, r / full)`, the credit is `1 − (1 − x)^curve` of
/// `weight`, which joins the concepts' weights in the total: `curve` 1 is linear, 2 (the
/// default) saturates, giving the first words of the idea more than the last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Weight beside the concepts' (> 0).
    #[serde(default = "one")]
    pub weight: f32,
    /// Recall of a reference's content words that earns full credit (0–1].
    #[serde(default = "half")]
    pub full: f32,
    /// How fast credit saturates: 1 linear, 2 (default) concave; from 1 to 4.
    #[serde(default = "two")]
    pub curve: f32,
    /// The reference answers whose content words are counted.
    pub references: Vec<String>,
    /// Text whose words earn little (the question: repeating it is not answering it); words of
    /// its setup sentences, before what it asks, earn half.
    #[serde(default)]
    pub demote: String,
    /// Other words that state a reference word: `{"large": ["big"]}`.
    #[serde(default)]
    pub synonyms: std::collections::BTreeMap<String, Vec<String>>,
    /// Words that contradict a reference word: `{"closed": ["open"]}`.
    #[serde(default)]
    pub antonyms: std::collections::BTreeMap<String, Vec<String>>,
}

/// The share of its weight a demoted word (one the question already uses) keeps in coverage.
pub const DEMOTED_WORD_WEIGHT: f32 = 0.2;

fn half() -> f32 {
    0.5
}

fn two() -> f32 {
    2.0
}

/// The level a question targets, or that an answer shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Knows the objects and commands.
    Junior,
    /// Debugs common failures on their own.
    Mid,
    /// Explains mechanisms and trade-offs.
    Senior,
    /// Designs for scale and failure across teams.
    Staff,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 4] = [Level::Junior, Level::Mid, Level::Senior, Level::Staff];

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Staff => "staff",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Level, String> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown level `{s}`; expected junior, mid, senior or staff"))
    }
}

/// One thing a strong answer shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Id, unique within the rubric.
    pub id: String,
    /// What it is, in a few words.
    pub label: String,
    /// Relative importance (> 0). Inside a group it only ranks misses; the group's weight counts.
    #[serde(default = "one")]
    pub weight: f32,
    /// Without it the answer cannot reach the top band.
    #[serde(default)]
    pub required: bool,
    /// Which hits count: by default only ones outside a negation scope.
    #[serde(default)]
    pub polarity: Polarity,
    /// How to find it in an answer.
    pub matcher: Matcher,
    /// Shown when missed: what to look at.
    pub hint: String,
    /// Shown when hit.
    #[serde(default)]
    pub feedback: String,
    /// A probe to ask when it is missed (or to dig deeper).
    #[serde(default)]
    pub follow_up: Option<String>,
    /// What to study: a topic or a documentation page.
    #[serde(default)]
    pub study: Option<String>,
}

fn one() -> f32 {
    1.0
}

/// Which hits of a concept count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Only hits outside a negation scope ("use a preStop hook").
    #[default]
    Positive,
    /// Only negated hits: the concept is stated negatively ("must not run privileged").
    Negative,
    /// Either.
    Either,
}

impl Polarity {
    /// Whether a hit counts under this polarity, given whether it lies in a denial.
    pub fn counts(self, negated: bool) -> bool {
        match self {
            Polarity::Positive => !negated,
            Polarity::Negative => negated,
            Polarity::Either => true,
        }
    }
}

/// How a concept or misconception is found in an answer.
///
/// In `Any`, a string is a phrase (one word is a term), `@name` refers to a glossary entry and
/// `/pattern/` is a regex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Matcher {
    /// One word, stemmed and typo-tolerant.
    Term(String),
    /// A sequence of words, equal under normalisation, with a small gap allowed.
    Phrase(String),
    /// A regex over the original text, case-insensitive unless it sets flags itself.
    Regex(String),
    /// A glossary entry by name.
    Glossary(String),
    /// Shorthand: any of these phrases, `@glossary` refs or `/regexes/`.
    Any(Vec<String>),
    /// Any of these matchers.
    AnyOf(Vec<Matcher>),
    /// All of these matchers, close together.
    AllOf {
        /// The matchers.
        of: Vec<Matcher>,
        /// How close their hits must be.
        #[serde(default)]
        within: Window,
    },
    /// A claim about order: each matcher's event happens before the next one's, within the
    /// window (default: the same sentence). The order is the one the answer *claims*, not the order
    /// of the words: "init containers finish before the app starts" and "the app starts only
    /// after the init containers finish" both match `Ordered(of: [init, app])`; "init
    /// containers start after the app is up" does not.
    Ordered {
        /// The events, earliest first.
        of: Vec<Matcher>,
        /// How close their hits must be (default: the same sentence).
        #[serde(default)]
        within: Window,
    },
    /// A match that does not count when another matcher hits near it (default: in the same
    /// clause): `Except(of: Any(["grace period"]), near: Any(["--grace-period=0", "force"]))`.
    Except {
        /// What to find.
        of: Box<Matcher>,
        /// What voids a hit of `of` when it is this close.
        near: Box<Matcher>,
        /// How close voids it.
        #[serde(default = "clause")]
        within: Window,
    },
}

fn clause() -> Window {
    Window::Clause
}

/// How close the parts of an `AllOf` must be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Window {
    /// In the same clause: a sentence splits into clauses at commas, semicolons, colons,
    /// brackets and dashes, and before "but", "because", "so", "which", "while", "whereas" …
    Clause,
    /// In the same sentence (or bullet line).
    #[default]
    Sentence,
    /// Within this many tokens of each other.
    Tokens(u32),
    /// Anywhere in the answer.
    Answer,
}

/// Any `k` of the listed concepts give the group's full weight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Id, unique within the rubric (concepts and groups share one namespace).
    pub id: String,
    /// What the group asks for ("top 3 root causes").
    pub label: String,
    /// How many hits give full credit.
    pub k: usize,
    /// Ids of member concepts.
    pub concepts: Vec<String>,
    /// Weight of the whole group.
    #[serde(default = "one")]
    pub weight: f32,
    /// Without it the answer cannot reach the top band.
    #[serde(default)]
    pub required: bool,
    /// Shown when fewer than `k` members are hit.
    #[serde(default)]
    pub hint: String,
}

/// A wrong belief that costs points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misconception {
    /// Id, unique within the rubric.
    pub id: String,
    /// The wrong belief, in a few words.
    pub label: String,
    /// How to recognise it.
    pub matcher: Matcher,
    /// Which hits count: by default only asserted ones ("SIGKILL can *not* be trapped" does not
    /// hold the belief "SIGKILL can be trapped"); `negative` for a belief stated as a denial
    /// ("IPVS doesn't use conntrack": match "IPVS uses conntrack" and count only its denials).
    #[serde(default)]
    pub polarity: Polarity,
    /// Points off the 0–100 score.
    pub penalty: f32,
    /// What is actually true.
    pub correction: String,
    /// Ids of the concepts this belief contradicts. When it is held, they earn nothing even if
    /// their words appear, the answer cannot reach the good band, and a belief that contradicts
    /// a required concept caps the score at [`WRONG_CENTRAL_CLAIM_CAP`].
    #[serde(default)]
    pub contradicts: Vec<String>,
}

/// The most an answer can score while it holds a misconception that contradicts a required
/// concept: a confidently wrong central claim.
pub const WRONG_CENTRAL_CLAIM_CAP: f32 = 10.0;

/// Band thresholds on the 0–100 score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    /// Lowest score of the strong band.
    pub strong: f32,
    /// Lowest score of the good band.
    pub good: f32,
    /// Lowest score of the partial band; below is weak.
    pub partial: f32,
}

impl Default for Bands {
    fn default() -> Bands {
        Bands {
            strong: 80.0,
            good: 60.0,
            partial: 35.0,
        }
    }
}

/// An answer with the score range it should get.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkedExample {
    /// What kind of answer it is: strong, partial, weak, adversarial …
    pub label: String,
    /// The answer text.
    pub answer: String,
    /// Inclusive score range.
    pub expected: (f32, f32),
}
