//! Values no report of this kind holds: a count of a million or more applications,
//! reviews or lawsuits in one cell of table 三 or 四 is told in a note, for such a
//! count is most often two cells whose digits ran together (`2365450` for `236 54 50`).
//! The cell is kept as read: RULES.md has no rule on size, so the note is the parser's.

use zfxxgk_lex::Span;
use zfxxgk_model::{NoteKind, Table, TableId, Text};

use crate::ledger::Ledger;

/// The smallest count told as implausible. China's largest bodies receive some tens of
/// thousands of applications a year, all of their parts together.
pub(crate) const IMPLAUSIBLE: i64 = 1_000_000;

/// Notes each cell of tables 三 and 四 that holds a count of [`IMPLAUSIBLE`] or more.
pub(crate) fn note_implausible(ctx: &mut Ledger<'_>, tables: &[Table]) {
    for table in tables
        .iter()
        .filter(|t| matches!(t.id, TableId::T3 | TableId::T4))
    {
        for cell in &table.cells {
            let Some(n) = cell.value.number().and_then(|n| n.as_i64()) else {
                continue;
            };
            if n < IMPLAUSIBLE {
                continue;
            }
            let span = Span::new(cell.location.start, cell.location.end);
            ctx.note(
                NoteKind::ImplausibleValue,
                Text::new(
                    format!(
                        "{} 为 {n}，大于任何机关的表格所填之数（一百万或以上）：可能有两个或更多单元格连在了一起",
                        cell.key.as_str()
                    ),
                    format!(
                        "{} holds {n}, more than any body's table holds (a million or more): two or more cells may have run together",
                        cell.key.as_str()
                    ),
                ),
                Some(span),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_of_millions_is_noted() {
        // Issue 17: `pdftotext -layout` left one space between narrow columns, and
        // 236 54 50 was read as one number.
        let text = "三、收到和处理政府信息公开申请情况\n\
                    | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n\
                    | 一、本年新收政府信息公开申请数量 | 2365450 | 66 | 48 | 48 | 0 | 0 | 2365612 |\n\
                    | 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n";
        let report = crate::parse(text);
        let notes: Vec<&str> = report
            .notes
            .iter()
            .filter(|n| n.kind == zfxxgk_model::NoteKind::ImplausibleValue)
            .map(|n| n.message.en.as_str())
            .collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("t3.new_received.natural_person holds 2365450"));
        assert!(notes[1].starts_with("t3.new_received.total holds 2365612"));
    }
}
