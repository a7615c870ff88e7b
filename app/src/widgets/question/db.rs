//! SQL of survey questions.

use super::QuestionKind;
use crate::db::Db;
use crate::domain::SiteId;

/// The active options of a site's question in the site's order: (id, code).
pub async fn options(pool: &Db, site: SiteId, kind: QuestionKind) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT id, code FROM question_options
         WHERE site_id = $1 AND question = $2 AND active = 1 ORDER BY position, id",
    )
    .bind(site)
    .bind(kind.key())
    .fetch_all(pool)
    .await
}

/// The site's own texts for a question and its options in two languages: (key, language, body).
pub async fn site_texts(
    pool: &Db,
    site: SiteId,
    kind: QuestionKind,
    lang: &str,
    default_lang: &str,
) -> sqlx::Result<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT key, language, body FROM site_texts
         WHERE site_id = $1 AND substr(key, 1, length($2) + 1) = $3 || '.' AND language IN ($4, $5)",
    )
    .bind(site)
    .bind(kind.key())
    .bind(kind.key())
    .bind(lang)
    .bind(default_lang)
    .fetch_all(pool)
    .await
}
