//! Forms that work without JavaScript: a plain `<form method="post">` goes to
//! a server route, which on success redirects (303) to the next page and on
//! an error renders the same page again with a [`FormReply`] in context: what
//! the person typed, and a message next to every field that is wrong. The
//! reply reaches the page through [`load_form_reply`], so the browser
//! hydrates with the same values the server rendered.
//!
//! The field components render DKFDS markup: label, hint, error message
//! (`form-error`), and `aria-describedby` linking them.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What a failed form submission sends back to its page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormReply {
    /// Which form on the page it answers (a page may have several).
    pub form: String,
    /// What was typed, by field name.
    pub values: BTreeMap<String, String>,
    /// What is wrong, by field name.
    pub errors: BTreeMap<String, String>,
    /// A message about the whole form (e.g. someone else changed the request).
    pub message: Option<String>,
    /// The form's field names in the order the browser sent them (the order
    /// on the page), so the error summary lists the errors in that order.
    #[serde(default)]
    pub field_order: Vec<String>,
}

impl FormReply {
    /// A reply to one of a page's per-item forms (`form`, which names its
    /// item in the field `item`), renamed to that item's own form,
    /// `<form>-<item>`: its fields' ids and its section are the item's.
    /// Any other reply is left as it is.
    pub fn named_per_item(self, form: &str) -> FormReply {
        match self.values.get("item") {
            Some(item) if self.form == form => FormReply {
                form: format!("{form}-{item}"),
                ..self
            },
            _ => self,
        }
    }
}

/// The reply the server rendered this page with, if any.
#[server(endpoint = "form-reply")]
pub async fn load_form_reply() -> Result<Option<FormReply>, AppError> {
    Ok(use_context::<FormReply>())
}

/// The reply for the page being rendered, as a resource (blocking, so it is
/// in the server's HTML).
pub fn use_form_reply() -> Resource<Result<Option<FormReply>, AppError>> {
    Resource::new_blocking(|| (), |_| load_form_reply())
}

/// One form's view of the reply, and the form's name, which prefixes its
/// fields' ids so that two forms on one page never share one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormState {
    form: String,
    reply: Option<FormReply>,
}

impl FormState {
    /// The reply if it is for `form`.
    pub fn of(reply: &Option<FormReply>, form: &str) -> FormState {
        FormState {
            form: form.to_owned(),
            reply: reply.clone().filter(|reply| reply.form == form),
        }
    }

    /// The `id` of field `name` on the page: `<form>-<name>`.
    pub fn field_id(&self, name: &str) -> String {
        if self.form.is_empty() {
            name.to_owned()
        } else {
            format!("{}-{name}", self.form)
        }
    }

    /// The `id` of the section around the form (a [`ReturnedFormAlert`]
    /// links to it).
    pub fn section_id(&self) -> String {
        FormState::section_id_of(&self.form)
    }

    fn section_id_of(form: &str) -> String {
        format!("{form}-section")
    }

    pub fn value(&self, name: &str) -> String {
        self.reply
            .as_ref()
            .and_then(|reply| reply.values.get(name).cloned())
            .unwrap_or_default()
    }

    pub fn error(&self, name: &str) -> Option<String> {
        self.reply
            .as_ref()
            .and_then(|reply| reply.errors.get(name).cloned())
    }

    pub fn message(&self) -> Option<String> {
        self.reply.as_ref().and_then(|reply| reply.message.clone())
    }

    /// (field id, message) for the error summary, in the order of the
    /// fields on the page (a field the browser did not send, last).
    pub fn errors(&self) -> Vec<(String, String)> {
        let Some(reply) = self.reply.as_ref() else {
            return Vec::new();
        };
        let mut errors: Vec<(&String, &String)> = reply.errors.iter().collect();
        errors.sort_by_key(|(field, _)| {
            reply
                .field_order
                .iter()
                .position(|name| name == *field)
                .unwrap_or(usize::MAX)
        });
        errors
            .into_iter()
            .map(|(field, message)| (self.field_id(field), message.clone()))
            .collect()
    }
}

