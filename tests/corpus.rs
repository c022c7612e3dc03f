//! The corpus test: every report under `../shared/corpus/*/` and `tests/corpus/*/`, in
//! whatever form it was published (text, markdown, HTML, PDF), against its expected
//! cells in `expected/NAME.csv`: every expected cell present with its value, no cell
//! invented; a cell expected as `?` (the form lost it) must be absent. New files are
//! picked up without code changes.
//!
//! `tests/corpus/converted/forms/` (written by `scripts/converted-forms.py`) is judged
//! apart: a cell there may be left unplaced, but none may be read wrong or invented.
//!
//! Where `../shared` is absent (a user's fresh clone) the test says what it skipped and
//! why, and passes. A PDF is skipped (with the reason) when `pdftotext` is not
//! installed, except under CI, where that is a failure.

#[path = "support/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;
mod support;

use support::corpus::{reports, CorpusReport};

/// Whether a cell read as `got` (`None`: not read) is what `expected/NAME.csv` says:
/// `?` any value or none; `?=V` none or `V` (a cell the form may lose, such as a blank
/// that vanished from reading-order text: left unplaced is no error, read wrong is);
/// anything else, exactly that value.
fn accepts(want: &str, got: Option<&str>) -> bool {
    match (want.strip_prefix("?="), got) {
        _ if want == "?" => true,
        (Some(truth), got) => got.is_none_or(|g| g == truth),
        (None, got) => got == Some(want),
    }
}

#[test]
fn a_cell_the_form_may_lose_is_no_error_unless_read_wrong() {
    assert!(accepts("?", None) && accepts("?", Some("3")));
    assert!(accepts("?=12", None) && accepts("?=12", Some("12")));
    assert!(!accepts("?=12", Some("21")));
    // A blank cell that vanished: unplaced, or read blank.
    assert!(accepts("?=", None) && accepts("?=", Some("")) && !accepts("?=", Some("0")));
    assert!(accepts("12", Some("12")) && !accepts("12", None) && !accepts("", Some("0")));
}

fn compare(r: &CorpusReport, doc: &zfxxgk::Document) -> Vec<String> {
    let mut out = Vec::new();
    let got: std::collections::BTreeMap<String, String> = doc
        .report
        .tidy()
        .map(|(k, v)| (k.as_str().to_string(), v))
        .collect();
    for (k, v) in &r.expected {
        let g = got.get(k).map(String::as_str);
        if !accepts(v, g) {
            out.push(match g {
                Some(g) => format!("{}: {k}: expected {v:?}, got {g:?}", r.name),
                None => format!("{}: {k}: expected {v:?}, missing", r.name),
            });
        }
    }
    for (k, g) in &got {
        if !r.expected.contains_key(k) {
            out.push(format!(
                "{}: {k}: not in the report, but read as {g:?}",
                r.name
            ));
        }
    }
    out
}

