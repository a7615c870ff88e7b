//! The Products page: a site's products by name, searchable, a page at a time; managers
//! add and change them, archive them and offer them again.

mod api;

pub use api::*;

use crate::domain::Field;
use crate::products::{Product, Shown};
use crate::staff::form_error::FormError;
use crate::staff::texts::t;
use crate::staff::ui::{ErrorLine, action_error, query_value, reload_after};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProductsPage() -> impl IntoView {
    let t = t();
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
            <h1>{t.products().title}</h1>
            {move || archive.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
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
    let t = t();
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
        t.products().no_match
    } else if archived {
        t.products().no_archived
    } else {
        t.products().none_yet
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
                        <summary>{t.products().add}</summary>
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
            <input type="search" name="q" placeholder=t.products().search_placeholder aria-label=t.products().search_label prop:value=search.clone() />
            <button type="submit">{t.products().search}</button>
        </Form>
        <nav class="tabs" aria-label=t.products().tabs_label>
            <a href=link(1, false) aria-current=(!archived).then_some("page")>{t.products().offered}</a>
            <a href=link(1, true) aria-current=archived.then_some("page")>{t.products().archived}</a>
        </nav>
        {editor}
        {rows.is_empty().then(|| view! { <p class="empty">{empty}</p> })}
        {(!rows.is_empty()).then(|| {
            let site = site.clone();
            view! {
                <table class="customers products">
                    <thead><tr>
                        <th>{t.products().sku}</th><th>{t.products().name}</th><th>{t.products().category}</th>
                        <th>{t.products().price}</th><th>{t.products().expected}</th><th></th>
                    </tr></thead>
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
                                    <td>{p.stock_expected.as_deref().map(crate::staff::ui::short_time)}</td>
                                    <td class="actions">
                                        <button type="button" class="small secondary"
                                            on:click=move |_| editing.set(Some(edited.clone()))>{t.products().edit}</button>
                                        <button type="button" class="small secondary"
                                            on:click=move |_| { archive.dispatch(ArchiveProduct { site: site.clone(), sku: sku.clone(), archived: !p.archived }); }>
                                            {if p.archived { t.products().offer_again } else { t.products().archive }}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })}
        <nav class="pager" aria-label=t.products().pages>
            <span>{(t.products().count)(v.total, v.page, last_page)}</span>
            {(v.page > 1).then(|| view! { <a href=link(v.page - 1, archived) rel="prev">{t.products().previous}</a> })}
            {(v.page < last_page).then(|| view! { <a href=link(v.page + 1, archived) rel="next">{t.products().next}</a> })}
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
    let t = t();
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
    let title = if create { t.products().new_product.to_owned() } else { (t.products().change)(&p.sku) };
    view! {
        <ActionForm action=save attr:class="stacked product-form" attr:id=if create { "new-product" } else { "edit-product" }>
            <h2>{title}</h2>
            <input type="hidden" name="site" value=site />
            <input type="hidden" name="create" value=create.to_string() />
            <label>{t.products().sku_hint}
                <input name="form[sku]" value=p.sku.clone() required readonly=!create maxlength="64" autocomplete="off" />
            </label>
            <FormError error field=Field::Item />
            <label>{t.products().name} " " <input name="form[name]" value=p.name.clone() required maxlength="200" /></label>
            <FormError error field=Field::ProductName />
            {languages.into_iter().map(|language| {
                let value = p.names.iter().find(|(l, _)| *l == language).map(|(_, n)| n.clone()).unwrap_or_default();
                view! {
                    <label>{(t.products().name_in)(&language_name(&language))}
                        <input name=format!("form[names][{language}]") value=value maxlength="200" />
                    </label>
                }
            }).collect_view()}
            <FormError error field=Field::Language />
            <label>{(t.products().price_in)(&currency)}
                <input name="form[price]" value=price required inputmode="decimal" placeholder="4.60" />
            </label>
            <FormError error field=Field::UnitPrice />
            <label>{t.products().category_optional} " " <input name="form[category]" value=p.category.clone() maxlength="80" /></label>
            <FormError error field=Field::Category />
            <label>{t.products().image_optional} " " <input name="form[image_url]" type="url" value=p.image_url.clone() placeholder="https://" /></label>
            <FormError error field=Field::ImageUrl />
            <label>{t.products().expected_hint}
                <input name="form[stock_expected]" type="date" value=p.stock_expected.clone().unwrap_or_default() />
            </label>
            <FormError error field=Field::StockExpected />
            <FormError error />
            <div class="row">
                <button type="submit">{if create { t.products().add_product } else { t.products().save }}</button>
                {(!create).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| editing.set(None)>{t.products().cancel}</button>
                })}
            </div>
        </ActionForm>
    }
}

/// The own name of a language code Patron ships (Nederlands), else the code.
pub(crate) fn language_name(code: &str) -> String {
    crate::widgets::texts::Lang::from_code(code).map_or_else(|| code.to_owned(), |l| l.name().to_owned())
}
