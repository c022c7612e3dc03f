//! JSON arrays written item by item: the framing (`[`, the commas, `]`) that
//! [`FindingsJsonWriter`](crate::FindingsJsonWriter) and
//! [`JsonArrayWriter`](crate::JsonArrayWriter) share, with items serialized apart (on
//! the thread that made them, say) and copied in order, so that memory stays flat in
//! the number of reports and the bytes are those of one serialized document.

use std::io::Write;

use serde::Serialize;

use crate::{Error, JsonStyle, Result};

/// How an array is framed. Items are separated by `sep`; a pretty item is indented by
/// `indent` on each of its lines.
#[derive(Debug)]
pub(crate) struct Frame {
    /// Written first.
    open: &'static str,
    /// Written before the first item.
    first: &'static str,
    /// Written between two items.
    sep: &'static str,
    /// Written last, after at least one item.
    close: &'static str,
    /// Written last when no item came.
    close_empty: &'static str,
    /// Put before each line of a pretty item.
    indent: &'static str,
    /// Pretty (indented) or compact items.
    style: JsonStyle,
}

/// `[{"source": …, "report": …}, …]` as `parse --format json` writes it for many
/// reports: items at the left margin, one a paragraph.
pub(crate) const REPORTS: Frame = Frame {
    open: "[\n",
    first: "",
    sep: ",\n",
    close: "\n]\n",
    close_empty: "\n]\n",
    indent: "",
    style: JsonStyle::Pretty,
};

/// `{"findings": […]}` laid out as `serde_json::to_writer_pretty` lays it out, and a
/// line break.
pub(crate) const FINDINGS_PRETTY: Frame = Frame {
    open: "{\n  \"findings\": [",
    first: "\n",
    sep: ",\n",
    close: "\n  ]\n}\n",
    close_empty: "]\n}\n",
    indent: "    ",
    style: JsonStyle::Pretty,
};

/// `{"findings":[…]}` as `serde_json::to_writer` writes it, and a line break.
pub(crate) const FINDINGS_COMPACT: Frame = Frame {
    open: "{\"findings\":[",
    first: "",
    sep: ",",
    close: "]}\n",
    close_empty: "]}\n",
    indent: "",
    style: JsonStyle::Compact,
};

/// Appends `items` to `out` as `frame` lays them out, separated but without the
/// separator before the first: what [`Array::write_encoded`] takes.
pub(crate) fn encode<T: Serialize>(
    frame: &Frame,
    items: impl IntoIterator<Item = T>,
    source_name: &str,
    out: &mut Vec<u8>,
) -> Result<()> {
    let mut scratch = Vec::new();
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            out.extend_from_slice(frame.sep.as_bytes());
        }
        match frame.style {
            JsonStyle::Compact => serde_json::to_writer(&mut *out, &item),
            JsonStyle::Pretty if frame.indent.is_empty() => {
                serde_json::to_writer_pretty(&mut *out, &item)
            }
            JsonStyle::Pretty => {
                scratch.clear();
                serde_json::to_writer_pretty(&mut scratch, &item).map(|()| {
                    // A string never holds a raw line break (JSON escapes it), so
                    // every one in the item is layout.
                    for (k, line) in scratch.split(|b| *b == b'\n').enumerate() {
                        if k > 0 {
                            out.push(b'\n');
                        }
                        out.extend_from_slice(frame.indent.as_bytes());
                        out.extend_from_slice(line);
                    }
                })
            }
        }
        .map_err(|error| Error::JsonWrite {
            source_name: source_name.to_owned(),
            error,
        })?;
    }
    Ok(())
}

/// An array being written: the opening is out, items follow, [`Array::finish`]
/// closes it.
#[derive(Debug)]
pub(crate) struct Array<W: Write> {
    writer: W,
    frame: &'static Frame,
    /// Whether an item has been written.
    any: bool,
}

impl<W: Write> Array<W> {
    /// Writes the opening of `frame` to `writer`.
    pub(crate) fn open(mut writer: W, frame: &'static Frame) -> Result<Array<W>> {
        writer.write_all(frame.open.as_bytes())?;
        Ok(Array {
            writer,
            frame,
            any: false,
        })
    }

