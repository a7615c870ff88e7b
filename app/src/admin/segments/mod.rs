//! Segments: a filter builder over customer fields and behaviour, the matching count as
//! the filter changes, the matching customers sorted by any column, saved segments, and
//! what a segment feeds: tagging, CSV export, mailing labels. The dormant-customer list
//! is a segment of its own ("bought before, not in the last N days").

mod api;
#[cfg(feature = "ssr")]
pub mod db;
mod dormant;
pub mod export;
mod results;

pub use crate::segment_rules::DormantRule;
pub use api::*;

pub use dormant::DormantPage;
use results::{Matches, Paging, Results, SegmentActions};

use crate::domain::{Field, RowProblem};
use crate::error::AppError;
use crate::segment_rules::filter::{
    CONSENT_PURPOSES, Kind, MORE_SUBJECTS, NPS_CHOICES, RESERVATION_CHOICES, RawFilter, RawGroup, RawRule, SUBJECTS,
    kind_of,
};
use crate::staff::ui::{ErrorLine, short_time};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The site a segment page works on: `?site=` or the demo site.
pub(crate) fn site_from_query() -> Memo<String> {
    let query = use_query_map();
    // Blank: the site chosen in the admin's frame (`staff::guard::site_for`).
    Memo::new(move |_| query.read().get("site").unwrap_or_default())
}

fn to_json(filter: &RawFilter) -> String {
    serde_json::to_string(filter).unwrap_or_default()
}

