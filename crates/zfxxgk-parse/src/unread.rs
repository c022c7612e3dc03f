//! Nothing read is lost: a table row with a number that no table took (a table other
//! than 二, 三 and 四, a row outside every table's zone, a row a table's reader passed
//! over) is kept in [`Report::unplaced`](zfxxgk_model::Report::unplaced); so is a
//! table that stands in its section but that no reader could read, and so are the
//! values that reading-order text sets on lines of their own, or at the end of a
//! label's line, in a table's section and that no reader placed.

use zfxxgk_lex::{Block, BlockKind, Span};
use zfxxgk_model::{Section, SectionKey, Table, TableId, Unplaced, UnplacedKind};

use crate::ledger::{values_from_end, Ledger};
use crate::normalize::find_folded;
use crate::number::{self, Kind};

/// Keeps, as [`UnplacedKind::UnreadRow`], every row of a table block with a number
/// among its values that is neither a cell of `tables` nor inside what is already
/// unplaced. One pass over the rows, and a binary search per number.
pub(crate) fn keep_unread(ctx: &mut Ledger<'_>, blocks: &[Block<'_>], tables: &[Table]) {
    let taken = taken(ctx, tables);
    for block in blocks {
        let BlockKind::Table(table) = &block.kind else {
            continue;
        };
        for row in table.rows() {
            // The values as `split` has them, read in place: a row may hold millions
            // of empty cells.
            let lost = values_from_end(row.cells())
                .any(|(kind, c)| kind == Kind::Number && !inside(&taken, c.span));
            if lost {
                let text = ctx
                    .text
                    .get(row.span().range())
                    .unwrap_or_default()
                    .to_owned();
                let location = ctx.locate(row.span());
                ctx.unplaced.push(Unplaced {
                    kind: UnplacedKind::UnreadRow,
                    table: None,
                    text,
                    location,
                });
            }
        }
    }
}

/// Words only a table's own text holds (its header, its first row), folded: where one
/// stands in a section whose table was not read, the table is there, unread.
fn marks(table: TableId) -> &'static [&'static str] {
    match table {
        TableId::T2 => &["第二十条"],
        TableId::T3 => &["申请人情况", "本年新收政府信息公开申请数量"],
        TableId::T4 => &["结果维持", "未经复议直接起诉", "复议后起诉"],
    }
}

/// Keeps, as [`UnplacedKind::UnreadTable`], the text of each table of 二, 三 and 四 that
/// its section shows (by one of its [`marks`]) but that was not read and left nothing
/// else in `unplaced`: from the line of the first mark to the section's end.
pub(crate) fn keep_unread_tables(ctx: &mut Ledger<'_>, sections: &[Section], tables: &[Table]) {
    for key in [SectionKey::S2, SectionKey::S3, SectionKey::S4] {
        let Some(id) = key.table() else { continue };
        let kept = ctx.unplaced.iter().any(|u| u.table == Some(id));
        if kept || tables.iter().any(|t| t.id == id) {
            continue;
        }
        let Some(section) = sections.iter().find(|s| s.key == key) else {
            continue;
        };
        let (start, end) = (section.body.start, section.body.end);
        let Some(body) = ctx.text.get(start..end) else {
            continue;
        };
        let Some(at) = marks(id).iter().filter_map(|m| find_folded(body, m)).min() else {
            continue;
        };
        // From the start of the mark's line: the table's row, not the middle of it.
        let at = crate::columns::line_start(body, at);
        let text = body[at..].trim_end();
        let span = Span::new(start + at, start + at + text.len());
        let location = ctx.locate(span);
        ctx.unplaced.push(Unplaced {
            kind: UnplacedKind::UnreadTable,
            table: Some(id),
            text: text.to_string(),
            location,
        });
    }
}