#[test]
fn every_corpus_report_matches_its_expected_cells() {
    let found = reports();
    for s in &found.skipped {
        println!("skipped: {s}");
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut cells = 0;
    for r in &found.reports {
        let Some(doc) = support::corpus::read(r, &mut failures) else {
            continue;
        };
        failures.extend(compare(r, &doc));
        failures.extend(mixed_notes(&r.name, &doc.text, &doc.report));
        checked += 1;
        cells += r.expected.len();
        println!("{}: {} expected cells", r.name, r.expected.len());
    }
    println!("{checked} corpus reports, {cells} expected cells checked");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Judges `check`'s findings against a `NAME.rules` file (format in the corpus README):
/// each plain ID must fire, `!ID` must not, and unless `*` or a `!` line is there, no
/// other error or warning may fire; `-` alone means none at all.
fn judge(name: &str, rules: &[String], findings: &[zfxxgk::Finding]) -> Vec<String> {
    use zfxxgk::Severity;
    let fired: std::collections::BTreeSet<&str> = findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| f.rule.as_str())
        .collect();
    let partial = rules.iter().any(|l| l == "*" || l.starts_with('!'));
    let mut out = Vec::new();
    let mut named = std::collections::BTreeSet::new();
    for line in rules {
        if line == "*" || line == "-" {
            continue;
        }
        if let Some(id) = line.strip_prefix('!') {
            if fired.contains(id) {
                out.push(format!("{name}: {id} must not fire, but did"));
            }
        } else {
            named.insert(line.as_str());
            if !fired.contains(line.as_str()) {
                out.push(format!("{name}: {line} must fire, but did not"));
            }
        }
    }
    if !partial {
        for id in fired.difference(&named) {
            out.push(format!(
                "{name}: {id} fired, but the .rules file does not name it"
            ));
        }
    }
    out
}

#[test]
fn every_rules_file_holds() {
    let found = reports();
    let mut failures = Vec::new();
    let mut judged = 0;
    for r in found.reports.iter().filter(|r| r.rules.is_some()) {
        let Some(doc) = support::corpus::read(r, &mut failures) else {
            continue;
        };
        let findings = zfxxgk::check(&doc.report);
        failures.extend(judge(
            &r.name,
            r.rules.as_deref().unwrap_or_default(),
            &findings,
        ));
        judged += 1;
    }
    println!("{judged} .rules files judged");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Cells of one converter form: right, wrong, unplaced, invented, of the expected ones
/// that are not `?`.
#[derive(Default)]
struct Tally {
    files: usize,
    recoverable: usize,
    right: usize,
    wrong: usize,
    unplaced: usize,
    invented: usize,
}

/// The notes of the report read from `text` whose Chinese holds an English word
/// ([`pipeline::english_in`]):
/// each language has a field of its own.
fn mixed_notes(name: &str, text: &str, report: &zfxxgk::model::Report) -> Vec<String> {
    report
        .notes
        .iter()
        .filter(|n| pipeline::english_in(&n.message.zh, text).is_some())
        .map(|n| format!("{name}: a note's Chinese holds English: {}", n.message.zh))
        .collect()
}

#[test]
fn a_note_in_chinese_holding_english_is_found() {
    let mut report = zfxxgk::model::Report::default();
    let note = |zh: &str| zfxxgk::model::Note {
        kind: zfxxgk::model::NoteKind::AmbiguousPlacement,
        message: zfxxgk::model::Text::new(zh, "en"),
        location: None,
    };
    report
        .notes
        .push(note("表三 withheld.enforcement_files 行：t3 可读作 `_ 0`"));
    assert!(mixed_notes("x", "", &report).is_empty());
    // What a message quotes of the report is the report's own words.
    let quoted = "收到和处理政府信息公开申请情况中有模板没有的行：“3.危及“三安全一稳定”<td>\t”";
    report.notes.push(note(quoted));
    assert!(mixed_notes("x", "3.危及“三安全一稳定”<td>\t", &report).is_empty());
    report
        .notes
        .push(note("可读作 no way: no placement adds up"));
    assert_eq!(
        mixed_notes("x", "3.危及“三安全一稳定”<td>\t", &report).len(),
        1
    );
}

/// Every form of the generated pages (`forms/`, reading-order text included) reads
/// each cell right or leaves it unplaced: no wrong value, no invented cell, and no rule
/// fires on a report read whole. The figures per form are printed (`--nocapture`).
#[test]
fn converted_forms_read_no_wrong_value() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/converted/forms");
    let found = support::corpus::reports_in(&dir);
    assert!(!found.is_empty(), "no report in {}", dir.display());
    let mut tallies: std::collections::BTreeMap<String, Tally> = Default::default();
    let mut failures = Vec::new();
    for r in &found {
        let Some(doc) = support::corpus::read(r, &mut failures) else {
            continue;
        };
        // gen2019-cms-chromium-layout.txt: the form is what follows the page kind.
        let stem = r.name.rsplit('/').next().unwrap_or_default();
        let stem = stem.split('.').next().unwrap_or_default();
        let form = stem.splitn(3, '-').nth(2).unwrap_or_default().to_string();
        let got: std::collections::BTreeMap<String, String> = doc
            .report
            .tidy()
            .map(|(k, v)| (k.as_str().to_string(), v))
            .collect();
        let t = tallies.entry(form.clone()).or_default();
        t.files += 1;
        let mut wrong = Vec::new();
        for (k, v) in &r.expected {
            match got.get(k) {
                None if v == "?" => {}
                Some(g) if v == "?" => {
                    wrong.push(format!("{}: {k}: lost (`?`), read as {g:?}", r.name))
                }
                None => {
                    t.recoverable += 1;
                    t.unplaced += 1;
                }
                Some(g) => {
                    t.recoverable += 1;
                    if g == v {
                        t.right += 1;
                    } else {
                        t.wrong += 1;
                        wrong.push(format!("{}: {k}: expected {v:?}, got {g:?}", r.name));
                    }
                }
            }
        }
        for (k, g) in &got {
            if !r.expected.contains_key(k) {
                t.invented += 1;
                wrong.push(format!(
                    "{}: {k}: not in the report, but read as {g:?}",
                    r.name
                ));
            }
        }
        wrong.extend(mixed_notes(&r.name, &doc.text, &doc.report));
        // A report read whole is consistent: no rule may fire.
        let whole = r
            .expected
            .iter()
            .all(|(k, v)| v == "?" || got.contains_key(k));
        if whole {
            let findings = zfxxgk::check(&doc.report);
            wrong.extend(judge(
                &r.name,
                r.rules.as_deref().unwrap_or_default(),
                &findings,
            ));
        }
        failures.extend(wrong);
    }
    println!("form: files, recoverable cells: right / wrong / unplaced, invented");
    for (form, t) in &tallies {
        println!(
            "{form}: {} files, {}: {} / {} / {}, {}",
            t.files, t.recoverable, t.right, t.wrong, t.unplaced, t.invented
        );
    }
    assert!(
        failures.is_empty(),
        "{} wrong or invented cells:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
