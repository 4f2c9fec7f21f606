//! `/henvendelser/ny`: where a citizen starts a request. Reached from
//! `/min-log` with `?opslag=ID` ("Spørg om dette opslag"), it shows the log
//! row the question is about; the row is looked up among the signed-in
//! citizen's own visible rows only. Until the request forms exist, the page
//! tells the citizen how to ask by e-mail, quoting the row.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::access_log::my_log::LogRow;
use crate::error::{AppError, ErrorAlert};
use crate::site::{MailLink, WithSite};

/// The signed-in citizen's visible log row `id`, if it is theirs.
#[server(endpoint = "log-row")]
pub async fn load_log_row(id: i64) -> Result<Option<LogRow>, AppError> {
    let subject = crate::caller::require_citizen()?;
    let state = crate::state::app_state()?;
    crate::access_log::summary::row(
        &state.pool,
        &subject,
        id,
        crate::clock::now(),
        state.site.log_retention_months,
    )
    .await
    .map_err(AppError::internal)
}

/// `/henvendelser/ny`.
#[component]
pub fn NewRequestPage() -> impl IntoView {
    let params = use_query_map();
    let row_id =
        move || params.with(|params| params.get("opslag").and_then(|id| id.parse::<i64>().ok()));
    let row = Resource::new_blocking(row_id, |id| async move {
        match id {
            Some(id) => load_log_row(id).await,
            None => Ok(None),
        }
    });
    view! {
        <Title text="Spørg om et opslag"/>
        <h1>"Spørg om et opslag"</h1>
        <Suspense>
            {move || Suspend::new(async move {
                match row.await {
                    Ok(Some(row)) => view! { <RowQuestion row/> }.into_any(),
                    Ok(None) => view! {
                        <div class="alert alert-warning" role="alert">
                            <div class="alert-body">
                                <p class="alert-text">
                                    "Vi kan ikke finde opslaget i din log. Gå tilbage til "
                                    <a href="/min-log">"din log"</a>
                                    " og vælg \"Spørg om dette opslag\" ved den linje, du vil spørge om."
                                </p>
                            </div>
                        </div>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorAlert text=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RowQuestion(row: LogRow) -> impl IntoView {
    let reference = format!("opslag nr. {}", row.id);
    view! {
        <p class="font-lead">"Du vil spørge om denne linje i din log:"</p>
        <dl class="mt-4">
            <dt>"Hvornår"</dt><dd>{format!("{}, {}", row.day_text, row.time_text)}</dd>
            <dt>"Hvem"</dt><dd>{format!("{}, {}", row.unit, row.authority)}</dd>
            <dt>"Hvad"</dt><dd>{format!("{} ({} gange)", row.action, row.count)}</dd>
            <dt>"System"</dt><dd>{row.system}</dd>
            <dt>"Formål"</dt><dd>{row.purpose}</dd>
        </dl>
        <p class="mt-6">
            "Du kan endnu ikke sende spørgsmålet gennem portalen. Skriv til kommunen, og nævn "
            <strong>{reference}</strong>
            ", så finder de den rigtige linje. Kommunen skal svare dig senest en måned efter, at de har modtaget dit spørgsmål."
        </p>
        <p>
            <WithSite render=|site| site.map(|site| view! { <MailLink address=site.contact_email/> })/>
        </p>
        <p><a href="/min-log">"Tilbage til din log"</a></p>
    }
}
