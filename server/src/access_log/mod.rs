//! The access log on the server: events reported by the municipality's
//! systems (validated, stored in monthly partitions, summarised per citizen),
//! the ingestion API and its keys, and retention.

pub mod api;
pub mod api_keys;
pub mod batch;
pub mod citizen_exports;
pub mod data_tracker;
pub mod event;
pub mod hiding;
pub mod import;
pub mod master_data;
pub mod partitions;
pub mod store;
