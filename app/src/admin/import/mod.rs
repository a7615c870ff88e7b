//! CSV import of customers, products and past purchases: upload, map columns to fields,
//! a dry run listing every bad row by line number (and handing them back as CSV to fix),
//! then the import of the file, or of its valid rows, with a progress bar. Importing a
//! file again changes nothing: customers are matched by email, else phone; products by
//! SKU; purchases by order number.

#[cfg(feature = "ssr")]
mod address;
mod api;
#[cfg(feature = "ssr")]
mod csv_pieces;
#[cfg(feature = "ssr")]
mod customers_db;
#[cfg(feature = "ssr")]
mod customers_file;
#[cfg(feature = "ssr")]
pub mod db;
mod headers;
mod kind;
#[cfg(feature = "ssr")]
mod products;
#[cfg(feature = "ssr")]
mod purchases;
#[cfg(feature = "ssr")]
mod purchases_db;
#[cfg(feature = "ssr")]
mod reading;
pub mod rows;
#[cfg(feature = "ssr")]
mod upload;

pub use api::*;
pub use kind::ImportKind;

use crate::admin::segments::site_from_query;
use crate::domain::RowProblem;
use crate::error::AppError;
use crate::staff::texts::{AdminTexts, t};
use crate::staff::ui::ErrorLine;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A problem as the page lists it: "Line 7 · Email: This does not look like an email address."
fn problem_line(t: &AdminTexts, p: &RowProblem) -> String {
    (t.import().line)(p.row, kind::field_name(t, p.field), &t.problem(p.problem))
}

/// A link that downloads `csv` as a file, made in the browser from what the dry run sent.
fn csv_link(csv: &str) -> String {
    let encoded = percent_encoding::utf8_percent_encode(csv, percent_encoding::NON_ALPHANUMERIC);
    format!("data:text/csv;charset=utf-8,{encoded}")
}

/// The file the input holds: its name and text.
#[cfg(feature = "hydrate")]
async fn read_file(input: &web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some((file.name(), text))
}

