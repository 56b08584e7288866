//! The keyword-salad guard.
//!
//! A real explanation, in prose or in bullets, is held together by function words ("because",
//! "so", "when", "the", "to"): about 40 % of the words of ordinary English and rarely under 20 %
//! of a terse but explained bullet list. A bare list of terms has almost none, and sits in short
//! fragments. Both signals must agree before an answer is flagged, so a crisp bullet list whose
//! points are explained is not penalised.

use crate::analysis::Analysis;

/// Credit is multiplied by this for a keyword salad (and capped at the partial band).
pub(crate) const SALAD_FACTOR: f32 = 0.4;

/// Whether `analysis` reads as a bare list of keywords.
pub(crate) fn is_keyword_salad(analysis: &Analysis) -> bool {
    let tokens = analysis.tokens();
    let words = analysis.word_count() as usize;
    if words < 4 {
        return false;
    }
    // Count function words per word (not per token: `preStop` is one word).
    let mut function_words = 0usize;
    let mut last_word = u32::MAX;
    // Fragments: sentences or clauses of at most four words with no function word in them.
    let mut fragment_words = 0usize;
    let mut clause = u32::MAX;
    let mut clause_words = 0usize;
    let mut clause_has_function = false;
    let close = |clause_words: usize, has_function: bool, fragment_words: &mut usize| {
        if clause_words > 0 && clause_words <= 4 && !has_function {
            *fragment_words += clause_words;
        }
    };
    for t in tokens {
        if t.clause != clause {
            close(clause_words, clause_has_function, &mut fragment_words);
            clause = t.clause;
            clause_words = 0;
            clause_has_function = false;
        }
        if t.word != last_word {
            last_word = t.word;
            clause_words += 1;
            if t.function_word {
                function_words += 1;
                clause_has_function = true;
            }
        }
    }
    close(clause_words, clause_has_function, &mut fragment_words);
    let function_ratio = function_words as f32 / words as f32;
    let fragment_ratio = fragment_words as f32 / words as f32;
    function_ratio < 0.10 || (function_ratio < 0.2 && fragment_ratio > 0.6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn salad(text: &str) -> bool {
        is_keyword_salad(&Analyzer::new().analyze(text))
    }

    #[test]
    fn bare_lists_are_salad() {
        assert!(salad(
            "preStop, SIGTERM, endpoints, iptables, kube-proxy, race condition, sleep"
        ));
        assert!(salad(
            "- preStop\n- SIGTERM\n- endpoints\n- kube-proxy\n- terminationGracePeriodSeconds"
        ));
    }

    #[test]
    fn explained_bullets_and_prose_are_not() {
        assert!(!salad(
            "- the kubelet sends SIGTERM while the endpoints controller removes the pod IP\n\
             - kube-proxy is slower, so traffic still arrives for a few seconds\n\
             - fix: a preStop hook that sleeps 10s so the app keeps serving until rules converge"
        ));
        assert!(!salad("Deleting a pod starts two things at once, and the app may exit before the rules are gone."));
    }
}
