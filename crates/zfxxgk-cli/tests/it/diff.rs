//! `zfxxgk diff` and the cross-year `check` over generated reports (rendered by
//! `tests/support/render.rs`, as `examples/gen_corpus.rs` renders its corpus), and the
//! real reports of Hongze district for 2023 and 2024.

use std::path::{Path, PathBuf};

use zfxxgk::model::Edition;

use crate::render::{keys, render, Layout, Model};
use crate::support::{stderr, stdout, zfxxgk};

/// A report of `body` for `year`: every cell of the year's edition filled with a small
/// number derived from the key's name (so that both editions agree on their shared
/// keys), then `set` applied (`""` makes a cell blank).
fn report(body: &str, year: u16, set: &[(&str, &str)]) -> String {
    let edition = Edition::for_year(year);
    let mut cells: std::collections::BTreeMap<String, String> = keys(edition)
        .into_iter()
        .map(|k| {
            let v = k.bytes().map(usize::from).sum::<usize>() % 7 + 1;
            (k, v.to_string())
        })
        .collect();
    for (k, v) in set {
        cells.insert((*k).to_owned(), (*v).to_owned());
    }
    let m = Model {
        edition,
        year,
        cells,
    };
    render(&m, Layout::Pipes).replace("某某市某某局", body)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a report");
    path
}

/// `zfxxgk diff OLD NEW` with more arguments.
fn diff_of(old: &Path, new: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "diff",
        old.to_str().unwrap_or_default(),
        new.to_str().unwrap_or_default(),
    ];
    args.extend_from_slice(extra);
    zfxxgk(&args)
}

/// The comparisons of `zfxxgk diff OLD NEW --format json` (checked against its JSON
/// Schema), and the exit code.
fn diff_json(old: &Path, new: &Path) -> (Option<i32>, serde_json::Value) {
    let o = diff_of(old, new, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o))
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&o), stderr(&o)));
    let schema = jsonschema::validator_for(&zfxxgk_rules::diff_schema()).expect("the schema");
    let errors: Vec<String> = schema.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "schema/diff.schema.json: {errors:?}");
    (o.status.code(), v)
}

/// The change of `key` in the first comparison, if listed.
fn change<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    v["comparisons"][0]["changes"]
        .as_array()?
        .iter()
        .find(|c| c["key"] == key)
}

fn changed_keys(v: &serde_json::Value) -> Vec<String> {
    v["comparisons"][0]["changes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["key"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn same_edition_lists_every_changed_cell_with_its_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let set = [
        ("t3.new_received.natural_person", "21"),
        ("t2.licensing.decisions", "550"),
    ];
    let old = write(dir.path(), "2023.txt", &report("某某区民政局", 2023, &set));
    let set = [
        ("t3.new_received.natural_person", "95"),
        ("t2.licensing.decisions", "9487"),
    ];
    let new = write(dir.path(), "2024.txt", &report("某某区民政局", 2024, &set));
    let (code, v) = diff_json(&old, &new);
    assert_eq!(code, Some(1), "changes found: exit 1, as diff(1)");
    assert_eq!(
        changed_keys(&v),
        ["t2.licensing.decisions", "t3.new_received.natural_person"]
    );
    let c = change(&v, "t3.new_received.natural_person").expect("listed");
    assert_eq!(
        (
            &c["kind"],
            &c["old"],
            &c["new"],
            &c["change"],
            &c["relative"]
        ),
        (
            &"changed".into(),
            &"21".into(),
            &"95".into(),
            &"74".into(),
            &"3.5238".into()
        )
    );
    let d = &v["comparisons"][0];
    assert_eq!(d["old"]["year"], 2023);
    assert_eq!(d["new"]["edition"], "2021");
    assert_eq!(d["unchanged"], keys(Edition::V2021).len() - 2);
    assert_eq!(d["no_counterpart"].as_array().map(Vec::len), Some(0));

    // The same report against itself: nothing changed, exit 0.
    let o = diff_of(&old, &old, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("t3 收到和处理政府信息公开申请情况: no change"));

    // Human output: a table per template table, largest change first.
    let o = diff_of(&old, &new, &[]);
    let out = stdout(&o);
    let t2 = out.find("t2 主动公开政府信息情况: 1 change").expect(&out);
    let t3 = out
        .find("t3 收到和处理政府信息公开申请情况: 1 change")
        .expect(&out);
    assert!(t2 < t3, "{out}");
    assert!(out.contains("+8937  +1624.9%"), "{out}");

    // CSV: one change per record, with both sources.
    let o = diff_of(&old, &new, &["--format", "csv"]);
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("old_source,new_source,key,kind,old,new,change,relative")
    );
    let row = lines
        .find(|l| l.contains("t3.new_received.natural_person"))
        .expect(&out);
    assert!(row.starts_with(old.to_str().unwrap_or_default()), "{row}");
    assert!(row.ends_with(",changed,21,95,74,3.5238"), "{row}");
}