/// The `aria-describedby` of field `id`: its hint and error message, when shown.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [
        hint.then(|| format!("{id}-hint")),
        error.then(|| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// Whether the page shows a form's errors; the page title then starts with
/// "Fejl: " (set by [`ErrorSummary`], read by the title's formatter).
/// Reference-counted rather than arena-allocated: the title is rendered at
/// the very end of a server render, where no reactive arena is active.
#[derive(Clone, Debug)]
pub struct FormErrorsShown(ArcRwSignal<bool>);

impl FormErrorsShown {
    /// Provides it for the page frame; returns it for the title.
    pub fn provide() -> FormErrorsShown {
        let shown = FormErrorsShown(ArcRwSignal::new(false));
        provide_context(shown.clone());
        shown
    }

    pub fn shown(&self) -> bool {
        self.0.get()
    }

    pub fn clear(&self) {
        self.0.set(false);
    }
}

/// The DKFDS error summary at the top of a form: focused when the page
/// opens (`autofocus`, with or without JavaScript), a heading that says what
/// to do, and a link to each field in error (followed by the browser, which
/// moves focus to the field), plus the form-wide message.
///
/// Below a [`ReturnedFormAlert`] (which has the focus) pass `focus=false`.
#[component]
pub fn ErrorSummary(state: FormState, #[prop(default = true)] focus: bool) -> impl IntoView {
    let errors = state.errors();
    let message = state.message();
    let shown = message.is_some() || !errors.is_empty();
    if shown {
        if let Some(form_errors) = use_context::<FormErrorsShown>() {
            form_errors.0.set(true);
        }
    }
    shown.then(|| {
        view! {
            <div class="alert alert-error" role="alert" tabindex="-1" autofocus=focus>
                <div class="alert-body">
                    <p class="alert-heading">{crate::i18n::use_lang().text("form-errors-heading")}</p>
                    {message.map(|message| view! { <p class="alert-text">{message}</p> })}
                    {(!errors.is_empty()).then(|| view! {
                        <ul class="alert-text">
                            {errors.into_iter().map(|(field, message)| view! {
                                <li><a href=format!("#{field}")>{message}</a></li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            </div>
        }
    })
}

/// At the top of a page whose forms post to addresses of their own (and
/// come back through a redirect): when one of them failed, says so, shows
/// what was wrong with the request as a whole (someone else changed it, the
/// deadline was already extended), links to the form's section
/// ([`FormState::section_id`]) when fields need correcting, and takes the
/// focus; the section's [`ErrorSummary`] lists the fields. The message is
/// shown here and not only in the section, because the form may no longer
/// be on the page (a deadline extended once offers no second extension).
/// `heading_of` names a form of the page by its name; a reply for no form
/// of the page shows nothing.
#[component]
pub fn ReturnedFormAlert(
    reply: Option<FormReply>,
    heading_of: fn(&str) -> Option<String>,
) -> impl IntoView {
    let failed = reply.and_then(|reply| {
        let heading = heading_of(&reply.form)?;
        let shown = reply.message.is_some() || !reply.errors.is_empty();
        shown.then(|| {
            let fields_wrong = !reply.errors.is_empty();
            (
                FormState::section_id_of(&reply.form),
                heading,
                reply.message,
                fields_wrong,
            )
        })
    });
    failed.map(|(section, heading, message, fields_wrong)| {
        let lang = crate::i18n::use_lang();
        if let Some(form_errors) = use_context::<FormErrorsShown>() {
            form_errors.0.set(true);
        }
        view! {
            <div class="alert alert-error" role="alert" tabindex="-1" autofocus>
                <div class="alert-body">
                    <p class="alert-heading">{lang.text("form-not-saved")}</p>
                    {message.map(|message| view! { <p class="alert-text">{message}</p> })}
                    {fields_wrong.then(|| view! {
                        <p class="alert-text">
                            <a href=format!("#{section}")>{lang.text_with("form-see-what", &[("heading", heading.into())])}</a>
                        </p>
                    })}
                </div>
            </div>
        }
    })
}

/// The label, hint and error message around one field (a DKFDS form group).
#[component]
pub fn FieldFrame(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    hint: Option<String>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = if error.is_some() {
        "form-group form-error"
    } else {
        "form-group"
    };
    view! {
        <div class=class>
            <label class="form-label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <span class="form-hint" id=format!("{id}-hint")>{hint}</span> })}
            {error.map(|error| view! {
                <span class="form-error-message" id=format!("{id}-error")>
                    <span class="sr-only">{crate::i18n::use_lang().text("error-title-prefix")}</span>{error}
                </span>
            })}
            {children()}
        </div>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    state: FormState,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let error = state.error(name);
    let id = state.field_id(name);
    let describe = described_by(&id, hint.is_some(), error.is_some());
    // A textarea's content is raw text to Leptos: escape it here, or typed
    // markup would be sent back as markup.
    let value = escape_text(&state.value(name));
    view! {
        <FieldFrame id=id.clone() label hint error>
            <textarea class="form-input" id=id name=name rows=rows aria-describedby=describe required=required inner_html=value>
            </textarea>
        </FieldFrame>
    }
}

/// A field for files (the form must post `multipart/form-data`). A
/// browser never fills it again, so a form that comes back says so in the
/// error.
#[component]
pub fn FileInput(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    state: FormState,
    /// What the chooser offers (`accept`), e.g. `.pdf,.png,.jpg`.
    accept: &'static str,
    #[prop(optional)] multiple: bool,
) -> impl IntoView {
    let error = state.error(name);
    let id = state.field_id(name);
    let describe = described_by(&id, hint.is_some(), error.is_some());
    view! {
        <FieldFrame id=id.clone() label hint error>
            <input class="form-file" type="file" id=id name=name accept=accept multiple=multiple aria-describedby=describe/>
        </FieldFrame>
    }
}

/// `text` with `&`, `<` and `>` escaped, for an element whose content Leptos
/// does not escape.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A one-line text field.
#[component]
pub fn TextInput(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    state: FormState,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional, into)] default: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let error = state.error(name);
    let id = state.field_id(name);
    let describe = described_by(&id, hint.is_some(), error.is_some());
    let value = Some(state.value(name))
        .filter(|value| !value.is_empty())
        .or(default)
        .unwrap_or_default();
    view! {
        <FieldFrame id=id.clone() label hint error>
            <input
                class="form-input"
                type=kind
                id=id
                name=name
                value=value
                autocomplete=autocomplete
                aria-describedby=describe
                required=required
            />
        </FieldFrame>
    }
}

/// A drop-down list of (value, label) choices.
#[component]
pub fn Select(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    state: FormState,
    choices: Vec<(String, String)>,
    /// Label of an empty first choice, if any.
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// The language of the choices' labels when it is not the page's: the
    /// municipality's own names ([`crate::i18n::Lang::of_danish_data`]).
    #[prop(default = None)]
    choices_lang: Option<&'static str>,
) -> impl IntoView {
    let error = state.error(name);
    let id = state.field_id(name);
    let describe = described_by(&id, hint.is_some(), error.is_some());
    let chosen = state.value(name);
    view! {
        <FieldFrame id=id.clone() label hint error>
            <select class="form-select" id=id name=name aria-describedby=describe>
                {placeholder.map(|text| view! { <option value="">{text}</option> })}
                {choices.into_iter().map(|(value, label)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected lang=choices_lang>{label}</option> }
                }).collect_view()}
            </select>
        </FieldFrame>
    }
}

/// A group of radio buttons with a legend.
#[component]
pub fn RadioGroup(
    name: &'static str,
    #[prop(into)] legend: String,
    state: FormState,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let error = state.error(name);
    let chosen = state.value(name);
    let class = if error.is_some() {
        "form-group form-error"
    } else {
        "form-group"
    };
    let group = state.field_id(name);
    let describe = error.is_some().then(|| format!("{group}-error"));
    view! {
        <div class=class>
            <fieldset aria-describedby=describe>
                <legend class="form-label">{legend}</legend>
                {error.map(|error| view! {
                    <span class="form-error-message" id=format!("{group}-error")>
                        <span class="sr-only">{crate::i18n::use_lang().text("error-title-prefix")}</span>{error}
                    </span>
                })}
                <ul class="nobullet-list">
                    {choices.into_iter().enumerate().map(|(index, (value, label))| {
                        // The first radio carries the group's id, so the error summary can link to it.
                        let id = if index == 0 { group.clone() } else { format!("{group}-{index}") };
                        let checked = value == chosen;
                        view! {
                            <li>
                                <input class="form-radio" type="radio" id=id.clone() name=name value=value checked=checked/>
                                <label for=id>{label}</label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
        </div>
    }
}

/// The hidden field carrying the version a form was filled in on
/// (optimistic locking).
#[component]
pub fn VersionField(version: i32) -> impl IntoView {
    view! { <input type="hidden" name="version" value=version/> }
}

#[cfg(test)]
mod tests {
    use super::{FormReply, FormState};

    #[test]
    fn field_ids_and_error_links_carry_the_form_s_name() {
        let reply = Some(FormReply {
            form: "note".to_owned(),
            errors: [("body".to_owned(), "Skriv en note.".to_owned())].into(),
            ..FormReply::default()
        });
        let note = FormState::of(&reply, "note");
        let answer = FormState::of(&reply, "svar");
        assert_eq!(note.field_id("body"), "note-body");
        assert_ne!(note.field_id("body"), answer.field_id("body"));
        assert_eq!(
            note.errors(),
            [("note-body".to_owned(), "Skriv en note.".to_owned())]
        );
        assert!(answer.errors().is_empty());
    }

    #[test]
    fn typed_markup_cannot_close_the_textarea() {
        assert_eq!(
            super::escape_text("a </textarea><script>&"),
            "a &lt;/textarea&gt;&lt;script&gt;&amp;"
        );
    }
}
