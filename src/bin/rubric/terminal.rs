//! Colour decision, made once.

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
