//! The product a warranty card is for: fixed when the page names it, picked from a list for
//! a small catalogue, searched for in a large one (the server lists at most `LISTED`).

use super::api::find_products;
use crate::domain::{Field, FieldErrors};
use crate::widgets::catalogue::ItemView;
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, fetched};
use leptos::prelude::*;
use std::time::Duration;

/// How long typing pauses before the search is sent: one request per pause, not per key.
const PAUSE: Duration = Duration::from_millis(350);

#[component]
pub fn ProductChoice(
    listed: Vec<ItemView>,
    searchable: bool,
    sku: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView {
    if listed.len() == 1 && !searchable {
        let name = listed[0].name_in(lang).to_owned();
        return view! {
            <div class="patron-field">
                <label for="product">{t.warranty().product}</label>
                <p id="product" class="patron-fixed">{name}</p>
                <FieldError id="item-error" field=Field::Item errors t />
            </div>
        }
        .into_any();
    }
    let query = RwSignal::new(String::new());
    let typed = RwSignal::new(String::new());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let found = fetched(move || {
        let query = query.get();
        async move { if query.is_empty() { Ok(None) } else { find_products(query).await.map(Some) } }
    });
    let shown = Memo::new(move |_| match found.get() {
        Some(Ok(Some(items))) if !query.with(String::is_empty) => items,
        _ => listed.clone(),
    });
    // The select shows its first option when the list changes: the chosen SKU follows.
    Effect::new(move || {
        let items = shown.get();
        if !items.iter().any(|i| sku.with_untracked(|s| *s == i.sku)) {
            sku.set(items.first().map(|i| i.sku.clone()).unwrap_or_default());
        }
    });
    let on_search = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || query.set(typed.get_untracked().trim().to_owned()), PAUSE).ok();
        pending.set_value(handle);
    };
    view! {
        {searchable.then(|| view! {
            <div class="patron-field">
                <label for="product-search">{t.warranty().find_product}</label>
                <input id="product-search" type="search" autocomplete="off" prop:value=typed on:input=on_search
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); } />
            </div>
        })}
        <div class="patron-field">
            <label for="product">{t.warranty().product}</label>
            <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! {
                <p id="product" class="patron-muted" role="status">{t.warranty().no_product_found}</p>
            }>
                <select id="product" aria-describedby="item-error" on:change=move |ev| sku.set(event_target_value(&ev))>
                    {move || shown.get().into_iter().map(|p| {
                        let selected = sku.with_untracked(|s| *s == p.sku);
                        view! { <option value=p.sku.clone() selected=selected>{p.name_in(lang).to_owned()}</option> }
                    }).collect_view()}
                </select>
            </Show>
            <FieldError id="item-error" field=Field::Item errors t />
        </div>
    }
    .into_any()
}