#[test]
fn largest_changes_come_first_in_each_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = write(dir.path(), "a.txt", &report("某某区民政局", 2023, &[]));
    let set = [
        ("t4.review.upheld", "9"),
        ("t4.review.total", "40"),
        ("t4.litigation_direct.other", "3"),
    ];
    let new = write(dir.path(), "b.txt", &report("某某区民政局", 2024, &set));
    let o = diff_of(&old, &new, &[]);
    let out = stdout(&o);
    let at = |k: &str| out.find(k).unwrap_or_else(|| panic!("{k} not in\n{out}"));
    assert!(at("t4.review.total") < at("t4.review.upheld"), "{out}");
    assert!(
        at("t4.review.upheld") < at("t4.litigation_direct.other"),
        "{out}"
    );
}

#[test]
fn different_editions_compare_shared_keys_and_name_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = write(dir.path(), "2020.txt", &report("某某区民政局", 2020, &[]));
    let new = write(dir.path(), "2021.txt", &report("某某区民政局", 2021, &[]));
    let (_, v) = diff_json(&old, &new);
    let d = &v["comparisons"][0];
    assert_eq!(
        (&d["old"]["edition"], &d["new"]["edition"]),
        (&"2019".into(), &"2021".into())
    );
    let unmatched = d["no_counterpart"].as_array().expect("no_counterpart");
    let side_of = |key: &str| {
        unmatched
            .iter()
            .find(|n| n["key"] == key)
            .map(|n| n["side"].as_str().unwrap_or_default().to_owned())
    };
    // 2019's （六）其他处理 is one row; 2021 splits it into three.
    assert_eq!(side_of("t3.other.total").as_deref(), Some("old"));
    assert!(
        unmatched.iter().any(|n| n["side"] == "new"
            && n["key"]
                .as_str()
                .is_some_and(|k| k.starts_with("t3.other."))),
        "{unmatched:?}"
    );
    // Every listed change is of a key both editions have.
    for k in changed_keys(&v) {
        let key: zfxxgk::CellKey = k.parse().expect("a key");
        assert!(
            key.in_edition(Edition::V2019) && key.in_edition(Edition::V2021),
            "{k}"
        );
    }
    assert!(d["unchanged"].as_u64().is_some_and(|n| n > 100), "{d}");
}

