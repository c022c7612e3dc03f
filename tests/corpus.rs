//! The corpus test: every report under `../shared/corpus/*/` and `tests/corpus/*/`, in
//! whatever form it was published (text, markdown, HTML, PDF), against its expected
//! cells in `expected/NAME.csv`: every expected cell present with its value, no cell
//! invented. New files are picked up without code changes.
//!
//! Where `../shared` is absent (a user's fresh clone) the test says what it skipped and
//! why, and passes. A PDF is skipped (with the reason) when `pdftotext` is not
//! installed, except under CI, where that is a failure.

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
