//! The catalogue's guarantees beyond the compiler's (which already refuses a language
//! missing a word): no word is blank, every `{placeholder}` staff must keep is named in
//! each language, and every sentence built from a number or a name shows it.

use super::*;
use serde_json::Value;

/// Every word of a language as (area.key, text).
fn words(lang: Lang) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    walk(&path, v, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), v, out);
                }
            }
            Value::String(s) => out.push((prefix.to_owned(), s.clone())),
            other => panic!("{prefix} is not a word: {other}"),
        }
    }
    let mut out = Vec::new();
    walk("", &of(lang).json(), &mut out);
    out
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut found: Vec<&str> =
        s.match_indices('{').filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i..=i + j])).collect();
    found.sort_unstable();
    found
}

#[test]
fn no_word_is_blank_in_any_language() {
    for lang in Lang::ALL {
        for (key, text) in words(lang) {
            assert!(!text.trim().is_empty(), "{} has no word for {key}", lang.code());
            assert_eq!(text.trim(), text, "{} {key} has spaces around it", lang.code());
        }
    }
}

#[test]
fn every_language_keeps_the_placeholders_of_english() {
    let english = words(Lang::En);
    for lang in Lang::ALL {
        for ((key, en), (_, text)) in english.iter().zip(words(lang)) {
            assert_eq!(placeholders(en), placeholders(&text), "{} {key}: {text}", lang.code());
        }
    }
}

#[test]
fn sentences_built_from_a_value_show_it() {
    for lang in Lang::ALL {
        let t = of(lang);
        let code = lang.code();
        assert!((t.common().customer_n)(4711).contains("4711"), "{code} customer_n");
        assert!((t.sign_in().new_password)(12).contains("12"), "{code} new_password");
        assert!((t.problems().password_too_short)(12).contains("12"), "{code} password_too_short");
        assert!((t.today().no_key_detail)("/srv/key").contains("/srv/key"), "{code} no_key_detail");
        assert!((t.till().saved)("€ 24,50").contains("€ 24,50"), "{code} saved");
        for n in [0, 1, 2, 5, 11, 21, 22, -1, -3] {
            assert!((t.cards().stamps)(n).contains(&n.to_string()), "{code} stamps {n}");
            assert!((t.cards().points)(n).contains(&n.to_string()), "{code} points {n}");
        }
        let redeem = (t.cards().redeem)("Koffie", "10 x");
        assert!(redeem.contains("Koffie") && redeem.contains("10 x"), "{code} redeem");
        for f in [
            t.cards().birthday_gift,
            t.cards().redeemed,
            t.cards().birthday,
            t.cards().adjusted,
            t.cards().by,
            t.cards().expires,
        ] {
            assert!(f("Zebra").contains("Zebra"), "{code} a card movement drops its value");
        }
        assert!((t.cards().purchase)(31).contains("31"), "{code} purchase");
        assert!((t.sign_in().reset_for)("a@b.example").contains("a@b.example"), "{code} reset_for");
        for n in [0, 1, 3, 21, 112] {
            let count = (t.products().count)(n, 2, 9);
            assert!(count.contains(&n.to_string()) && count.contains('2') && count.contains('9'), "{code} {count}");
        }
        assert!((t.products().change)("RYE-1").contains("RYE-1"), "{code} change");
        assert!((t.staff().role_of)("a@b.example").contains("a@b.example"), "{code} role_of");
        assert!((t.settings().snippet_of)("Zebra").contains("Zebra"), "{code} snippet_of");
        for f in [t.settings().move_up, t.settings().move_down, t.settings().save_texts, t.settings().ask] {
            assert!(f("Zebra").contains("Zebra"), "{code} a settings sentence drops its value");
        }
        assert!((t.settings().version)(7).contains('7'), "{code} version");
        let p = t.privacy();
        let in_force = (p.in_force)(7, "2026-01-02 10:00");
        assert!(in_force.contains('7') && in_force.contains("2026-01-02 10:00"), "{code} in_force");
        assert!((p.all_versions)(7).contains('7') && (p.version)(7).contains('7'), "{code} versions");
        for f in [p.analytics_months, p.inactive_months] {
            let s = f(1, 120);
            assert!(s.contains('1') && s.contains("120"), "{code} {s}");
        }
        assert!((p.last_applied)("2026-01-02 10:00").contains("2026-01-02 10:00"), "{code} last_applied");
        let m = t.mail();
        for f in [m.sent_through, m.body, m.outbox_sending, m.sent] {
            assert!(f("Zebra").contains("Zebra"), "{code} a mail sentence drops its value");
        }
        let failed = (m.failed)("10:00", "550 no such user");
        assert!(failed.contains("10:00") && failed.contains("550 no such user"), "{code} failed");
        let retrying = (m.retrying)(3, "timeout");
        assert!(retrying.contains('3') && retrying.contains("timeout"), "{code} retrying");
        assert!((m.confirm_hours)(1, 168).contains("168"), "{code} confirm_hours");
        let a = t.automation();
        let done = (a.done)(11, 22, 33);
        assert!(done.contains("11") && done.contains("22") && done.contains("33"), "{code} done");
        let fired = (a.fired)(44, 55);
        assert!(fired.contains("44") && fired.contains("55"), "{code} fired");
        assert!((a.on_since)("2026-01-02").contains("2026-01-02"), "{code} on_since");
        for n in [0, 1, 2, 5, 21] {
            let members = (t.loyalty().members)("Zebra card", n);
            assert!(members.contains("Zebra card") && members.contains(&n.to_string()), "{code} {members}");
        }
        let c = t.connections();
        let delivered = (c.delivered)("10:00", "HTTP 204");
        assert!(delivered.contains("10:00") && delivered.contains("HTTP 204"), "{code} delivered");
        let given_up = (c.given_up)("10:00", 7, "HTTP 500");
        assert!(given_up.contains("10:00") && given_up.contains('7') && given_up.contains("HTTP 500"), "{code}");
        let retrying = (c.retrying)(3, "HTTP 502", "11:00");
        assert!(retrying.contains('3') && retrying.contains("HTTP 502") && retrying.contains("11:00"), "{code}");
        assert!((c.revoked)("10:00").contains("10:00"), "{code} revoked");
        let line = (t.staff().pending_line)("a@b.example", "Zebra", "2026-01-02 10:00");
        assert!(line.contains("a@b.example") && line.contains("Zebra") && line.contains("2026-01-02 10:00"), "{code}");
        assert!((t.products().name_in)("Suomi").contains("Suomi"), "{code} name_in");
        assert!((t.products().price_in)("ZAR").contains("ZAR"), "{code} price_in");
        let invited = (t.sign_in().invited_as)("a@b.example", t.frame().role_manager);
        assert!(invited.contains("a@b.example") && invited.contains(t.frame().role_manager), "{code} invited_as");
    }
}

