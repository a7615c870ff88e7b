//! SQL of joining the loyalty programme from the widget.

use super::form::ValidJoin;
use crate::db::Db;
use crate::loyalty::db::Joined;
use crate::sites::Site;
use crate::widgets::identity::{self, Contact};
use crate::widgets::texts::Lang;

pub enum Joining {
    /// A new customer with a new card; the browser's token.
    New { visitor: String },
    /// The address is a customer's already: a link to their own page was mailed (or they
    /// were sent enough links lately), nothing else changed.
    Known,
}

/// The active programmes' names and what they offer, for the widget to show: in `language`
/// (one the site writes in) where the owner gave words in it, else the programmes' own.
pub async fn offer(pool: &Db, site: &Site, language: &str) -> sqlx::Result<Vec<(String, String)>> {
    let rewards = pool.dialect().joined("r.name || ' · ' || r.cost", "'; '");
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT coalesce(nullif(t.name, ''), p.name),
                coalesce((SELECT {rewards} FROM
                            (SELECT coalesce(n.name, r.name) AS name, r.cost FROM loyalty_rewards r
                             LEFT JOIN loyalty_reward_names n ON n.reward_id = r.id AND n.language = $2
                             WHERE r.programme_id = p.id AND r.active = 1 ORDER BY r.cost) r), '')
         FROM loyalty_programmes p
         LEFT JOIN loyalty_programme_texts t ON t.programme_id = p.id AND t.language = $2
         WHERE p.site_id = $1 AND p.active = 1 ORDER BY p.id",
    )))
    .bind(site.id)
    .bind(language)
    .fetch_all(pool)
    .await
}

/// Joins in one transaction: a new customer gets their card, their favourites and a mail with
/// the link to their page; a known address gets only the mail, since whoever typed it has
/// not shown it is theirs and must not see that customer's card.
pub async fn join(
    pool: &Db,
    site: &Site,
    j: &ValidJoin,
    lang: Lang,
    page: &str,
    origin: &str,
) -> sqlx::Result<Joining> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    if let Some(known) = crate::public_pages::my_page::db::recipient(&mut tx, pool.pii(), site, &j.email).await? {
        // Sent unless the address had its links or mails for now; the answer is the same.
        crate::public_pages::my_page::db::send_link(&mut tx, pool.pii(), site, &known, &j.email, origin).await?;
        tx.commit().await?;
        return Ok(Joining::Known);
    }
    let contact = Contact {
        first_name: Some(&j.first_name),
        last_name: j.last_name.as_ref(),
        email: &j.email,
        phone: None,
        address: None,
        source: "loyalty",
    };
    let (customer, _) = identity::claim_customer(&mut tx, pool.pii(), site.id, &contact).await?;
    let joined = Joined::Themselves { via: "widget", text: lang.loyalty().loyalty_agree, language: lang.code(), page };
    crate::loyalty::db::issue_card_in(&mut tx, customer, &joined).await?;
    identity::attach_favourites(&mut tx, site.id, customer, &j.favourites).await?;
    let visitor = identity::link_browser(&mut tx, site.id, customer).await?;
    let recipient = crate::public_pages::my_page::db::Recipient {
        customer,
        name: j.first_name.as_str().to_owned(),
        language: lang,
    };
    crate::public_pages::my_page::db::send_link(&mut tx, pool.pii(), site, &recipient, &j.email, origin).await?;
    tx.commit().await?;
    Ok(Joining::New { visitor })
}
