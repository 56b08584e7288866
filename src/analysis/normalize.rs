//! Normalisation: case folding and British → American spelling, applied identically to rubric
//! terms and answers so both sides meet in the middle.
//!
//! Splitting of identifiers (`preStop`, `pre_stop`, `CAP_SYS_ADMIN`) happens in the segmenter;
//! this stage only sees one piece at a time and must be given lower-case input.

/// Lower-cases `piece` into `out` (cleared first), mapping curly apostrophes to `'`.
pub fn lowercase_into(piece: &str, out: &mut String) {
    out.clear();
    if piece.is_ascii() {
        out.push_str(piece);
        out.make_ascii_lowercase();
        return;
    }
    for c in piece.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Rewrites a lower-case word from British to American spelling in place.
///
/// Both sides of every comparison pass through here, so an over-eager rewrite
/// (`promise` → `promize`) is harmless; only rewrites that would merge two distinct words matter,
/// which is why `-our` is limited to long words (`four` must not become `for`).
pub fn americanise(word: &mut String) {
    if word.len() < 5 || !word.is_ascii() {
        return;
    }
    // Every British form below ends in one of these letters; most words leave here.
    let last = word.as_bytes()[word.len() - 1];
    if !matches!(last, b'e' | b'd' | b'g' | b's' | b'r' | b'l' | b'y' | b'n') {
        return;
    }
    if let Some(fixed) = WHOLE_WORDS.iter().find(|(gb, _)| *gb == word.as_str()) {
        word.clear();
        word.push_str(fixed.1);
        return;
    }
    // All suffix rules contain `is` or `ys` in the last eight letters.
    let tail = &word.as_bytes()[word.len().saturating_sub(8)..];
    let has_is = tail.windows(2).any(|w| w == b"is" || w == b"ys");
    for (gb, us) in SUFFIXES.iter().filter(|_| has_is) {
        if word.len() >= gb.len() + 3 && word.ends_with(gb) {
            let cut = word.len() - gb.len();
            word.truncate(cut);
            word.push_str(us);
            return;
        }
    }
    // -our → -or for behaviour, colour, favour, labour, neighbour, honour … (and their plurals).
    let plural = word.ends_with("ours");
    let base_len = if plural { word.len() - 1 } else { word.len() };
    if base_len >= 6 {
        let base = &word[..base_len];
        if ["iour", "lour", "vour", "bour", "nour", "mour"]
            .iter()
            .any(|gb| base.ends_with(gb))
        {
            // Drop the `u` of `-our`.
            word.remove(base_len - 2);
        }
    }
}

const WHOLE_WORDS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analogue", "analog"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("modelling", "modeling"),
    ("modelled", "modeled"),
    ("travelled", "traveled"),
    ("signalled", "signaled"),
    ("signalling", "signaling"),
    ("fulfil", "fulfill"),
    ("enrol", "enroll"),
    ("grey", "gray"),
];

// Longest first: the first suffix that fits wins.
const SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yser", "yzer"),
    ("yse", "yze"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn us(w: &str) -> String {
        let mut s = w.to_string();
        americanise(&mut s);
        s
    }

    #[test]
    fn british_spellings_become_american() {
        for (gb, want) in [
            ("finaliser", "finalizer"),
            ("finalisers", "finalizers"),
            ("prioritise", "prioritize"),
            ("prioritised", "prioritized"),
            ("serialisation", "serialization"),
            ("analyse", "analyze"),
            ("behaviour", "behavior"),
            ("behaviours", "behaviors"),
            ("colour", "color"),
            ("licence", "license"),
            ("labelled", "labeled"),
        ] {
            assert_eq!(us(gb), want, "{gb}");
        }
    }

    #[test]
    fn short_and_unrelated_words_are_left_alone() {
        for w in [
            "four", "hour", "your", "rise", "wise", "pod", "sigterm", "tour", "contour",
        ] {
            assert_eq!(us(w), w);
        }
    }
}
