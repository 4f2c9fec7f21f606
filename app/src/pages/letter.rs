//! `/sagsbehandling/<id>/brev/<entry>`: a notice the citizen is owed, as a
//! letter to print on A4 (the municipality's name and address, the
//! citizen's address block, the date, the request's number, the text), and
//! below it, for a caseworker of the request's unit, the form that records
//! the day it was sent (`POST …/sendt`). The print style sheet prints the
//! letter only. Opening it is logged on the citizen as a print.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::form::{ErrorSummary, FormReply, FormState, ReturnedFormAlert, TextInput, VersionField};
use crate::i18n::use_lang;
use crate::pages::request_parts::RequestFrame;
use crate::requests::views::LetterView;

/// The name of the form that records the sending.
pub const SENT_FORM: &str = "sendt";

/// The letter about entry `entry` of request `id`.
#[server(endpoint = "casework/letter")]
pub async fn load_letter(id: i64, entry: i64) -> Result<LetterView, AppError> {
    let reader = crate::caller::Caller::current().case_reader()?;
    let state = crate::state::app_state()?;
    crate::requests::store::letters::letter(
        &state.pool,
        &state.requests,
        &reader,
        id,
        entry,
        crate::clock::now(),
    )
    .await
    .map_err(crate::pages::casework::store_error)
}

/// `/sagsbehandling/<id>/brev/<entry>`.
#[component]
pub fn LetterPage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    let missing = lang.text("case-not-found");
    let letter = Resource::new_blocking(
        move || {
            params.with(|params| {
                let number =
                    |name: &str| params.get(name).and_then(|value| value.parse::<i64>().ok());
                number("id").zip(number("entry"))
            })
        },
        move |ids| {
            let missing = missing.clone();
            async move {
                match ids {
                    Some((id, entry)) => load_letter(id, entry).await,
                    None => Err(AppError::NotFound(missing)),
                }
            }
        },
    );
    view! {
        <RequestFrame
            title=lang.text("letter-link")
            request=letter
            back=("/sagsbehandling", lang.text("back-to-queue"))
            render=|letter, reply, _notice| view! { <Letter letter reply/> }.into_any()
        />
    }
}

/// The heading of the page's one form.
fn form_heading(form: &str) -> Option<String> {
    (form == SENT_FORM).then(|| use_lang().text("letter-record-heading"))
}

#[component]
fn Letter(letter: LetterView, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    // The letter itself is in the request's language.
    let in_letter = letter.lang;
    let case = format!("/sagsbehandling/{}", letter.request_id);
    let state = FormState::of(&reply, SENT_FORM);
    let title = lang.text_with(
        "letter-page-title",
        &[("number", letter.number.clone().into())],
    );
    let heading = lang.text_with_part_in(
        "letter-title",
        &[],
        "subject",
        letter.subject.clone(),
        lang.of_text_in(in_letter),
    );
    view! {
        <leptos_meta::Title text=title/>
        <div class="no-print">
            <h1>{heading}</h1>
            <ReturnedFormAlert reply=reply.clone() heading_of=form_heading/>
            <p>{lang.text("letter-print-hint")}</p>
            <p><a href=case.clone()>{lang.text("letter-back")}</a></p>
        </div>
        <article class="letter" lang=in_letter.code() aria-label=letter.subject.clone()>
            <div class="letter-head">
                <address class="letter-sender">
                    {letter.sender.iter().map(|line| view! { <span>{line.clone()}</span><br/> }).collect_view()}
                </address>
                <div class="letter-meta">
                    <p>{in_letter.text_with("letter-date", &[("date", letter.date.clone().into())])}</p>
                    <p>{in_letter.text_with("letter-number", &[("number", letter.number.clone().into())])}</p>
                </div>
            </div>
            <address class="letter-recipient" aria-label=in_letter.text("letter-to")>
                {letter.recipient.iter().map(|line| view! { <span>{line.clone()}</span><br/> }).collect_view()}
            </address>
            <h2 class="letter-subject">{letter.subject.clone()}</h2>
            {letter.paragraphs.iter().map(|text| view! { <p class="pre-line">{text.clone()}</p> }).collect_view()}
            {(!letter.attachments.is_empty()).then(|| view! {
                <p>{in_letter.text_with("letter-attachments", &[("names", letter.attachments.join(", ").into())])}</p>
            })}
            <p class="letter-regards">{in_letter.text("letter-regards")}<br/>{letter.sender.first().cloned().unwrap_or_default()}</p>
        </article>
        <div class="no-print mt-6">
            {match (letter.sent_on.clone(), letter.may_record) {
                (Some(date), _) => view! {
                    <p><strong>{lang.text_with("letter-already-sent", &[("date", date.into())])}</strong></p>
                }.into_any(),
                (None, true) => view! {
                    <section id=state.section_id() tabindex="-1" aria-labelledby="letter-record-heading">
                        <h2 id="letter-record-heading">{lang.text("letter-record-heading")}</h2>
                        <p>{lang.text("letter-record-lead")}</p>
                        <ErrorSummary state=state.clone() focus=false/>
                        <form method="post" action=format!("{case}/brev/{}/sendt", letter.entry_id)>
                            <VersionField version=letter.version/>
                            <TextInput name="sent_on" label=lang.text("letter-sent-day") state=state.clone() kind="date" default=letter.today.clone()/>
                            <button type="submit" class="button button-primary">{lang.text("letter-record-button")}</button>
                        </form>
                    </section>
                }.into_any(),
                (None, false) => view! { <p>{lang.text("letter-not-sent")}</p> }.into_any(),
            }}
        </div>
    }
}
