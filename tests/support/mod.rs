//! Helpers shared by the facade's integration tests.
#![allow(dead_code)]

pub mod adversarial;
pub mod corpus;
pub mod office;
pub mod render;
