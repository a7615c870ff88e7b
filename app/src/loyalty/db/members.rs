//! SQL of loyalty cards: the number a customer is given (by staff, or by joining
//! themselves), and what the printed card shows.

use crate::db::Conn;
use crate::db::Db;
use crate::domain::CustomerId;
use sqlx::Row;

/// The customer's card, if they have one.
pub async fn member(pool: &Db, customer: CustomerId) -> sqlx::Result<Option<crate::loyalty::Member>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT card_code, joined_at FROM loyalty_members WHERE customer_id = $1")
            .bind(customer)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(code, joined_at)| crate::loyalty::Member { code: crate::loyalty::member::display(&code), joined_at }))
}

/// How a card was taken: given by staff, or by the customer, agreeing to words shown to them.
pub enum Joined<'a> {
    Staff,
    Themselves {
        /// `widget` or `my_page`.
        via: &'static str,
        text: &'a str,
        language: &'a str,
        page: &'a str,
    },
}

/// Gives the customer a card, or finds the one they have; `None`: no such customer.
pub async fn issue_card(pool: &Db, customer: CustomerId) -> sqlx::Result<Option<crate::loyalty::Member>> {
    let mut conn = pool.acquire().await?;
    issue_card_in(&mut conn, customer, &Joined::Staff).await?;
    drop(conn);
    member(pool, customer).await
}

/// Gives the customer a card inside the caller's transaction; `false` when they had one
/// already (it is kept as it was).
pub async fn issue_card_in(conn: &mut Conn, customer: CustomerId, joined: &Joined<'_>) -> sqlx::Result<bool> {
    let (via, text, language, page) = match joined {
        Joined::Staff => ("staff", None, None, None),
        Joined::Themselves { via, text, language, page } => (*via, Some(*text), Some(*language), Some(*page)),
    };
    // 40 random bits: a clash within a site is rare, and then the next number is drawn.
    for _ in 0..5 {
        let mut bytes = [0u8; 5];
        getrandom::fill(&mut bytes).map_err(|e| sqlx::Error::Protocol(format!("no randomness: {e}")))?;
        let code = crate::loyalty::member::code_from(bytes);
        let issued = sqlx::query(
            "INSERT INTO loyalty_members (customer_id, site_id, card_code, joined_via, agreed_text, agreed_language, agreed_page)
             SELECT id, site_id, $2, $3, $4, $5, $6 FROM customers WHERE id = $1
             ON CONFLICT (customer_id) DO NOTHING",
        )
        .bind(customer)
        .bind(&code)
        .bind(via)
        .bind(text)
        .bind(language)
        .bind(page)
        .execute(&mut *conn)
        .await;
        match issued {
            Ok(done) => return Ok(done.rows_affected() == 1),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
            Err(e) => return Err(e),
        }
    }
    Err(sqlx::Error::Protocol("no free card number after five draws".into()))
}

/// What the customer's printed card shows; `None` without a card.
pub async fn printable(pool: &Db, customer: CustomerId) -> sqlx::Result<Option<crate::loyalty::PrintableCard>> {
    let row = sqlx::query(
        "SELECT m.card_code, s.name AS site_name, c.first_name, c.last_name
         FROM loyalty_members m JOIN customers c ON c.id = m.customer_id JOIN sites s ON s.id = m.site_id
         WHERE m.customer_id = $1",
    )
    .bind(customer)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let code: String = r.try_get("card_code")?;
    let svg = crate::loyalty::member::qr_svg(&code)
        .ok_or_else(|| sqlx::Error::Protocol("card number too long for a QR code".into()))?;
    Ok(Some(crate::loyalty::PrintableCard {
        site_name: r.try_get("site_name")?,
        name: pool.pii().full_name(r.try_get("first_name")?, r.try_get("last_name")?)?,
        code: crate::loyalty::member::display(&code),
        svg,
    }))
}