#[test]
fn russian_counts_take_their_plural_form() {
    let t = of(Lang::Ru);
    assert_eq!((t.cards().stamps)(1), "1 штамп");
    assert_eq!((t.cards().stamps)(3), "3 штампа");
    assert_eq!((t.cards().stamps)(5), "5 штампов");
    assert_eq!((t.cards().stamps)(11), "11 штампов");
    assert_eq!((t.cards().stamps)(21), "21 штамп");
    assert_eq!((t.cards().stamps)(-2), "-2 штампа");
    assert_eq!((t.cards().points)(112), "112 баллов");
    assert_eq!((t.list().pager)(3, 1, 1), "3 клиента · страница 1 из 1");
    assert_eq!((t.list().pager)(25, 1, 2), "25 клиентов · страница 1 из 2");
}

#[test]
fn every_error_and_problem_has_its_own_words() {
    let t = of(Lang::Nl);
    assert_eq!(t.error(&AppError::WrongCredentials), t.errors().wrong_credentials);
    assert_eq!(t.error(&AppError::Conflict("As written".into())), "As written");
    assert_eq!(t.problem(Problem::PasswordTooShort), "Dit moet minstens 12 tekens lang zijn.");
}

#[test]
fn the_record_names_every_code_it_shows() {
    use crate::domain::CustomerField;
    use std::collections::HashSet;
    let sources = [
        "till",
        "admin",
        "import",
        "api",
        "my_page",
        "unsubscribe_link",
        "signup",
        "widget:signup",
        "reservation",
        "warranty",
        "loyalty",
    ];
    for lang in Lang::ALL {
        let (t, code) = (of(lang), lang.code());
        for s in sources {
            assert!(!(t.record().source)(s).is_empty(), "{code} has no name for the source {s}");
        }
        for p in crate::segment_rules::filter::CONSENT_PURPOSES {
            assert!(!(t.record().purpose)(p).is_empty(), "{code} has no name for the purpose {p}");
        }
        for g in CustomerField::Gender.choices() {
            assert!(!(t.record().gender)(g).is_empty(), "{code} has no name for the gender {g}");
        }
        for s in ["open", "fulfilled", "cancelled"] {
            assert!(!(t.timeline().reservation_status)(s).is_empty(), "{code} has no name for the state {s}");
        }
        let labels: HashSet<&str> = CustomerField::ALL.into_iter().map(t.record().field).collect();
        assert_eq!(labels.len(), CustomerField::ALL.len(), "{code}: two fields share a label");
        assert_eq!((t.record().source)("widget:unknown"), "", "{code} names a source it does not know");
    }
}

