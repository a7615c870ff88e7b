//! The kinds of widget a site can switch on, and the markup that embeds each.

use serde::{Deserialize, Serialize};

/// A widget a site can enable. `Favourites` covers both the heart button on a product and
/// the list of saved items: they share their data and their endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetKind {
    Signup,
    Reservation,
    Favourites,
    Reasons,
    Nps,
    Heard,
    Warranty,
    Profile,
    Loyalty,
}

impl WidgetKind {
    pub const ALL: [WidgetKind; 9] = [
        WidgetKind::Signup,
        WidgetKind::Reservation,
        WidgetKind::Favourites,
        WidgetKind::Reasons,
        WidgetKind::Nps,
        WidgetKind::Heard,
        WidgetKind::Warranty,
        WidgetKind::Profile,
        WidgetKind::Loyalty,
    ];

    /// The value stored in `site_widgets.widget`.
    pub fn code(self) -> &'static str {
        match self {
            WidgetKind::Signup => "signup",
            WidgetKind::Reservation => "reservation",
            WidgetKind::Favourites => "favourites",
            WidgetKind::Reasons => "reasons",
            WidgetKind::Nps => "nps",
            WidgetKind::Heard => "heard",
            WidgetKind::Warranty => "warranty",
            WidgetKind::Profile => "profile",
            WidgetKind::Loyalty => "loyalty",
        }
    }

    pub fn from_code(code: &str) -> Option<WidgetKind> {
        WidgetKind::ALL.into_iter().find(|w| w.code() == code)
    }

    /// Whether the widget's form can ask for a postal address (`AddressMode`).
    pub fn takes_address(self) -> bool {
        matches!(self, WidgetKind::Signup | WidgetKind::Reservation | WidgetKind::Warranty)
    }

    /// What the owner sees in the settings page.
    pub fn title(self) -> &'static str {
        match self {
            WidgetKind::Signup => "Email-list signup",
            WidgetKind::Reservation => "Reservation",
            WidgetKind::Favourites => "Favourite button and favourites list",
            WidgetKind::Reasons => "Rank your reasons",
            WidgetKind::Nps => "Net Promoter Score",
            WidgetKind::Heard => "How did you hear about us?",
            WidgetKind::Warranty => "Warranty registration",
            WidgetKind::Profile => "Progressive profile",
            WidgetKind::Loyalty => "Join the loyalty programme",
        }
    }

    /// The elements a shop pastes where the widget should appear (after the one script
    /// tag). Widgets about one item name it by SKU; `SKU` is left for the shop to fill in.
    pub fn elements(self) -> &'static [&'static str] {
        match self {
            WidgetKind::Signup => &[r#"<div data-patron="signup"></div>"#],
            WidgetKind::Reservation => &[r#"<div data-patron="reservation" data-item="SKU"></div>"#],
            WidgetKind::Favourites => &[
                r#"<div data-patron="favourite" data-item="SKU"></div>"#,
                r#"<div data-patron="favourites-list"></div>"#,
            ],
            WidgetKind::Reasons => &[r#"<div data-patron="reasons"></div>"#],
            WidgetKind::Nps => &[r#"<div data-patron="nps"></div>"#],
            WidgetKind::Heard => &[r#"<div data-patron="heard"></div>"#],
            WidgetKind::Warranty => &[r#"<div data-patron="warranty"></div>"#],
            WidgetKind::Profile => &[r#"<div data-patron="profile"></div>"#],
            WidgetKind::Loyalty => &[r#"<div data-patron="loyalty"></div>"#],
        }
    }
}

/// The whole copy-paste snippet of one widget for a site served by Patron at `server`
/// (an origin such as `https://patron.shop.example`).
pub fn embed_snippet(kind: WidgetKind, server: &str, site_key: &str) -> String {
    let mut s = format!(r#"<script src="{server}/embed.js" data-site="{site_key}" defer></script>"#);
    for el in kind.elements() {
        s.push('\n');
        s.push_str(el);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_code() {
        for kind in WidgetKind::ALL {
            assert_eq!(WidgetKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(WidgetKind::from_code("favourite"), None);
    }

    #[test]
    fn a_snippet_is_the_script_and_the_widget_elements() {
        let s = embed_snippet(WidgetKind::Favourites, "https://p.example", "bikes");
        assert_eq!(
            s,
            "<script src=\"https://p.example/embed.js\" data-site=\"bikes\" defer></script>\n\
             <div data-patron=\"favourite\" data-item=\"SKU\"></div>\n\
             <div data-patron=\"favourites-list\"></div>"
        );
    }
}
