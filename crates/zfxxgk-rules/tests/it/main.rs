//! Integration tests of zfxxgk-rules: each rule firing and not firing on reports built
//! by hand (`fixture`), a property test over consistent random reports, and snapshots
//! of rendered diagnostics.

mod diff_schema;
mod fixture;
mod narrative;
mod props;
mod render;
mod ruleset;
mod series;
mod structure;
mod table2;
mod table3;
mod table4;

use zfxxgk_model::{CellKey, Finding, Location, Report};

/// The findings of rule `id` on `report`.
pub fn fired(report: &Report, id: &str) -> Vec<Finding> {
    zfxxgk_rules::check(report)
        .into_iter()
        .filter(|f| f.rule == id)
        .collect()
}

/// The keys a finding names, as strings.
pub fn keys(f: &Finding) -> Vec<&'static str> {
    f.keys().map(|k| k.as_str()).collect()
}

/// The keys a finding names.
pub fn key_list(f: &Finding) -> Vec<CellKey> {
    f.keys().collect()
}

/// The locations of a finding's places, in order.
pub fn spans(f: &Finding) -> Vec<Location> {
    f.places.iter().filter_map(|p| p.location).collect()
}
