//! English.

use super::PolicyWords;

pub static WORDS: PolicyWords = PolicyWords {
    who: "Who we are",
    what: "What we collect and why",
    visits: "Visits to our website",
    kept: "How long we keep it",
    selling: "Selling and sharing",
    safety: "How we keep it safe",
    rights: "Your rights",
    controller: |site| {
        format!("{site} runs this website and decides what is done with your personal data (it is the controller).")
    },
    signup: "Joining our email list: your email address, and your name and phone number if you give them, with a \
             record of your consent — the exact wording you agreed to, when, on which page and under which version \
             of this policy. We use them to send you the newsletter you asked for, on the basis of your consent.",
    reservation: "Reserving an item: your name, email address or phone number, the item, the quantity and your note. \
                  We use them to hold the item for you and tell you when it is ready: to carry out what you asked for.",
    favourites: "Saving favourites: the items you save, kept in your browser, and with your customer record once you \
                 give us your details in one of our forms, so that you find them again.",
    reasons: "Ranking your reasons for buying: your ranking, with your customer record if you are known to us. We use \
              the answers to learn what matters to our customers and report them in totals (our legitimate interest \
              in improving the shop).",
    nps: "Rating us from 0 to 10: your score and anything you write about why. We use them to improve the shop (our \
          legitimate interest) and report them in totals.",
    heard: "Telling us how you heard about us: your answer, used in totals to learn which of our efforts work (our \
            legitimate interest).",
    warranty: "Registering a product's warranty: your name, email address, the product's serial number and the date \
               of purchase, to honour the warranty (a contract with you).",
    profile: "Telling us more about yourself: only the answers you choose to give (such as your birthday or your \
              interests), to serve you better, on the basis of your consent. Every question is optional.",
    loyalty: "Joining our loyalty programme: your name, email address, your card number, the words you agreed to and \
              the page, and the stamps or points your purchases earn and the rewards you take. We use them to run \
              the programme you joined (a contract with you); your own page, opened with a link we mail you, shows \
              them to you.",
    in_the_shop: "Buying in our shop: if you give the staff your name, email address or phone number, we keep your \
                  purchases with your record, for receipts and warranty, and to send you offers if you agreed to them.",
    visits_counted: "We count visits to our pages without cookies: the page, the page you came from, campaign tags in \
                     the address, a screen size class (mobile, tablet or desktop), your browser's language and how \
                     long the page was visible.",
    visits_code: "Your IP address and browser are turned into a code that changes every day and cannot be turned back; \
                  neither is stored. Once you give us your details in one of our forms, the pages your browser views \
                  are linked to your customer record.",
    kept_events: |months| format!("Page visits and other events: {months} months, then they are deleted."),
    kept_record_inactive: |months| {
        format!(
            "Your customer record: as long as you are in touch with us. After {months} months without any purchase, \
             visit, reservation or answer, and without any consent in force, it is erased."
        )
    },
    kept_record_until_asked: "Your customer record: until you ask us to erase it.",
    kept_consents: "Records of consent stay with your record, as proof of what you agreed to; when your record is \
                    erased, only a note that it was erased remains, without any of your data.",
    no_sale: "We do not sell your personal data. It stays on our own server and is not passed to advertisers.",
    safe: "Your name, email address, phone number and street are stored encrypted. Our staff sign in with their own \
           accounts, and every look at a customer record is logged.",
    rights_all: "You can see and download everything we hold about you, have it corrected or erased, withdraw any \
                 consent at any time (every newsletter has a one-click unsubscribe link), object to the use of your \
                 answers, and tell us not to sell or share your data. We answer within 30 days.",
    rights_not_sold: "Once you have told us not to sell or share your data, you are left out of the customer lists we \
                      export, of what other companies' connections to our systems can read, and of the notices our \
                      systems send to theirs; we use your data only for our own dealings with you.",
    rights_ask: "Ask for your data, its erasure, or that it is not sold or shared",
    rights_correct: "To correct your data, contact us (see \"Who we are\"). You may also complain to your data \
                     protection authority.",
    title: |site| format!("Privacy at {site}"),
    privacy: "Privacy",
    in_force: |version, since| format!("Version {version}, in force since {since}."),
    no_longer: |version, of| format!("Version {version} of {of}, no longer in force:"),
    read_current: "read the version in force",
    no_such_policy: "There is no such privacy policy.",
};
