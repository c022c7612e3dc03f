//! The JSON API the page uses: `POST /api/read`, `POST /api/diff`, `GET /api/rules`.
//!
//! Reading is blocking work (decoding, `pdftotext`, parsing, the rules): it runs on
//! tokio's blocking threads, never on the threads that answer connections.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use zfxxgk::{Document, InputOptions, RuleSet};
use zfxxgk_export as export;
use zfxxgk_rules::{Comparisons, Figures, Lang};

use crate::error::ApiError;
use crate::findings::finding_json;

/// The longest file name taken, in bytes.
const MAX_NAME: usize = 1024;

/// What every request shares: how to read, the rules, and the temporary folder that
/// PDFs are written to for `pdftotext`, removed when the last request is done with it
/// and the server stops.
pub(crate) struct AppState {
    pub(crate) opts: InputOptions,
    pub(crate) rules: RuleSet,
    pub(crate) max_bytes: usize,
    pub(crate) _temp: tempfile::TempDir,
}

pub(crate) type Shared = Arc<AppState>;

/// `?name=FILE` of `/api/read`.
#[derive(Debug, Deserialize)]
pub(crate) struct ReadParams {
    name: Option<String>,
}

/// `POST /api/read?name=FILE` with the report's bytes as the body.
pub(crate) async fn read(
    State(state): State<Shared>,
    query: Result<Query<ReadParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(params) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let name = checked_name(params.name)?;
    let bytes = body.map_err(|e| body_error(e.status(), e.body_text(), state.max_bytes))?;
    if bytes.is_empty() {
        return Err(ApiError::BadRequest(format!(
            "{name}: the body is empty; send the report's bytes as the body"
        )));
    }
    blocking(move || {
        let doc = read_doc(&state, &name, &bytes)?;
        answer(&state, &name, &doc)
    })
    .await
}

/// `POST /api/diff` with a multipart body of two files, `old` and `new`.
pub(crate) async fn diff(
    State(state): State<Shared>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Json<Value>, ApiError> {
    let mut multipart = multipart.map_err(|e| {
        ApiError::BadRequest(format!(
            "{}: send multipart/form-data with two files, `old` and `new`",
            e.body_text()
        ))
    })?;
    let mut old = None;
    let mut new = None;
    loop {
        let field = multipart
            .next_field()
            .await
            .map_err(|e| body_error(e.status(), e.body_text(), state.max_bytes))?;
        let Some(field) = field else { break };
        let part = field.name().unwrap_or("").to_owned();
        let name = checked_name(field.file_name().map(str::to_owned).or(Some(part.clone())))?;
        let bytes = field
            .bytes()
            .await
            .map_err(|e| body_error(e.status(), e.body_text(), state.max_bytes))?;
        if bytes.len() > state.max_bytes {
            return Err(ApiError::TooLarge {
                max: state.max_bytes,
            });
        }
        match part.as_str() {
            "old" if old.is_none() => old = Some((name, bytes)),
            "new" if new.is_none() => new = Some((name, bytes)),
            "old" | "new" => {
                return Err(ApiError::BadRequest(format!(
                    "the part `{part}` came twice"
                )))
            }
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "unknown part `{part}`: send two files, `old` and `new`"
                )))
            }
        }
    }
    let (Some(old), Some(new)) = (old, new) else {
        return Err(ApiError::BadRequest(
            "send two files, `old` and `new` (multipart/form-data)".into(),
        ));
    };
    blocking(move || compare(&state, old, new)).await
}

/// `GET /api/rules`: every rule with its severity and description in both languages.
pub(crate) async fn rules(State(state): State<Shared>) -> Json<Value> {
    let rules: Vec<Value> = state
        .rules
        .rules()
        .map(|r| {
            json!({
                "id": r.id(),
                "severity": r.severity(),
                "description": {"zh": r.description_zh(), "en": r.description_en()},
            })
        })
        .collect();
    Json(json!({ "rules": rules }))
}

/// A file name as given, or `upload` when none was.
fn checked_name(name: Option<String>) -> Result<String, ApiError> {
    let name = name.unwrap_or_default();
    if name.len() > MAX_NAME {
        return Err(ApiError::BadRequest(format!(
            "the name is {} bytes long, more than {MAX_NAME}",
            name.len()
        )));
    }
    Ok(if name.trim().is_empty() {
        "upload".to_owned()
    } else {
        name
    })
}

