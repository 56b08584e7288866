//! Interviewer notes: a Markdown file with one `## <id>` section per question, parsed with
//! pulldown-cmark so that what Markdown means is what counts. A `## ` line inside a fenced code
//! block (```` ``` ````, ````` ```` `````, `~~~`) or an HTML comment is not a heading; a setext
//! heading (`g06` underlined with `---`) is one. Sections keep their source text (the grader reads
//! Markdown as prose), less HTML comments; byte offsets come from the parser, never from
//! re-scanning lines.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// One `## <id>` section of interviewer notes.
#[derive(Debug, PartialEq)]
pub(super) struct NoteSection {
    /// The first word of the heading (`g06` in `## g06 — Deleted pod`); empty when it has none.
    pub query: String,
    /// 1-based line of the heading.
    pub line: usize,
    /// What to grade: the section's text, or only its `### Notes` / `### Answer` subsection.
    pub body: String,
}

/// A heading as the parser saw it.
struct Heading {
    level: HeadingLevel,
    /// Byte range of the whole heading (both lines of a setext heading).
    range: Range<usize>,
    /// Its text, without Markdown markup.
    text: String,
}

/// The `## <id>` sections of `notes`, in order. Text before the first is ignored.
pub(super) fn sections(notes: &str) -> Vec<NoteSection> {
    let (headings, comments) = scan(notes);
    let h2: Vec<&Heading> = headings
        .iter()
        .filter(|h| h.level == HeadingLevel::H2)
        .collect();
    h2.iter()
        .enumerate()
        .map(|(i, h)| {
            let end = h2.get(i + 1).map_or(notes.len(), |next| next.range.start);
            let body = answer_range(&headings, h.range.end..end);
            NoteSection {
                query: h
                    .text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_')
                    .to_string(),
                line: notes[..h.range.start].matches('\n').count() + 1,
                body: without(notes, body, &comments),
            }
        })
        .collect()
}

/// The headings of `notes` and the byte ranges of its HTML comments.
fn scan(notes: &str) -> (Vec<Heading>, Vec<Range<usize>>) {
    let mut headings = Vec::new();
    let mut open: Option<Heading> = None;
    let mut comment_starts = Vec::new();
    for (event, range) in Parser::new(notes).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                open = Some(Heading {
                    level,
                    range,
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(open.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = open.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(h) = open.as_mut() {
                    h.text.push(' ');
                }
            }
            // A comment is recognised where the parser says HTML starts; it ends at the next
            // `-->` (it may span lines, blank ones included).
            Event::Html(html) | Event::InlineHtml(html) => comment_starts.extend(
                html.match_indices("<!--")
                    .map(|(i, _)| range.start + i)
                    .filter(|&at| notes[at..].starts_with("<!--")),
            ),
            _ => {}
        }
    }
    comment_starts.sort_unstable();
    let mut comments: Vec<Range<usize>> = Vec::new();
    for start in comment_starts {
        if comments.last().is_some_and(|c| start < c.end) {
            continue; // inside a comment already removed
        }
        let end = notes[start..]
            .find("-->")
            .map_or(notes.len(), |e| start + e + 3);
        comments.push(start..end);
    }
    (headings, comments)
}

/// What to grade in a section's `body` range: when it has a `### Notes` or `### Answer` heading
/// (as an interview kit printed in Markdown does), only the text under it, up to the next heading
/// of level 3 or above — the kit's checklist and model answer must not be graded as the
/// candidate's answer.
fn answer_range(headings: &[Heading], body: Range<usize>) -> Range<usize> {
    let inside = || {
        headings
            .iter()
            .filter(|h| h.range.start >= body.start && h.range.start < body.end)
    };
    let Some(answer) = inside().find(|h| {
        h.level == HeadingLevel::H3 && {
            let t = h.text.trim().to_lowercase();
            t == "notes" || t == "answer"
        }
    }) else {
        return body;
    };
    let end = inside()
        .filter(|h| h.range.start >= answer.range.end && h.level <= HeadingLevel::H3)
        .map(|h| h.range.start)
        .next()
        .unwrap_or(body.end);
    answer.range.end..end
}

