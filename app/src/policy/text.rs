//! The words of a privacy policy, written from a site's settings: what each enabled widget
//! collects and why, the cookieless analytics, how long things are kept, the customer's
//! rights and where to exercise them. English only for now, like the self-service pages.

use crate::domain::WidgetKind;
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

fn say(text: impl Into<String>) -> Paragraph {
    Paragraph { text: text.into(), link: None }
}

/// What a widget collects, and why (the lawful basis in plain words).
fn collects(widget: WidgetKind) -> &'static str {
    match widget {
        WidgetKind::Signup => {
            "Joining our email list: your email address, and your name and phone number if you give them, with a \
             record of your consent — the exact wording you agreed to, when, on which page and under which version \
             of this policy. We use them to send you the newsletter you asked for, on the basis of your consent."
        }
        WidgetKind::Reservation => {
            "Reserving an item: your name, email address or phone number, the item, the quantity and your note. We \
             use them to hold the item for you and tell you when it is ready: to carry out what you asked for."
        }
        WidgetKind::Favourites => {
            "Saving favourites: the items you save, kept in your browser, and with your customer record once you \
             give us your details in one of our forms, so that you find them again."
        }
        WidgetKind::Reasons => {
            "Ranking your reasons for buying: your ranking, with your customer record if you are known to us. We \
             use the answers to learn what matters to our customers and report them in totals (our legitimate \
             interest in improving the shop)."
        }
        WidgetKind::Nps => {
            "Rating us from 0 to 10: your score and anything you write about why. We use them to improve the shop \
             (our legitimate interest) and report them in totals."
        }
        WidgetKind::Heard => {
            "Telling us how you heard about us: your answer, used in totals to learn which of our efforts work (our \
             legitimate interest)."
        }
        WidgetKind::Warranty => {
            "Registering a product's warranty: your name, email address, the product's serial number and the date \
             of purchase, to honour the warranty (a contract with you)."
        }
        WidgetKind::Profile => {
            "Telling us more about yourself: only the answers you choose to give (such as your birthday or your \
             interests), to serve you better, on the basis of your consent. Every question is optional."
        }
        WidgetKind::Loyalty => {
            "Joining our loyalty programme: your name, email address, your card number, the words you agreed to and \
             the page, and the stamps or points your purchases earn and the rewards you take. We use them to run \
             the programme you joined (a contract with you); your own page, opened with a link we mail you, shows \
             them to you."
        }
    }
}

/// The policy's sections, in reading order.
pub fn compose(i: &Inputs<'_>) -> Vec<Section> {
    let mut who = vec![say(format!(
        "{} runs this website and decides what is done with your personal data (it is the controller).",
        i.site_name
    ))];
    who.extend(i.owner_text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(say));

    let mut what: Vec<Paragraph> =
        WidgetKind::ALL.into_iter().filter(|w| i.widgets.contains(w)).map(|w| say(collects(w))).collect();
    what.push(say(
        "Buying in our shop: if you give the staff your name, email address or phone number, we keep your purchases \
         with your record, for receipts and warranty, and to send you offers if you agreed to them.",
    ));

    let visits = vec![
        say("We count visits to our pages without cookies: the page, the page you came from, campaign tags in the \
             address, a screen size class (mobile, tablet or desktop), your browser's language and how long the \
             page was visible."),
        say("Your IP address and browser are turned into a code that changes every day and cannot be turned back; \
             neither is stored. Once you give us your details in one of our forms, the pages your browser views are \
             linked to your customer record."),
    ];

    let mut kept =
        vec![say(format!("Page visits and other events: {} months, then they are deleted.", i.analytics_months))];
    kept.push(say(match i.inactive_months {
        Some(months) => format!(
            "Your customer record: as long as you are in touch with us. After {months} months without any purchase, \
             visit, reservation or answer, and without any consent in force, it is erased."
        ),
        None => "Your customer record: until you ask us to erase it.".to_owned(),
    }));
    kept.push(say(
        "Records of consent stay with your record, as proof of what you agreed to; when your record is erased, only \
         a note that it was erased remains, without any of your data.",
    ));

    let request = format!("/p/{}/privacy/request", i.site_key);
    let rights = vec![
        say("You can see and download everything we hold about you, have it corrected or erased, withdraw any \
             consent at any time (every newsletter has a one-click unsubscribe link), object to the use of your \
             answers, and tell us not to sell or share your data. We answer within 30 days."),
        say("Once you have told us not to sell or share your data, you are left out of the customer lists we \
             export, of what other companies' connections to our systems can read, and of the notices our systems \
             send to theirs; we use your data only for our own dealings with you."),
        Paragraph {
            text: "Ask for your data, its erasure, or that it is not sold or shared".into(),
            link: Some(request),
        },
        say("To correct your data, contact us (see \"Who we are\"). You may also complain to your data protection \
             authority."),
    ];

    vec![
        Section { heading: "Who we are".into(), paragraphs: who },
        Section { heading: "What we collect and why".into(), paragraphs: what },
        Section { heading: "Visits to our website".into(), paragraphs: visits },
        Section { heading: "How long we keep it".into(), paragraphs: kept },
        Section {
            heading: "Selling and sharing".into(),
            paragraphs: vec![say(
                "We do not sell your personal data. It stays on our own server and is not passed to advertisers.",
            )],
        },
        Section {
            heading: "How we keep it safe".into(),
            paragraphs: vec![say(
                "Your name, email address, phone number and street are stored encrypted. Our staff sign in with their \
                 own accounts, and every look at a customer record is logged.",
            )],
        },
        Section { heading: "Your rights".into(), paragraphs: rights },
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
        let text = all_text(&compose(&inputs(&[WidgetKind::Nps], "")));
        assert!(text.contains("Rating us from 0 to 10"));
        assert!(!text.contains("Joining our email list"));
        let text = all_text(&compose(&inputs(&WidgetKind::ALL, "")));
        for w in WidgetKind::ALL {
            assert!(text.contains(collects(w)), "{w:?}");
        }
    }

    #[test]
    fn retention_and_the_owners_paragraphs_are_stated() {
        let sections = compose(&inputs(&[], "Demo Bakery Ltd, 1 Main St.\n\n  Write to hello@bakery.example  \n\n"));
        let text = all_text(&sections);
        assert!(text.contains("13 months") && text.contains("After 36 months"));
        assert_eq!(sections[0].paragraphs.len(), 3, "the owner's two paragraphs follow the first");
        assert_eq!(sections[0].paragraphs[2].text, "Write to hello@bakery.example");
        let keep = compose(&Inputs { inactive_months: None, ..inputs(&[], "") });
        assert!(all_text(&keep).contains("until you ask us to erase it"));
        let link = sections.iter().flat_map(|s| &s.paragraphs).find_map(|p| p.link.clone());
        assert_eq!(link.as_deref(), Some("/p/demo/privacy/request"));
    }
}
