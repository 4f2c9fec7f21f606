//! The review of authorisations: `/kontrol/autorisationer`, the reviews
//! (and for the DPO every unit's state, a form starting a review, and the
//! staff removed, each with a button restoring them);
//! `/kontrol/autorisationer/<id>`, one review: each person with their
//! statistics and a form confirming or marking them for removal, and the
//! form completing the review. Every form posts to a server route and works
//! without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::error::{shown_or_alert, AppError};
use crate::form::{
    use_form_reply, ErrorSummary, FormReply, FormState, RadioGroup, ReturnedFormAlert, TextArea,
};
use crate::i18n::use_lang;
use crate::log_control::review::{
    load_review, load_reviews, Decision, ReviewItem, ReviewLine, ReviewView, ReviewsOverview,
    COMPLETE_FORM, DECIDE_FORM, RESTORE_FORM, REVIEWS_PAGE, START_FORM,
};
use crate::scrolling_table::ScrollingTable;

/// The forms of the reviews' pages, by the heading of their section.
fn heading_of(form: &str) -> Option<String> {
    let key = match form {
        START_FORM => "reviews-units-heading",
        RESTORE_FORM => "reviews-removed-heading",
        COMPLETE_FORM => "review-complete-heading",
        // A person's form: `decide-<item>` (FormReply::named_per_item).
        _ if form.starts_with(DECIDE_FORM) => "review-decision",
        _ => return None,
    };
    Some(use_lang().text(key))
}

/// A success message when the address says something was saved.
fn saved_notice(key: &'static str, text: &'static str) -> impl IntoView {
    let query = use_query_map();
    let lang = use_lang();
    move || {
        query.read().get(key).map(|_| {
            view! {
                <div class="alert alert-success" role="status">
                    <div class="alert-body"><p class="alert-text">{lang.text(text)}</p></div>
                </div>
            }
        })
    }
}

/// `/kontrol/autorisationer`.
#[component]
pub fn ReviewsPage() -> impl IntoView {
    let lang = use_lang();
    let overview = Resource::new_blocking(|| (), |_| load_reviews());
    let reply = use_form_reply();
    view! {
        <Title text=lang.text("reviews-title")/>
        <h1>{lang.text("reviews-heading")}</h1>
        <p class="font-lead">{lang.text("reviews-lead")}</p>
        <IdentityProviderNotice/>
        {saved_notice("genaktiveret", "reviews-restored")}
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                shown_or_alert(overview.await, move |overview| view! { <Overview overview reply/> }.into_any())
            })}
        </Suspense>
    }
}

/// Removal in the portal is not removal everywhere.
#[component]
fn IdentityProviderNotice() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="alert alert-info" role="note">
            <div class="alert-body"><p class="alert-text">{lang.text("reviews-idp-notice")}</p></div>
        </div>
    }
}

