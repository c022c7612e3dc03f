//! Rows whose blank cells vanished: reading-order text (`pdftotext` without `-layout`,
//! and `-raw`) writes a table row's cells one after the other, one a line or a space
//! apart, and an empty cell leaves nothing at all, so a row of table 三 may show five
//! values for its seven columns (`7 1 1 0 9`), and nothing says which are missing.
//!
//! # Grammar
//!
//! ```text
//! row   = value{k}            ; k < n, the values in the columns' order, no positions
//! value = number | blank      ; a blank written (`/`, `—`) stands in its column
//! ```
//!
//! # Placement
//!
//! Every way of putting the `k` values in order into the row's `n` columns (the
//! `n - k` columns left are vanished blank cells) is a placement. A placement is kept
//! when the row's sums hold with it (the [`Group`]s of [`crate::split`]: a row of
//! table 三 is one summed group of seven; table 四's fifteen values three summed groups
//! of five; table 二's rows a free group), a blank counted as 0; the sums down table
//! 三's columns may then keep fewer (see `table3`). A column is read only when every
//! placement kept puts the same thing there: the same value, or a blank. Anything
//! else is left unplaced with a note naming the columns and the placements: a wrong
//! number is worse than a missing one.
//!
//! The search is bounded: a row of `n` columns has at most `C(n, k)` placements
//! (6435 for fifteen), and past [`MAX_PLACEMENTS`] kept it gives up.

use zfxxgk_lex::Cell as LexCell;
use zfxxgk_model::Text;

use crate::number;
use crate::split::Group;

/// Most placements kept for one row: past this many the row is not read.
pub(crate) const MAX_PLACEMENTS: usize = 4096;

/// A value as the sums see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Token {
    /// A count (a whole number, not negative).
    Count(u64),
    /// A blank written (`/`, `—`): 0 in a sum.
    Blank,
    /// Anything else (a decimal, a negative number): no sum holding it is checked.
    Other,
}

impl Token {
    /// The token a cell's text is.
    pub(crate) fn of(text: &str) -> Token {
        match number::value(text) {
            zfxxgk_model::Value::Blank => Token::Blank,
            v => v
                .normalized()
                .parse::<u64>()
                .map_or(Token::Other, Token::Count),
        }
    }

    /// The token's value in a sum: `None` for [`Token::Other`].
    pub(crate) fn count(self) -> Option<u64> {
        match self {
            Token::Count(n) => Some(n),
            Token::Blank => Some(0),
            Token::Other => None,
        }
    }
}

/// Whether `tokens` add up as a row or a group: the last the sum of those before, a
/// blank counted as 0. `None` where one of them is no count, or there are none.
pub(crate) fn adds_up(tokens: &[Token]) -> Option<bool> {
    let (total, cells) = tokens.split_last()?;
    let mut sum: u64 = 0;
    for t in cells {
        sum = sum.saturating_add(t.count()?);
    }
    Some(total.count()? == sum)
}

/// A placement: for each column, the index of the value put there, or `None` for a
/// vanished blank cell.
pub(crate) type Placement = Vec<Option<usize>>;

/// What the search found for a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Placements {
    /// Every placement the row's own sums keep (none, one or several).
    Found(Vec<Placement>),
    /// More than [`MAX_PLACEMENTS`] kept: the row is not read.
    TooMany,
}

/// Every placement of `tokens` (in order) into the columns of `shape` that the groups'
/// sums keep; with as many tokens as columns, the one placement in order (if its sums
/// hold). More tokens than columns: none.
pub(crate) fn placements(tokens: &[Token], shape: &[Group]) -> Placements {
    let n: usize = shape.iter().map(|g| g.cells).sum();
    if tokens.len() > n || tokens.is_empty() {
        return Placements::Found(Vec::new());
    }
    // The group and whether it is a group's last column, for each column.
    let mut ends = Vec::with_capacity(n);
    for g in shape {
        for k in 0..g.cells {
            ends.push((g.summed, k + 1 == g.cells));
        }
    }
    let mut search = Search {
        tokens,
        ends: &ends,
        current: Vec::with_capacity(n),
        found: Vec::new(),
        too_many: false,
    };
    search.column(0, 0, Some(0));
    if search.too_many {
        Placements::TooMany
    } else {
        Placements::Found(search.found)
    }
}

