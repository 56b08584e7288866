//! The analyser: segment → normalise → stem, composed once and reused for every answer.

use super::lexeme::{hash_str, with_lexeme, Words};
use super::negation::{self, cue_kind, verdict_group, CueKind, DenialRule, NO_VERDICT};
use super::normalize::lowercase_into;
use super::segment::{segment, Break};
use super::token::{Span, Token, TokenKind};

/// The text-analysis pipeline. Cheap to create; holds no per-answer state.
///
/// # Example: the same identifier written four ways
/// ```
/// use rubric_grader::Analyzer;
/// let analyzer = Analyzer::new();
/// for text in ["preStop", "pre-stop", "PRE_STOP", "pre stop"] {
///     let a = analyzer.analyze(text);
///     let stems: Vec<&str> = a.tokens().iter().map(|t| a.stem(t)).collect();
///     assert_eq!(stems, ["pre", "stop"]);
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    _private: (),
}

/// An analysed text: tokens with spans, normalised forms and stems, sentences and negation.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    tokens: Vec<Token>,
    /// Normalised forms and stems of all tokens, back to back.
    buf: String,
    /// Lower-cased surface forms (before spelling normalisation), for negation and function words.
    lower: Vec<(u32, u32)>,
    /// Per token, the hash of its stem and of its normalised form (see `lexeme::hash_str`).
    hashes: Vec<(u64, u64)>,
    sentences: u32,
    words: u32,
}

