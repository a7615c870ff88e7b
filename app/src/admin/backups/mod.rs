//! Backups: consistent copies of the whole database taken while the server keeps
//! writing (`VACUUM INTO`), the newest N kept in a directory. The owner sees when the
//! last one was taken and can take one now; `patron backup` and `patron restore` do the
//! same from the command line.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod files;

pub use api::*;

use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::prelude::*;

#[component]
pub fn BackupsPage() -> impl IntoView {
    let take = ServerAction::<StartBackup>::new();
    let list = Resource::new(move || take.version().get(), |_| list_backups());
    let take_error = action_error(take);
    let t = crate::staff::texts::t();
    let w = t.oversight();
    view! {
        <section class="backups">
            <h1>{w.backups_title}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let last = list.files.first().map(|f| f.taken_at.clone());
                    let overdue = list.overdue;
                    view! {
                        <p data-last-backup class:warning=overdue>
                            {match last {
                                Some(at) => (w.last_backup)(&short_time(&at)),
                                None => w.no_backup.to_owned(),
                            }}
                        </p>
                        <p class="hint">
                            {(w.kept_in)(&list.dir, list.keep)}
                        </p>
                        <table class="customers">
                            <thead><tr><th>{w.file}</th><th>{w.taken}</th><th class="number">{w.size}</th></tr></thead>
                            <tbody>
                                {list.files.into_iter().map(|f| view! {
                                    <tr data-backup=f.name.clone()>
                                        <td>{f.name.clone()}</td>
                                        <td>{short_time(&f.taken_at)}</td>
                                        <td class="number">{size(f.bytes)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Transition>
            <ActionForm action=take>
                <button type="submit" disabled=move || take.pending().get()>
                    {move || if take.pending().get() { w.backing_up } else { w.back_up_now }}
                </button>
            </ActionForm>
            {move || take_error.get().map(|error| view! { <ErrorLine error /> })}
        </section>
    }
}

/// Bytes as kB/MB for people.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 10 * 1024 * 1024 => format!("{} MB", b / (1024 * 1024)),
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b => format!("{} kB", b.div_ceil(1024)),
    }
}