#[component]
pub fn SegmentsPage() -> impl IntoView {
    let site = site_from_query();
    let filter = RwSignal::new(RawFilter { all: true, groups: vec![RawGroup { all: true, rules: vec![] }] });
    let saved_changed = RwSignal::new(0u32);
    let choices = Resource::new(move || site.get(), segment_choices);
    let saved = Resource::new(move || (site.get(), saved_changed.get()), |(s, _)| list_segments(s));
    let name = RwSignal::new(String::new());
    let save = ServerAction::<SaveSegment>::new();
    let delete = ServerAction::<DeleteSegment>::new();
    Effect::new(move || {
        if matches!(save.value().get(), Some(Ok(_))) || matches!(delete.value().get(), Some(Ok(_))) {
            saved_changed.update(|n| *n += 1);
        }
    });
    // Only a filter that parses goes to the server; the builder shows what is wrong.
    let json = Memo::new(move |_| filter.with(|f| f.parse().is_ok().then(|| to_json(f))));
    let paging = Paging::new("name", false);
    // A changed filter starts at its first page (not when the page is built: that would
    // fetch again the page the server just sent).
    Effect::watch(move || json.track(), move |_, _, _| paging.page.set(1), false);
    let matches: Matches = Resource::new(
        move || (site.get(), json.get(), paging.sort.get(), paging.page.get()),
        |(site, json, (sort, descending), page)| async move {
            match json {
                Some(json) => run_segment(site, json, sort, descending, page).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let t = crate::staff::texts::t();
    let w = t.segments();
    view! {
        <section class="segments">
            <h1>{w.title}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match saved.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{w.no_saved}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="saved-segments">
                                {list.into_iter().map(|s| {
                                    let raw = s.filter.clone();
                                    let seg_name = s.name.clone();
                                    view! {
                                        <li data-segment=s.name.clone()>
                                            <button type="button" class="link" on:click=move |_| {
                                                filter.set(raw.clone());
                                                name.set(seg_name.clone());
                                            }>{s.name.clone()}</button>
                                            <span class="muted">" " {(w.saved_at)(&short_time(&s.updated_at))}</span>
                                            <button type="button" class="danger small" aria-label=(w.delete_segment)(&s.name)
                                                on:click=move |_| { delete.dispatch(DeleteSegment { site: site.get_untracked(), id: s.id }); }>
                                                {w.delete}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <Builder filter choices />
            <form class="row" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveSegment { site: site.get_untracked(), name: name.get_untracked(), filter: to_json(&filter.get_untracked()) });
            }>
                <input aria-label=w.name_label placeholder=w.name_placeholder
                    prop:value=move || name.get() on:change=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit">{w.save}</button>
                {move || match save.value().get() {
                    Some(Ok(_)) => view! { <span class="ok" role="status">{w.saved}</span> }.into_any(),
                    Some(Err(AppError::Invalid(e))) => {
                        let why = e.iter().map(|(_, p)| t.problem(*p)).collect::<Vec<_>>().join(" ");
                        view! { <span class="form-error" role="alert">{why}</span> }.into_any()
                    }
                    Some(Err(error)) => view! { <ErrorLine error /> }.into_any(),
                    None => ().into_any(),
                }}
            </form>
            <Results matches paging />
            {move || json.get().map(|json| view! { <SegmentActions site=site.get() json /> })}
        </section>
    }
}

/// The rule groups. Every change replaces the filter signal; text values are taken when
/// the field is left (or Enter), so typing is never interrupted by a re-render.
#[component]
fn Builder(filter: RwSignal<RawFilter>, choices: Resource<Result<Choices, AppError>>) -> impl IntoView {
    let problems = Memo::new(move |_| filter.with(|f| f.parse().err().unwrap_or_default()));
    let edit = move |g: usize, r: usize, change: &dyn Fn(&mut RawRule)| {
        filter.update(|f| {
            if let Some(rule) = f.groups.get_mut(g).and_then(|group| group.rules.get_mut(r)) {
                change(rule);
            }
        })
    };
    let choices = move || choices.get().and_then(Result::ok).unwrap_or_default();
    let w = crate::staff::texts::t().segments();
    view! {
        <div class="builder">
            {move || {
                let f = filter.get();
                let several = f.groups.len() > 1;
                let mut number = 0;
                let groups = f.groups.iter().enumerate().map(|(g, group)| {
                    let rules = group.rules.iter().enumerate().map(|(r, rule)| {
                        number += 1;
                        let n = number;
                        let mine: Vec<RowProblem> = problems.get().into_iter().filter(|p| p.row == n).collect();
                        view! { <RuleRow g r n rule=rule.clone() problems=mine edit choices=choices() filter /> }
                    }).collect_view();
                    let all = group.all;
                    view! {
                        <fieldset class="group" data-group=g>
                            <legend>
                                {w.group_before} " "
                                <select aria-label=(w.group_matches)(g + 1)
                                    on:change=move |ev| { let v = event_target_value(&ev) == "all"; filter.update(|f| f.groups[g].all = v); }>
                                    <option value="all" selected=all>{w.all}</option>
                                    <option value="any" selected=!all>{w.any}</option>
                                </select>
                                " " {w.group_after}
                            </legend>
                            {rules}
                            <button type="button" class="small" on:click=move |_| filter.update(|f| f.groups[g].rules.push(
                                RawRule { what: "gender".into(), op: "is".into(), value: "female".into(), second: String::new() }))>
                                {w.add_rule}
                            </button>
                            {several.then(|| view! {
                                <button type="button" class="small danger" on:click=move |_| filter.update(|f| { f.groups.remove(g); })>
                                    {w.remove_group}
                                </button>
                            })}
                        </fieldset>
                    }
                }).collect_view();
                let all = f.all;
                view! {
                    {several.then(|| view! {
                        <p>
                            {w.groups_before} " "
                            <select aria-label=w.groups_match on:change=move |ev| { let v = event_target_value(&ev) == "all"; filter.update(|f| f.all = v); }>
                                <option value="all" selected=all>{w.all}</option>
                                <option value="any" selected=!all>{w.any}</option>
                            </select>
                            " " {w.groups_after}
                        </p>
                    })}
                    {groups}
                }
            }}
            <button type="button" on:click=move |_| filter.update(|f| f.groups.push(RawGroup { all: true, rules: vec![] }))>
                {w.add_group}
            </button>
        </div>
    }
}

#[component]
fn RuleRow(
    g: usize,
    r: usize,
    n: usize,
    rule: RawRule,
    problems: Vec<RowProblem>,
    edit: impl Fn(usize, usize, &dyn Fn(&mut RawRule)) + Copy + Send + Sync + 'static,
    choices: Choices,
    filter: RwSignal<RawFilter>,
) -> impl IntoView {
    let t = crate::staff::texts::t();
    let lang = crate::staff::texts::lang();
    let w = t.segments();
    let kind = kind_of(&rule.what);
    let problem_of = |field: Field| problems.iter().find(|p| p.field == field).map(|p| t.problem(p.problem));
    let subjects = SUBJECTS
        .iter()
        .chain(MORE_SUBJECTS.iter())
        .map(|(code, _)| {
            view! { <option value=*code selected=rule.what == *code>{subject_name(t, code)}</option> }
        })
        .collect_view();
    let ops = kind
        .map(|k| k.ops().iter().map(move |code| (k, *code)).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|(k, code)| {
            let name = match (w.op)(k, code) {
                "" => code,
                name => name,
            };
            view! { <option value=code selected=rule.op == code>{name}</option> }
        })
        .collect_view();
    let value_choices: Option<Vec<(String, String)>> = match kind {
        Some(Kind::Choice) => crate::domain::CustomerField::from_column(&rule.what).map(|f| {
            f.choices().iter().map(|c| (c.to_string(), crate::admin::record::shown_value(t, lang, f, c))).collect()
        }),
        Some(Kind::Nps) => Some(NPS_CHOICES.iter().map(|c| (c.to_string(), (w.nps)(c).to_string())).collect()),
        Some(Kind::Reservation) => Some(
            RESERVATION_CHOICES
                .iter()
                .map(|c| {
                    let name = if *c == "any" { w.any_state } else { (t.timeline().reservation_status)(c) };
                    (c.to_string(), name.to_string())
                })
                .collect(),
        ),
        Some(Kind::Consent) => {
            Some(CONSENT_PURPOSES.iter().map(|c| (c.to_string(), (t.record().purpose)(c).to_string())).collect())
        }
        Some(Kind::Code) => {
            let codes = if rule.what == "heard" { &choices.heard } else { &choices.reasons };
            let name =
                |c: &String| (lang.surveys().option)(c).map(str::to_owned).unwrap_or_else(|| c.replace('_', " "));
            Some(codes.iter().map(|c| (c.clone(), name(c))).collect())
        }
        Some(Kind::Item) if !choices.items_more => {
            Some(choices.items.iter().map(|(sku, name)| (sku.clone(), name.clone())).collect())
        }
        _ => None,
    };
    let no_value = matches!(rule.op.as_str(), "empty" | "not_empty" | "never" | "set" | "not_set");
    let value_type = match (kind, rule.op.as_str()) {
        (Some(Kind::Date | Kind::When), "before" | "after") => "date",
        (Some(Kind::When | Kind::Number | Kind::Count), _) => "number",
        _ => "text",
    };
    let value_input = if no_value {
        ().into_any()
    } else if let Some(options) = value_choices {
        let current = rule.value.clone();
        let has_current = options.iter().any(|(c, _)| *c == current);
        view! {
            <select aria-label=(w.rule_value)(n) on:change=move |ev| { let v = event_target_value(&ev); edit(g, r, &|rule| rule.value = v.clone()); }>
                {(!has_current).then(|| view! { <option value="" selected=true>{w.choose}</option> })}
                {options.into_iter().map(|(code, label)| view! { <option value=code.clone() selected=code == current>{label}</option> }).collect_view()}
            </select>
        }.into_any()
    } else {
        // Suggestions as staff type: the tags in use, or the first products of a catalogue
        // too large to list (a SKU is typed).
        let suggestions: Option<Vec<(String, String)>> = match kind {
            Some(Kind::Tag) => Some(choices.tags.iter().map(|t| (t.clone(), String::new())).collect()),
            Some(Kind::Item) => Some(choices.items.clone()),
            _ => None,
        };
        let list = suggestions.as_ref().map(|_| format!("suggestions-{n}"));
        view! {
            <input type=value_type aria-label=(w.rule_value)(n) prop:value=rule.value.clone() list=list.clone()
                on:change=move |ev| { let v = event_target_value(&ev); edit(g, r, &|rule| rule.value = v.clone()); } />
            {list.zip(suggestions).map(|(id, options)| view! {
                <datalist id=id>{options.into_iter().map(|(value, label)| view! { <option value=value label=(!label.is_empty()).then_some(label) /> }).collect_view()}</datalist>
            })}
        }.into_any()
    };
    let second = match (kind, rule.op.as_str()) {
        (Some(Kind::Amount | Kind::Count), _) => Some((w.in_the_last, w.days_or_ever)),
        (Some(Kind::Text), "between") => Some((w.and, "")),
        _ => None,
    };
    let second_input = second.map(|(before, after)| {
        view! {
            <span>{before}</span>
            <input type=if after.is_empty() { "text" } else { "number" } class="short" aria-label=(w.rule_second)(n)
                prop:value=rule.second.clone()
                on:change=move |ev| { let v = event_target_value(&ev); edit(g, r, &|rule| rule.second = v.clone()); } />
            <span>{after}</span>
        }
    });
    let days_after = (kind == Some(Kind::When) && matches!(rule.op.as_str(), "within" | "not_within"))
        .then(|| view! { <span>{w.days}</span> });
    let errors: Vec<String> = [Field::Rule, Field::Value, Field::Second]
        .into_iter()
        .filter_map(|f| {
            problem_of(f).map(|p| {
                format!(
                    "{}{p}",
                    match f {
                        Field::Second => format!("{} ", w.second_value),
                        Field::Rule => format!("{} ", w.rule),
                        _ => String::new(),
                    }
                )
            })
        })
        .collect();
    view! {
        <div class="rule" data-rule=n>
            <select aria-label=(w.rule_looks_at)(n) on:change=move |ev| {
                let what = event_target_value(&ev);
                let op = kind_of(&what).and_then(|k| k.ops().first()).map(|c| c.to_string()).unwrap_or_default();
                edit(g, r, &|rule| { rule.what = what.clone(); rule.op = op.clone(); rule.value.clear(); rule.second.clear(); });
            }>{subjects}</select>
            <select aria-label=(w.rule_test)(n) on:change=move |ev| { let v = event_target_value(&ev); edit(g, r, &|rule| rule.op = v.clone()); }>
                {ops}
            </select>
            {value_input}
            {second_input}
            {days_after}
            <button type="button" class="small" aria-label=(w.remove_rule)(n)
                on:click=move |_| filter.update(|f| { f.groups[g].rules.remove(r); })>"×"</button>
            {(!errors.is_empty()).then(|| view! { <p class="form-error" role="alert">{errors.join(" ")}</p> })}
        </div>
    }
}

/// What a rule looks at or an export column holds, in words: a customer field by the
/// record's name for it.
pub(super) fn subject_name<'a>(t: &crate::staff::texts::AdminTexts, code: &'a str) -> &'a str {
    match crate::domain::CustomerField::from_column(code) {
        Some(field) => (t.record().field)(field),
        None => match (t.segments().subject)(code) {
            "" => code,
            name => name,
        },
    }
}