/// `text[range]` without the parts inside `cut` (sorted, disjoint).
fn without(text: &str, range: Range<usize>, cut: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(range.len());
    let mut at = range.start;
    for c in cut
        .iter()
        .filter(|c| c.end > range.start && c.start < range.end)
    {
        if c.start > at {
            out.push_str(&text[at..c.start]);
        }
        at = at.max(c.end);
    }
    if at < range.end {
        out.push_str(&text[at..range.end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(query, line, body)` of each section.
    fn parsed(notes: &str) -> Vec<(String, usize, String)> {
        sections(notes)
            .into_iter()
            .map(|s| (s.query, s.line, s.body))
            .collect()
    }

    fn queries(notes: &str) -> Vec<String> {
        sections(notes).into_iter().map(|s| s.query).collect()
    }

    #[test]
    fn atx_sections_with_titles_and_text_before_them() {
        let notes =
            "# Interview\n\nIgnored.\n\n## g06 — Deleted pod\nSIGTERM races.\n\n## q005: crash\n";
        assert_eq!(
            parsed(notes),
            [
                ("g06".into(), 5, "SIGTERM races.\n\n".into()),
                ("q005".into(), 8, String::new()),
            ]
        );
    }

    #[test]
    fn a_heading_inside_a_backtick_fence_is_not_a_section() {
        let notes = "## g06\nbefore\n```\n## g07\n```\nafter\n";
        assert_eq!(queries(notes), ["g06"]);
        assert!(sections(notes)[0].body.contains("## g07\n```\nafter"));
    }

    #[test]
    fn a_four_backtick_fence_holds_a_three_backtick_one() {
        let notes = "## g06\n````markdown\n```\n## g07\n```\n## g08\n````\nafter\n## g09\nx\n";
        assert_eq!(queries(notes), ["g06", "g09"]);
        let body = &sections(notes)[0].body;
        assert!(body.contains("## g08\n````\nafter"), "{body}");
    }

    #[test]
    fn a_tilde_fence_is_a_fence_too() {
        let notes = "## g06\n~~~\n## g07\n```\n## g08\n~~~\n## g09\n";
        assert_eq!(queries(notes), ["g06", "g09"]);
    }

    #[test]
    fn setext_headings() {
        // `===` underlines a level-1 heading (ignored), `---` a level-2 one (a section).
        let notes = "Interview with Ada\n==================\n\ng06 — Deleted pod\n-----------------\nSIGTERM races.\n\nq005\n---\nCrash loop.\n";
        assert_eq!(
            parsed(notes),
            [
                ("g06".into(), 4, "SIGTERM races.\n\n".into()),
                ("q005".into(), 8, "Crash loop.\n".into()),
            ]
        );
    }

    #[test]
    fn html_comments_are_dropped_and_hide_headings() {
        let notes =
            "## g06\nkept <!-- inline --> text\n<!--\n## g07\n\nstill a comment\n-->\nafter\n";
        assert_eq!(
            parsed(notes),
            [("g06".into(), 1, "kept  text\n\nafter\n".into())]
        );
        // A section holding only a comment is empty: a skip.
        assert!(sections("## g06\n<!-- write here -->\n")[0]
            .body
            .trim()
            .is_empty());
        // `<!--` inside code is text, not a comment.
        assert!(sections("## g06\n`<!--` opens a comment\n")[0]
            .body
            .contains("`<!--` opens"));
    }

    #[test]
    fn notes_and_answer_subsections_are_what_is_graded() {
        let notes = "## g06\n### Listen for\n- [ ] preStop\n### Notes\nSaid preStop.\n#### detail\nmore\n### Model answer\nSIGTERM …\n## q005\n### Answer\nCrash loop.\n";
        assert_eq!(
            parsed(notes),
            [
                ("g06".into(), 1, "Said preStop.\n#### detail\nmore\n".into()),
                ("q005".into(), 10, "Crash loop.\n".into()),
            ]
        );
    }

    #[test]
    fn headings_without_an_id() {
        assert_eq!(queries("## —\nx\n##\ny\n## `g06`\n"), ["", "", "g06"]);
    }
}
