//! What the unit tests of several readers share: a report's cells as `(key, value)`
//! pairs, as the corpus's expected files write them.

use zfxxgk_model::Report;

/// The cells of `report`, each as its key and its value as `tidy` writes it.
pub(crate) fn cells(report: &Report) -> Vec<(String, String)> {
    report
        .tidy()
        .map(|(k, v)| (k.as_str().to_string(), v))
        .collect()
}

/// The cells `text` is read as.
pub(crate) fn tidy(text: &str) -> Vec<(String, String)> {
    cells(&crate::parse(text))
}

/// The value of the cell `key` among `cells`.
pub(crate) fn get<'a>(cells: &'a [(String, String)], key: &str) -> Option<&'a str> {
    cells.iter().find(|c| c.0 == key).map(|c| c.1.as_str())
}

/// Whether no cell among `cells` has a key starting with `prefix` (nothing of those
/// rows read).
pub(crate) fn none_under(cells: &[(String, String)], prefix: &str) -> bool {
    cells.iter().all(|c| !c.0.starts_with(prefix))
}

/// The cells of `report` whose key starts with `prefix`, each as `key=value`.
pub(crate) fn starting(report: &Report, prefix: &str) -> Vec<String> {
    report
        .tidy()
        .map(|(k, v)| format!("{}={v}", k.as_str()))
        .filter(|kv| kv.starts_with(prefix))
        .collect()
}
