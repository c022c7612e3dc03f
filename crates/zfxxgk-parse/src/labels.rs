//! Matching the labels real reports write to the template's rows and columns: full- and
//! half-width brackets and digits, spaces inside labels, 合计/总计, 规范性文件/行政规范性
//! 文件, missing or different numbering, labels cut by a line break.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use zfxxgk_model::{ColumnDef, Edition, PerEdition, RowDef, Template, T3_COLUMNS};

use rustc_hash::FxHashMap;

use crate::normalize::{fold, fold_cow, strip_numbering};

/// A table 二 row by its label: the row and the 第二十条 item its sub-table has.
pub(crate) fn t2_row(label: &str) -> Option<(&'static RowDef, u8)> {
    t2_row_folded(&fold_cow(label))
}

/// [`t2_row`] of a label already folded.
pub(crate) fn t2_row_folded(folded: &str) -> Option<(&'static RowDef, u8)> {
    T2_LABELS.get(strip_numbering(folded)).copied()
}

/// Every wording of table 二's rows (folded), with the row it names.
pub(crate) fn t2_wordings() -> impl Iterator<Item = (&'static str, &'static RowDef)> {
    T2_LABELS.iter().map(|(w, (r, _))| (*w, *r))
}

/// Table 二's rows by wording. The edition's own wording comes first: 行政规范性文件 is
/// a 2021 label, 规范性文件 a 2019 one, and each edition lists the other as an alias, so
/// labels are entered before aliases and the first entry of a wording stays.
static T2_LABELS: LazyLock<FxHashMap<&'static str, (&'static RowDef, u8)>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for e in [Edition::V2021, Edition::V2019] {
        for sub in Template::of(e).t2 {
            for r in sub.rows {
                map.entry(r.label).or_insert((r, sub.item));
            }
        }
    }
    for e in Edition::ALL {
        for sub in Template::of(e).t2 {
            for r in sub.rows {
                for &alias in r.aliases {
                    map.entry(alias).or_insert((r, sub.item));
                }
            }
        }
    }
    map
});

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

/// [`MIN_PREFIX`] for a table 二 label cut in the middle of a character, which was
/// cut short for certain (`行政许�`, `行政�` where its column is narrow): its
/// sub-table's rows are few, and begin apart; where two begin alike (行政处罚,
/// 行政强制) the label names neither.
const MIN_CUT_PREFIX: usize = 2;

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

    /// The whole label, folded.
    pub(crate) fn text(&self) -> &str {
        &self.folded
    }

    /// Whether the label starts with numbering (`（六）`, `3.`).
    pub(crate) fn numbered(&self) -> bool {
        self.core_start > 0
    }

    /// Whether the label is numbering alone (`6.`, `（三）`), its words set elsewhere.
    pub(crate) fn numbering_only(&self) -> bool {
        self.numbered() && self.core().is_empty()
    }
}

/// Folds each label of a row once.
#[cfg(test)]
pub(crate) fn fold_labels<'a>(labels: &[&'a str]) -> Vec<Folded<'a>> {
    labels.iter().map(|l| Folded::new(l)).collect()
}

/// A template wording folded once per process.
struct Name {
    text: String,
    chars: usize,
    /// Finds the wording inside longer labels.
    finder: memmem::Finder<'static>,
}

impl Name {
    fn new(wording: &str) -> Name {
        let text = fold_cow(wording).into_owned();
        let chars = text.chars().count();
        let finder = memmem::Finder::new(&text).into_owned();
        Name {
            text,
            chars,
            finder,
        }
    }
}

/// A template row or column with its wordings (label, then aliases) folded once per
/// process, so that matching a report's label against it folds nothing.
pub(crate) struct Names(Vec<Name>);

impl Names {
    fn of(label: &str, aliases: &[&str]) -> Names {
        Names(
            std::iter::once(label)
                .chain(aliases.iter().copied())
                .map(Name::new)
                .collect(),
        )
    }
}

