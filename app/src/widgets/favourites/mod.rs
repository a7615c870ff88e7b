//! Favourites: a save button on each product card, and the list of what this visitor saved.
//! Anonymous visitors' saves live in their browser; once they identify, they reach their
//! customer record (see `identity`).

mod api;

pub use api::{SavedItems, SavedQuery, SetFavourite, saved_items, set_favourite};

use crate::widgets::texts::Lang;
use crate::widgets::ui::fetched;
use crate::widgets::visitor;
use leptos::prelude::*;

/// `data-patron="favourite" data-item="SKU"`: a heart that saves or un-saves the item.
#[component]
pub fn FavouriteButton(lang: Lang, site: &'static str, sku: String) -> impl IntoView {
    let t = lang.texts();
    let saved_list = visitor::saved_items(site);
    let is_saved = {
        let sku = sku.clone();
        Memo::new(move |_| saved_list.with(|l| l.contains(&sku)))
    };
    let is_saved = move || is_saved.get();
    let sync = Action::new_local(move |args: &(String, bool, String)| {
        let (sku, saved, token) = args.clone();
        set_favourite(sku, saved, token)
    });
    // Every save is checked by the server (an anonymous visitor's is stored only here, but
    // the site must allow this page and know the item): a refused one is undone and said,
    // never shown as saved.
    let refused = RwSignal::new(false);
    {
        let sku = sku.clone();
        Effect::new(move |_| {
            if let Some(Err(_)) = sync.value().get() {
                visitor::toggle_saved(site, &sku);
                refused.set(true);
            }
        });
    }
    let on_click = move |_| {
        let now_saved = visitor::toggle_saved(site, &sku);
        sync.dispatch_local((sku.clone(), now_saved, visitor::token(site).unwrap_or_default()));
    };
    view! {
        <button type="button" class="patron-heart" aria-pressed=move || if is_saved() { "true" } else { "false" }
            on:click=on_click>
            <span aria-hidden="true">{move || if is_saved() { "♥" } else { "♡" }}</span>
            " "
            {move || if is_saved() { t.favourites().saved } else { t.save }}
        </button>
        <Show when=move || refused.get()>
            <p class="patron-alert" role="alert">{t.unavailable}</p>
        </Show>
    }
}

/// `data-patron="favourites-list"`: what this visitor saved, on this browser and (once
/// known) on their record.
#[component]
pub fn FavouritesList(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let saved_list = visitor::saved_items(site);
    let items = fetched(move || {
        let query = SavedQuery { skus: saved_list.get(), visitor: visitor::token(site).unwrap_or_default() };
        saved_items(query)
    });
    view! {
        <section class="patron-favourites">
            <p class="patron-question">{t.favourites().favourites_title}</p>
            {move || match items.get() {
                None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
                Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="patron-muted">{t.favourites().favourites_empty}</p> }.into_any(),
                Some(Ok(list)) => view! { <ItemList list lang /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ItemList(list: Vec<crate::widgets::catalogue::ItemView>, lang: Lang) -> impl IntoView {
    view! {
        <ul class="patron-saved">
            {list.into_iter().map(|item| {
                let (price, name) = (item.price_in(lang), item.name_in(lang).to_owned());
                view! { <li data-item=item.sku><span>{name}</span><span class="patron-muted">{price}</span></li> }
            }).collect_view()}
        </ul>
    }
}
