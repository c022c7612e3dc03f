//! Building plain text out of a document tree: lines, blank lines, pipe tables.
//!
//! Shared by the HTML and DOCX readers, so both flatten text the same way.

use super::decode::is_cjk;
use super::grid;

/// What separates the text written so far from the next character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    /// Spaces or tabs in the source: one space.
    Space,
    /// A line break or block boundary inside a line being flattened: nothing between
    /// two CJK characters (商业 / 企业 → 商业企业), one space otherwise.
    Break,
}

/// One line of text being assembled, with whitespace collapsed.
#[derive(Debug, Default)]
pub(crate) struct Line {
    buf: String,
    gap: Option<Gap>,
}

impl Line {
    /// Appends source text; runs of whitespace collapse to one [`Gap`].
    pub(crate) fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' | '\r' => self.gap(Gap::Break),
                // NBSP (&nbsp;) and the ideographic space are blanks, as in a browser.
                c if c.is_whitespace() || c == '\u{a0}' => self.gap(Gap::Space),
                c => self.push_char(c),
            }
        }
    }

    /// Appends one character literally (a tab from a DOCX `w:tab`, say).
    pub(crate) fn push_literal(&mut self, c: char) {
        self.flush_gap(c);
        self.buf.push(c);
    }

    /// Marks a block boundary or line break inside a flattened line.
    pub(crate) fn push_break(&mut self) {
        self.gap(Gap::Break);
    }

    fn gap(&mut self, gap: Gap) {
        self.gap = Some(self.gap.map_or(gap, |g| g.max(gap)));
    }

    /// `|` becomes `｜`: in text from HTML or DOCX only our tables are pipe rows.
    fn push_char(&mut self, c: char) {
        let c = if c == '|' { '｜' } else { c };
        self.flush_gap(c);
        self.buf.push(c);
    }

    fn flush_gap(&mut self, next: char) {
        let Some(gap) = self.gap.take() else { return };
        let Some(prev) = self.buf.chars().next_back() else {
            return;
        };
        let joined = gap == Gap::Break && is_cjk(prev) && is_cjk(next);
        if !joined && prev != '\t' && next != '\t' {
            self.buf.push(' ');
        }
    }

    /// Whether nothing but whitespace has been pushed.
    pub(crate) fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Length in bytes so far.
    pub(crate) fn len(&self) -> usize {
        self.buf.len()
    }

    /// Takes the line, leaving this one empty; trailing whitespace is dropped.
    pub(crate) fn take(&mut self) -> String {
        self.gap = None;
        let mut line = std::mem::take(&mut self.buf);
        line.truncate(line.trim_end().len());
        line
    }
}

/// The whole output text, with a byte budget.
#[derive(Debug)]
pub(crate) struct Writer {
    out: String,
    line: Line,
    budget: usize,
    over: bool,
}

impl Writer {
    /// A writer that refuses to grow beyond `budget` bytes.
    pub(crate) fn new(budget: usize) -> Self {
        Self {
            out: String::new(),
            line: Line::default(),
            budget,
            over: false,
        }
    }

    /// Appends inline text to the current line.
    pub(crate) fn text(&mut self, text: &str) {
        if self.line.len() + text.len() + self.out.len() > self.budget {
            self.over = true;
            return;
        }
        self.line.push_str(text);
    }

    /// Appends one character literally.
    pub(crate) fn literal(&mut self, c: char) {
        self.line.push_literal(c);
    }

    /// Ends the current line, if it has any text (a block boundary).
    pub(crate) fn end_line(&mut self) {
        if !self.line.is_empty() {
            self.hard_break();
        }
    }

    /// Ends the current line even if empty (a `<br>`: two make a blank line).
    pub(crate) fn hard_break(&mut self) {
        let line = self.line.take();
        self.out.push_str(&line);
        self.out.push('\n');
    }

    /// Ends the current line and makes sure one blank line follows.
    pub(crate) fn blank_line(&mut self) {
        self.end_line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// Writes a table as pipe rows, with a blank line before and after.
    pub(crate) fn table(&mut self, rows: &[Vec<String>]) {
        self.blank_line();
        let remaining = self.budget.saturating_sub(self.out.len());
        if !grid::write_pipe_rows(rows, &mut self.out, remaining) {
            self.over = true;
        }
        self.blank_line();
    }

    /// Bytes that may still be written.
    pub(crate) fn budget_left(&self) -> usize {
        self.budget.saturating_sub(self.out.len() + self.line.len())
    }

    /// Records that the output would exceed the budget.
    pub(crate) fn overflow(&mut self) {
        self.over = true;
    }

    /// Whether the budget was exceeded (writing more is pointless).
    pub(crate) fn is_over(&self) -> bool {
        self.over
    }

    /// The text, or `None` if the budget was exceeded. At most one blank line in a
    /// row, no leading blank lines, and a final newline.
    pub(crate) fn finish(mut self) -> Option<String> {
        self.end_line();
        if self.over {
            return None;
        }
        let mut text = String::with_capacity(self.out.len());
        let mut newlines = 0;
        for c in self.out.chars() {
            if c == '\n' {
                newlines += 1;
                if newlines <= 2 && !text.is_empty() {
                    text.push('\n');
                }
            } else {
                newlines = 0;
                text.push(c);
            }
        }
        while text.ends_with("\n\n") {
            text.pop();
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(parts: &[Option<&str>]) -> String {
        let mut line = Line::default();
        for part in parts {
            match part {
                Some(text) => line.push_str(text),
                None => line.push_break(),
            }
        }
        line.take()
    }

    #[test]
    fn joins_cjk_across_breaks_only() {
        assert_eq!(line(&[Some("商业"), None, Some("企业")]), "商业企业");
        assert_eq!(line(&[Some("商业\n  企业")]), "商业企业");
        assert_eq!(line(&[Some("商业 企业")]), "商业 企业");
        assert_eq!(line(&[Some("Total"), None, Some("2023")]), "Total 2023");
        assert_eq!(line(&[Some("总计"), None, Some("81")]), "总计 81");
        assert_eq!(line(&[Some("\u{a0}"), None, Some(" ")]), "");
        assert_eq!(line(&[Some("  a \t b  ")]), "a b");
    }

    #[test]
    fn writer_keeps_one_blank_line() {
        let mut w = Writer::new(1000);
        w.text("标题");
        w.end_line();
        w.hard_break();
        w.hard_break();
        w.hard_break();
        w.text("正文");
        w.table(&[vec!["a".into(), "1".into()]]);
        w.text("后记");
        assert_eq!(
            w.finish().as_deref(),
            Some("标题\n\n正文\n\n| a | 1 |\n\n后记\n")
        );
    }

    #[test]
    fn writer_budget() {
        let mut w = Writer::new(4);
        w.text("abcdef");
        assert_eq!(w.finish(), None);
    }
}
