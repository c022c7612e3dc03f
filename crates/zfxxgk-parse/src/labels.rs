//! Matching the labels real reports write to the template's rows and columns: full- and
//! half-width brackets and digits, spaces inside labels, 合计/总计, 规范性文件/行政规范性
//! 文件, missing or different numbering, labels cut by a line break.

use std::borrow::Cow;

use zfxxgk_model::{ColumnDef, Edition, RowDef, Template};

use crate::normalize::{fold_cow, strip_numbering};

/// A table 二 row by its label: the row and the 第二十条 item its sub-table has.
pub(crate) fn t2_row(label: &str) -> Option<(&'static RowDef, u8)> {
    let f = fold_cow(label);
    let core = strip_numbering(&f);
    // The edition's own wording first: 行政规范性文件 is a 2021 label, 规范性文件 a 2019 one,
    // and each edition lists the other as an alias.
    for e in [Edition::V2021, Edition::V2019] {
        for sub in Template::of(e).t2 {
            for r in sub.rows {
                if core == r.label {
                    return Some((r, sub.item));
                }
            }
        }
    }
    for e in Edition::ALL {
        for sub in Template::of(e).t2 {
            for r in sub.rows {
                if r.aliases.contains(&core) {
                    return Some((r, sub.item));
                }
            }
        }
    }
    None
}

/// How well a label names a template row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Match {
    /// The row's label begins like this (a label cut by a line break), or contains it.
    Partial,
    /// The label is the row's label.
    Exact,
}

/// Shortest text (in characters) that may match a row by its beginning alone.
const MIN_PREFIX: usize = 4;

/// A label folded once, to be matched against many template rows.
pub(crate) struct Folded<'a> {
    folded: Cow<'a, str>,
    /// Where the label's core (numbering stripped) starts in `folded`.
    core_start: usize,
    core_chars: usize,
}

impl<'a> Folded<'a> {
    pub(crate) fn new(label: &'a str) -> Folded<'a> {
        let folded = fold_cow(label);
        let core = strip_numbering(&folded);
        let core_start = folded.len() - core.len();
        let core_chars = core.chars().count();
        Folded {
            folded,
            core_start,
            core_chars,
        }
    }

    fn core(&self) -> &str {
        self.folded.get(self.core_start..).unwrap_or_default()
    }
}

/// Folds each label of a row once.
pub(crate) fn fold_labels<'a>(labels: &[&'a str]) -> Vec<Folded<'a>> {
    labels.iter().map(|l| Folded::new(l)).collect()
}

/// How well a folded label names `row`.
fn folded_match(label: &Folded<'_>, row: &RowDef) -> Option<Match> {
    let core = label.core();
    if core.is_empty() {
        return None;
    }
    let names = std::iter::once(row.label).chain(row.aliases.iter().copied());
    let mut best = None;
    for name in names {
        let name = fold_cow(name);
        if core == name {
            return Some(Match::Exact);
        }
        let long = label.core_chars >= MIN_PREFIX;
        if long
            && (name.starts_with(core)
                || (core.contains(&*name) && name.chars().count() >= MIN_PREFIX))
        {
            best = Some(Match::Partial);
        }
    }
    best
}

/// The template row of `rows` that `labels` (the text cells of one table row) name best,
/// if exactly one row is named best.
#[cfg(test)]
pub(crate) fn best_row(labels: &[&str], rows: &[RowDef]) -> Option<(usize, Match)> {
    best_row_folded(&fold_labels(labels), rows)
}

/// [`best_row`] for labels folded with [`fold_labels`].
pub(crate) fn best_row_folded(labels: &[Folded<'_>], rows: &[RowDef]) -> Option<(usize, Match)> {
    let mut best: Option<(usize, Match)> = None;
    let mut tie = false;
    for (i, row) in rows.iter().enumerate() {
        let m = labels.iter().filter_map(|l| folded_match(l, row)).max();
        if let Some(m) = m {
            match best {
                Some((_, b)) if b > m => {}
                Some((_, b)) if b == m => tie = true,
                _ => {
                    best = Some((i, m));
                    tie = false;
                }
            }
        }
    }
    if tie {
        None
    } else {
        best
    }
}

/// Whether a header cell names this column.
pub(crate) fn column_match(label: &str, col: &ColumnDef) -> bool {
    let f = fold_cow(label);
    if f.is_empty() {
        return false;
    }
    let long = f.chars().count() >= 4;
    std::iter::once(col.label)
        .chain(col.aliases.iter().copied())
        .any(|name| {
            let name = fold_cow(name);
            f == name || (long && (name.contains(&*f) || f.contains(&*name)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t2_rows_in_both_wordings() {
        assert_eq!(
            t2_row("规范性文件").map(|(r, i)| (r.key, i)),
            Some(("normative_documents", 1))
        );
        assert_eq!(
            t2_row("行政规范性文件").map(|(r, i)| (r.key, i)),
            Some(("normative_documents", 1))
        );
        assert_eq!(
            t2_row(" 政府集中采购 ").map(|(r, i)| (r.key, i)),
            Some(("procurement", 9))
        );
        assert!(t2_row("信息内容").is_none());
    }

    #[test]
    fn t3_rows_exact_partial_and_ambiguous() {
        let rows = Template::of(Edition::V2021).t3_rows;
        let key = |labels: &[&str]| best_row(labels, rows).map(|(i, m)| (rows[i].key, m));
        assert_eq!(
            key(&["1.属于国家秘密"]),
            Some(("withheld.state_secret", Match::Exact))
        );
        assert_eq!(
            key(&["（三）不予公开", "1．属于国家秘密"]),
            Some(("withheld.state_secret", Match::Exact))
        );
        assert_eq!(key(&["3、其他"]), Some(("other.other", Match::Exact)));
        assert_eq!(key(&["（七）合计"]), Some(("results_total", Match::Exact)));
        assert_eq!(
            key(&["5.要求行政机关确认或重新出"]),
            Some(("not_processed.confirmation", Match::Partial))
        );
        assert_eq!(
            key(&["（二）部分公开（区分处理的，只计这一情"]),
            Some(("partly_granted", Match::Partial))
        );
        assert_eq!(
            key(&["本", "2.其他法律行政法规禁止公开"]),
            Some(("withheld.law_forbidden", Match::Exact))
        );
        assert_eq!(key(&["（三）不予公开"]), None);
        assert_eq!(
            key(&["3.危及\"三安全一稳定\""]),
            Some(("withheld.security_stability", Match::Exact))
        );
    }
}
