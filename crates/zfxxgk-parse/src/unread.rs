//! Nothing read is lost: a table row with a number that no table took (a table other
//! than 二, 三 and 四, a row outside every table's zone, a row a table's reader passed
//! over) is kept in [`Report::unplaced`](zfxxgk_model::Report::unplaced); so is a
//! table that stands in its section but that no reader could read.

use zfxxgk_lex::{Block, BlockKind, Span};
use zfxxgk_model::{Section, SectionKey, Table, TableId, Unplaced, UnplacedKind};

use crate::ledger::{values_from_end, Ledger};
use crate::normalize::find_folded;
use crate::number::Kind;

/// Keeps, as [`UnplacedKind::UnreadRow`], every row of a table block with a number
/// among its values that is neither a cell of `tables` nor inside what is already
/// unplaced. One pass over the rows, and a binary search per number.
pub(crate) fn keep_unread(ctx: &mut Ledger<'_>, blocks: &[Block<'_>], tables: &[Table]) {
    let mut taken: Vec<(usize, usize)> = tables
        .iter()
        .flat_map(|t| t.cells.iter().map(|c| &c.location))
        .chain(ctx.unplaced.iter().map(|u| &u.location))
        .map(|l| (l.start, l.end))
        .collect();
    taken.sort_unstable();
    let taken = union(taken);
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
        let at = body[..at].rfind('\n').map_or(0, |n| n + 1);
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
