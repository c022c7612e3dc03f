//! A consistent random report has no table 三 or 四 finding; changing any one count
//! produces a finding that names that cell.

use proptest::prelude::*;
use zfxxgk_model::{Edition, TableId, Value};

use crate::fixture::{consistent_values, num, result_rows, Fixture};

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
            found.iter().any(|x| x.keys.contains(&key)),
            "{key} {was} -> {}: {found:?}",
            was + delta
        );
    }
}