fn fold_rows(rows: &[RowDef]) -> Vec<Names> {
    rows.iter().map(|r| Names::of(r.label, r.aliases)).collect()
}

/// Table 三's template rows of each edition, folded.
static T3_ROWS: LazyLock<PerEdition<Vec<Names>>> =
    LazyLock::new(|| PerEdition::from_fn(|e| fold_rows(Template::of(e).t3_rows)));
static T3_COLUMNS_FOLDED: LazyLock<Vec<Names>> = LazyLock::new(|| {
    T3_COLUMNS
        .iter()
        .map(|c| Names::of(c.label, c.aliases))
        .collect()
});

/// Table 三's template rows of `edition`, folded: index `i` is
/// `Template::of(edition).t3_rows[i]`.
pub(crate) fn t3_rows(edition: Edition) -> &'static [Names] {
    &T3_ROWS[edition]
}

/// Whether `label`, folded and its numbering stripped, is the beginning of a wording
/// of a row of table 三 (in either edition), a whole one included: the first part of
/// a label cut over lines, and no more.
pub(crate) fn begins_t3_row(label: &str) -> bool {
    let f = Folded::new(label);
    let core = f.core();
    !core.is_empty()
        && Edition::ALL.iter().any(|&e| {
            t3_rows(e)
                .iter()
                .any(|names| names.0.iter().any(|n| n.text.starts_with(core)))
        })
}

/// Whether `label`, folded and its numbering stripped, is a piece of a wording of a
/// row of table 三 or of its group's label (in either edition), or numbering alone: a
/// piece of a label cut over lines (`（三）` / `不予公` / `开`).
pub(crate) fn in_t3_row(label: &str) -> bool {
    let f = Folded::new(label);
    let core = f.core();
    core.is_empty() && f.numbered()
        || !core.is_empty()
            && Edition::ALL.iter().any(|&e| {
                let groups = Template::of(e).t3_rows.iter().filter_map(|r| r.group);
                t3_rows(e)
                    .iter()
                    .any(|names| names.0.iter().any(|n| n.text.contains(core)))
                    || groups.map(fold_cow).any(|g| g.contains(core))
            })
}

/// Each folded wording of table 三's rows, and the rows it is a wording of.
type Wordings = FxHashMap<&'static str, Vec<usize>>;

fn wordings(rows: &'static [Names]) -> Wordings {
    let mut map = Wordings::default();
    for (i, row) in rows.iter().enumerate() {
        for name in &row.0 {
            let at: &mut Vec<usize> = map.entry(name.text.as_str()).or_default();
            if !at.contains(&i) {
                at.push(i);
            }
        }
    }
    map
}

static T3_WORDINGS: LazyLock<PerEdition<Wordings>> =
    LazyLock::new(|| PerEdition::from_fn(|e| wordings(t3_rows(e))));

/// Whether `label` is the wording of a row of table 三 exactly, in either edition (its
/// numbering aside): no search of rows begun or cut.
pub(crate) fn names_t3_row_exactly(label: &str) -> bool {
    let f = Folded::new(label);
    !f.core().is_empty()
        && Edition::ALL
            .into_iter()
            .any(|e| T3_WORDINGS[e].contains_key(f.core()))
}