/// Uploads `text` in pieces; the new import's id.
#[cfg(feature = "hydrate")]
async fn upload(site: String, kind: ImportKind, name: String, text: String) -> Result<i64, AppError> {
    let id = start_import(site.clone(), kind.code().to_owned(), name).await?;
    // Cut at character boundaries, without a copy of the file (a million rows are ~75 MB).
    let mut start = 0;
    for (n, (i, _)) in text.char_indices().enumerate() {
        if n > 0 && n % PIECE_CHARS == 0 {
            append_import(site.clone(), id, text[start..i].to_owned()).await?;
            start = i;
        }
    }
    if start < text.len() {
        append_import(site.clone(), id, text[start..].to_owned()).await?;
    }
    Ok(id)
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let site = site_from_query();
    let query = use_query_map();
    let kind = Memo::new(move |_| query.read().get("kind").and_then(|k| ImportKind::from_code(&k)).unwrap_or_default());
    let import = RwSignal::new(None::<i64>);
    let preview = RwSignal::new(None::<Preview>);
    let mapping = RwSignal::new(Vec::<String>::new());
    let dry = RwSignal::new(None::<DryRun>);
    let status = RwSignal::new(None::<ImportProgress>);
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let fail = move |e: AppError| {
        error.set(Some(e));
        busy.set(false);
    };

    let on_file = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = _ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            leptos::task::spawn_local(async move {
                error.set(None);
                dry.set(None);
                status.set(None);
                preview.set(None);
                busy.set(true);
                let Some((name, text)) = read_file(&input).await else { return fail(AppError::NotFound) };
                let site = site.get_untracked();
                let id = match upload(site.clone(), kind.get_untracked(), name, text).await {
                    Ok(id) => id,
                    Err(e) => return fail(e),
                };
                match preview_import(site, id).await {
                    Ok(p) => {
                        mapping.set(p.suggested.clone());
                        preview.set(Some(p));
                        import.set(Some(id));
                        busy.set(false);
                    }
                    Err(e) => fail(e),
                }
            });
        }
    };
    let mapping_json = move || serde_json::to_string(&mapping.get_untracked()).unwrap_or_default();
    let check = move |_| {
        let Some(id) = import.get_untracked() else { return };
        let (site, json) = (site.get_untracked(), mapping_json());
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match check_import(site, id, json).await {
                Ok(d) => {
                    dry.set(Some(d));
                    busy.set(false);
                }
                Err(e) => fail(e),
            }
        });
    };
    let run = move |valid_only: bool| {
        let Some(id) = import.get_untracked() else { return };
        let (site, json) = (site.get_untracked(), mapping_json());
        busy.set(true);
        leptos::task::spawn_local(async move {
            if let Err(e) = run_import(site.clone(), id, json, valid_only).await {
                return fail(e);
            }
            // Follow the progress the server keeps in the database.
            let handle = StoredValue::new(None::<IntervalHandle>);
            let poll = move || {
                let site = site.clone();
                leptos::task::spawn_local(async move {
                    match import_status(site, id).await {
                        Ok(s) => {
                            let finished = s.status == "done" || s.status == "failed";
                            status.set(Some(s));
                            if finished {
                                if let Some(h) = handle.get_value() {
                                    h.clear();
                                }
                                busy.set(false);
                            }
                        }
                        Err(e) => fail(e),
                    }
                });
            };
            if let Ok(h) = set_interval_with_handle(poll, std::time::Duration::from_millis(200)) {
                handle.set_value(Some(h));
            }
        });
    };

    // A new kind starts over.
    Effect::new(move |_| {
        kind.track();
        import.set(None);
        preview.set(None);
        dry.set(None);
        status.set(None);
        error.set(None);
    });
    let site_query = move || site.get();
    let t = t();
    let w = t.import();

    view! {
        <section class="import">
            <h1>{move || kind.get().words(w).title}</h1>
            <nav class="tabs" aria-label=w.kinds>
                {ImportKind::ALL.into_iter().map(|k| view! {
                    <a href=move || format!("/admin/import?kind={}&site={}", k.code(), site_query())
                        aria-current=move || (kind.get() == k).then_some("page")>{k.words(w).title}</a>
                }).collect_view()}
            </nav>
            <p class="muted">{move || kind.get().words(w).explained}</p>
            <label class="row">{w.file}" " <input type="file" accept=".csv,text/csv" aria-label=w.file on:change=on_file /></label>
            {move || error.get().map(|error| match error {
                AppError::InvalidRows(problems) => view! {
                    <ul class="form-error" role="alert">{problems.iter().map(|p| view! { <li>{problem_line(t, p)}</li> }).collect_view()}</ul>
                }.into_any(),
                error => view! { <ErrorLine error /> }.into_any(),
            })}
            {move || preview.get().map(|p| {
                let targets = p.targets.clone();
                let kind = kind.get_untracked();
                view! {
                    <h2>{(w.map_rows)(p.total_rows)}</h2>
                    <table class="customers mapping">
                        <thead><tr><th>{w.column}</th><th>{w.import_as}</th><th>{w.first_rows}</th></tr></thead>
                        <tbody>
                            {p.columns.iter().enumerate().map(|(i, column)| {
                                let current = mapping.with_untracked(|m| m.get(i).cloned().unwrap_or_default());
                                let samples = p.rows.iter().filter_map(|r| r.get(i).cloned()).filter(|s| !s.is_empty()).take(3).collect::<Vec<_>>().join(" · ");
                                view! {
                                    <tr>
                                        <td>{column.clone()}</td>
                                        <td>
                                            <select aria-label=(w.import_column_as)(column) on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                mapping.update(|m| if let Some(slot) = m.get_mut(i) { *slot = v; });
                                                dry.set(None);
                                            }>
                                                {targets.iter().map(|code| view! {
                                                    <option value=code.clone() selected=*code == current>{kind::target_name(t, kind, code)}</option>
                                                }).collect_view()}
                                            </select>
                                        </td>
                                        <td class="muted">{samples}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="row">
                        <button type="button" on:click=check disabled=move || busy.get()>{w.check}</button>
                    </p>
                }
            })}
            {move || dry.get().map(|d| {
                let clean = d.problem_count == 0;
                let what = (kind.get_untracked().words(w).would)(d.created, d.updated, d.unchanged);
                let more = d.problem_count.saturating_sub(d.problems.len());
                view! {
                    <div class="dry-run" role="status">
                        <p>{what}
                            {(!clean).then(|| format!(" · {}", (w.problems)(d.problem_count)))}</p>
                        {(!clean).then(|| view! {
                            <ul class="problems">{d.problems.iter().map(|p| view! { <li data-line=p.row>{problem_line(t, p)}</li> }).collect_view()}</ul>
                            {(more > 0).then(|| view! { <p class="muted">{(w.more)(more)}</p> })}
                            <p class="row">
                                <a class="button" href=csv_link(&d.rejected_csv) download="rejected-rows.csv">{w.download_rejected}</a>
                                <button type="button" on:click=move |_| run(true) disabled=move || busy.get() || status.get().is_some()>{w.import_valid}</button>
                            </p>
                        })}
                        {clean.then(|| view! {
                            <button type="button" on:click=move |_| run(false) disabled=move || busy.get() || status.get().is_some()>{w.import}</button>
                        })}
                    </div>
                }
            })}
            {move || status.get().map(|s| view! {
                <div class="progress">
                    <progress max=s.total value=s.done aria-label=w.progress></progress>
                    <span role="status" data-status=s.status.clone()>{match s.status.as_str() {
                        "done" => done_line(t, kind.get_untracked(), &s),
                        "failed" => w.failed.to_owned(),
                        _ => (w.rows_done)(s.done, s.total),
                    }}</span>
                </div>
            })}
        </section>
    }
}

/// What a finished import did, and the rows it left out.
fn done_line(t: &AdminTexts, kind: ImportKind, s: &ImportProgress) -> String {
    let done = (kind.words(t.import()).done)(s.created, s.updated, s.unchanged);
    if s.skipped > 0 { format!("{done} {}", (t.import().skipped)(s.skipped)) } else { done }
}
