//! The terminal: colour decided once, and long lines wrapped to its width.

use std::io::IsTerminal;

use rubric_grader::feedback::render::Style;

use crate::args::ColorChoice;

/// The style for standard output.
pub fn stdout_style(choice: ColorChoice) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    Style { color }
}

/// A message for stderr with any control characters from answers, rubrics or file names shown,
/// not obeyed.
pub fn safe(message: impl std::fmt::Display) -> String {
    rubric_grader::feedback::render::neutralize_controls(&message.to_string()).into_owned()
}

/// Wraps text to the terminal's width, between words only; output to a pipe or file is left
/// as it is.
#[derive(Clone, Copy, Debug)]
pub struct Wrap {
    width: Option<usize>,
}

impl Wrap {
    /// The width of standard output when it is a terminal.
    pub fn for_stdout() -> Wrap {
        Wrap {
            width: std::io::stdout()
                .is_terminal()
                .then(textwrap::termwidth)
                .filter(|w| *w >= 20),
        }
    }

    /// `text` with each long line wrapped. A continuation line keeps the line's indentation, and
    /// under a list mark (`- `, `✓ `, `✗ `, `! `) it lines up with the text after the mark.
    /// Words are never split, identifiers not at their hyphens; colour codes take no width.
    pub fn apply(&self, text: &str) -> String {
        let Some(width) = self.width else {
            return text.to_string();
        };
        let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if textwrap::core::display_width(line) <= width {
                out.push_str(line);
                continue;
            }
            let body = line.trim_start_matches(' ');
            let indent = &line[..line.len() - body.len()];
            let mark = ["- ", "✓ ", "✗ ", "! ", "* "]
                .iter()
                .find(|m| body.starts_with(**m))
                .map_or(0, |_| 2);
            let hang = " ".repeat(indent.len() + mark);
            let options = textwrap::Options::new(width)
                .initial_indent(indent)
                .subsequent_indent(&hang)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            out.push_str(&textwrap::fill(body, options));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_with_a_hanging_indent() {
        let w = Wrap { width: Some(36) };
        assert_eq!(
            w.apply("  - terminationGracePeriodSeconds covers the delay\nshort"),
            "  - terminationGracePeriodSeconds\n    covers the delay\nshort"
        );
        assert_eq!(
            Wrap { width: None }.apply("x ".repeat(100).trim()),
            "x ".repeat(100).trim()
        );
    }
}