/// [`best_row_folded`] over table 三's rows of `edition`. Labels that are a row's
/// wording exactly (as most are) are looked up: one row named exactly is the best, and
/// two are a tie that no partial match can break; only when no label is exact are
/// the rows searched.
pub(crate) fn best_t3_row(labels: &[Folded<'_>], edition: Edition) -> Option<(usize, Match)> {
    let index: &Wordings = &T3_WORDINGS[edition];
    let mut exact: Option<usize> = None;
    for l in labels.iter().filter(|l| !l.core().is_empty()) {
        for &i in index.get(l.core()).map_or(&[][..], Vec::as_slice) {
            match exact {
                Some(j) if j != i => return None,
                _ => exact = Some(i),
            }
        }
    }
    match exact {
        Some(i) => Some((i, Match::Exact)),
        None => best_row_folded(labels, t3_rows(edition)),
    }
}

/// Whether the rest of a label that ran on into a row's value cells (`tails`, each
/// cell's, in order) is the rest of a wording of table 三's row `j` in `edition`: see
/// [`runs_on`].
pub(crate) fn t3_row_runs_on<'t>(
    edition: Edition,
    j: usize,
    labels: &[Folded<'_>],
    tails: impl Iterator<Item = &'t str>,
) -> bool {
    let Some(row) = t3_rows(edition).get(j) else {
        return false;
    };
    let pieces = pieces(tails);
    row.0
        .iter()
        .any(|name| runs_on(labels, &name.text, &pieces))
}

/// The table 二 row of sub-table `item` whose wording, in either edition, a label cut
/// short begins (`行政事业性收` of 行政事业性收费, as Debian html2text cuts labels), when
/// it begins one row's only (see [`t2_rows_begun`]).
pub(crate) fn t2_row_cut(
    label: &str,
    item: u8,
    mid_character: bool,
) -> Option<(&'static RowDef, u8)> {
    match t2_rows_begun(label, item, mid_character).as_slice() {
        [(_, first), rest @ ..] if rest.iter().all(|(_, r)| r.key == first.key) => {
            Some((*first, item))
        }
        _ => None,
    }
}

/// The rows of sub-table `item`, with their edition, whose wording a label cut short
/// begins; none for a label of fewer than [`MIN_PREFIX`] characters (numbering
/// aside), or fewer than [`MIN_CUT_PREFIX`] where it was cut in the middle of a
/// character (`mid_character`: it was cut for certain).
pub(crate) fn t2_rows_begun(
    label: &str,
    item: u8,
    mid_character: bool,
) -> Vec<(Edition, &'static RowDef)> {
    let folded = fold_cow(label);
    let core = strip_numbering(&folded);
    let min = if mid_character {
        MIN_CUT_PREFIX
    } else {
        MIN_PREFIX
    };
    if core.chars().count() < min {
        return Vec::new();
    }
    let mut found = Vec::new();
    for e in Edition::ALL {
        let Some(sub) = Template::of(e).t2_subtable(item) else {
            continue;
        };
        for r in sub.rows {
            let begun = std::iter::once(r.label)
                .chain(r.aliases.iter().copied())
                .any(|w| fold_cow(w).starts_with(core));
            if begun {
                found.push((e, r));
            }
        }
    }
    found
}

/// Whether the rest of a label that ran on into a table 二 row's value cells
/// (`tails`, in order) is the rest of a wording of `row` after `label`: see
/// [`runs_on`].
pub(crate) fn t2_row_runs_on<'t>(
    row: &RowDef,
    label: &str,
    tails: impl Iterator<Item = &'t str>,
) -> bool {
    let labels = [Folded::new(label)];
    let pieces = pieces(tails);
    std::iter::once(row.label)
        .chain(row.aliases.iter().copied())
        .any(|w| runs_on(&labels, &fold_cow(w), &pieces))
}

