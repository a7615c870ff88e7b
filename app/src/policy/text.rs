//! The words of a privacy policy, written from a site's settings: what each enabled widget
//! collects and why, the cookieless analytics, how long things are kept, the customer's
//! rights and where to exercise them, in each language Patron ships (the words are in
//! `super::words`).

#[cfg(feature = "ssr")]
use super::words::{self, PolicyWords};
#[cfg(feature = "ssr")]
use crate::domain::WidgetKind;
#[cfg(feature = "ssr")]
use crate::widgets::texts::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub text: String,
    /// When set, the whole paragraph links there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

/// What the policy is written from.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    pub site_name: &'a str,
    pub site_key: &'a str,
    pub widgets: &'a [WidgetKind],
    pub analytics_months: i64,
    pub inactive_months: Option<i64>,
    /// The owner's own words: paragraphs separated by blank lines.
    pub owner_text: &'a str,
}

#[cfg(feature = "ssr")]
fn say(text: impl Into<String>) -> Paragraph {
    Paragraph { text: text.into(), link: None }
}

/// What a widget collects, and why (the lawful basis in plain words).
#[cfg(feature = "ssr")]
fn collects(w: &PolicyWords, widget: WidgetKind) -> &'static str {
    match widget {
        WidgetKind::Signup => w.signup,
        WidgetKind::Reservation => w.reservation,
        WidgetKind::Favourites => w.favourites,
        WidgetKind::Reasons => w.reasons,
        WidgetKind::Nps => w.nps,
        WidgetKind::Heard => w.heard,
        WidgetKind::Warranty => w.warranty,
        WidgetKind::Profile => w.profile,
        WidgetKind::Loyalty => w.loyalty,
    }
}

#[cfg(feature = "ssr")]
/// The policy's sections in `lang`, in reading order. The owner's own paragraphs are kept
/// as they wrote them, in every language.
pub fn compose(i: &Inputs<'_>, lang: Lang) -> Vec<Section> {
    let w = words::of(lang);
    let mut who = vec![say((w.controller)(i.site_name))];
    who.extend(i.owner_text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(say));

    let mut what: Vec<Paragraph> =
        WidgetKind::ALL.into_iter().filter(|x| i.widgets.contains(x)).map(|x| say(collects(w, x))).collect();
    what.push(say(w.in_the_shop));

    let kept = vec![
        say((w.kept_events)(i.analytics_months)),
        say(match i.inactive_months {
            Some(months) => (w.kept_record_inactive)(months),
            None => w.kept_record_until_asked.to_owned(),
        }),
        say(w.kept_consents),
    ];
    let rights = vec![
        say(w.rights_all),
        say(w.rights_not_sold),
        Paragraph {
            text: w.rights_ask.into(),
            link: Some(format!("/p/{}/privacy/request?lang={}", i.site_key, lang.code())),
        },
        say(w.rights_correct),
    ];
    let section = |heading: &str, paragraphs| Section { heading: heading.into(), paragraphs };
    vec![
        section(w.who, who),
        section(w.what, what),
        section(w.visits, vec![say(w.visits_counted), say(w.visits_code)]),
        section(w.kept, kept),
        section(w.selling, vec![say(w.no_sale)]),
        section(w.safety, vec![say(w.safe)]),
        section(w.rights, rights),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs<'a>(widgets: &'a [WidgetKind], owner_text: &'a str) -> Inputs<'a> {
        Inputs {
            site_name: "Demo Bakery",
            site_key: "demo",
            widgets,
            analytics_months: 13,
            inactive_months: Some(36),
            owner_text,
        }
    }

    fn all_text(sections: &[Section]) -> String {
        sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str())).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn only_enabled_widgets_are_described() {
        let text = all_text(&compose(&inputs(&[WidgetKind::Nps], ""), Lang::En));
        assert!(text.contains("Rating us from 0 to 10"));
        assert!(!text.contains("Joining our email list"));
        for lang in Lang::ALL {
            let text = all_text(&compose(&inputs(&WidgetKind::ALL, ""), lang));
            for w in WidgetKind::ALL {
                assert!(text.contains(collects(words::of(lang), w)), "{} {w:?}", lang.code());
            }
        }
    }

    #[test]
    fn retention_and_the_owners_paragraphs_are_stated() {
        let sections =
            compose(&inputs(&[], "Demo Bakery Ltd, 1 Main St.\n\n  Write to hello@bakery.example  \n\n"), Lang::En);
        let text = all_text(&sections);
        assert!(text.contains("13 months") && text.contains("After 36 months"));
        assert_eq!(sections[0].paragraphs.len(), 3, "the owner's two paragraphs follow the first");
        assert_eq!(sections[0].paragraphs[2].text, "Write to hello@bakery.example");
        let keep = compose(&Inputs { inactive_months: None, ..inputs(&[], "") }, Lang::En);
        assert!(all_text(&keep).contains("until you ask us to erase it"));
        let link = sections.iter().flat_map(|s| &s.paragraphs).find_map(|p| p.link.clone());
        assert_eq!(link.as_deref(), Some("/p/demo/privacy/request?lang=en"));
        let russian = all_text(&compose(&inputs(&[], ""), Lang::Ru));
        assert!(russian.contains("13 мес.") && russian.contains("36 мес."), "{russian}");
    }
}