/// The state of one search.
struct Search<'a> {
    tokens: &'a [Token],
    /// For each column: whether its group is summed, and whether it is its group's last.
    ends: &'a [(bool, bool)],
    current: Placement,
    found: Vec<Placement>,
    too_many: bool,
}

impl Search<'_> {
    /// Fills column `col` on, with token `next` the next to place; `sum` is what the
    /// group's columns so far add up to (`None` once a token no sum can hold is in it).
    fn column(&mut self, col: usize, next: usize, sum: Option<u64>) {
        if self.too_many {
            return;
        }
        let Some(&(summed, last)) = self.ends.get(col) else {
            if next == self.tokens.len() {
                if self.found.len() >= MAX_PLACEMENTS {
                    self.too_many = true;
                } else {
                    self.found.push(self.current.clone());
                }
            }
            return;
        };
        let left = self.ends.len() - col;
        let tokens_left = self.tokens.len() - next;
        // The token at `next` here, if any are left.
        if let Some(&t) = self.tokens.get(next) {
            if self.fits(summed, last, sum, t.count()) {
                self.current.push(Some(next));
                self.column(col + 1, next + 1, self.after(last, sum, t.count()));
                self.current.pop();
            }
        }
        // A vanished blank here, if the columns left can still hold the tokens left.
        if left > tokens_left && self.fits(summed, last, sum, Some(0)) {
            self.current.push(None);
            self.column(col + 1, next, self.after(last, sum, Some(0)));
            self.current.pop();
        }
    }

    /// Whether a value (its count, if any) may stand in a column: in a summed group's
    /// last column it must be what the others add up to, unless one of them (or it)
    /// is no count.
    fn fits(&self, summed: bool, last: bool, sum: Option<u64>, value: Option<u64>) -> bool {
        match (summed && last, sum, value) {
            (true, Some(s), Some(v)) => s == v,
            _ => true,
        }
    }

    /// The running sum after a column: restarted at a group's end.
    fn after(&self, last: bool, sum: Option<u64>, value: Option<u64>) -> Option<u64> {
        if last {
            Some(0)
        } else {
            sum.zip(value).and_then(|(s, v)| s.checked_add(v))
        }
    }
}

