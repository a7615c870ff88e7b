//! Sends webhook deliveries from their queue in the database (`app::webhooks::db`), signed
//! in the Standard Webhooks format. Every server of an install runs this loop; a delivery is
//! claimed before each try. An endpoint that does not answer 2xx within 10 seconds is tried
//! again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then given up (the admin can
//! send it again). Redirects are not followed: the owner registered this address.

use app::db::Db;
use app::webhooks::db::{self as queue, Outgoing};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

const POLL: Duration = Duration::from_secs(1);
const TIMEOUT: Duration = Duration::from_secs(10);
const LEASE_SECS: i64 = 60;
const BATCH: i64 = 20;
/// Pause after the 1st, 2nd… failed try; after the last, the delivery is given up.
const RETRY_SECS: [i64; 7] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];

/// The `webhook-signature` of a message: `v1,` and base64 of HMAC-SHA256 over
/// `id.timestamp.body` under the secret's bytes (`whsec_` + base64).
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix("whsec_")?).ok()?;
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes())))
}

/// Starts the sender; `private_too`: endpoints on private networks may be reached (see
/// `outbound`).
pub fn start(pool: Db, private_too: bool) {
    let client = match reqwest::Client::builder()
        .dns_resolver(crate::outbound::PublicOnly { private_too })
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Patron-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(client) => client,
        Err(e) => return tracing::error!(error = %e, "no HTTP client: webhooks are not sent"),
    };
    crate::lease_queue::start(pool, Deliveries { client, private_too });
}

/// The deliveries as a queue, with the client that makes them.
struct Deliveries {
    client: reqwest::Client,
    private_too: bool,
}

impl crate::lease_queue::LeaseQueue for Deliveries {
    type Claimed = Outgoing;
    const NAME: &'static str = "the webhook queue";
    const POLL: Duration = POLL;
    const BATCH: i64 = BATCH;
    const LEASE_SECS: i64 = LEASE_SECS;

    async fn due(pool: &Db, batch: i64) -> sqlx::Result<Vec<i64>> {
        queue::due(pool, batch).await
    }

    async fn claim(pool: &Db, id: i64, lease_secs: i64) -> sqlx::Result<Option<Outgoing>> {
        queue::claim(pool, id, lease_secs).await
    }

    async fn work(&self, pool: &Db, delivery: Outgoing) -> sqlx::Result<()> {
        let (client, private_too) = (&self.client, self.private_too);
        if delivery.withheld {
            // Given up at once, and said so in the log: nothing left for this endpoint.
            queue::tried(pool, delivery.id, false, None, Some(queue::WITHHELD), None).await?;
            return Ok(());
        }
        if crate::outbound::literal_refused(&delivery.url, private_too) {
            queue::tried(pool, delivery.id, false, None, Some(crate::outbound::REFUSED), None).await?;
            return Ok(());
        }
        let (status, error) = match send(pool, client, &delivery).await? {
            Ok(status) => (Some(status), (!(200..300).contains(&status)).then(|| format!("HTTP {status}"))),
            Err(error) => (None, Some(error)),
        };
        let delivered = error.is_none();
        // An address Patron may not reach will not become one by waiting: given up at once.
        let refused = error.as_deref().is_some_and(|e| e.contains(crate::outbound::REFUSED));
        let retry =
            usize::try_from(delivery.attempts - 1).ok().and_then(|i| RETRY_SECS.get(i).copied()).filter(|_| !refused);
        if !delivered {
            tracing::warn!(
                delivery = delivery.id,
                attempts = delivery.attempts,
                status,
                retry_in_secs = retry,
                "webhook not delivered"
            );
        }
        queue::tried(pool, delivery.id, delivered, status, if delivered { None } else { error.as_deref() }, retry)
            .await?;
        Ok(())
    }
}

/// One try: the endpoint's HTTP status, or why there was none.
async fn send(pool: &Db, client: &reqwest::Client, d: &Outgoing) -> sqlx::Result<Result<u16, String>> {
    let data = queue::data(pool, d.site, &d.event_type, d.subject_id).await?;
    let body = serde_json::json!({ "type": d.event_type, "timestamp": d.created_at, "data": data }).to_string();
    let id = format!("msg_{}", d.event_id);
    let timestamp = app::server_ctx::now();
    let Some(signature) = sign(&d.secret, &id, timestamp, &body) else {
        return Ok(Err("the endpoint's secret does not decode".to_owned()));
    };
    let sent = client
        .post(&d.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("webhook-id", &id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await;
    // The error names the address, not the body: no customer data goes to the log. Its
    // causes are kept (a refused address says so).
    Ok(sent.map(|r| r.status().as_u16()).map_err(|e| {
        let e = e.without_url();
        let mut text = e.to_string();
        let mut cause = std::error::Error::source(&e);
        while let Some(c) = cause {
            text.push_str(": ");
            text.push_str(&c.to_string());
            cause = c.source();
        }
        text
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_the_standard_webhooks_example() {
        // The example of the Standard Webhooks specification.
        let signature = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        );
        assert_eq!(signature.as_deref(), Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        assert_eq!(sign("no prefix", "msg", 1, "{}"), None);
    }
}
