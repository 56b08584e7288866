//! Terminal safety: text that came from an answer or a rubric must not drive the terminal.
//!
//! An answer (or a rubric) can hold escape sequences that clear the screen, hide text, move the
//! cursor or set the window title. Everything printed to a terminal goes through
//! [`TerminalWriter`], which shows C0 and C1 control characters (other than newline and tab) as
//! visible symbols, and lets through only the colour sequences [`Style`](super::Style) itself
//! writes, and only when colour is on. With colour off, no escape sequence passes at all.

use std::borrow::Cow;
use std::io::{self, Write};

/// The SGR parameters [`Style::paint`](super::Style) uses (`ESC [ code m`), plus reset.
pub(crate) const SGR_CODES: &[&str] = &["0", "1", "2", "31", "32", "33", "36", "1;31", "1;32"];

/// `s` with every C0/C1 control character except newline and tab replaced by a visible
/// symbol: `ESC` → `␛` (the Unicode control pictures for C0, `␡` for DEL, `�` for C1); a
/// carriage return is kept only before a newline.
///
/// # Example: an escape sequence becomes harmless text
/// ```
/// use rubric_grader::feedback::render::neutralize_controls;
/// assert_eq!(neutralize_controls("a\x1b]0;owned\x07b\n"), "a␛]0;owned␇b\n");
/// assert_eq!(neutralize_controls("plain\ttext"), "plain\ttext");
/// ```
pub fn neutralize_controls(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(is_suspect) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Bytes that may start a control character in UTF-8: C0, DEL, and the lead byte of U+0080–U+009F.
fn is_suspect(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || b == 0xc2
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' | '\t' => out.push(c),
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
        _ => out.push(c),
    }
}

/// A writer that makes everything written through it safe for a terminal (see the module
/// docs). With `color` on, the exact colour sequences of [`Style`](super::Style) pass; with it
/// off, none do.
///
/// # Example: a hostile answer echoed through the writer
/// ```
/// use std::io::Write;
/// use rubric_grader::feedback::render::TerminalWriter;
/// let mut w = TerminalWriter::new(Vec::new(), true);
/// w.write_all(b"\x1b[1mok\x1b[0m \x1b[2J\x1b[8mhidden")?;
/// w.flush()?;
/// assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "\x1b[1mok\x1b[0m ␛[2J␛[8mhidden");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct TerminalWriter<W: Write> {
    inner: W,
    color: bool,
    /// A UTF-8 lead byte `0xc2` at the end of the last write, whose next byte decides whether it
    /// starts a C1 control.
    pending_c2: bool,
    /// A carriage return at the end of the last write, kept if a newline follows.
    pending_cr: bool,
    buf: Vec<u8>,
}

impl<W: Write> TerminalWriter<W> {
    /// Wraps `inner`; `color` says whether [`Style`](super::Style)'s colour sequences may pass.
    pub fn new(inner: W, color: bool) -> Self {
        TerminalWriter {
            inner,
            color,
            pending_c2: false,
            pending_cr: false,
            buf: Vec::new(),
        }
    }

    /// The wrapped writer (anything pending is dropped; call `flush` first).
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// The length of an allowed colour sequence at the start of `rest` (which starts with ESC).
    fn allowed_sgr(&self, rest: &[u8]) -> Option<usize> {
        if !self.color || rest.get(1) != Some(&b'[') {
            return None;
        }
        let end = rest.iter().take(8).position(|&b| b == b'm')?;
        let code = std::str::from_utf8(&rest[2..end]).ok()?;
        SGR_CODES.contains(&code).then_some(end + 1)
    }

    fn flush_pending(&mut self, next: Option<u8>) {
        if self.pending_cr {
            self.pending_cr = false;
            if next == Some(b'\n') {
                self.buf.push(b'\r');
            } else {
                self.buf.extend_from_slice("␍".as_bytes());
            }
        }
    }
}

impl<W: Write> Write for TerminalWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if !self.pending_c2 && !self.pending_cr && !data.iter().copied().any(is_suspect) {
            self.inner.write_all(data)?;
            return Ok(data.len());
        }
        self.buf.clear();
        let mut i = 0;
        if self.pending_c2 {
            self.pending_c2 = false;
            match data.first() {
                Some(&b) if (0x80..=0x9f).contains(&b) => {
                    self.buf.extend_from_slice("\u{fffd}".as_bytes());
                    i = 1;
                }
                _ => self.buf.push(0xc2),
            }
        }
        while i < data.len() {
            let b = data[i];
            if self.pending_cr {
                self.flush_pending(Some(b));
            }
            match b {
                b'\n' | b'\t' => self.buf.push(b),
                b'\r' => self.pending_cr = true,
                0x1b => match self.allowed_sgr(&data[i..]) {
                    Some(n) => {
                        self.buf.extend_from_slice(&data[i..i + n]);
                        i += n;
                        continue;
                    }
                    None => self.buf.extend_from_slice("␛".as_bytes()),
                },
                0..=0x1f | 0x7f => {
                    let mut s = String::new();
                    push_visible(&mut s, b as char);
                    self.buf.extend_from_slice(s.as_bytes());
                }
                0xc2 => match data.get(i + 1) {
                    Some(&n) if (0x80..=0x9f).contains(&n) => {
                        self.buf.extend_from_slice("\u{fffd}".as_bytes());
                        i += 2;
                        continue;
                    }
                    Some(_) => self.buf.push(b),
                    None => self.pending_c2 = true,
                },
                _ => self.buf.push(b),
            }
            i += 1;
        }
        self.inner.write_all(&self.buf)?;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.buf.clear();
        if self.pending_c2 {
            self.pending_c2 = false;
            self.buf.push(0xc2);
        }
        self.flush_pending(None);
        if !self.buf.is_empty() {
            self.inner.write_all(&self.buf)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(color: bool, chunks: &[&[u8]]) -> String {
        let mut w = TerminalWriter::new(Vec::new(), color);
        for c in chunks {
            w.write_all(c).unwrap();
        }
        w.flush().unwrap();
        String::from_utf8(w.into_inner()).unwrap()
    }

    #[test]
    fn hostile_sequences_are_shown_not_run() {
        // Clear screen, set title, conceal, cursor up, 8-bit CSI (C1), bell, backspace.
        let hostile = "\x1b[2J\x1b]0;title\x07\x1b[8mhidden\x1b[1A\u{9b}2J\x08";
        let out = through(true, &[hostile.as_bytes()]);
        assert!(!out.contains('\x1b') && !out.contains('\u{9b}') && !out.contains('\x07'));
        assert_eq!(out, "␛[2J␛]0;title␇␛[8mhidden␛[1A\u{fffd}2J␈");
        assert_eq!(neutralize_controls(hostile), out);
    }

    #[test]
    fn our_colours_pass_only_with_colour_on() {
        let s = b"\x1b[1;32mok\x1b[0m";
        assert_eq!(through(true, &[s]), "\x1b[1;32mok\x1b[0m");
        assert_eq!(through(false, &[s]), "␛[1;32mok␛[0m");
    }

    #[test]
    fn split_writes_and_line_endings() {
        assert_eq!(through(false, &[b"a\xc2", b"\x9bb"]), "a\u{fffd}b");
        assert_eq!(through(false, &["é".as_bytes()]), "é");
        assert_eq!(through(false, &[b"a\r", b"\nb\rc"]), "a\r\nb␍c");
        assert_eq!(through(false, &[b"line\r"]), "line␍");
    }
}
