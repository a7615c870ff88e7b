//! CSV import of customers: upload, map columns to fields, a dry run listing every bad row
//! by line number, then the import with a progress bar. Rows are matched to customers by
//! email, else phone, so importing a file again changes nothing.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod rows;

pub use api::*;

use crate::admin::segments::{SiteForm, site_from_query};
use crate::domain::{Field, RowProblem};
use crate::error::AppError;
use crate::staff::ui::ErrorLine;
use leptos::prelude::*;

/// A problem as the page lists it: "Line 7 · Email: This does not look like an email address."
fn problem_line(p: &RowProblem) -> String {
    let field = match p.field {
        Field::Customer(f) => f.label().to_owned(),
        Field::Tags => "Tags".into(),
        _ => "Row".into(),
    };
    format!("Line {} · {field}: {}", p.row, p.problem)
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
async fn upload(site: String, name: String, text: String) -> Result<i64, AppError> {
    let id = start_import(site.clone(), name).await?;
    let chars: Vec<char> = text.chars().collect();
    for piece in chars.chunks(PIECE_CHARS) {
        append_import(site.clone(), id, piece.iter().collect()).await?;
    }
    Ok(id)
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let site = site_from_query();
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
                let id = match upload(site.clone(), name, text).await {
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
    let run = move |_| {
        let Some(id) = import.get_untracked() else { return };
        let (site, json) = (site.get_untracked(), mapping_json());
        busy.set(true);
        leptos::task::spawn_local(async move {
            if let Err(e) = run_import(site.clone(), id, json).await {
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
    let targets = rows::targets();

    view! {
        <section class="import">
            <h1>"Import customers"</h1>
            <SiteForm site />
            <p class="muted">"A CSV file with a header row, comma- or semicolon-separated. Each row needs an email or a phone: "
                "a customer with that email (or else phone) is updated where the file differs, anyone else is added. "
                "Importing the same file again changes nothing."</p>
            <label class="row">"CSV file " <input type="file" accept=".csv,text/csv" aria-label="CSV file" on:change=on_file /></label>
            {move || error.get().map(|error| match error {
                AppError::InvalidRows(problems) => view! {
                    <ul class="form-error" role="alert">{problems.iter().map(|p| view! { <li>{problem_line(p)}</li> }).collect_view()}</ul>
                }.into_any(),
                error => view! { <ErrorLine error /> }.into_any(),
            })}
            {move || preview.get().map(|p| {
                let targets = targets.clone();
                view! {
                    <h2>{format!("{} rows · map the columns", p.total_rows)}</h2>
                    <table class="customers mapping">
                        <thead><tr><th>"Column"</th><th>"Import as"</th><th>"First rows"</th></tr></thead>
                        <tbody>
                            {p.columns.iter().enumerate().map(|(i, column)| {
                                let current = mapping.with_untracked(|m| m.get(i).cloned().unwrap_or_default());
                                let samples = p.rows.iter().filter_map(|r| r.get(i).cloned()).filter(|s| !s.is_empty()).take(3).collect::<Vec<_>>().join(" · ");
                                view! {
                                    <tr>
                                        <td>{column.clone()}</td>
                                        <td>
                                            <select aria-label=format!("Import column {column} as") on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                mapping.update(|m| if let Some(slot) = m.get_mut(i) { *slot = v; });
                                                dry.set(None);
                                            }>
                                                {targets.iter().map(|(code, label)| view! {
                                                    <option value=*code selected=*code == current>{*label}</option>
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
                        <button type="button" on:click=check disabled=move || busy.get()>"Check the file (dry run)"</button>
                    </p>
                }
            })}
            {move || dry.get().map(|d| {
                let clean = d.problems.is_empty();
                view! {
                    <div class="dry-run" role="status">
                        <p>{format!("{} new customers, {} updated, {} unchanged", d.created, d.updated, d.unchanged)}
                            {(!clean).then(|| format!(" · {} rows need correcting in the file first:", d.problems.len()))}</p>
                        {(!clean).then(|| view! {
                            <ul class="problems">{d.problems.iter().map(|p| view! { <li data-line=p.row>{problem_line(p)}</li> }).collect_view()}</ul>
                        })}
                        {clean.then(|| view! {
                            <button type="button" on:click=run disabled=move || busy.get() || status.get().is_some()>"Import"</button>
                        })}
                    </div>
                }
            })}
            {move || status.get().map(|s| view! {
                <div class="progress">
                    <progress max=s.total value=s.done aria-label="Import progress"></progress>
                    <span role="status" data-status=s.status.clone()>{match s.status.as_str() {
                        "done" => format!("Done: {} new, {} updated, {} unchanged.", s.created, s.updated, s.unchanged),
                        "failed" => "The import stopped; the rows before it are saved. Run it again: rows already in are not duplicated.".to_owned(),
                        _ => format!("{} of {} rows…", s.done, s.total),
                    }}</span>
                </div>
            })}
        </section>
    }
}