#[test]
fn the_records_sentences_show_their_values() {
    for lang in Lang::ALL {
        let (t, code) = (of(lang), lang.code());
        let shows = |s: String, values: &[&str]| {
            assert!(values.iter().all(|v| s.contains(v)), "{code}: {s} drops one of {values:?}");
        };
        for n in [0, 1, 2, 5, 21, 112] {
            shows((t.list().pager)(n, 3, 9), &[&n.to_string(), "3", "9"]);
        }
        shows((t.list().since)("Zebra"), &["Zebra"]);
        shows((t.record().head)("Xylo", "Yak", "Zebra"), &["Xylo", "Yak", "Zebra"]);
        let r = t.record();
        for f in [r.edit_field, r.remove_tag, r.by, r.confirmed_by_link] {
            shows(f("Zebra"), &["Zebra"]);
        }
        shows((r.policy_version)(7), &["7"]);
        shows((r.wording)("Xylo", 7, "nl"), &["Xylo", "7", "nl"]);
        let w = t.timeline();
        for f in [w.outcome_is, w.reasons, w.heard, w.favourite, w.visit_from] {
            shows(f("Zebra"), &["Zebra"]);
        }
        shows((w.nps)(6, "Zebra"), &["6", "Zebra"]);
        shows((w.warranty)("Xylo", "Yak", "Zebra"), &["Xylo", "Yak", "Zebra"]);
        shows((w.seconds)(42), &["42"]);
        shows((w.reservation_n)(42), &["42"]);
        let p = t.purchases();
        shows((p.paid_back)("Xylo", "Zebra"), &["Xylo", "Zebra"]);
        shows((p.discount)("Zebra"), &["Zebra"]);
        shows((p.voided)("Xylo", "Yak", "Zebra"), &["Xylo", "Yak", "Zebra"]);
        shows((p.returned)(3), &["3"]);
        shows((p.returned_by)("Xylo", "Yak", "Zebra", "Gnu"), &["Xylo", "Yak", "Zebra", "Gnu"]);
        shows((p.of_left)(3, "Zebra"), &["3", "Zebra"]);
        shows((p.shown)(11, 20, 73), &["11", "20", "73"]);
        shows((t.rights().do_not_sell_since)("Zebra"), &["Zebra"]);
        shows((t.rights().erased)(42, 7), &["42", "7"]);
    }
}

#[test]
fn the_desks_sentences_show_their_values() {
    for lang in Lang::ALL {
        let (d, code) = (&of(lang).desk(), lang.code());
        for n in [1, 2, 5, 21] {
            assert!((d.reserved)(n).contains(&n.to_string()), "{code} reserved {n}");
            assert!((d.mailing)(n).contains(&n.to_string()), "{code} mailing {n}");
        }
        assert!((d.expected)("2026-12-10").contains("2026-12-10"), "{code} expected");
        for f in [d.handed_out, d.cancelled] {
            let s = f(3, "Panettone", "Ana Silva");
            assert!(s.contains('3') && s.contains("Panettone") && s.contains("Ana Silva"), "{code}: {s}");
        }
    }
}

#[test]
fn the_oversight_pages_name_every_code_and_show_their_values() {
    use crate::staff::audit::AuditAction;
    use std::collections::HashSet;
    for lang in Lang::ALL {
        let (o, code) = (&of(lang).oversight(), lang.code());
        for kind in ["access", "rectification", "erasure", "do_not_sell"] {
            assert!(!(o.request)(kind).is_empty(), "{code} has no name for the request {kind}");
        }
        for state in ["open", "done", "refused"] {
            assert!(!(o.request_state)(state).is_empty(), "{code} has no name for the state {state}");
        }
        let actions: HashSet<&str> = AuditAction::ALL.into_iter().map(o.action).collect();
        assert_eq!(actions.len(), AuditAction::ALL.len(), "{code}: two audit actions share a name");
        let kept = (o.kept_in)("/srv/backups", 14);
        assert!(kept.contains("/srv/backups") && kept.contains("14"), "{code}: {kept}");
        assert!((o.last_backup)("2026-12-03 10:00").contains("2026-12-03 10:00"), "{code} last_backup");
    }
}

