//! Indblik's user interface: the page frame, every page and the server functions
//! behind them. Built twice: with `ssr` into the server binary (rendering HTML and
//! running server functions) and with `hydrate` into WebAssembly for the browser.
//!
//! Everything that touches the database, sessions or secrets is gated behind
//! the `ssr` feature (`state`, `caller`, `capability`, the stores), so it
//! cannot end up in the browser bundle. Store functions that read or change
//! personal data take a capability from [`capability`], derived from the
//! session's caller only. The layout: `docs/ARCHITECTURE.md`.

// Leptos views are nested types; a page with several forms (the DPO's, the
// case page) goes past the compiler's default query depth of 128 in the
// optimised WebAssembly build. The deepest views are also cut with
// `into_any()`; this leaves room for the rest.
#![recursion_limit = "256"]

pub mod access_control;
pub mod access_log;
#[cfg(feature = "ssr")]
pub mod caller;
#[cfg(feature = "ssr")]
pub mod capability;
pub mod chart;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod deadline;
pub mod error;
pub mod form;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod identity;
pub mod idle;
pub mod layout;
pub mod log_control;
pub mod pages;
pub mod requests;
pub mod scrolling_table;
pub mod shell;
pub mod site;
pub mod staff_notice;
#[cfg(feature = "ssr")]
pub mod state;
pub mod text;
pub mod viewer;

pub use shell::{shell, App};

/// File name (without extension) of the compiled JavaScript, WebAssembly and
/// CSS under `/pkg`; matches `output-name` in the workspace `Cargo.toml`.
pub const OUTPUT_NAME: &str = "indblik";

/// Entry point of the WebAssembly bundle: hydrates the page's islands (the
/// idle warning); everything else on the page is the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
