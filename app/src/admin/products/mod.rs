//! The Products page: a site's products by name, searchable, a page at a time; managers
//! add and change them, archive them and offer them again.

mod api;

pub use api::*;

use crate::domain::Field;
use crate::products::{Product, Shown};
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, query_value, reload_after};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProductsPage() -> impl IntoView {
    let query = use_query_map();
    let site = move || query.read().get("site").unwrap_or_default();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(1);
    let shown =
        move || if query.read().get("archived").as_deref() == Some("1") { Shown::Archived } else { Shown::Offered };
    let changed = RwSignal::new(0u32);
    let list = Resource::new(
        move || (site(), search(), page(), shown(), changed.get()),
        |(site, q, page, shown, _)| products_page(site, q, page, shown),
    );
    let editing = RwSignal::new(None::<Product>);
    let save = ServerAction::<SaveProduct>::new();
    let archive = ServerAction::<ArchiveProduct>::new();
    reload_after(save, changed);
    reload_after(archive, changed);
    Effect::new(move || {
        if matches!(save.value().get(), Some(Ok(()))) {
            editing.set(None);
        }
    });
    view! {
        <section class="products">
            <h1>"Products"</h1>
            {move || archive.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(v) => view! { <Products v search=search() shown=shown() editing save archive /> }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Products(
    v: ProductsView,
    search: String,
    shown: Shown,
    editing: RwSignal<Option<Product>>,
    save: ServerAction<SaveProduct>,
    archive: ServerAction<ArchiveProduct>,
) -> impl IntoView {
    let site = v.site.clone();
    let last_page = ((v.total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE)).max(1) as u32;
    let archived = shown == Shown::Archived;
    let link = {
        let (site, search) = (site.clone(), search.clone());
        move |page: u32, archived: bool| {
            let q = if search.is_empty() { String::new() } else { format!("&q={}", query_value(&search)) };
            format!("?site={}&page={page}{q}{}", query_value(&site), if archived { "&archived=1" } else { "" })
        }
    };
    let empty = if !search.is_empty() {
        "No product matches this search."
    } else if archived {
        "No archived products."
    } else {
        "No products yet: add the first below, or import them from a CSV file."
    };
    let (languages, currency, money) = (v.languages.clone(), v.money.currency.clone(), v.money.clone());
    let rows = v.rows.clone();
    // The site is the one chosen in the admin's frame (or named by the link).
    let site_choice = view! { <input type="hidden" name="site" value=site.clone() /> };
    let editor = {
        let site = site.clone();
        move || {
            let (site, languages, currency) = (site.clone(), languages.clone(), currency.clone());
            match editing.get() {
                Some(p) => view! { <Editor site languages currency product=Some(p) save editing /> }.into_any(),
                None => view! {
                    <details class="add">
                        <summary>"Add a product"</summary>
                        <Editor site languages currency product=None save editing />
                    </details>
                }
                .into_any(),
            }
        }
    };
    view! {
        <Form method="GET" action="" attr:class="row">
            {site_choice}
            {archived.then(|| view! { <input type="hidden" name="archived" value="1" /> })}
            <input type="search" name="q" placeholder="SKU, name or category" aria-label="Search products" prop:value=search.clone() />
            <button type="submit">"Search"</button>
        </Form>
        <nav class="tabs" aria-label="Offered or archived">
            <a href=link(1, false) aria-current=(!archived).then_some("page")>"Offered"</a>
            <a href=link(1, true) aria-current=archived.then_some("page")>"Archived"</a>
        </nav>
        {editor}
        {rows.is_empty().then(|| view! { <p class="empty">{empty}</p> })}
        {(!rows.is_empty()).then(|| {
            let site = site.clone();
            view! {
                <table class="customers products">
                    <thead><tr><th>"SKU"</th><th>"Name"</th><th>"Category"</th><th>"Price"</th><th>"Expected"</th><th></th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|p| {
                            let (site, sku) = (site.clone(), p.sku.clone());
                            let edited = p.clone();
                            let names = p.names.iter().map(|(l, n)| format!("{l}: {n}")).collect::<Vec<_>>().join(" · ");
                            view! {
                                <tr data-sku=p.sku.clone()>
                                    <td><code>{p.sku.clone()}</code></td>
                                    <td>{p.name.clone()} {(!names.is_empty()).then(|| view! { <br /><small>{names}</small> })}</td>
                                    <td>{p.category.clone()}</td>
                                    <td class="number">{money.format_in(p.price, &p.currency)}</td>
                                    <td>{p.stock_expected.clone()}</td>
                                    <td class="actions">
                                        <button type="button" class="small secondary"
                                            on:click=move |_| editing.set(Some(edited.clone()))>"Edit"</button>
                                        <button type="button" class="small secondary"
                                            on:click=move |_| { archive.dispatch(ArchiveProduct { site: site.clone(), sku: sku.clone(), archived: !p.archived }); }>
                                            {if p.archived { "Offer again" } else { "Archive" }}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })}
        <nav class="pager" aria-label="Pages">
            <span>{format!("{} products · page {} of {}", v.total, v.page, last_page)}</span>
            {(v.page > 1).then(|| view! { <a href=link(v.page - 1, archived) rel="prev">"← Previous"</a> })}
            {(v.page < last_page).then(|| view! { <a href=link(v.page + 1, archived) rel="next">"Next →"</a> })}
        </nav>
    }
}

/// The form of a new product (`product` none) or of one being changed (its SKU fixed).
#[component]
fn Editor(
    site: String,
    languages: Vec<String>,
    currency: String,
    product: Option<Product>,
    save: ServerAction<SaveProduct>,
    editing: RwSignal<Option<Product>>,
) -> impl IntoView {
    let error = action_error(save);
    let create = product.is_none();
    let p = product.unwrap_or_else(|| Product {
        id: 0,
        sku: String::new(),
        name: String::new(),
        names: Vec::new(),
        price: crate::domain::Minor(0),
        currency: currency.clone(),
        category: String::new(),
        image_url: String::new(),
        stock_expected: None,
        archived: false,
    });
    let price = if create { String::new() } else { p.price.plain() };
    let title = if create { "New product".to_owned() } else { format!("Change {}", p.sku) };
    view! {
        <ActionForm action=save attr:class="stacked product-form" attr:id=if create { "new-product" } else { "edit-product" }>
            <h2>{title}</h2>
            <input type="hidden" name="site" value=site />
            <input type="hidden" name="create" value=create.to_string() />
            <label>"SKU (your code for it; it cannot change later)"
                <input name="form[sku]" value=p.sku.clone() required readonly=!create maxlength="64" autocomplete="off" />
            </label>
            <FormError error field=Field::Item />
            <label>"Name" <input name="form[name]" value=p.name.clone() required maxlength="200" /></label>
            <FormError error field=Field::ProductName />
            {languages.into_iter().map(|language| {
                let value = p.names.iter().find(|(l, _)| *l == language).map(|(_, n)| n.clone()).unwrap_or_default();
                view! {
                    <label>{format!("Name in {}", language_name(&language))}
                        <input name=format!("form[names][{language}]") value=value maxlength="200" />
                    </label>
                }
            }).collect_view()}
            <FormError error field=Field::Language />
            <label>{format!("Price ({currency})")}
                <input name="form[price]" value=price required inputmode="decimal" placeholder="4.60" />
            </label>
            <FormError error field=Field::UnitPrice />
            <label>"Category (optional)" <input name="form[category]" value=p.category.clone() maxlength="80" /></label>
            <FormError error field=Field::Category />
            <label>"Image address (optional)" <input name="form[image_url]" type="url" value=p.image_url.clone() placeholder="https://" /></label>
            <FormError error field=Field::ImageUrl />
            <label>"Expected in stock on (leave empty when in stock; customers can reserve it meanwhile)"
                <input name="form[stock_expected]" type="date" value=p.stock_expected.clone().unwrap_or_default() />
            </label>
            <FormError error field=Field::StockExpected />
            <FormError error />
            <div class="row">
                <button type="submit">{if create { "Add the product" } else { "Save" }}</button>
                {(!create).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
                })}
            </div>
        </ActionForm>
    }
}

/// The English name of a language code Patron ships, else the code.
fn language_name(code: &str) -> String {
    crate::widgets::texts::Lang::from_code(code).map_or_else(|| code.to_owned(), |l| l.name().to_owned())
}