#[test]
fn the_segment_builder_names_every_subject_test_and_choice() {
    use crate::domain::CustomerField;
    use crate::segment_rules::filter::{MORE_SUBJECTS, NPS_CHOICES, SUBJECTS};
    for lang in Lang::ALL {
        let (w, code) = (&of(lang).segments(), lang.code());
        for (subject, kind) in SUBJECTS.iter().chain(MORE_SUBJECTS.iter()) {
            let named = CustomerField::from_column(subject).is_some() || !(w.subject)(subject).is_empty();
            assert!(named, "{code} has no name for the subject {subject}");
            for op in kind.ops() {
                assert!(!(w.op)(*kind, op).is_empty(), "{code} has no name for {subject} {op}");
            }
        }
        for choice in NPS_CHOICES {
            assert!(!(w.nps)(choice).is_empty(), "{code} has no name for {choice}");
        }
        for n in [0, 1, 2, 5, 21] {
            assert!(!(w.matching)(n).is_empty(), "{code} matching {n}");
            assert!((w.tagged)(n).contains(&n.to_string()), "{code} tagged {n}");
        }
        assert!((w.dormant_explain)("90").contains("90"), "{code} dormant_explain");
        let page = (w.page_of)(2, 7);
        assert!(page.contains('2') && page.contains('7'), "{code}: {page}");
        for f in [w.rule_looks_at, w.rule_test, w.rule_value, w.rule_second, w.remove_rule, w.group_matches] {
            assert!(f(3).contains('3'), "{code}: {}", f(3));
        }
        assert!((w.saved_at)("Zebra").contains("Zebra") && (w.delete_segment)("Zebra").contains("Zebra"), "{code}");
    }
}

#[test]
fn the_insight_pages_show_their_values() {
    for lang in Lang::ALL {
        let (t, code) = (of(lang), lang.code());
        let w = t.insight();
        for n in [1, 7, 30, 365] {
            assert!((w.days)(n).contains(&n.to_string()), "{code} days {n}");
        }
        assert!((w.period_error)("Zebra").contains("Zebra"), "{code} period_error");
        let week = (w.week_value)("2026-11-30", 42);
        assert!(week.contains("2026-11-30") && week.contains("42"), "{code}: {week}");
        let nps = (w.nps_week)("2026-11-30", 37, 12);
        assert!(nps.contains("2026-11-30") && nps.contains("37") && nps.contains("12"), "{code}: {nps}");
        assert!((w.rankings)(42).contains("42"), "{code} rankings");
        for f in [w.part_of, w.members_spent] {
            let s = f("€ 10,00", "€ 99,00");
            assert!(s.contains("€ 10,00") && s.contains("€ 99,00"), "{code}: {s}");
        }
        for n in [0, 1, 2, 5, 21] {
            assert!(!(w.unit)(true, n).is_empty() && !(w.unit)(false, n).is_empty(), "{code} unit {n}");
            assert!(!(w.rewards)(n).is_empty(), "{code} rewards {n}");
        }
        let day = (w.day_value)("2026-12-01", 17, 9);
        assert!(day.contains("2026-12-01") && day.contains("17") && day.contains('9'), "{code}: {day}");
        assert!((w.then)(42).contains("42"), "{code} then");
        let q = t.quality();
        assert!((q.nothing_under)("Zebra").contains("Zebra") && (q.now)("Zebra").contains("Zebra"), "{code}");
        let label = (q.field_of)("Zebra", 42);
        assert!(label.contains("Zebra") && label.contains("42"), "{code}: {label}");
    }
}

#[test]
fn the_duplicates_page_shows_its_values() {
    for lang in Lang::ALL {
        let (d, code) = (&of(lang).duplicates(), lang.code());
        assert_eq!((d.reason)("same_nose"), "", "{code} names a reason it does not know");
        for n in [1, 2, 5, 21] {
            assert!((d.pairs)(n).contains(&n.to_string()), "{code} pairs {n}");
            assert!((d.first_shown)(n).contains(&n.to_string()), "{code} first_shown {n}");
        }
        assert!((d.undone)("2026-12-03 10:00").contains("2026-12-03 10:00"), "{code} undone");
    }
}

#[test]
fn refusals_and_printed_sheets_show_their_values() {
    for lang in Lang::ALL {
        let (t, code) = (of(lang), lang.code());
        let note = (t.segments().labels_note)(42, "A4", 7);
        assert!(note.contains("42") && note.contains("A4") && note.contains('7'), "{code}: {note}");
        assert!((t.refusals().no_such_column)("password_hash").contains("password_hash"), "{code}");
        assert!((t.refusals().not_enough)(12).contains("12"), "{code}");
        let header: std::collections::HashSet<&str> = t.insight().purchases_csv.into_iter().collect();
        assert_eq!(header.len(), 16, "{code}: two columns of the purchases file share a name");
    }
}