#[test]
fn a_table_missing_in_one_year_is_named_and_its_cells_are_one_sided() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = write(dir.path(), "2023.txt", &report("某某区民政局", 2023, &[]));
    let full = report("某某区民政局", 2024, &[]);
    let (head, rest) = full
        .split_once("四、政府信息公开行政复议、行政诉讼情况\n")
        .expect("section 四");
    let (_, tail) = rest.split_once("五、").expect("section 五");
    let text = format!("{head}四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n\n五、{tail}");
    let new = write(dir.path(), "2024.txt", &text);
    let (_, v) = diff_json(&old, &new);
    let d = &v["comparisons"][0];
    assert_eq!(
        d["missing_tables"],
        serde_json::json!([{"table": "t4", "missing_in": "new"}])
    );
    let c = change(&v, "t4.review.total").expect("listed");
    assert_eq!(
        (&c["kind"], &c["new"]),
        (&"only_old".into(), &serde_json::Value::Null)
    );
    assert!(changed_keys(&v).iter().all(|k| k.starts_with("t4.")), "{v}");
    let o = diff_of(&old, &new, &[]);
    assert!(
        stdout(&o).contains("table t4 (政府信息公开行政复议、行政诉讼情况) is missing in NEW"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn blank_against_zero_is_its_own_case() {
    let dir = tempfile::tempdir().expect("tempdir");
    let set = [
        ("t3.granted.natural_person", ""),
        ("t3.granted.commercial", "0"),
        ("t3.granted.research", ""),
        ("t3.granted.public_interest", "6"),
        ("t3.granted.legal_services", ""),
    ];
    let old = write(dir.path(), "2023.txt", &report("某某区民政局", 2023, &set));
    let set = [
        ("t3.granted.natural_person", "0"),
        ("t3.granted.commercial", ""),
        ("t3.granted.research", "5"),
        ("t3.granted.public_interest", ""),
        ("t3.granted.legal_services", ""),
    ];
    let new = write(dir.path(), "2024.txt", &report("某某区民政局", 2024, &set));
    let (_, v) = diff_json(&old, &new);
    let kind = |k: &str| change(&v, k).map(|c| (c["kind"].clone(), c["change"].clone()));
    let null = serde_json::Value::Null;
    assert_eq!(
        kind("t3.granted.natural_person"),
        Some(("blank_to_zero".into(), null.clone()))
    );
    assert_eq!(
        kind("t3.granted.commercial"),
        Some(("zero_to_blank".into(), null.clone()))
    );
    assert_eq!(
        kind("t3.granted.research"),
        Some(("blank_to_number".into(), null.clone()))
    );
    assert_eq!(
        kind("t3.granted.public_interest"),
        Some(("number_to_blank".into(), null))
    );
    assert_eq!(
        kind("t3.granted.legal_services"),
        None,
        "blank both years is no change"
    );
    let c = change(&v, "t3.granted.natural_person").expect("listed");
    assert_eq!((&c["old"], &c["new"]), (&"".into(), &"0".into()));
}

/// Three years of two bodies, each body's name written differently from year to year,
/// and every year's 上年结转 off by one from the year before's 结转下年度.
fn three_years_of_two_bodies(dir: &Path) {
    let bodies = [
        ["甲区人民政府办公室", "甲区政府办", "甲区政府办公室"],
        ["乙县民政局", "乙县民政局", "乙县民政局"],
    ];
    for (b, names) in bodies.iter().enumerate() {
        for (i, name) in names.iter().enumerate() {
            let year = 2022 + i as u16;
            let over = (10 * i + b).to_string();
            let forward = (10 * (i + 1) + b + 1).to_string();
            let set = [
                ("t3.carried_over.natural_person", over.as_str()),
                ("t3.carried_forward.natural_person", forward.as_str()),
            ];
            let folder = dir.join(year.to_string());
            std::fs::create_dir_all(&folder).expect("folder");
            write(&folder, &format!("body{b}.txt"), &report(name, year, &set));
        }
    }
}

#[test]
fn check_over_a_folder_reports_t305_for_each_consecutive_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    three_years_of_two_bodies(dir.path());
    let o = zfxxgk(&[
        "check",
        dir.path().to_str().unwrap_or_default(),
        "--only",
        "T305",
        "--format",
        "json",
        "-j",
        "2",
        "--explain",
    ]);
    let err = stderr(&o);
    assert!(
        err.contains("zfxxgk: T305: body 甲区政府办: 2022 ") && err.contains("  paired 2022 "),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let found: Vec<(String, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["places"][0]["key"] == "t3.carried_over.natural_person")
        .map(|f| {
            let source = f["source"].as_str().unwrap_or_default();
            let tail: Vec<&str> = source.rsplit(['/', '\\']).take(2).collect();
            (
                format!("{}/{}", tail[1], tail[0]),
                f["expected"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // Body 0 carried forward 11 (2022) and 21 (2023); body 1 carried forward 12 and 22.
    assert_eq!(
        found,
        [
            ("2023/body0.txt".to_owned(), "11".to_owned()),
            ("2023/body1.txt".to_owned(), "12".to_owned()),
            ("2024/body0.txt".to_owned(), "21".to_owned()),
            ("2024/body1.txt".to_owned(), "22".to_owned()),
        ],
        "{v}"
    );
}

#[test]
fn series_and_folder_pairing_say_what_they_paired() {
    let dir = tempfile::tempdir().expect("tempdir");
    three_years_of_two_bodies(dir.path());
    let o = zfxxgk(&[
        "diff",
        "--series",
        dir.path().to_str().unwrap_or_default(),
        "--explain",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("read as one body 甲区政府办"),
        "the three spellings are shown: {err}"
    );
    assert!(
        err.contains("2 bodies, 4 consecutive pairs; 0 reports in no series"),
        "{err}"
    );
    let out = stdout(&o);
    assert_eq!(
        out.lines().next(),
        Some("body,year,key,value,change,source")
    );
    let row = |year: &str| {
        out.lines()
            .find(|l| {
                l.starts_with(&format!(
                    "甲区人民政府办公室,{year},t3.carried_over.natural_person,"
                ))
            })
            .unwrap_or_else(|| panic!("no {year} row in\n{out}"))
            .to_owned()
    };
    assert!(row("2022").contains(",0,,"), "no year before: no change");
    assert!(row("2023").contains(",10,10,"), "{}", row("2023"));
    assert!(row("2024").contains(",20,10,"), "{}", row("2024"));

    // Two folders: 2023 against 2024, paired by body through the normalised name.
    let (old, new) = (dir.path().join("2023"), dir.path().join("2024"));
    let o = diff_of(&old, &new, &["--format", "json", "--explain"]);
    let err = stderr(&o);
    assert!(
        err.contains("written 甲区政府办 / 甲区政府办公室: read as one body 甲区政府办"),
        "{err}"
    );
    assert!(
        err.contains("2 pairs compared; 0 reports not paired"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let pairs = v["comparisons"].as_array().expect("comparisons");
    assert_eq!(pairs.len(), 2);
    for d in pairs {
        let (o, n) = (d["old"]["source"].as_str(), d["new"]["source"].as_str());
        let name =
            |s: Option<&str>| s.and_then(|s| Path::new(s).file_name()?.to_str().map(String::from));
        assert_eq!(name(o), name(n), "{d}");
    }
}

/// Whether `pdftotext` runs here; outside CI its absence skips the PDF test.
fn pdftotext_runs() -> bool {
    let runs = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !runs {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have pdftotext (poppler-utils)"
        );
        println!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
    }
    runs
}

#[test]
fn hongze_2023_against_2024() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !real.is_dir() {
        println!(
            "skipped: {} is absent (a fresh clone has no ../shared)",
            real.display()
        );
        return;
    }
    if !pdftotext_runs() {
        return;
    }
    let (_, v) = diff_json(&real.join("hongze-2023.pdf"), &real.join("hongze-2024.pdf"));
    for (key, old, new) in [
        ("t3.new_received.total", "21", "95"),
        ("t2.licensing.decisions", "550", "9487"),
    ] {
        let c = change(&v, key).unwrap_or_else(|| panic!("{key} not listed: {v}"));
        assert_eq!((&c["old"], &c["new"]), (&old.into(), &new.into()), "{key}");
    }
}
