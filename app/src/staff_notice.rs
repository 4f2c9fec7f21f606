//! The notice on every opening screen for staff (the queue, the DPO's
//! page): their look-ups are logged, what the log records, who sees it and
//! how it is checked, as it stands now (docs/rules.md §3.1).

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::site::use_site;

/// "Your look-ups are logged …", with the log's retention.
#[component]
pub fn StaffLoggingNotice() -> impl IntoView {
    let lang = use_lang();
    use_site().map(|site| view! {
        <div class="alert alert-info mt-4 mb-6" role="note" aria-label=lang.text("staff-logging-heading")>
            <div class="alert-body">
                <p class="alert-heading">{lang.text("staff-logging-heading")}</p>
                <p class="alert-text">{lang.text_with("staff-logging-text", &[("months", site.log_retention_months.into())])}</p>
            </div>
        </div>
    })
}
