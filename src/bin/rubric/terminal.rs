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
