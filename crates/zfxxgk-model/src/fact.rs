use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Location;

/// What a number stated in the narrative is a number of.
///
/// Each kind says which table cell it should agree with; see RULES.md N001–N004.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactKind {
    /// Applications newly received this year (`t3.new_received.total`).
    NewReceived,
    /// Applications received counting those carried over
    /// (`t3.new_received.total + t3.carried_over.total`).
    ReceivedWithCarriedOver,
    /// Applications newly received from natural persons
    /// (`t3.new_received.natural_person`).
    NaturalPersons,
    /// Applications carried over from last year (`t3.carried_over.total`).
    CarriedOver,
    /// Applications answered this year (`t3.results_total.total`).
    ResultsTotal,
    /// 予以公开 (`t3.granted.total`).
    Granted,
    /// 部分公开 (`t3.partly_granted.total`).
    PartlyGranted,
    /// 予以公开 and 部分公开 together.
    GrantedOrPartlyGranted,
    /// 不予公开, all eight reasons together.
    Withheld,
    /// 无法提供, all three reasons together.
    Unavailable,
    /// 不予处理, all five reasons together.
    NotProcessed,
    /// 其他处理 (one row in 2019, three in 2021).
    OtherHandling,
    /// Carried forward to next year (`t3.carried_forward.total`).
    CarriedForward,
    /// The text says no application was received at all.
    NoApplications,
    /// Administrative reviews (`t4.review.total`).
    Reviews,
    /// Lawsuits, both litigation groups together.
    Lawsuits,
    /// Reviews and lawsuits together.
    ReviewsAndLawsuits,
    /// 信息处理费 charged (N004); `unit` says 元 or 万元.
    ProcessingFee,
}

/// A number that the narrative states, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fact {
    /// What it counts.
    pub kind: FactKind,
    /// The number stated.
    pub value: Decimal,
    /// The unit written with it (`件`, `元`, `万元`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where the number stands.
    pub location: Location,
    /// The words the fact was read from, as written.
    pub text: String,
}