impl Analyzer {
    /// A new analyser with the default pipeline.
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Analyses `text`. Never fails; time is linear in the length of `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        let mut a = Analysis {
            tokens: Vec::with_capacity(text.len() / 5 + 1),
            buf: String::with_capacity(text.len() * 2 + 16),
            lower: Vec::with_capacity(text.len() / 5 + 1),
            hashes: Vec::with_capacity(text.len() / 5 + 1),
            sentences: 0,
            words: 0,
        };
        let mut sentence = 0u32;
        let mut clause = 0u32;
        let mut word = 0u32;
        let mut first = true;
        let mut first_token = true;
        let mut scratch = String::new();
        // Tokens that open a clause after a comma: where a parenthetical aside can start.
        let mut comma_starts: Vec<u32> = Vec::new();
        segment(text, |piece| {
            if !first {
                match piece.before {
                    Break::Sentence => {
                        sentence += 1;
                        clause += 1;
                    }
                    Break::Clause | Break::Comma | Break::Wrap => clause += 1,
                    Break::None => {}
                }
                if piece.starts_word {
                    word += 1;
                }
            }
            first = false;
            if piece.span.is_empty() {
                return; // a bare sentence break (CJK full stop)
            }
            let surface = &text[piece.span.start..piece.span.end];
            // Most words are already lower-case ASCII: they are their own lower-case form.
            let lw: &str = if surface
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                surface
            } else {
                lowercase_into(surface, &mut scratch);
                &scratch
            };
            let lower_start = a.buf.len() as u32;
            a.buf.push_str(lw);
            let lower = (lower_start, a.buf.len() as u32);
            let mut function_word = false;
            let mut words = Words::default();
            let mut cue = CueKind::None;
            let mut verdicts = NO_VERDICT;
            let mut starts_clause = false;
            let mut hashes = (0, 0);
            let (norm, stem_range) = if piece.kind == TokenKind::Word {
                let buf = &mut a.buf;
                with_lexeme(lw, |lx| {
                    function_word = lx.function_word;
                    words = lx.words;
                    cue = lx.cue;
                    verdicts = lx.verdicts;
                    starts_clause = lx.opens_clause;
                    hashes = (lx.stem_hash, lx.norm_hash);
                    let mut push = |s: &str| {
                        let s0 = buf.len() as u32;
                        buf.push_str(s);
                        (s0, buf.len() as u32)
                    };
                    let norm = lx.norm.as_deref().map_or(lower, &mut push);
                    (norm, lx.stem.as_deref().map_or(norm, push))
                })
            } else {
                cue = cue_kind(lw);
                verdicts = verdict_group(lw);
                let h = hash_str(lw);
                hashes = (h, h);
                (lower, lower)
            };
            if piece.before == Break::None
                && !first_token
                && piece.starts_word
                && starts_clause
                // "says *which* service account it runs as": a question word after a verb of
                // saying or knowing starts that verb's object, not a new clause.
                && !(lw == "which"
                    && a.lower.last().is_some_and(|&(s, e)| {
                        introduces_question(&a.buf[s as usize..e as usize])
                    }))
            {
                clause += 1;
            }
            let position = a.tokens.len() as u32;
            let after_comma = !first_token && piece.before == Break::Comma;
            if after_comma {
                comma_starts.push(position);
            }
            let after_wrap = !first_token && piece.before == Break::Wrap;
            first_token = false;
            a.tokens.push(Token {
                span: Span::new(piece.span.start, piece.span.end),
                position,
                word,
                sentence,
                clause,
                kind: piece.kind,
                negated: false,
                negated_by: u32::MAX,
                denial: 0,
                after_comma,
                after_wrap,
                function_word,
                words,
                cue,
                verdicts,
                norm,
                stem: stem_range,
            });
            a.lower.push(lower);
            a.hashes.push(hashes);
        });
        let buf = &a.buf;
        let lower = &a.lower;
        merge_parentheticals(&mut a.tokens, &comma_starts, |i| {
            &buf[lower[i].0 as usize..lower[i].1 as usize]
        });
        negation::mark(&mut a.tokens, text, |i| {
            &buf[lower[i].0 as usize..lower[i].1 as usize]
        });
        a.sentences = a.tokens.last().map_or(0, |t| t.sentence + 1);
        a.words = a.tokens.last().map_or(0, |t| t.word + 1);
        a
    }
}

/// Asides set off by commas that say who holds a view or how sure it is: "X have, *in my view*,
/// nothing to do with it", "The webhook, *in particular*, seems superfluous", "Debug containers,
/// *they said*, are overrated". They do not split the clause around them.
const PARENTHETICALS: &[&[&str]] = &[
    &["in", "my", "view"],
    &["in", "their", "view"],
    &["in", "his", "view"],
    &["in", "her", "view"],
    &["in", "our", "view"],
    &["in", "my", "opinion"],
    &["in", "their", "opinion"],
    &["in", "my", "experience"],
    &["in", "our", "experience"],
    &["in", "particular"],
    &["i", "think"],
    &["i", "believe"],
    &["i", "guess"],
    &["i", "suppose"],
    &["i'd", "say"],
    &["i", "would", "say"],
    &["they", "said"],
    &["he", "said"],
    &["she", "said"],
    &["they", "say"],
    &["honestly"],
    &["frankly"],
    &["to", "be", "honest"],
    &["if", "you", "ask", "me"],
];

/// Merges a clause that is only a parenthetical aside (see [`PARENTHETICALS`]), with the clause
/// after it, into the clause before it. `comma_starts` lists, ascending, the tokens that open a
/// clause after a comma; only those are looked at, a few tokens each.
fn merge_parentheticals<'a>(
    tokens: &mut [Token],
    comma_starts: &[u32],
    lower: impl Fn(usize) -> &'a str,
) {
    let n = tokens.len();
    // Tokens before this were merged already.
    let mut done = 0;
    for &start in comma_starts {
        let i = start as usize;
        // `i` starts a clause after a comma (unless a merge before it took it in), inside a
        // sentence that began before it.
        let starts = i > 0
            && i >= done
            && tokens[i].clause != tokens[i - 1].clause
            && tokens[i].sentence == tokens[i - 1].sentence;
        if !starts {
            continue;
        }
        let clause = tokens[i].clause;
        let mut j = i;
        while j < n && tokens[j].clause == clause && j - i < 4 {
            j += 1;
        }
        let aside = j < n
            && tokens[j].clause != clause
            && tokens[j].after_comma
            && tokens[j].sentence == tokens[i].sentence
            && PARENTHETICALS
                .iter()
                .any(|p| p.len() == j - i && p.iter().enumerate().all(|(d, w)| lower(i + d) == *w));
        if !aside {
            continue;
        }
        let into = tokens[i - 1].clause;
        let next = tokens[j].clause;
        tokens[i].after_comma = false;
        tokens[j].after_comma = false;
        let mut k = i;
        while k < n && (tokens[k].clause == clause || tokens[k].clause == next) {
            tokens[k].clause = into;
            k += 1;
        }
        done = k;
    }
}

impl Analysis {
    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The normalised form of a token of this analysis (lower-case, American spelling).
    pub fn norm(&self, token: &Token) -> &str {
        &self.buf[token.norm.0 as usize..token.norm.1 as usize]
    }

    /// The stem of a token of this analysis.
    pub fn stem(&self, token: &Token) -> &str {
        &self.buf[token.stem.0 as usize..token.stem.1 as usize]
    }

    /// The hashes (see `lexeme::hash_str`) of the stem and of the normalised form of token
    /// `position`: a word's key in a vocabulary is its stem, any other token's its text.
    pub(crate) fn hashes(&self, position: usize) -> (u64, u64) {
        self.hashes[position]
    }

    /// The lower-cased surface form of the token at `position`.
    pub fn lower(&self, position: usize) -> &str {
        let (s, e) = self.lower[position];
        &self.buf[s as usize..e as usize]
    }

    /// Whether a token is denied, and if so by which cue (its position) and rule.
    pub fn denial(&self, token: &Token) -> Option<(usize, DenialRule)> {
        if !token.negated {
            return None;
        }
        let rule = DenialRule::from_code(token.denial).unwrap_or(DenialRule::Cue);
        Some((token.negated_by as usize, rule))
    }

    /// Number of sentences (bullet lines count as sentences).
    pub fn sentence_count(&self) -> u32 {
        self.sentences
    }

    /// Number of words (an identifier such as `preStop` is one word of two tokens).
    pub fn word_count(&self) -> u32 {
        self.words
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// Verbs whose object can be an indirect question: "shows which", "decides which".
fn introduces_question(word: &str) -> bool {
    matches!(
        word,
        "says"
            | "say"
            | "shows"
            | "show"
            | "tells"
            | "tell"
            | "know"
            | "knows"
            | "decide"
            | "decides"
            | "choose"
            | "chooses"
            | "pick"
            | "picks"
            | "determine"
            | "determines"
            | "check"
            | "checks"
            | "see"
            | "sees"
            | "find"
            | "finds"
            | "records"
            | "record"
            | "identify"
            | "identifies"
            | "selects"
            | "select"
            | "controls"
            | "control"
            | "matter"
            | "matters"
    )
}
