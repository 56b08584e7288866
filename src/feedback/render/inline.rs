//! Inline Markdown in rubric prose — hints, corrections, study pointers, follow-up questions,
//! question texts: rubric authors write `` `sleep 10` `` and `[text](url)`. HTML shows them as
//! `<code>` and `<a>`, the terminal without the markup. Parsed with pulldown-cmark; only inline
//! constructs are honoured: a hint that starts like a heading or a list item (`# of pods`,
//! `1. first`) stays text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::Style;

/// Inline Markdown as terminal text: code without backticks (cyan when colouring), a link as its
/// text followed by the address in parentheses (unless the text is the address), emphasis
/// without its markers.
///
/// # Example: a hint with a code span and a link
/// ```
/// use rubric_grader::feedback::render::{inline_to_text, Style};
/// let hint = "Add `sleep 10` to a preStop hook ([docs](https://kubernetes.io/)).";
/// assert_eq!(
///     inline_to_text(hint, Style::PLAIN),
///     "Add sleep 10 to a preStop hook (docs (https://kubernetes.io/))."
/// );
/// ```
pub fn inline_to_text(md: &str, style: Style) -> String {
    if !has_markup(md) {
        return md.to_string();
    }
    let mut out = String::with_capacity(md.len());
    let mut links: Vec<(String, usize)> = Vec::new();
    for event in Parser::new(&protect_block_start(md)) {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::Code(c) => out.push_str(&style.paint("36", &c)),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push((dest_url.to_string(), out.len()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start)) = links.pop() {
                    if out[start..].trim() != url && !url.is_empty() {
                        out.push_str(&format!(" ({url})"));
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// Inline Markdown as HTML: text escaped, code as `<code>`, links as `<a>` (only `http`,
/// `https`, `mailto` and relative addresses; others stay text), emphasis as `<em>`/`<strong>`.
/// Raw HTML in the source is escaped, never passed through.
///
/// # Example: code and a link, escaped
/// ```
/// use rubric_grader::feedback::render::inline_to_html;
/// assert_eq!(
///     inline_to_html("Use `a<b>` and [the docs](https://example.com/?a=1&b=2)."),
///     "Use <code>a&lt;b&gt;</code> and <a href=\"https://example.com/?a=1&amp;b=2\">the docs</a>."
/// );
/// assert_eq!(inline_to_html("[x](javascript:alert(1))"), "x");
/// ```
pub fn inline_to_html(md: &str) -> String {
    if !has_markup(md) {
        return escape_html(md);
    }
    let mut out = String::with_capacity(md.len() + 16);
    let mut open_links: Vec<bool> = Vec::new();
    let mut paragraphs = 0;
    for event in Parser::new(&protect_block_start(md)) {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&escape_html(&t))
            }
            Event::Code(c) => {
                out.push_str("<code>");
                out.push_str(&escape_html(&c));
                out.push_str("</code>");
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>"),
            Event::Start(Tag::Emphasis) => out.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
            Event::Start(Tag::Strong) => out.push_str("<strong>"),
            Event::End(TagEnd::Strong) => out.push_str("</strong>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let safe = is_safe_url(&dest_url);
                if safe {
                    out.push_str(&format!("<a href=\"{}\">", escape_html(&dest_url)));
                }
                open_links.push(safe);
            }
            Event::End(TagEnd::Link) if open_links.pop() == Some(true) => out.push_str("</a>"),
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    out.push_str("<br>");
                }
                paragraphs += 1;
            }
            _ => {}
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `s` may hold inline Markdown at all; most prose does not, and skips the parser.
fn has_markup(s: &str) -> bool {
    s.contains(['`', '[', '*', '_', '\\', '<', '&'])
}

/// `s` with a leading block marker escaped, so that the parser sees one paragraph of inline
/// text: `# of pods` stays `# of pods`, `1. first` stays `1. first`.
fn protect_block_start(s: &str) -> String {
    let t = s.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let first = t[digits..].chars().next();
    let rest = t[digits..].chars().nth(1);
    let spaced = rest.is_none_or(char::is_whitespace);
    let heading = t.trim_start_matches('#');
    let block = match first {
        Some('.' | ')') => digits > 0 && spaced,
        Some('-' | '+' | '*') => digits == 0 && spaced,
        Some('#') => heading.is_empty() || heading.starts_with(char::is_whitespace),
        Some('>') => true,
        _ => t.starts_with("```") || t.starts_with("~~~"),
    };
    if !block {
        t.to_string()
    } else if digits > 0 {
        format!("{}\\{}", &t[..digits], &t[digits..])
    } else {
        format!("\\{t}")
    }
}

/// Links to the web, mail or a relative address; never `javascript:` and the like.
fn is_safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    match u.find(':') {
        Some(colon) if !u[..colon].contains(['/', '?', '#']) => {
            let scheme = &u[..colon];
            scheme == "http" || scheme == "https" || scheme == "mailto"
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_drops_the_markup() {
        let t = |s| inline_to_text(s, Style::PLAIN);
        assert_eq!(t("Run `sleep 10` first."), "Run sleep 10 first.");
        assert_eq!(t("a `` `tick` `` b"), "a `tick` b");
        assert_eq!(t("see <https://k8s.io>"), "see https://k8s.io");
        assert_eq!(t("**bold** and *it*"), "bold and it");
        assert_eq!(t("# of pods is `3`"), "# of pods is 3");
        assert_eq!(t("1. first"), "1. first");
        assert_eq!(t("- not a list"), "- not a list");
        assert_eq!(t("> not a quote"), "> not a quote");
        assert_eq!(t("```not a fence```"), "```not a fence```");
        assert_eq!(t("plain, with no markup"), "plain, with no markup");
        assert_eq!(t("a_b_c and x < y"), "a_b_c and x < y");
        assert_eq!(
            inline_to_text("Run `sleep 10`.", Style::COLOR),
            "Run \x1b[36msleep 10\x1b[0m."
        );
    }

    #[test]
    fn html_escapes_and_links_only_safe_addresses() {
        assert_eq!(inline_to_html("x < y & z"), "x &lt; y &amp; z");
        assert_eq!(
            inline_to_html("`<script>` <b>raw</b>"),
            "<code>&lt;script&gt;</code> &lt;b&gt;raw&lt;/b&gt;"
        );
        assert_eq!(
            inline_to_html("[a \"q\"](https://x.y/?a=\"1\")"),
            "<a href=\"https://x.y/?a=&quot;1&quot;\">a &quot;q&quot;</a>"
        );
        assert_eq!(
            inline_to_html("[rel](docs/levels.md)"),
            "<a href=\"docs/levels.md\">rel</a>"
        );
        assert_eq!(inline_to_html("[bad](data:text/html,hi)"), "bad");
        assert_eq!(inline_to_html("# of pods"), "# of pods");
    }
}