#[component]
fn Overview(overview: ReviewsOverview, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let start = FormState::of(&reply, START_FORM);
    let restore = FormState::of(&reply, RESTORE_FORM);
    let dpo = !overview.units.is_empty();
    view! {
        <ReturnedFormAlert reply=reply.clone() heading_of/>
        <h2 id="gennemgange">{lang.text("reviews-list-heading")}</h2>
        <ReviewList reviews=overview.reviews/>
        {dpo.then(|| view! {
            <section id=start.section_id() aria-labelledby="enheder">
                <h2 id="enheder">{lang.text("reviews-units-heading")}</h2>
                <p>{lang.text_with("reviews-units-lead", &[("months", crate::log_control::review::INTERVAL_MONTHS.into())])}</p>
                <ErrorSummary state=start.clone() focus=false/>
                <ScrollingTable label=lang.text("reviews-units-heading")>
                    <table class="table table--compact">
                        <thead><tr>
                            <th scope="col">{lang.text("control-col-unit")}</th>
                            <th scope="col">{lang.text("reviews-col-last")}</th>
                            <th scope="col">{lang.text("col-status")}</th>
                        </tr></thead>
                        <tbody>
                            {overview.units.into_iter().map(|unit| view! {
                                <tr>
                                    <th scope="row" lang=lang.of_danish_data()>{unit.name.clone()}</th>
                                    <td>{unit.last_started.clone().unwrap_or_else(|| lang.text("reviews-never"))}</td>
                                    <td>
                                        {match unit.open_review {
                                            Some(id) => view! {
                                                <a href=format!("{REVIEWS_PAGE}/{id}")>{lang.text_with_danish("reviews-open-link", &[], "unit", unit.name.clone())}</a>
                                            }.into_any(),
                                            None => view! {
                                                {unit.due.then(|| view! { <strong>{lang.text("reviews-due")}</strong> " " })}
                                                <form method="post" action=REVIEWS_PAGE class="d-inline">
                                                    <input type="hidden" name="unit" value=unit.code.clone()/>
                                                    <button type="submit" class="button button-secondary">
                                                        {lang.text_with_danish("reviews-start", &[], "unit", unit.name.clone())}
                                                    </button>
                                                </form>
                                            }.into_any(),
                                        }}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
            </section>
            <section id=restore.section_id() aria-labelledby="fjernede">
                <h2 id="fjernede">{lang.text("reviews-removed-heading")}</h2>
                <ErrorSummary state=restore.clone() focus=false/>
                {if overview.deactivated.is_empty() {
                    view! { <p>{lang.text("reviews-removed-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="nobullet-list">
                            {overview.deactivated.into_iter().map(|member| view! {
                                <li class="mb-4">
                                    {format!("{} ({}), ", member.name, member.id)}<span lang=lang.of_danish_data()>{member.unit.clone()}</span>
                                    <br/>{lang.text_with("reviews-removed-by", &[("by", member.deactivated.clone().into())])}
                                    <form method="post" action="/kontrol/autorisationer/genaktiver">
                                        <input type="hidden" name="staff" value=member.id.clone()/>
                                        <button type="submit" class="button button-secondary">
                                            {lang.text_with("reviews-restore", &[("name", member.name.clone().into())])}
                                        </button>
                                    </form>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        })}
    }
}

#[component]
fn ReviewList(reviews: Vec<ReviewLine>) -> impl IntoView {
    let lang = use_lang();
    if reviews.is_empty() {
        return view! { <p>{lang.text("reviews-none")}</p> }.into_any();
    }
    view! {
        <ScrollingTable label=lang.text("reviews-list-heading")>
            <table class="table table--compact">
                <thead><tr>
                    <th scope="col">{lang.text("control-col-unit")}</th>
                    <th scope="col">{lang.text("reviews-col-started")}</th>
                    <th scope="col">{lang.text("reviews-col-answer-by")}</th>
                    <th scope="col">{lang.text("reviews-col-decided")}</th>
                    <th scope="col">{lang.text("reviews-col-removed")}</th>
                    <th scope="col">{lang.text("col-status")}</th>
                </tr></thead>
                <tbody>
                    {reviews.into_iter().map(|review| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("{REVIEWS_PAGE}/{}", review.id)>
                                    {lang.text_with_danish("reviews-link", &[("date", review.started.clone().into())], "unit", review.unit.clone())}
                                </a>
                            </th>
                            <td>{review.started.clone()}</td>
                            <td>{review.answer_by.clone()}{review.late.then(|| view! { " " <strong>{lang.text("sample-late")}</strong> })}</td>
                            <td>{lang.text_with("reviews-decided-of", &[("decided", review.decided.into()), ("people", review.people.into())])}</td>
                            <td>{review.removed}</td>
                            <td>{review.completed.clone().map_or_else(|| lang.text("reviews-in-progress"), |done| lang.text_with("reviews-completed-by", &[("by", done.into())]))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
    .into_any()
}

/// `/kontrol/autorisationer/<id>`.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()));
    let review = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => load_review(id).await,
            None => Err(AppError::NotFound(use_lang().text("review-not-found"))),
        }
    });
    let reply = use_form_reply();
    view! {
        <Title text=lang.text("review-title")/>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply
                    .await
                    .ok()
                    .flatten()
                    .map(|reply| reply.named_per_item(DECIDE_FORM));
                shown_or_alert(review.await, move |review| view! { <Review review reply/> }.into_any())
            })}
        </Suspense>
        <p><a href=REVIEWS_PAGE>{lang.text("review-back")}</a></p>
    }
}

#[component]
fn Review(review: ReviewView, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let complete = FormState::of(&reply, COMPLETE_FORM);
    let open = review.open();
    let undecided = review.undecided();
    let id = review.id;
    view! {
        <h1>{lang.text_with_danish("review-heading", &[], "unit", review.unit.clone())}</h1>
        <ReturnedFormAlert reply=reply.clone() heading_of/>
        {saved_notice("gemt", "review-saved")}
        {saved_notice("afsluttet", "review-completed")}
        <dl>
            <dt>{lang.text("review-started")}</dt><dd>{review.started.clone()}</dd>
            <dt>{lang.text("reviews-col-answer-by")}</dt>
            <dd>{review.answer_by.clone()}{review.late.then(|| view! { " " <strong>{lang.text("sample-late")}</strong> })}</dd>
            <dt>{lang.text("review-period")}</dt><dd>{review.period.clone()}</dd>
            <dt>{lang.text("col-status")}</dt>
            <dd>{review.completed.clone().map_or_else(|| lang.text("reviews-in-progress"), |done| lang.text_with("reviews-completed-by", &[("by", done.into())]))}</dd>
        </dl>
        <IdentityProviderNotice/>
        <h2 id="indblik">{lang.text("review-portal-heading")}</h2>
        <p>{lang.text("review-portal-lead")}</p>
        {people(review.portal.clone(), id, open, &reply, "review-portal-none")}
        <h2 id="fagsystemer">{lang.text("review-directory-heading")}</h2>
        <p>{lang.text("review-directory-lead")}</p>
        {people(review.directory.clone(), id, open, &reply, "review-directory-none")}
        {open.then(|| view! {
            <section id=complete.section_id() aria-labelledby="afslut">
                <h2 id="afslut">{lang.text("review-complete-heading")}</h2>
                <ErrorSummary state=complete.clone() focus=false/>
                <p>{if undecided == 0 {
                    lang.text("review-complete-ready")
                } else {
                    lang.text_with("review-complete-waiting", &[("count", undecided.into())])
                }}</p>
                <form method="post" action=format!("{REVIEWS_PAGE}/{id}/afslut")>
                    <button type="submit" class="button button-primary">{lang.text("review-complete-button")}</button>
                </form>
            </section>
        })}
    }
}

fn people(
    items: Vec<ReviewItem>,
    review: i64,
    open: bool,
    reply: &Option<FormReply>,
    none: &'static str,
) -> AnyView {
    let lang = use_lang();
    if items.is_empty() {
        return view! { <p>{lang.text(none)}</p> }.into_any();
    }
    items
        .into_iter()
        .map(|item| view! { <Person item review open reply=reply.clone()/> })
        .collect_view()
        .into_any()
}

#[component]
fn Person(item: ReviewItem, review: i64, open: bool, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let id = item.id;
    // One form per person: the reply belongs to the person it names.
    let form = format!("{DECIDE_FORM}-{id}");
    let state = FormState::of(&reply, &form);
    let choices = Decision::ALL
        .iter()
        .map(|decision| (decision.code().to_owned(), decision.label(lang)))
        .collect::<Vec<_>>();
    let heading_id = format!("person-{id}-name");
    view! {
        <article class="card mb-5" id=format!("person-{id}") aria-labelledby=heading_id.clone()>
            <div class="card-content">
                <h3 id=heading_id.clone()>{format!("{} ({})", item.name, item.person)}</h3>
                <dl>
                    {item.roles.clone().map(|roles| view! { <dt>{lang.text("usage-col-roles")}</dt><dd>{roles}</dd> })}
                    <Usage item=item.clone()/>
                    <dt>{lang.text("review-decision")}</dt>
                    <dd>{item.decision.map_or_else(|| lang.text("review-undecided-one"), |decision| decision.label(lang))}</dd>
                    {item.note.clone().map(|note| view! { <dt>{lang.text("review-note")}</dt><dd class="preserve-lines">{note}</dd> })}
                    {item.decided.clone().map(|decided| view! { <dt>{lang.text("review-decided-by")}</dt><dd>{decided}</dd> })}
                </dl>
                {open.then(|| view! {
                    <div id=state.section_id() tabindex="-1">
                    <ErrorSummary state=state.clone() focus=false/>
                    <form method="post" action=format!("{REVIEWS_PAGE}/{review}/personer/{id}")>
                        <input type="hidden" name="item" value=id.to_string()/>
                        <RadioGroup name="decision" legend=lang.text_with("review-decision-legend", &[("name", item.name.clone().into())]) state=state.clone() choices=choices.clone()/>
                        <TextArea name="note" label=lang.text("review-note") hint=lang.text("review-note-hint") state=state.clone() rows=2/>
                        <button type="submit" class="button button-secondary">
                            {lang.text_with("review-save", &[("name", item.name.clone().into())])}
                        </button>
                    </form>
                    </div>
                })}
            </div>
        </article>
    }
}

/// The person's statistics in the review's period.
#[component]
fn Usage(item: ReviewItem) -> impl IntoView {
    let lang = use_lang();
    if let Some(staff) = item.staff_usage {
        return view! {
            <dt>{lang.text("usage-col-sign-ins")}</dt><dd>{staff.sign_ins}</dd>
            <dt>{lang.text("usage-col-last-sign-in")}</dt><dd>{staff.last_sign_in}</dd>
            <dt>{lang.text("usage-col-case-actions")}</dt><dd>{staff.case_actions}</dd>
            <dt>{lang.text("usage-col-portal-uses")}</dt><dd>{staff.portal_uses}</dd>
        }
        .into_any();
    }
    view! {
        <dt>{lang.text("review-uses")}</dt>
        <dd>
            {if item.actor_usage.is_empty() {
                lang.text("usage-staff-idle").into_any()
            } else {
                view! {
                    <ul class="mt-0">
                        {item.actor_usage.into_iter().map(|line| view! {
                            <li>{lang.text_with_danish("review-uses-line", &[
                                ("look_ups", line.counts.look_ups().into()),
                                ("total", line.counts.total().into()),
                                ("last", line.last_day.clone().into()),
                            ], "system", line.system.clone())}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </dd>
    }
    .into_any()
}
