//! The JSON Schema of the report model, derived from the types with schemars.

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
