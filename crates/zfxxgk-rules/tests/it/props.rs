//! A consistent random report has no table 三 or 四 finding; changing any one count
//! produces a finding that names that cell.

use proptest::prelude::*;
use zfxxgk_model::{Edition, TableId, Value};

use crate::fixture::{consistent_values, num, result_rows, Fixture};
use crate::key_list;

fn edition() -> impl Strategy<Value = Edition> {
    prop_oneof![Just(Edition::V2019), Just(Edition::V2021)]
}

fn fixture(
    edition: Edition,
    parts: Vec<i64>,
    co: [i64; 6],
    cf: [i64; 6],
    t4: [i64; 12],
) -> Fixture {
    Fixture {
        edition,
        values: consistent_values(edition, &parts, &co, &cf, &t4),
        facts: Vec::new(),
        text: String::new(),
        report: Default::default(),
    }
    .rebuild()
}

fn tables_findings(f: &Fixture) -> Vec<zfxxgk_model::Finding> {
    zfxxgk_rules::check(&f.report)
        .into_iter()
        .filter(|x| x.rule.starts_with("T3") || x.rule.starts_with("T4"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn consistent_reports_pass_and_every_single_change_is_named(
        edition in edition(),
        parts in proptest::collection::vec(0i64..6, 23 * 6),
        co in proptest::array::uniform6(0i64..4),
        cf in proptest::array::uniform6(0i64..4),
        t4 in proptest::array::uniform12(0i64..5),
        pick in any::<proptest::sample::Index>(),
        delta in prop_oneof![-3i64..0, 1i64..4],
    ) {
        let rows = result_rows(edition).len();
        let f = fixture(edition, parts[..rows * 6].to_vec(), co, cf, t4);
        prop_assert_eq!(tables_findings(&f), vec![]);

        let counts: Vec<_> = f
            .values
            .keys()
            .copied()
            .filter(|k| k.table() != TableId::T2)
            .collect();
        let key = counts[pick.index(counts.len())];
        let Some(Value::Number(n)) = f.values.get(&key) else {
            return Err(TestCaseError::fail("counts are numbers"));
        };
        let was = n.as_i64().unwrap_or(0);
        let changed = f.clone().with(key.as_str(), num(was + delta));
        let found = tables_findings(&changed);
        prop_assert!(
            found.iter().any(|x| key_list(x).contains(&key)),
            "{key} {was} -> {}: {found:?}",
            was + delta
        );
    }
}

/// Body names built from the pieces that normalisation touches: the forms of the
/// abbreviation table, spaces of both widths, full-width and half-width letters.
fn body_name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("人民政府".to_owned()),
        Just("办公室".to_owned()),
        Just("办公厅".to_owned()),
        Just("政府".to_owned()),
        Just("区".to_owned()),
        Just(" ".to_owned()),
        Just("\u{3000}".to_owned()),
        "[a-zA-Z0-9ａ-ｚＡ-Ｚ０-９（）()]{1,3}",
        "\\PC{1,2}",
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Normalising twice is normalising once, so the name a body is paired under is
    /// itself paired with the names it stands for.
    #[test]
    fn body_normalisation_is_idempotent(name in body_name()) {
        let once = zfxxgk_rules::normalize_body(&name);
        prop_assert_eq!(zfxxgk_rules::normalize_body(&once), once.clone());
        prop_assert!(!once.chars().any(char::is_whitespace));
    }

    /// A report against itself changes nothing; against a report of the other edition,
    /// every cell is compared, in one report only, or without counterpart.
    #[test]
    fn diff_accounts_for_every_cell(
        old in edition(),
        new in edition(),
        parts in proptest::collection::vec(0i64..20, 0..200),
    ) {
        let f = |e| fixture(e, parts.clone(), [1, 0, 2, 0, 0, 1], [0, 1, 0, 0, 3, 0], [1; 12]);
        let (a, b) = (f(old), f(new));
        let (fa, fb) = (
            zfxxgk_rules::Figures::of("a", &a.report),
            zfxxgk_rules::Figures::of("b", &b.report),
        );
        let same = zfxxgk_rules::diff(&fa, &fa);
        prop_assert!(same.changes.is_empty() && same.no_counterpart.is_empty());
        let d = zfxxgk_rules::diff(&fa, &fb);
        let one_sided = d
            .changes
            .iter()
            .filter(|c| c.old.is_none() || c.new.is_none())
            .count();
        let both = d.changes.len() - one_sided + d.unchanged;
        let cells = |f: &zfxxgk_rules::Figures| f.cells().count();
        prop_assert_eq!(
            2 * both + one_sided + d.no_counterpart.len(),
            cells(&fa) + cells(&fb)
        );
    }
}
