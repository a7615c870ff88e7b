//! The record's details and tags, each field edited in place: its error shown beside it,
//! Escape or Cancel leaving it as it was.

use super::{CustomerRecord, TagCustomer, UpdateCustomer};
use crate::domain::{CustomerField, Field};
use crate::staff::form_error::FormError;
use crate::staff::texts::{AdminTexts, Lang};
use crate::staff::ui::{action_error, reload_after};
use leptos::form::ActionForm;
use leptos::html;
use leptos::prelude::*;

/// A field's value as staff read it: a choice by its name in the reader's language.
pub(crate) fn shown_value(t: &AdminTexts, lang: Lang, field: CustomerField, value: &str) -> String {
    let name = match field {
        CustomerField::Gender => (t.record().gender)(value),
        CustomerField::IncomeRange | CustomerField::PreferredChannel => (lang.profile().profile_choice)(value),
        CustomerField::Birthday => return crate::staff::ui::short_time(value),
        _ => "",
    };
    crate::staff::texts::or_code(name, value)
}

#[component]
pub(super) fn Fields(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    let t = crate::staff::texts::t();
    let lang = crate::staff::texts::lang();
    let action = ServerAction::<UpdateCustomer>::new();
    reload_after(action, changed);
    let editing = RwSignal::new(None::<CustomerField>);
    Effect::new(move || {
        if matches!(action.value().get(), Some(Ok(_))) {
            editing.set(None);
        }
    });
    let role = r.viewer_role;
    view! {
        <h2>{t.record().details}</h2>
        <table class="fields">
            <tbody>
                {r.fields.into_iter().map(|(field, value)| {
                    let may_edit = role.at_least(field.editable_by());
                    let shown = value.as_deref().map(|v| shown_value(t, lang, field, v)).unwrap_or_default();
                    let label = (t.record().field)(field);
                    view! {
                        <tr data-field=field.column()>
                            <th scope="row">{label}</th>
                            <td>
                                {move || if editing.get() == Some(field) {
                                    view! { <FieldEditor id=r.id field value=value.clone() action editing /> }.into_any()
                                } else {
                                    view! {
                                        <span class="value">{shown.clone()}</span>
                                        {may_edit.then(|| view! {
                                            <button type="button" class="secondary small" aria-label=(t.record().edit_field)(label)
                                                on:click=move |_| { action.value().set(None); editing.set(Some(field)); }>
                                                {t.record().edit}
                                            </button>
                                        })}
                                    }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn FieldEditor(
    id: i64,
    field: CustomerField,
    value: Option<String>,
    action: ServerAction<UpdateCustomer>,
    editing: RwSignal<Option<CustomerField>>,
) -> impl IntoView {
    let t = crate::staff::texts::t();
    let lang = crate::staff::texts::lang();
    let error = action_error(action);
    let value = value.unwrap_or_default();
    let label = (t.record().field)(field);
    let text_box = NodeRef::<html::Input>::new();
    let list = NodeRef::<html::Select>::new();
    // Where the click on Edit was, the cursor goes on: into the field it opened.
    Effect::new(move || {
        if let Some(input) = text_box.get() {
            let _ = input.focus();
        } else if let Some(select) = list.get() {
            let _ = select.focus();
        }
    });
    let input = if field.choices().is_empty() {
        view! { <input name="value" value=value aria-label=label node_ref=text_box /> }.into_any()
    } else {
        view! {
            <select name="value" aria-label=label node_ref=list>
                <option value="">"–"</option>
                {field.choices().iter().map(|c| view! {
                    <option value=*c selected=*c == value>{shown_value(t, lang, field, c)}</option>
                }).collect_view()}
            </select>
        }
        .into_any()
    };
    let cancel = move || {
        action.value().set(None);
        editing.set(None);
    };
    view! {
        <div on:keydown=move |ev| if ev.key() == "Escape" { cancel(); }>
            <ActionForm action attr:class="inline-edit">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="field" value=field.column() />
                {input}
                <FormError error field=Field::Text />
                <FormError error field=Field::Email />
                <label class="inline hint">
                    <input type="checkbox" name="requested" value="true" />
                    {t.record().requested}
                </label>
                <span class="row">
                    <button type="submit" class="small">{t.record().save}</button>
                    <button type="button" class="secondary small" on:click=move |_| cancel()>{t.record().cancel}</button>
                </span>
            </ActionForm>
        </div>
    }
}

#[component]
pub(super) fn Tags(id: i64, tags: Vec<String>, may_edit: bool, changed: RwSignal<u32>) -> impl IntoView {
    let t = crate::staff::texts::t().record();
    let action = ServerAction::<TagCustomer>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>{t.tags}</h2>
        {tags.is_empty().then(|| view! { <p class="empty">{t.no_tags}</p> })}
        <ul class="tags">
            {tags.into_iter().map(|tag| {
                let untag = tag.clone();
                view! {
                    <li class="badge none">{tag.clone()}
                        {may_edit.then(|| view! {
                            <button type="button" class="link" aria-label=(t.remove_tag)(&tag)
                                on:click=move |_| { action.dispatch(TagCustomer { id, tag: untag.clone(), on: false }); }>"×"</button>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {may_edit.then(|| view! {
            <ActionForm action attr:class="row">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="on" value="true" />
                <input name="tag" placeholder=t.new_tag aria-label=t.new_tag required />
                <button type="submit" class="small">{t.add_tag}</button>
            </ActionForm>
        })}
        <FormError error />
    }
}