/// A body that could not be read: too large (413), or malformed (400).
fn body_error(status: StatusCode, text: String, max: usize) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge { max }
    } else {
        ApiError::BadRequest(text)
    }
}

/// Runs `work` on a blocking thread; a panic in it is a 500, never a crash.
async fn blocking<F>(work: F) -> Result<Json<Value>, ApiError>
where
    F: FnOnce() -> Result<Value, ApiError> + Send + 'static,
{
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result.map(Json),
        Err(e) => Err(ApiError::Internal(e.to_string())),
    }
}

fn read_doc(state: &AppState, name: &str, bytes: &[u8]) -> Result<Document, ApiError> {
    let mut opts = state.opts.clone();
    opts.name_hint = Some(name.to_owned());
    zfxxgk::read(bytes, &opts).map_err(|e| ApiError::Unreadable {
        name: name.to_owned(),
        message: e.to_string(),
    })
}

/// The report as `parse --format json` writes it.
fn report_json(doc: &Document) -> Result<Value, ApiError> {
    let mut buf = Vec::new();
    export::write_json(&mut buf, &doc.report, export::JsonStyle::Compact)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    serde_json::from_slice(&buf).map_err(|e| ApiError::Internal(e.to_string()))
}

/// A finding as the API writes it, with its source lines rendered as `check` prints
/// them, in both languages.
fn finding_with_lines(
    f: &zfxxgk::Finding,
    source: &str,
    doc: Option<&Document>,
) -> serde_json::Value {
    let mut out = finding_json(f, source, doc.map(|d| &d.report));
    let text = doc.map_or("", |d| d.text.as_str());
    if let Value::Object(map) = &mut out {
        map.insert(
            "rendered".into(),
            json!({
                "zh": zfxxgk_rules::render(f, source, text, Lang::Zh),
                "en": zfxxgk_rules::render(f, source, text, Lang::En),
            }),
        );
    }
    out
}

/// The answer of `/api/read`: the report, its findings, its tables laid out, and its
/// cells as `parse --format facts` writes them (`key`, normalized `value`).
fn answer(state: &AppState, name: &str, doc: &Document) -> Result<Value, ApiError> {
    let findings: Vec<Value> = state
        .rules
        .check(&doc.report)
        .iter()
        .map(|f| finding_with_lines(f, name, Some(doc)))
        .collect();
    let tidy: Vec<Value> = doc
        .report
        .tidy()
        .map(|(key, value)| json!({"key": key, "value": value}))
        .collect();
    Ok(json!({
        "source": name,
        "kind": doc.kind.as_str(),
        "report": report_json(doc)?,
        "findings": findings,
        "layout": export::layout_json(&doc.report),
        "tidy": tidy,
    }))
}

/// The answer of `/api/diff`: the comparison as `diff --format json` writes it, and
/// T305's findings on the pair.
fn compare(
    state: &AppState,
    (old_name, old_bytes): (String, Bytes),
    (new_name, new_bytes): (String, Bytes),
) -> Result<Value, ApiError> {
    let old = read_doc(state, &old_name, &old_bytes)?;
    let new = read_doc(state, &new_name, &new_bytes)?;
    let diff = zfxxgk_rules::diff(
        &Figures::of(&old_name, &old.report),
        &Figures::of(&new_name, &new.report),
    );
    let comparisons = serde_json::to_value(Comparisons {
        comparisons: vec![diff],
    })
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    let pair = [(&old_name, &old), (&new_name, &new)];
    let reports: Vec<(&str, &zfxxgk::Report)> =
        pair.iter().map(|(n, d)| (n.as_str(), &d.report)).collect();
    let findings: Vec<Value> = state
        .rules
        .check_series(&reports)
        .iter()
        .filter_map(|(i, f)| {
            let (name, doc) = pair.get(*i)?;
            Some(finding_with_lines(f, name, Some(doc)))
        })
        .collect();
    let body = |d: &Document| {
        d.report
            .meta
            .body
            .as_deref()
            .map(zfxxgk_rules::normalize_body)
    };
    let mut out = comparisons;
    if let Value::Object(map) = &mut out {
        map.insert("findings".into(), Value::Array(findings));
        map.insert("same_body".into(), Value::Bool(body(&old) == body(&new)));
    }
    Ok(out)
}
