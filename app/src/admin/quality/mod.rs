//! Data quality: customers whose email or phone does not parse, who have neither, whose
//! name is in capitals, whose address lacks a postcode, or who have no consent record at
//! all; each listed with the field to fix in place (saved through `update_customer`, so
//! the record's history keeps the change).

mod names;

pub use names::{in_capitals, title_case};

use crate::admin::record::UpdateCustomer;
use crate::admin::segments::site_from_query;
use crate::domain::CustomerField;
use crate::error::AppError;
use crate::staff::ui::ErrorLine;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The checks' codes, in the order the page lists them (their titles are in the admin's
/// catalogue, `staff::texts::quality`).
pub const CHECKS: [&str; 6] = ["invalid_email", "invalid_phone", "no_contact", "capitals", "no_postcode", "no_consent"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flagged {
    pub id: i64,
    pub name: String,
    /// The field to fix here, and its value now; `None` when the fix is elsewhere.
    pub field: Option<CustomerField>,
    pub value: String,
    /// What the page proposes (names in title case), if anything.
    pub proposal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quality {
    /// How many customers each check flags, in `CHECKS` order.
    pub counts: Vec<i64>,
    /// The first flagged customers of the chosen check.
    pub rows: Vec<Flagged>,
}

/// Rows listed per check.
pub const SHOWN: usize = 100;

#[server(prefix = "/api/admin", endpoint = "data_quality")]
pub async fn data_quality(site: String, check: String) -> Result<Quality, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Email, Phone};
            use sqlx::Row;
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let rows = sqlx::query(
                "SELECT id, first_name, last_name, email, phone, street, postcode,
                        NOT EXISTS (SELECT 1 FROM consents WHERE customer_id = c.id) AS no_consent
                 FROM customers c WHERE site_id = $1 ORDER BY id",
            )
            .bind(site)
            .fetch_all(&pool)
            .await?;
            let mut counts = vec![0i64; CHECKS.len()];
            let mut shown = Vec::new();
            for r in rows {
                let id: i64 = r.get("id");
                let (first, last) = (pool.opened_text(&r, "first_name")?, pool.opened_text(&r, "last_name")?);
                let (email, phone) = (pool.opened(&r, "email")?, pool.opened(&r, "phone")?);
                let name = format!("{first} {last}").trim().to_owned();
                let flags: [Option<Flagged>; 6] = [
                    email.as_ref().filter(|e| Email::parse(e).is_err()).map(|e| Flagged {
                        id,
                        name: name.clone(),
                        field: Some(CustomerField::Email),
                        value: e.clone(),
                        proposal: None,
                    }),
                    phone.as_ref().filter(|p| Phone::parse(p).is_err()).map(|p| Flagged {
                        id,
                        name: name.clone(),
                        field: Some(CustomerField::Phone),
                        value: p.clone(),
                        proposal: None,
                    }),
                    (email.is_none() && phone.is_none()).then(|| Flagged {
                        id,
                        name: name.clone(),
                        field: Some(CustomerField::Email),
                        value: String::new(),
                        proposal: None,
                    }),
                    [(CustomerField::FirstName, &first), (CustomerField::LastName, &last)]
                        .into_iter()
                        .find(|(_, n)| in_capitals(n))
                        .map(|(field, n)| Flagged {
                            id,
                            name: name.clone(),
                            field: Some(field),
                            value: n.clone(),
                            proposal: Some(title_case(n)),
                        }),
                    {
                        let street = pool.opened_text(&r, "street")?;
                        let postcode: String = r.get("postcode");
                        (!street.trim().is_empty() && postcode.trim().is_empty()).then(|| Flagged {
                            id,
                            name: name.clone(),
                            field: Some(CustomerField::Postcode),
                            value: String::new(),
                            proposal: None,
                        })
                    },
                    r.get::<crate::db::Flag, _>("no_consent").0.then(|| Flagged {
                        id,
                        name: name.clone(),
                        field: None,
                        value: String::new(),
                        proposal: None,
                    }),
                ];
                for (i, flag) in flags.into_iter().enumerate() {
                    if let Some(flag) = flag {
                        counts[i] += 1;
                        if CHECKS[i] == check && shown.len() < SHOWN {
                            shown.push(flag);
                        }
                    }
                }
            }
            Ok(Quality { counts, rows: shown })
        }
        .await,
    )
}

#[component]
pub fn QualityPage() -> impl IntoView {
    let site = site_from_query();
    let check = RwSignal::new(CHECKS[0].to_string());
    let save = ServerAction::<UpdateCustomer>::new();
    let quality =
        Resource::new(move || (site.get(), check.get(), save.version().get()), |(s, c, _)| data_quality(s, c));
    let t = crate::staff::texts::t();
    let w = t.quality();
    view! {
        <section class="quality">
            <h1>{t.frame().quality}</h1>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            <Transition fallback=move || view! { <p>{w.checking}</p> }>
                {move || Suspend::new(async move {
                    match quality.await {
                        Ok(q) => view! {
                            <ul class="checks">
                                {CHECKS.iter().zip(q.counts.iter()).map(|(code, n)| {
                                    let active = check.get_untracked() == *code;
                                    view! {
                                        <li data-check=*code class:active=active>
                                            <button type="button" class="link" on:click=move |_| check.set(code.to_string())>{(w.check)(code)}</button>
                                            <span class="count">{*n}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {if q.rows.is_empty() {
                                // Name the check: "nothing to fix" beside a count elsewhere read
                                // as if the whole page were clean.
                                let title = (w.check)(&check.get_untracked());
                                let elsewhere: i64 = q.counts.iter().sum();
                                view! {
                                    <p class="empty">
                                        {(w.nothing_under)(title)}
                                        {(elsewhere > 0).then(|| format!(" {}", w.others_have))}
                                    </p>
                                }.into_any()
                            } else {
                                view! {
                                    <table class="customers flagged">
                                        <tbody>
                                            {q.rows.into_iter().map(|f| view! { <FlaggedRow f save /> }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One flagged customer: the field with its value, editable, saved on Enter or "Save".
#[component]
fn FlaggedRow(f: Flagged, save: ServerAction<UpdateCustomer>) -> impl IntoView {
    let id = f.id;
    let t = crate::staff::texts::t();
    let link = view! { <a href=format!("/admin/customers/{id}")>{if f.name.is_empty() { format!("#{id}") } else { f.name.clone() }}</a> };
    let Some(field) = f.field else {
        return view! { <tr data-customer=id><td>{link}</td><td colspan="2">{t.quality().ask_consent}</td></tr> }
            .into_any();
    };
    let value = RwSignal::new(f.proposal.clone().unwrap_or_else(|| f.value.clone()));
    view! {
        <tr data-customer=id>
            <td>{link}</td>
            <td>{(t.record().field)(field)} {(!f.value.is_empty()).then(|| view! { <span class="muted">" " {(t.quality().now)(&f.value)}</span> })}</td>
            <td>
                <form class="row" on:submit=move |ev| {
                    ev.prevent_default();
                    save.dispatch(UpdateCustomer { id, field, value: value.get_untracked(), requested: false });
                }>
                    <input aria-label=(t.quality().field_of)((t.record().field)(field), id) prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                    <button type="submit" class="small">{t.record().save}</button>
                </form>
            </td>
        </tr>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use crate::staff::texts::{Lang, of};

    #[test]
    fn every_check_has_a_title_in_every_language() {
        for lang in Lang::ALL {
            for check in super::CHECKS {
                assert!(!(of(lang).quality().check)(check).is_empty(), "{} {check}", lang.code());
            }
        }
    }
}