/// Keeps, as [`UnplacedKind::UnreadRow`] of the section's table, each run of lines
/// that hold nothing but values (`4481`, `0 0 0 0 6`, `795016.99元`), each line with a
/// number that is neither a cell of `tables` nor inside what is already unplaced, in a
/// paragraph (without a full stop: not narrative) of the body of section 二, 三 or 四
/// whose table was read or shows one of its [`marks`]. Reading-order text (`pdftotext`
/// without `-layout`, a cell a paragraph) writes a table's values so, where
/// [`keep_unread`] sees no table block: what the readers left of them is kept, not lost.
/// A blank written (`/`, `—`) among such lines is kept with them, and a label's line
/// that ends in such a number (a row whose other columns stand elsewhere) is kept
/// whole, on its own.
pub(crate) fn keep_unread_values(
    ctx: &mut Ledger<'_>,
    blocks: &[Block<'_>],
    sections: &[Section],
    tables: &[Table],
) {
    let taken = taken(ctx, tables);
    let mut kept = Vec::new();
    for key in [SectionKey::S2, SectionKey::S3, SectionKey::S4] {
        let (Some(id), Some(section)) = (key.table(), sections.iter().find(|s| s.key == key))
        else {
            continue;
        };
        let (start, end) = (section.body.start, section.body.end);
        let body = ctx.text.get(start..end).unwrap_or_default();
        let shown = marks(id).iter().any(|m| find_folded(body, m).is_some());
        if !shown && !tables.iter().any(|t| t.id == id) {
            continue;
        }
        // A paragraph with a full stop is narrative (`本年共主动公开信息` / `12` / `条。`):
        // no label or header of a table holds one.
        let paragraphs = blocks.iter().filter(|b| {
            b.kind == BlockKind::Paragraph
                && b.span.start >= start
                && b.span.end <= end
                && !b.text.contains('。')
        });
        // Each word of a line: its kind, and whether no table and nothing unplaced
        // holds it (one buffer for every line).
        let mut words: Vec<(Kind, bool)> = Vec::new();
        for b in paragraphs {
            // The run of lines with a lost value being read, and whether a number of
            // it is lost (a run of blank marks alone is kept with no number).
            let mut run: Option<(Span, bool)> = None;
            let mut at = b.span.start;
            for line in b.text.split_inclusive('\n') {
                let span = Span::new(at, at + line.trim_end().len());
                at += line.len();
                words.clear();
                words.extend(line.split_whitespace().map(|w| {
                    let off = w.as_ptr() as usize - line.as_ptr() as usize;
                    let at = Span::new(span.start + off, span.start + off + w.len());
                    (number::kind(w), !inside(&taken, at))
                }));
                let values = words.iter().all(|&(k, _)| k != Kind::Text);
                let lost = |kind: Kind| words.iter().any(|&(k, lost)| lost && k == kind);
                // A blank written (`/`, `—`) among lost numbers is lost with them,
                // as the column's cell it is.
                let (number, mark) = (values && lost(Kind::Number), values && lost(Kind::Blank));
                // Whether the line ends in values (the words after its last word of
                // text) of which a number is lost.
                let ends_lost = !values
                    && words
                        .iter()
                        .rev()
                        .take_while(|&&(k, _)| k != Kind::Text)
                        .any(|&(k, lost)| lost && k == Kind::Number);
                if ends_lost {
                    // A label's line ending in values no reader placed (a row cut by
                    // a page, `正、行政机关不再处理其政府 1 0 0`): kept whole, label
                    // and all, on its own.
                    kept.extend(run.take().filter(|r| r.1).map(|r| (id, r.0)));
                    let lead = line.len() - line.trim_start().len();
                    kept.push((id, Span::new(span.start + lead, span.end)));
                    continue;
                }
                run = match run {
                    Some((r, n)) if number || mark => {
                        Some((Span::new(r.start, span.end), n || number))
                    }
                    None if number || mark => Some((span, number)),
                    r => {
                        kept.extend(r.filter(|r| r.1).map(|r| (id, r.0)));
                        None
                    }
                };
            }
            kept.extend(run.filter(|r| r.1).map(|r| (id, r.0)));
        }
    }
    for (id, span) in kept {
        let text = ctx.text.get(span.range()).unwrap_or_default().to_owned();
        let location = ctx.locate(span);
        ctx.unplaced.push(Unplaced {
            kind: UnplacedKind::UnreadRow,
            table: Some(id),
            text,
            location,
        });
    }
}

/// The byte ranges of the cells of `tables` and of what is already unplaced, merged
/// into disjoint sorted ones (for [`inside`]).
fn taken(ctx: &Ledger<'_>, tables: &[Table]) -> Vec<(usize, usize)> {
    let mut taken: Vec<(usize, usize)> = tables
        .iter()
        .flat_map(|t| t.cells.iter().map(|c| &c.location))
        .chain(ctx.unplaced.iter().map(|u| &u.location))
        .map(|l| (l.start, l.end))
        .collect();
    taken.sort_unstable();
    union(taken)
}

/// Sorted ranges merged into disjoint ones.
fn union(sorted: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (s, e) in sorted {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Whether `span` lies inside one of the disjoint sorted `ranges`.
fn inside(ranges: &[(usize, usize)], span: Span) -> bool {
    let upto = ranges.partition_point(|r| r.0 <= span.start);
    upto > 0 && ranges[upto - 1].1 >= span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_no_reader_read_is_kept_whole() {
        // A box-drawn table 四 that no reader reads: its text is kept, not lost.
        let text = "四、政府信息公开行政复议、行政诉讼情况\n┌──┬──┐\n│结果 维持│总计│\n│ 1 │ 1 │\n└──┴──┘\n五、存在的主要问题及改进情况\n无。\n";
        let report = crate::parse(text);
        if report.table(TableId::T4).is_none() {
            let kept: Vec<_> = report
                .unplaced
                .iter()
                .filter(|u| u.kind == UnplacedKind::UnreadTable)
                .collect();
            assert_eq!(kept.len(), 1, "{:?}", report.unplaced);
            assert_eq!(kept[0].table, Some(TableId::T4));
            assert!(
                kept[0].text.starts_with("│结果 维持│"),
                "{:?}",
                kept[0].text
            );
            assert!(kept[0].text.ends_with("└──┴──┘"), "{:?}", kept[0].text);
        }
    }

    fn unread_values(text: &str) -> Vec<(Option<TableId>, String)> {
        crate::parse(text)
            .unplaced
            .into_iter()
            .filter(|u| u.kind == UnplacedKind::UnreadRow)
            .map(|u| (u.table, u.text))
            .collect()
    }

    #[test]
    fn values_on_lines_of_their_own_that_no_reader_placed_are_kept() {
        // Reading-order text of a table 二 whose labels are gone: its values are kept,
        // each run of lines as written; the narrative's numbers (a paragraph with a
        // full stop) and section 一's are not.
        let text = "一、总体情况\n2019\n年，本机关收到申请3件。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新制作数量\n\n4481\n\n766\n3533\n\n本年共主动公开信息\n12\n条。\n三、收到和处理政府信息公开申请情况\n";
        let kept = unread_values(text);
        let t2 = Some(TableId::T2);
        assert_eq!(
            kept,
            [(t2, "4481".to_string()), (t2, "766\n3533".to_string())]
        );
    }

    #[test]
    fn a_blank_written_among_lost_values_is_kept_with_them() {
        // A column of a reading-order table (`2` / `6` / `/`: the third row's cell
        // written `/`) is kept whole, the mark with the numbers; a paragraph of marks
        // alone holds no lost number and is not kept.
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n\n—\n4481\n\n2\n6\n/\n\n/\n—\n三、收到和处理政府信息公开申请情况\n";
        let t2 = Some(TableId::T2);
        assert_eq!(
            unread_values(text),
            [(t2, "—\n4481".to_string()), (t2, "2\n6\n/".to_string())]
        );
    }

    #[test]
    fn values_ending_a_labels_line_that_no_reader_placed_are_kept() {
        // chromium's cms page cut by a page: a row's first columns on its label's line,
        // the rest elsewhere; no reader reads the row, and the line is kept whole.
        let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n\n正、行政机关不再处理其政府 1 0 0\n信息公开申请\n（七）总计\n174 2 1\n四、政府信息公开行政复议、行政诉讼情况\n";
        let t3 = Some(TableId::T3);
        assert_eq!(
            unread_values(text),
            [(t3, "正、行政机关不再处理其政府 1 0 0".to_string())]
        );
        // （七）总计's line of values, a space between them, is kept whole with its
        // label by the reader of cells run together, whose note says no split fits.
        let kept = crate::parse(text).unplaced;
        assert!(
            kept.iter()
                .any(|u| u.kind == UnplacedKind::RanTogether && u.text.ends_with("174 2 1")),
            "{kept:?}"
        );
        // A line of text whose numbers stand inside it, not after it, keeps nothing.
        let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n\n共 12 件 申请\n四、政府信息公开行政复议、行政诉讼情况\n";
        assert_eq!(unread_values(text), []);
    }

    #[test]
    fn values_a_table_placed_are_not_kept_again() {
        // Without a mark of table 二 and with no table 二 read, a section's lone number
        // is narrative, not a table's value.
        assert_eq!(
            unread_values("二、主动公开政府信息情况\n本年共主动公开信息\n12\n条。\n"),
            []
        );
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t5\t0\t12\n行政规范性文件\t4\t1\t30\n\n9999\n三、收到和处理政府信息公开申请情况\n";
        let report = crate::parse(text);
        assert!(report.table(TableId::T2).is_some(), "{:?}", report.notes);
        assert_eq!(
            unread_values(text),
            [(Some(TableId::T2), "9999".to_string())]
        );
    }

    #[test]
    fn union_and_inside() {
        let u = union(vec![(0, 2), (1, 4), (4, 5), (7, 7), (8, 9)]);
        assert_eq!(u, [(0, 5), (7, 7), (8, 9)]);
        assert!(inside(&u, Span::new(2, 5)));
        assert!(!inside(&u, Span::new(4, 6)));
        assert!(!inside(&u, Span::new(6, 7)));
        assert!(inside(&u, Span::new(8, 9)));
    }
}