    pub(crate) fn frame(&self) -> &'static Frame {
        self.frame
    }

    /// Copies items made by [`encode`] with this array's frame; nothing when empty.
    pub(crate) fn write_encoded(&mut self, items: &[u8]) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let before = if self.any {
            self.frame.sep
        } else {
            self.frame.first
        };
        self.writer.write_all(before.as_bytes())?;
        self.writer.write_all(items)?;
        self.any = true;
        Ok(())
    }

    /// Writes the closing, flushes, and hands back the writer.
    pub(crate) fn finish(mut self) -> Result<W> {
        let close = if self.any {
            self.frame.close
        } else {
            self.frame.close_empty
        };
        self.writer.write_all(close.as_bytes())?;
        self.writer.flush()?;
        Ok(self.writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone, Serialize)]
    struct Item {
        source: String,
        values: Vec<u32>,
        inner: Option<Inner>,
        notes: Vec<String>,
    }

    #[derive(Debug, Clone, Serialize)]
    struct Inner {
        line: u32,
        text: String,
    }

    #[derive(Serialize)]
    struct Doc<'a> {
        findings: &'a [Item],
    }

    fn item() -> impl Strategy<Value = Item> {
        let text = "[a-z\"\\\\\n\t 字<>{}\\[\\],:]{0,12}";
        (
            text,
            prop::collection::vec(any::<u32>(), 0..3),
            prop::option::of((any::<u32>(), text).prop_map(|(line, text)| Inner { line, text })),
            prop::collection::vec(text, 0..3),
        )
            .prop_map(|(source, values, inner, notes)| Item {
                source,
                values,
                inner,
                notes,
            })
    }

    /// `items` cut into groups of `sizes` (the rest in a last group), each encoded
    /// apart and copied into an array of `frame`.
    fn streamed(frame: &'static Frame, items: &[Item], sizes: &[usize]) -> Vec<u8> {
        let mut array = Array::open(Vec::new(), frame).unwrap_or_else(|e| panic!("{e}"));
        let mut rest = items;
        for size in sizes.iter().copied().chain([usize::MAX]) {
            let (group, after) = rest.split_at(size.min(rest.len()));
            let mut bytes = Vec::new();
            encode(frame, group, "test", &mut bytes).unwrap_or_else(|e| panic!("{e}"));
            array
                .write_encoded(&bytes)
                .unwrap_or_else(|e| panic!("{e}"));
            rest = after;
        }
        array.finish().unwrap_or_else(|e| panic!("{e}"))
    }

    proptest! {
        /// Findings encoded report by report make the bytes of the whole document
        /// serialized at once, pretty and compact, whatever the grouping (empty
        /// groups included).
        #[test]
        fn findings_streamed_are_the_document(
            items in prop::collection::vec(item(), 0..6),
            sizes in prop::collection::vec(0usize..3, 0..5),
        ) {
            let doc = Doc { findings: &items };
            let mut pretty = serde_json::to_vec_pretty(&doc).unwrap_or_default();
            pretty.push(b'\n');
            let got = streamed(&FINDINGS_PRETTY, &items, &sizes);
            prop_assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&pretty));
            let mut compact = serde_json::to_vec(&doc).unwrap_or_default();
            compact.push(b'\n');
            prop_assert_eq!(streamed(&FINDINGS_COMPACT, &items, &sizes), compact);
        }

        /// Reports are pretty items at the left margin, one a paragraph, between `[`
        /// and `]` on lines of their own: what `parse --format json` always wrote.
        #[test]
        fn reports_streamed_keep_their_layout(
            items in prop::collection::vec(item(), 0..5),
            sizes in prop::collection::vec(0usize..3, 0..4),
        ) {
            let each: Vec<String> = items
                .iter()
                .map(|i| serde_json::to_string_pretty(i).unwrap_or_default())
                .collect();
            let expected = format!("[\n{}\n]\n", each.join(",\n"));
            let got = streamed(&REPORTS, &items, &sizes);
            prop_assert_eq!(String::from_utf8_lossy(&got), expected);
        }
    }
}
