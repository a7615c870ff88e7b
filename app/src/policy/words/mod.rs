//! The words Patron writes a privacy policy in, one file per language it ships. As with the
//! other catalogues, each language is one value of the same struct, so a missing paragraph
//! is a compile error; `super::text` composes them with the site's settings. Sentences
//! return plain text; the page escapes it.

mod af;
mod de;
mod en;
mod fi;
mod nl;
mod pt;
mod ru;

use crate::widgets::texts::Lang;

pub struct PolicyWords {
    // Headings, in reading order.
    pub who: &'static str,
    pub what: &'static str,
    pub visits: &'static str,
    pub kept: &'static str,
    pub selling: &'static str,
    pub safety: &'static str,
    pub rights: &'static str,

    pub controller: fn(site: &str) -> String,
    // What each widget collects and why.
    pub signup: &'static str,
    pub reservation: &'static str,
    pub favourites: &'static str,
    pub reasons: &'static str,
    pub nps: &'static str,
    pub heard: &'static str,
    pub warranty: &'static str,
    pub profile: &'static str,
    pub loyalty: &'static str,
    pub in_the_shop: &'static str,

    pub visits_counted: &'static str,
    pub visits_code: &'static str,

    pub kept_events: fn(months: i64) -> String,
    pub kept_record_inactive: fn(months: i64) -> String,
    pub kept_record_until_asked: &'static str,
    pub kept_consents: &'static str,

    pub no_sale: &'static str,
    pub safe: &'static str,

    pub rights_all: &'static str,
    pub rights_not_sold: &'static str,
    pub rights_ask: &'static str,
    pub rights_correct: &'static str,

    // The page around the policy.
    pub title: fn(site: &str) -> String,
    pub privacy: &'static str,
    pub in_force: fn(version: i64, since: &str) -> String,
    pub no_longer: fn(version: i64, of: &str) -> String,
    pub read_current: &'static str,
    pub no_such_policy: &'static str,
}

pub fn of(lang: Lang) -> &'static PolicyWords {
    match lang {
        Lang::En => &en::WORDS,
        Lang::Nl => &nl::WORDS,
        Lang::Af => &af::WORDS,
        Lang::Pt => &pt::WORDS,
        Lang::Ru => &ru::WORDS,
        Lang::Fi => &fi::WORDS,
        Lang::De => &de::WORDS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_paragraph_and_shows_its_values() {
        for lang in Lang::ALL {
            let w = of(lang);
            let code = lang.code();
            let fixed = [
                w.who,
                w.what,
                w.visits,
                w.kept,
                w.selling,
                w.safety,
                w.rights,
                w.signup,
                w.reservation,
                w.favourites,
                w.reasons,
                w.nps,
                w.heard,
                w.warranty,
                w.profile,
                w.loyalty,
                w.in_the_shop,
                w.visits_counted,
                w.visits_code,
                w.kept_record_until_asked,
                w.kept_consents,
                w.no_sale,
                w.safe,
                w.rights_all,
                w.rights_not_sold,
                w.rights_ask,
                w.rights_correct,
                w.privacy,
                w.read_current,
                w.no_such_policy,
            ];
            for text in fixed {
                assert!(!text.trim().is_empty() && !text.contains(['<', '>', '{', '}']), "{code}: {text:?}");
            }
            assert!((w.controller)("Zebra").contains("Zebra"), "{code} controller");
            assert!((w.kept_events)(13).contains("13"), "{code} kept_events");
            assert!((w.kept_record_inactive)(36).contains("36"), "{code} kept_record_inactive");
            assert!((w.title)("Zebra").contains("Zebra"), "{code} title");
            let shown = (w.in_force)(7, "2026-01-02");
            assert!(shown.contains('7') && shown.contains("2026-01-02"), "{code} in_force");
            let shown = (w.no_longer)(7, "2026-01-02");
            assert!(shown.contains('7') && shown.contains("2026-01-02"), "{code} no_longer");
        }
    }
}
