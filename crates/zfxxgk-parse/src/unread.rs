//! Nothing read is lost: a table row with a number that no table took (a table other
//! than 二, 三 and 四, a row outside every table's zone, a row a table's reader passed
//! over) is kept in [`Report::unplaced`](zfxxgk_model::Report::unplaced).

use zfxxgk_lex::{Block, BlockKind, Span};
use zfxxgk_model::{Table, Unplaced, UnplacedKind};

use crate::context::{values_from_end, Ctx};
use crate::number::Kind;

/// Keeps, as [`UnplacedKind::UnreadRow`], every row of a table block with a number
/// among its values that is neither a cell of `tables` nor inside what is already
/// unplaced. One pass over the rows, and a binary search per number.
pub(crate) fn keep_unread(ctx: &mut Ctx<'_>, blocks: &[Block<'_>], tables: &[Table]) {
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
    fn union_and_inside() {
        let u = union(vec![(0, 2), (1, 4), (4, 5), (7, 7), (8, 9)]);
        assert_eq!(u, [(0, 5), (7, 7), (8, 9)]);
        assert!(inside(&u, Span::new(2, 5)));
        assert!(!inside(&u, Span::new(4, 6)));
        assert!(!inside(&u, Span::new(6, 7)));
        assert!(inside(&u, Span::new(8, 9)));
    }
}
