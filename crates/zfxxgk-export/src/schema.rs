//! The JSON Schemas of the report model and of the findings, derived from the types
//! with schemars.

use zfxxgk_model::Report;

/// The JSON Schema (draft 2020-12) of a report as [`write_json`](crate::write_json)
/// writes it, derived from the model's types.
///
/// The repository ships it as `schema/report.schema.json`; a test regenerates it and
/// fails when the shipped file is stale.
///
/// ```
/// let schema = zfxxgk_export::report_schema();
/// assert_eq!(schema["title"], "Report");
/// assert!(schema["required"].as_array().is_some_and(|r| r.iter().any(|f| f == "tables")));
/// ```
pub fn report_schema() -> serde_json::Value {
    schemars::schema_for!(Report).to_value()
}

/// [`report_schema`] as the shipped file holds it: pretty-printed, ending in a newline.
pub fn report_schema_json() -> String {
    format!("{:#}\n", report_schema())
}

/// The JSON Schema (draft 2020-12) of what [`write_findings_json`](crate::write_findings_json)
/// writes (`zfxxgk check --format json`): `{"findings": [...]}`, each finding with its
/// `source`.
///
/// The repository ships it as `schema/findings.schema.json`; a test regenerates it and
/// fails when the shipped file is stale.
///
/// ```
/// let schema = zfxxgk_export::findings_schema();
/// assert_eq!(schema["title"], "Findings");
/// assert!(schema["$defs"]["Place"].is_object());
/// ```
pub fn findings_schema() -> serde_json::Value {
    schemars::schema_for!(crate::findings::FindingsDoc<'static>).to_value()
}

/// [`findings_schema`] as the shipped file holds it: pretty-printed, ending in a newline.
pub fn findings_schema_json() -> String {
    format!("{:#}\n", findings_schema())
}
