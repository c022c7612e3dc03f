//! The one adapter from today's [`Finding`] to the finding JSON the API answers with
//! (`rule`, `severity`, `message: {zh, en}`, `places: [{key, value, location}]`,
//! `expected`, `actual`, `culprit`, `notes: [{zh, en}]`), the shape the finding model is
//! moving to. When `check --format json` writes that shape itself, this file goes and
//! the API calls the exporter.

use serde_json::{json, Value};
use zfxxgk::{Finding, Report};

/// Separates the Chinese and English halves of a note in today's findings
/// (`空白按0计 | blank counted as 0`).
const NOTE_SEPARATOR: &str = " | ";

/// A finding of the report read from `source` as the API writes it.
///
/// Its places are its cells (`key`, the value `report` holds there, where it stands)
/// and then its other places (a heading, a sentence: `key` and `value` null). A note
/// written in both languages is split into `zh` and `en`; one in a single language
/// has it in both.
///
/// ```
/// use zfxxgk::{Finding, Severity};
/// let f = Finding {
///     rule: "T301".into(),
///     severity: Severity::Error,
///     message_zh: "总计不等于各项之和".into(),
///     message_en: "total is not the sum of its parts".into(),
///     keys: vec!["t3.granted.total".parse()?],
///     expected: Some("12".into()),
///     actual: Some("13".into()),
///     spans: vec![],
///     culprit: None,
///     notes: vec!["空白按0计 | blank counted as 0".into()],
/// };
/// let json = zfxxgk_serve::finding_json(&f, "a.txt", None);
/// assert_eq!(json["message"]["en"], "total is not the sum of its parts");
/// assert_eq!(json["places"][0]["key"], "t3.granted.total");
/// assert_eq!(json["notes"][0]["zh"], "空白按0计");
/// # Ok::<(), zfxxgk::model::Error>(())
/// ```
pub fn finding_json(f: &Finding, source: &str, report: Option<&Report>) -> Value {
    let mut places: Vec<Value> = f
        .keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let cell = report.and_then(|r| r.cell(*key));
            let value = cell.and_then(|c| (!c.value.is_blank()).then(|| c.value.normalized()));
            let location = f.spans.get(i).or(cell.map(|c| &c.location));
            json!({"key": key, "value": value, "location": location})
        })
        .collect();
    places.extend(
        f.spans
            .iter()
            .skip(f.keys.len())
            .map(|l| json!({"key": null, "value": null, "location": l})),
    );
    let notes: Vec<Value> = f
        .notes
        .iter()
        .map(|n| match n.split_once(NOTE_SEPARATOR) {
            Some((zh, en)) => json!({"zh": zh, "en": en}),
            None => json!({"zh": n, "en": n}),
        })
        .collect();
    json!({
        "source": source,
        "rule": f.rule,
        "severity": f.severity,
        "message": {"zh": f.message_zh, "en": f.message_en},
        "places": places,
        "expected": f.expected,
        "actual": f.actual,
        "culprit": f.culprit,
        "notes": notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use zfxxgk::model::Location;
    use zfxxgk::Severity;

    fn finding() -> Finding {
        Finding {
            rule: "S001".into(),
            severity: Severity::Warning,
            message_zh: "缺少标题".into(),
            message_en: "no heading".into(),
            keys: vec![],
            expected: None,
            actual: None,
            spans: vec![Location {
                start: 3,
                end: 9,
                line: 2,
                column: 1,
            }],
            culprit: None,
            notes: vec!["only one language".into()],
        }
    }

    #[test]
    fn places_without_cells_have_null_keys() {
        let json = finding_json(&finding(), "x.txt", None);
        assert_eq!(json["places"][0]["key"], Value::Null);
        assert_eq!(json["places"][0]["location"]["line"], 2);
        assert_eq!(json["expected"], Value::Null);
        assert_eq!(json["source"], "x.txt");
        assert_eq!(json["severity"], "warning");
    }

    #[test]
    fn a_note_in_one_language_is_in_both() {
        let json = finding_json(&finding(), "x.txt", None);
        assert_eq!(json["notes"][0]["zh"], "only one language");
        assert_eq!(json["notes"][0]["en"], "only one language");
    }

    #[test]
    fn cell_values_come_from_the_report() {
        let doc = zfxxgk::read(
            zfxxgk::SAMPLE_REPORT.as_bytes(),
            &zfxxgk::InputOptions::default(),
        )
        .expect("sample reads");
        let key = doc
            .report
            .cells()
            .find(|c| !c.value.is_blank())
            .expect("a cell with a value");
        let mut f = finding();
        f.keys = vec![key.key];
        f.spans.insert(0, key.location);
        let json = finding_json(&f, "s", Some(&doc.report));
        assert_eq!(json["places"][0]["key"], key.key.as_str());
        assert_eq!(json["places"][0]["value"], key.value.normalized());
        assert_eq!(json["places"][1]["key"], Value::Null);
    }
}
