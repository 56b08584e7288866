//! Rendering a [`Grade`](crate::Grade) with its [`Feedback`](crate::Feedback) as text, Markdown
//! or JSON, and an [`Explanation`](crate::Explanation) as text.
//!
//! Renderers return strings; colour is decided by the caller through [`Style`], so output is plain
//! in tests and coloured on a terminal.

mod explain;
mod inline;
mod json;
mod markdown;
mod terminal;
mod text;

pub use explain::explanation_to_text;
pub(crate) use inline::escape_html;
pub use inline::{inline_to_html, inline_to_text};
pub use json::{to_json, GradeReport};
pub use markdown::to_markdown;
pub use terminal::{neutralize_controls, TerminalWriter};
pub use text::to_text;

/// Whether to colour output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
}

impl Style {
    /// Plain text.
    pub const PLAIN: Style = Style { color: false };
    /// ANSI colours.
    pub const COLOR: Style = Style { color: true };

    pub(crate) fn paint(&self, code: &str, s: &str) -> String {
        debug_assert!(
            terminal::SGR_CODES.contains(&code),
            "{code} must be listed in SGR_CODES, or TerminalWriter strips it"
        );
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}