/// What every placement puts in each column: `Some(Some(i))` value `i` (of the first
/// placement; the others put a value written the same there), `Some(None)` a blank
/// (vanished, or a blank written), `None` where they disagree, or none was found.
/// A blank written (`—`, `/`) as the row's first value, alone on its line of `text`,
/// and one that vanished do not agree: reading-order `pdftotext`, which sets such
/// cells apart, can set a `—` ahead of the digits of its row (its box stands higher
/// than theirs), so that where some placements put that `—` in a cell and others a
/// vanished blank, the cell may hold a value that stood before the `—` on the page
/// (`—` / `0` / … of a row `0 — 0 0 0 0 0` whose last `0` landed elsewhere). A blank
/// written after a value, or on the line of the row's other values (`pdftotext
/// -raw`, which keeps the page's order), stands where the text sets it.
pub(crate) fn agreed(
    text: &str,
    placements: &[&Placement],
    values: &[LexCell<'_>],
    columns: usize,
) -> Vec<Option<Option<usize>>> {
    let set_apart = values
        .first()
        .is_some_and(|c| crate::cuts::alone_on_line(text, c));
    // `None` a blank (vanished, or written where the text sets it), `Some(None)` a
    // blank written first and set apart, `Some(Some(v))` a value.
    let what = |p: &Placement, col: usize| -> Option<Option<String>> {
        let i = p.get(col).copied().flatten()?;
        let v = values.get(i).map(|c| number::value(c.text));
        match v {
            Some(zfxxgk_model::Value::Blank) | None if i == 0 && set_apart => Some(None),
            Some(zfxxgk_model::Value::Blank) | None => None,
            Some(v) => Some(Some(v.normalized())),
        }
    };
    (0..columns)
        .map(|col| {
            let (first, rest) = placements.split_first()?;
            let here = what(first, col);
            rest.iter()
                .all(|p| what(p, col) == here)
                .then(|| first.get(col).copied().flatten())
        })
        .collect()
}

/// [`agreed`] of the placements of `values` into the columns of `shape` that its sums
/// keep (none past [`MAX_PLACEMENTS`]), and those placements as [`written`] writes
/// them for a note.
pub(crate) fn decide(
    text: &str,
    values: &[LexCell<'_>],
    shape: &[Group],
) -> (Vec<Option<Option<usize>>>, Text) {
    let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
    let columns = shape.iter().map(|g| g.cells).sum();
    match placements(&tokens, shape) {
        Placements::Found(found) => {
            let kept: Vec<&Placement> = found.iter().collect();
            (
                agreed(text, &kept, values, columns),
                written(&kept, values, 4),
            )
        }
        Placements::TooMany => (
            vec![None; columns],
            Text::new(
                format!("超过 {MAX_PLACEMENTS} 种"),
                format!("in more than {MAX_PLACEMENTS} ways"),
            ),
        ),
    }
}

/// The placements as a person reads them, for a note: `55 0 / _ 1 0 56`, `_` for a
/// vanished blank cell; at most `most`, then how many more (or that there are none).
pub(crate) fn written(placements: &[&Placement], values: &[LexCell<'_>], most: usize) -> Text {
    if placements.is_empty() {
        return Text::new(
            "无一种：没有一种放法合计相符",
            "no way: no placement adds up",
        );
    }
    let shown: Vec<String> = placements
        .iter()
        .take(most)
        .map(|p| {
            let cells: Vec<String> = p
                .iter()
                .map(|c| {
                    c.and_then(|i| values.get(i))
                        .map_or("_".to_string(), |v| v.text.trim().to_string())
                })
                .collect();
            format!("`{}`", cells.join(" "))
        })
        .collect();
    let (mut zh, mut en) = (shown.join("、"), shown.join(", "));
    if let Some(more) = placements.len().checked_sub(most).filter(|m| *m > 0) {
        zh.push_str(&format!("，另有 {more} 种"));
        en.push_str(&format!(", and {more} more"));
    }
    Text::new(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{self, get, none_under};

    fn tokens(s: &str) -> Vec<Token> {
        s.split_whitespace().map(Token::of).collect()
    }

    fn cells(text: &str) -> Vec<LexCell<'_>> {
        let mut at = 0;
        text.split([' ', '\n'])
            .map(|t| {
                let c = LexCell {
                    text: t,
                    span: zfxxgk_lex::Span::new(at, at + t.len()),
                    x: None,
                };
                at += t.len() + 1;
                c
            })
            .collect()
    }

    fn found(s: &str, shape: &[Group]) -> Vec<Placement> {
        match placements(&tokens(s), shape) {
            Placements::Found(p) => p,
            Placements::TooMany => panic!("too many"),
        }
    }

    use crate::split::{T3_ROW as T3, T4_ROW as T4};

    #[test]
    fn a_row_of_table_three_keeps_its_total_last() {
        // Two blank cells vanished among the six columns: fifteen placements, the
        // total (9) last in each; a total that vanished would be 0, not 9.
        let p = found("7 1 1 0 9", &T3);
        assert_eq!(p.len(), 15);
        assert!(p.iter().all(|p| p[6] == Some(4)));
        // Six values whose last is not the sum of the others, nor 0: no placement.
        assert!(found("1 3 5 7 1 201", &T3).is_empty());
        // All seven: the one placement in order, if it adds up.
        assert_eq!(found("1 0 0 0 0 0 1", &T3).len(), 1);
        assert!(found("1 0 0 0 0 0 2", &T3).is_empty());
    }

    #[test]
    fn groups_of_table_four_tell_where_a_blank_vanished() {
        // `_ 2 2 2 6 | 1 3 1 3 8 | 3 1 3 3 10` with the first blank gone: the sums
        // put the blank in the first group, but not where in it.
        let text = "2 2 2 6 1 3 1 3 8 3 1 3 3 10";
        let p = found(text, &T4);
        assert_eq!(p.len(), 4);
        let values = cells(text);
        let refs: Vec<&Placement> = p.iter().collect();
        let a = agreed(text, &refs, &values, 15);
        assert!(a[..4].iter().all(Option::is_none));
        assert_eq!(a[4], Some(Some(3)));
        assert_eq!(a[5], Some(Some(4)));
        // Wherever the blank vanished, the first group's five hold 1 and 1 and a
        // total of 0: no placement.
        assert!(found("1 1 0 0 0 0 0 0 0 0 0 0 0 0", &T4).is_empty());
    }

    #[test]
    fn values_written_alike_agree() {
        let text = "0 0 0 0 0 0";
        let cells = cells(text);
        let p = found(text, &T3);
        assert_eq!(p.len(), 7);
        let refs: Vec<&Placement> = p.iter().collect();
        // Each column is 0 in six placements and blank in one: none agrees.
        assert!(agreed(text, &refs, &cells, 7).iter().all(Option::is_none));
        // Six zeros with the total vanished add up too; of that one placement alone,
        // every column agrees.
        let last: Vec<&Placement> = p.iter().filter(|p| p[6].is_none()).collect();
        assert_eq!(agreed(text, &last, &cells, 7)[6], Some(None));
        assert_eq!(agreed(text, &last, &cells, 7)[0], Some(Some(0)));
        let more = written(&refs, &cells, 2);
        assert!(more.en.ends_with(", and 5 more") && more.zh.ends_with("，另有 5 种"));
        assert!(!more.zh.contains("and"), "{}", more.zh);
    }

    /// The wider check's seed 87 (LibreOffice, reading order): the row `0 — 0 0 0 0 0`
    /// written `—` / `0` / … a cell a line, five `0`s, its `—` set ahead of the row's
    /// first `0` and one `0` landed elsewhere. Every placement but one puts the `—`
    /// first, the other a blank that vanished: a blank written first and set apart
    /// and a vanished one do not agree, and the first column is not read (it holds 0).
    /// On one line with the row's values (`pdftotext -raw`, the page's order), the
    /// `—` is a blank where it stands, alike with a vanished one.
    #[test]
    fn a_blank_written_first_and_set_apart_and_a_blank_vanished_do_not_agree() {
        let text = "—\n0\n0\n0\n0\n0";
        let cells = cells(text);
        let p = found("— 0 0 0 0 0", &T3);
        assert_eq!(p.len(), 7);
        let refs: Vec<&Placement> = p.iter().collect();
        assert_eq!(agreed(text, &refs, &cells, 7)[0], None);
        // Where every placement puts the `—` in the first column, it is read there.
        let first: Vec<&Placement> = p.iter().filter(|p| p[0] == Some(0)).collect();
        assert_eq!(agreed(text, &first, &cells, 7)[0], Some(Some(0)));
        let line = "— 0 0 0 0 0";
        assert!(agreed(line, &refs, &self::cells(line), 7)[0].is_some());
    }

    fn read(text: &str) -> (Vec<(String, String)>, zfxxgk_model::Report) {
        let report = crate::parse(text);
        (test_support::cells(&report), report)
    }

    /// `pdftotext -raw` of a report: table 四's first cell blank and gone, and a row of
    /// table 三 with two blank cells gone.
    #[test]
    fn reading_order_rows_read_what_the_sums_decide() {
        let text = "三、收到和处理政府信息公开申请情况\n\
            申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
            一、本年新收政府信息公开申请数量 7 1 1 0 9\n\
            四、政府信息公开行政复议、行政诉讼情况\n\
            行政复议 行政诉讼\n\
            结果维持 结果纠正 其他结果 尚未审结 总计\n\
            2 2 2 6 1 3 1 3 8 3 1 3 3 10\n";
        let (cells, report) = read(text);
        // Table 四: the blank is in the first group, but where in it is not told.
        assert_eq!(get(&cells, "t4.review.total"), Some("6"));
        assert_eq!(get(&cells, "t4.litigation_direct.pending"), Some("3"));
        assert_eq!(get(&cells, "t4.litigation_after_review.total"), Some("10"));
        assert_eq!(get(&cells, "t4.review.upheld"), None);
        assert_eq!(get(&cells, "t4.review.pending"), None);
        // Table 三: the total alone stands last in every placement.
        assert_eq!(get(&cells, "t3.new_received.total"), Some("9"));
        assert_eq!(get(&cells, "t3.new_received.natural_person"), None);
        let notes: Vec<&str> = report.notes.iter().map(|n| n.message.en.as_str()).collect();
        assert!(
            notes.iter().any(|n| n.contains("row new_received")
                && n.contains("natural_person, commercial")
                && n.contains("`7 1 1 0 _ _ 9`")),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.starts_with("table 四: 14 values")),
            "{notes:?}"
        );
        let cell = report
            .cell("t4.review.total".parse().expect("key"))
            .expect("read");
        assert_eq!(cell.placement, zfxxgk_model::Placement::Position);
    }

    /// A row cut in two (`1 1 0 0 2` / `0 5`) is no row short of blanks, though its
    /// first part adds up (1 + 1 + 0 + 0 = 2): none of it is read. (Had its parts
    /// added up together, `1 1 0 0 2` / `0 4`, it would be read whole: see
    /// [`crate::wrapped`].)
    #[test]
    fn a_row_cut_over_two_lines_is_not_read() {
        let text = "三、收到和处理政府信息公开申请情况\n\
            申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
            一、本年新收政府信息公开申请数量 1 1 0 0 2\n0 5\n\
            二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
        let (cells, report) = read(text);
        assert!(none_under(&cells, "t3.new_received"), "{cells:?}");
        assert_eq!(get(&cells, "t3.carried_over.total"), Some("0"));
        assert!(report
            .notes
            .iter()
            .any(|n| n.message.en.contains("may have been cut in two")));
    }

    /// Table 二 has no sums: a row of running text short of a value is not read.
    #[test]
    fn a_short_row_of_table_two_is_not_read() {
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n\
            信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 4282 9994\n\
            行政规范性文件 4702 3051 8595\n";
        let (cells, report) = read(text);
        assert_eq!(get(&cells, "t2.normative_documents.in_force"), Some("8595"));
        assert!(none_under(&cells, "t2.regulations"), "{cells:?}");
        assert!(report
            .notes
            .iter()
            .any(|n| n.message.en.contains("table 二, row regulations")));
    }

    #[test]
    fn too_many_placements_leave_every_column() {
        let text = "1 2 3 4 5 6 7";
        let free = [Group {
            cells: 15,
            summed: false,
        }];
        let (agreed, said) = decide(text, &cells(text), &free);
        assert!(agreed.iter().all(Option::is_none));
        assert_eq!(
            (said.zh.as_str(), said.en.as_str()),
            ("超过 4096 种", "in more than 4096 ways")
        );
    }

    #[test]
    fn too_many_placements_are_not_listed() {
        // Fifteen columns of a free group, seven values: 6435 placements.
        let free = [Group {
            cells: 15,
            summed: false,
        }];
        assert_eq!(
            placements(&tokens("1 2 3 4 5 6 7"), &free),
            Placements::TooMany
        );
        assert!(matches!(
            placements(&tokens("1 2 3 4 5 6 7 8 9 10 11"), &free),
            Placements::Found(p) if p.len() == 1365
        ));
    }
}
