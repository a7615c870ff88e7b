//! SQL of a programme's words in its site's other languages (`loyalty::words`).

use crate::db::Conn;
use crate::db::Db;
use crate::loyalty::{ProgrammeWords, Reward};

/// A programme's words in each of `languages` (its site's other languages), blank where none
/// were given, for the settings page.
pub async fn of_programme(
    pool: &Db,
    programme: i64,
    languages: &[String],
    rewards: &[Reward],
) -> sqlx::Result<Vec<ProgrammeWords>> {
    let texts: Vec<(String, String, String)> =
        sqlx::query_as("SELECT language, name, birthday_reward FROM loyalty_programme_texts WHERE programme_id = $1")
            .bind(programme)
            .fetch_all(pool)
            .await?;
    let names: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT n.reward_id, n.language, n.name FROM loyalty_reward_names n
         JOIN loyalty_rewards r ON r.id = n.reward_id WHERE r.programme_id = $1",
    )
    .bind(programme)
    .fetch_all(pool)
    .await?;
    Ok(languages
        .iter()
        .map(|language| {
            let text = texts.iter().find(|(l, ..)| l == language);
            ProgrammeWords {
                language: language.clone(),
                name: text.map(|(_, n, _)| n.clone()).unwrap_or_default(),
                birthday_reward: text.map(|(.., b)| b.clone()).unwrap_or_default(),
                rewards: rewards
                    .iter()
                    .map(|r| {
                        let name = names.iter().find(|(id, l, _)| *id == r.id && l == language);
                        (r.id, name.map(|(.., n)| n.clone()).unwrap_or_default())
                    })
                    .collect(),
            }
        })
        .collect())
}

/// Replaces a programme's words with `words`, in the caller's transaction (the one that
/// saved its rules). A reward name for a reward that is not one of this programme's rewards
/// on offer (withdrawn by the same save, or another programme's) is left out.
pub async fn replace(conn: &mut Conn, programme: i64, words: &[ProgrammeWords]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM loyalty_programme_texts WHERE programme_id = $1")
        .bind(programme)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM loyalty_reward_names WHERE reward_id IN (SELECT id FROM loyalty_rewards WHERE programme_id = $1)",
    )
    .bind(programme)
    .execute(&mut *conn)
    .await?;
    for w in words {
        if !w.name.is_empty() || !w.birthday_reward.is_empty() {
            sqlx::query(
                "INSERT INTO loyalty_programme_texts (programme_id, language, name, birthday_reward) VALUES ($1, $2, $3, $4)",
            )
            .bind(programme)
            .bind(&w.language)
            .bind(&w.name)
            .bind(&w.birthday_reward)
            .execute(&mut *conn)
            .await?;
        }
        for (reward, name) in w.rewards.iter().filter(|(_, name)| !name.is_empty()) {
            sqlx::query(
                "INSERT INTO loyalty_reward_names (reward_id, language, name)
                 SELECT id, $1, $2 FROM loyalty_rewards WHERE id = $3 AND programme_id = $4 AND active = 1
                 ON CONFLICT DO NOTHING",
            )
            .bind(&w.language)
            .bind(name)
            .bind(reward)
            .bind(programme)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
