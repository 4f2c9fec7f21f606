//! Who is looking at the page, as far as the page frame needs to know: shown
//! in the header. Filled in by the server from the session; never carries a
//! CPR number or a subject key.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Name of the `<meta>` tag carrying the viewer as JSON for hydration.
pub const VIEWER_META_NAME: &str = "indblik-viewer";

/// The signed-in user, or nobody.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    #[default]
    Anonymous,
    /// A citizen signed in with MitID.
    Citizen { name: String },
    /// A staff member signed in with the workforce identity; `unit` is the
    /// unit's code; `dpo` when they may see the DPO's overview (DPO or admin).
    Staff {
        name: String,
        unit: String,
        #[serde(default)]
        dpo: bool,
    },
}

/// The viewer of this render.
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().unwrap_or_default()
}
