//! Rendering a [`Scorecard`] as text, Markdown, JSON or a self-contained HTML page, and a
//! [`Kit`] as Markdown or HTML.
//!
//! Renderers take a result and return a `String`; only text takes a [`Style`] (colour), so output
//! is plain in tests. Nothing here reads a clock: the same scorecard renders to the same bytes.

mod html;
mod kit;
mod markdown;
mod text;

pub use html::to_html;
pub use kit::{kit_to_html, kit_to_json, kit_to_markdown};
pub use markdown::to_markdown;
pub use text::{question_to_text, to_text};

pub use crate::feedback::render::Style;

use super::scorecard::Scorecard;
#[cfg(doc)]
use super::Kit;

/// The formats a scorecard renders to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// Terminal text (coloured when the style says so).
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// Pretty-printed JSON (the [`Scorecard`] fields).
    Json,
    /// A self-contained HTML page.
    Html,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            _ => Err(format!(
                "unknown format `{s}`; expected text, markdown, json or html"
            )),
        }
    }
}

/// A scorecard in `format` (`style` only matters for text).
pub fn render(card: &Scorecard, format: Format, style: Style) -> String {
    match format {
        Format::Text => to_text(card, style),
        Format::Markdown => to_markdown(card),
        Format::Json => to_json(card),
        Format::Html => to_html(card),
    }
}

/// The scorecard as pretty-printed JSON.
pub fn to_json(card: &Scorecard) -> String {
    // Plain data with string keys and finite numbers: serialising cannot fail.
    serde_json::to_string_pretty(card).unwrap_or_default()
}

/// `2m 10s`, `45s`, `5m`.
pub(crate) fn duration(secs: u64) -> String {
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m {s}s"),
    }
}

/// `2m 10s of 5m`, `2m 10s`, `budget 5m`, or nothing.
pub(crate) fn timing(elapsed: Option<u64>, budget: Option<u32>, over: bool) -> Option<String> {
    let over = if over { " (over budget)" } else { "" };
    match (elapsed, budget) {
        (Some(e), Some(b)) => Some(format!(
            "{} of {}{over}",
            duration(e),
            duration(u64::from(b))
        )),
        (Some(e), None) => Some(duration(e)),
        (None, _) => None,
    }
}

/// `72.5` or `72`.
pub(crate) fn score(x: f32) -> String {
    super::scorecard::fmt_score(x)
}
