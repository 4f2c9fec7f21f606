//! The staff pages' entry points: `/sagsbehandling` (caseworkers) and `/dpo`
//! (the DPO and administrators). The server's guard lets only those roles in;
//! the server functions check the role again, so a page and its data are
//! both protected.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, ErrorAlert};

/// One registered rejected access attempt, as the DPO sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectionRow {
    /// Local time (Europe/Copenhagen), `YYYY-MM-DD HH:MM`.
    pub at: String,
    pub source_ip: String,
    /// "borger", "medarbejder <id>" or "ukendt".
    pub who: String,
    pub reason: String,
    pub path: String,
}

/// An active block, as the DPO sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRow {
    pub id: i64,
    pub at: String,
    pub what: String,
    pub rejections: i32,
}

/// What the DPO's overview of access control shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessControlOverview {
    pub rejections: Vec<RejectionRow>,
    pub blocks: Vec<BlockRow>,
}

/// The latest rejected attempts and the active blocks (DPO and admin only).
#[server(endpoint = "dpo/access-control")]
pub async fn load_access_control() -> Result<AccessControlOverview, AppError> {
    use crate::caller::{require_any_role, Role};
    require_any_role(&[Role::Dpo, Role::Admin])?;
    let state = crate::state::app_state()?;
    crate::access_control::access_control_overview(&state.pool, 200)
        .await
        .map_err(AppError::internal)
}

/// Lifts block `id` (DPO and admin only), recording who did it.
#[server(endpoint = "dpo/lift-block")]
pub async fn lift_block(id: i64) -> Result<(), AppError> {
    use crate::caller::{require_any_role, Role};
    let member = require_any_role(&[Role::Dpo, Role::Admin])?;
    let state = crate::state::app_state()?;
    let by = format!("{} ({})", member.name, member.id);
    let lifted = crate::access_control::lift_block(&state.pool, id, &by, crate::clock::now())
        .await
        .map_err(AppError::internal)?;
    if lifted {
        Ok(())
    } else {
        Err(AppError::Refused(
            "Spærringen findes ikke eller er allerede ophævet.".to_owned(),
        ))
    }
}

/// `/sagsbehandling`: the caseworker's start page.
#[component]
pub fn CaseworkPage() -> impl IntoView {
    let who = match crate::viewer::use_viewer() {
        crate::viewer::Viewer::Staff { name, unit } => format!("{name}, enhed {unit}"),
        _ => String::new(),
    };
    view! {
        <Title text="Sagsbehandling"/>
        <h1>"Sagsbehandling"</h1>
        <p class="font-lead">{format!("Du er logget ind som {who}.")}</p>
        <p>
            "Her kommer køen af borgernes henvendelser om indsigt, berigtigelse og indsigelse, sorteret efter frist. "
            "Henvendelserne bliver en del af portalen i en senere version."
        </p>
    }
}

/// `/dpo`: the DPO's overview of rejected access attempts and blocks.
#[component]
pub fn DpoPage() -> impl IntoView {
    let lift = ServerAction::<LiftBlock>::new();
    let overview = Resource::new_blocking(move || lift.version().get(), |_| load_access_control());
    view! {
        <Title text="Databeskyttelsesrådgiver"/>
        <h1>"Adgangskontrol"</h1>
        <p class="font-lead">
            "Afviste adgangsforsøg og spærringer efter gentagne afviste forsøg (sikkerhedsbekendtgørelsens § 18)."
        </p>
        <Suspense>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Overview overview lift/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(overview: AccessControlOverview, lift: ServerAction<LiftBlock>) -> impl IntoView {
    let AccessControlOverview { rejections, blocks } = overview;
    view! {
        <h2>"Aktive spærringer"</h2>
        {if blocks.is_empty() {
            view! { <p>"Ingen aktive spærringer."</p> }.into_any()
        } else {
            view! {
                <div class="table--responsive-scroll">
                    <table class="table">
                        <thead><tr><th scope="col">"Nr."</th><th scope="col">"Spærret"</th><th scope="col">"Hvad"</th><th scope="col">"Afviste forsøg"</th><th scope="col">"Handling"</th></tr></thead>
                        <tbody>
                            {blocks.into_iter().map(|block| {
                                let label = format!("Ophæv spærring nr. {}", block.id);
                                view! {
                                    <tr>
                                        <td>{block.id}</td><td>{block.at}</td><td>{block.what}</td><td>{block.rejections}</td>
                                        <td>
                                            <ActionForm action=lift>
                                                <input type="hidden" name="id" value=block.id/>
                                                <button type="submit" class="button button-secondary" aria-label=label>"Ophæv"</button>
                                            </ActionForm>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p>"Ophæv en spærring, når årsagen er undersøgt. Det bliver registreret, hvem der ophævede den."</p>
            }
            .into_any()
        }}
        <h2>"Seneste afviste adgangsforsøg"</h2>
        {if rejections.is_empty() {
            view! { <p>"Ingen afviste adgangsforsøg."</p> }.into_any()
        } else {
            view! {
                <div class="table--responsive-scroll">
                    <table class="table">
                        <thead><tr><th scope="col">"Tidspunkt"</th><th scope="col">"IP-adresse"</th><th scope="col">"Hvem"</th><th scope="col">"Årsag"</th><th scope="col">"Side"</th></tr></thead>
                        <tbody>
                            {rejections.into_iter().map(|row| view! {
                                <tr><td>{row.at}</td><td>{row.source_ip}</td><td>{row.who}</td><td>{row.reason}</td><td>{row.path}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}