/// The pieces of a label's rest, folded: the text between the characters cut.
fn pieces<'t>(tails: impl Iterator<Item = &'t str>) -> Vec<String> {
    tails
        .flat_map(|t| t.split(crate::overflow::CUT))
        .map(fold)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether `pieces` (folded, the rest of a label split where characters were cut)
/// stand in `wording` (folded), in order and none overlapping, after a label of
/// `labels` that begins it: `计`, `形,` and `他情` after `(二)部分公开(区分处` in
/// `(二)部分公开(区分处理的,只计这一情形,不计其他情形)`. The longest such label counts;
/// with none, or a label that is the whole wording and pieces left, they do not.
fn runs_on(labels: &[Folded<'_>], wording: &str, pieces: &[String]) -> bool {
    let begun = labels
        .iter()
        .map(Folded::core)
        .filter(|c| !c.is_empty() && wording.starts_with(c))
        .map(str::len)
        .max();
    let Some(mut rest) = begun.and_then(|start| wording.get(start..)) else {
        return false;
    };
    for p in pieces {
        match rest.find(p.as_str()) {
            Some(at) => rest = rest.get(at + p.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    true
}

/// How well a folded label names a row of folded wordings.
fn folded_match(label: &Folded<'_>, row: &Names) -> Option<Match> {
    let core = label.core();
    if core.is_empty() {
        return None;
    }
    let long = label.core_chars >= MIN_PREFIX;
    let mut best = None;
    for name in &row.0 {
        let name_text = name.text.as_str();
        if core == name_text {
            return Some(Match::Exact);
        }
        if long
            && (name_text.starts_with(core)
                || (name.chars >= MIN_PREFIX
                    && name_text.len() < core.len()
                    && name.finder.find(core.as_bytes()).is_some()))
        {
            best = Some(Match::Partial);
        }
    }
    best
}

/// The template row of `rows` that `labels` (the text cells of one table row) name best,
/// if exactly one row is named best.
#[cfg(test)]
pub(crate) fn best_row(labels: &[&str], rows: &[Names]) -> Option<(usize, Match)> {
    best_row_folded(&fold_labels(labels), rows)
}

/// `best_row` (test-only) for labels folded with [`Folded::new`].
pub(crate) fn best_row_folded(labels: &[Folded<'_>], rows: &[Names]) -> Option<(usize, Match)> {
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

/// Whether a folded header cell names one of table 三's columns (by index in
/// `T3_COLUMNS`).
pub(crate) fn t3_column_match(label: &Folded<'_>, column: usize) -> bool {
    T3_COLUMNS_FOLDED
        .get(column)
        .is_some_and(|names| folded_column_match(label.text(), names))
}

fn folded_column_match(f: &str, names: &Names) -> bool {
    let long = f.chars().count() >= 4;
    !f.is_empty() && names.0.iter().any(|name| names_column(f, long, &name.text))
}

/// Whether the folded header text `f` names a column by the folded wording `name`:
/// equal, or, when `f` is four characters or more, one contains the other.
fn names_column(f: &str, long: bool, name: &str) -> bool {
    f == name || (long && (name.contains(f) || f.contains(name)))
}

/// Whether a header cell names this column.
/// Whether `text` names a column of table 二, of any sub-table, in either edition.
pub(crate) fn names_t2_column(text: &str) -> bool {
    Edition::ALL.iter().any(|&e| {
        Template::of(e)
            .t2
            .iter()
            .flat_map(|sub| sub.columns.iter())
            .any(|c| column_match(text, c))
    })
}

pub(crate) fn column_match(label: &str, col: &ColumnDef) -> bool {
    let f = fold_cow(label);
    let long = f.chars().count() >= 4;
    !f.is_empty()
        && std::iter::once(col.label)
            .chain(col.aliases.iter().copied())
            .any(|name| names_column(&f, long, &fold_cow(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_alone_is_told_from_a_label() {
        for bare in ["6.", "（三）", "1.2.", "二、"] {
            assert!(Folded::new(bare).numbering_only(), "{bare}");
        }
        for label in ["6.属于四类过程性信息", "6", "其他", "（三）不予公开"] {
            assert!(!Folded::new(label).numbering_only(), "{label}");
        }
    }

    #[test]
    fn labels_cut_over_lines_begin_a_row() {
        assert!(begins_t3_row(
            "（二）部分公开（区分处理的，只计这一情形，不计其"
        ));
        assert!(begins_t3_row("（一）予以公开"));
        assert!(!begins_t3_row("（二）部分公开（区分处理另有说明的情形"));
        assert!(!begins_t3_row("的，只计这一情形"));
        assert!(!begins_t3_row(""));
    }

    #[test]
    fn pieces_of_a_label_cut_over_lines_are_of_the_template() {
        for piece in [
            "（三）",
            "不予公",
            "开",
            "理其政府信息公开申请",
            "制作",
            "6.属于四类过程性信息",
        ] {
            assert!(in_t3_row(piece), "{piece}");
        }
        for other in ["外事接待情况", "", "（八）其他情况"] {
            assert!(!in_t3_row(other), "{other}");
        }
    }

    #[test]
    fn t3_rows_looked_up_as_searched() {
        for e in Edition::ALL {
            let template = Template::of(e).t3_rows;
            let mut labels: Vec<String> = template
                .iter()
                .flat_map(|r| std::iter::once(r.label).chain(r.aliases.iter().copied()))
                .map(str::to_string)
                .collect();
            let words: Vec<String> = labels.clone();
            for w in &words {
                let chars: Vec<char> = w.chars().collect();
                labels.push(chars[..chars.len().min(5)].iter().collect());
                labels.push(format!("（三）{w}"));
                labels.push(format!("{w}合计"));
            }
            labels.extend(["", "（一）", "其他", "合计", "本年度", "申请"].map(String::from));
            for a in &labels {
                for b in [
                    None,
                    Some("其他"),
                    Some("商业企业"),
                    Some(words[0].as_str()),
                ] {
                    let row: Vec<&str> = std::iter::once(a.as_str()).chain(b).collect();
                    let folded = fold_labels(&row);
                    assert_eq!(
                        best_t3_row(&folded, e),
                        best_row_folded(&folded, t3_rows(e)),
                        "{e:?} {row:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_template_wording_names_its_own_row() {
        for e in Edition::ALL {
            let template = Template::of(e);
            for sub in template.t2 {
                for r in sub.rows {
                    for w in std::iter::once(r.label).chain(r.aliases.iter().copied()) {
                        assert_eq!(t2_row(w).map(|(d, _)| d.key), Some(r.key), "{e}: {w}");
                    }
                }
            }
            for r in template.t3_rows {
                for w in std::iter::once(r.label).chain(r.aliases.iter().copied()) {
                    let named = best_t3_row(&fold_labels(&[w]), e);
                    let key = named.and_then(|(i, m)| Some((template.t3_rows.get(i)?.key, m)));
                    assert_eq!(key, Some((r.key, Match::Exact)), "{e}: {w}");
                }
            }
        }
    }

    #[test]
    fn cut_t3_labels_name_the_one_row_they_begin() {
        // Debian html2text's cut labels, their U+FFFD taken off (crate::overflow).
        let rows = Template::of(Edition::V2021).t3_rows;
        let key = |labels: &[&str]| {
            best_row(labels, t3_rows(Edition::V2021)).map(|(i, m)| (rows[i].key, m))
        };
        let partial = |k| Some((k, Match::Partial));
        assert_eq!(key(&["1.属于国家"]), partial("withheld.state_secret"));
        assert_eq!(
            key(&["", "（三）不", "4.保护第三方"]),
            partial("withheld.third_party")
        );
        assert_eq!(
            key(&["三、本年", "办理结果", "8.属于行政查"]),
            partial("withheld.inquiry")
        );
        assert_eq!(key(&["2.申请人逾期未按收费通知"]), partial("other.no_fee"));
        // Begun alike by two rows (属于行政执法案卷, 属于行政查询事项), or too short.
        assert_eq!(key(&["7.属于行政"]), None);
        assert_eq!(key(&["（三）不"]), None);
        assert_eq!(key(&["1.属于"]), None);
    }

    #[test]
    fn a_labels_rest_runs_on_in_its_rows_wording() {
        let e = Edition::V2021;
        let rows = Template::of(e).t3_rows;
        let at = |key: &str| rows.iter().position(|r| r.key == key).expect(key);
        let runs = |labels: &[&str], key: &str, tails: &[&str]| {
            t3_row_runs_on(e, at(key), &fold_labels(labels), tails.iter().copied())
        };
        let partly = "partly_granted";
        let label = ["（二）部分公开（区分处"];
        assert!(runs(&label, partly, &["��计�", "形，�", "他情�"]));
        assert!(runs(
            &["", "（二）部分公开（区分处理的，"],
            partly,
            &["�一�", "��计�", "��）"]
        ));
        // Out of order, not in the wording, or before the label's end.
        assert!(!runs(&label, partly, &["他情�", "形，�"]));
        assert!(!runs(&label, partly, &["项"]));
        assert!(!runs(&label, partly, &["部分"]));
        // The row's own wording only.
        assert!(!runs(&label, "granted", &["��计�"]));
        assert!(!runs(&["1.属于国家"], "withheld.law_forbidden", &["止"]));
        assert!(runs(
            &["2.其他法律行"],
            "withheld.law_forbidden",
            &["��止�"]
        ));
        assert!(runs(
            &["3.危及“三安"],
            "withheld.security_stability",
            &["定”"]
        ));
        // A label of the row that begins it is needed; a whole label leaves no rest.
        assert!(!runs(&["法律行"], "withheld.law_forbidden", &["止"]));
        assert!(!runs(
            &["4.保护第三方合法权益"],
            "withheld.third_party",
            &["益"]
        ));
        assert!(runs(
            &["4.保护第三方合法权益"],
            "withheld.third_party",
            &["�"]
        ));
        // Group cells beside the row's label do not count.
        assert!(runs(
            &["（三）不", "4.保护第三方"],
            "withheld.third_party",
            &["�益"]
        ));
    }

    #[test]
    fn cut_t2_labels_name_one_row_of_their_sub_table() {
        let key = |label: &str, item: u8| t2_row_cut(label, item, false).map(|(r, _)| r.key);
        let cut = |label: &str, item: u8| t2_row_cut(label, item, true).map(|(r, _)| r.key);
        assert_eq!(cut("行政许", 5), Some("licensing"));
        assert_eq!(cut("行政处", 6), Some("penalties"));
        assert_eq!(cut("其他对", 5), Some("other_services"));
        // Two characters, cut in the middle of the third: the one row of its
        // sub-table that they begin, in either edition; none where two begin so.
        assert_eq!(cut("行政", 8), Some("fees"));
        assert_eq!(cut("行政", 1), Some("normative_documents"));
        assert_eq!(cut("行政", 5), Some("licensing"));
        assert_eq!(cut("其他", 5), Some("other_services"));
        assert_eq!(cut("行政", 6), None);
        assert_eq!(cut("行", 8), None);
        assert_eq!(cut("（一）规", 1), None);
        assert_eq!(key("行政事业性收", 8), Some("fees"));
        assert_eq!(key("其他对外管理服", 5), Some("other_services"));
        assert_eq!(key("行政规范性文", 1), Some("normative_documents"));
        // Another sub-table's row, too short a label, or two rows begun alike.
        assert_eq!(key("行政事业性收", 5), None);
        assert_eq!(key("行政", 8), None);
        assert_eq!(key("行政许", 5), None);
        assert_eq!(key("（一）规", 1), None);
        let (fees, _) = t2_row_cut("行政事业性收费", 8, false).expect("fees");
        assert!(!t2_row_runs_on(fees, "行政事业性收", ["�收费"].into_iter()));
        assert!(t2_row_runs_on(fees, "行政事业性", ["收费"].into_iter()));
        assert!(t2_row_runs_on(fees, "行政事业性收", ["�"].into_iter()));
        assert!(!t2_row_runs_on(fees, "行政事业性收费", ["费"].into_iter()));
    }

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
        let key = |labels: &[&str]| {
            best_row(labels, t3_rows(Edition::V2021)).map(|(i, m)| (rows[i].key, m))
        };
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
