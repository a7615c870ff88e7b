//! Sends the outbox through the mail server of `PATRON_SMTP_URL`. The queue is the outbox
//! table itself, so a mail written before a restart is sent after it, and every server of
//! an install may run this loop: a mail is claimed before it is tried (see
//! `app::mail::db::claim`). A mail the server refuses for good (5xx) fails at once; other
//! failures are tried again after 1, 2, 4… minutes, eight tries in all (about two hours).

use app::db::Db;
use app::mail::db::{self as outbox, Outgoing};
use lettre::message::{Mailbox, header::ContentType};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How often the outbox is looked at for due mail.
const POLL: Duration = Duration::from_secs(2);
/// How long a server may take over one mail before another may try it.
const LEASE_SECS: i64 = 120;
/// A try that takes longer fails (well inside the lease).
const TIMEOUT: Duration = Duration::from_secs(30);
const MAX_ATTEMPTS: i64 = 8;
/// Mails claimed per look.
const BATCH: i64 = 20;

/// The mail server's address as configured. It may hold a user name and password, so it is
/// never printed: `Debug` and [`SmtpUrl::server`] show the host and port only.
#[derive(Clone)]
pub struct SmtpUrl {
    url: String,
    server: String,
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmtpUrl({})", self.server)
    }
}

impl SmtpUrl {
    /// `smtp://[user:password@]host[:port][?tls=required]` or `smtps://…` (lettre's forms).
    pub fn parse(raw: &str) -> Result<SmtpUrl, String> {
        AsyncSmtpTransport::<Tokio1Executor>::from_url(raw)
            .map_err(|_| "expected smtp://[user:password@]host[:port] or smtps://…".to_owned())?;
        let rest = raw.split_once("://").map_or(raw, |(_, rest)| rest);
        let host_port = rest.rsplit_once('@').map_or(rest, |(_, after)| after);
        let server = host_port.split(['/', '?']).next().unwrap_or_default().to_owned();
        Ok(SmtpUrl { url: raw.to_owned(), server })
    }

    /// Host and port, for the admin and the log.
    pub fn server(&self) -> &str {
        &self.server
    }
}

/// Starts the sending loop. `from` is the address mails come from; each site's name is
/// its display name.
pub fn start(pool: Db, url: &SmtpUrl, from: Address) {
    let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(&url.url) {
        Ok(builder) => builder.timeout(Some(TIMEOUT)).build(),
        // Parsed when the configuration was read; reaching this is a bug, not a setting.
        Err(e) => return tracing::error!(error = %e, "the mail server address does not parse; mail is not sent"),
    };
    tracing::info!(server = url.server(), "sending mail");
    crate::lease_queue::start(pool, Outbox { transport, from });
}

/// The outbox as a queue, with the mail server to send it through.
struct Outbox {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Address,
}

impl crate::lease_queue::LeaseQueue for Outbox {
    type Claimed = Outgoing;
    const NAME: &'static str = "the outbox";
    const POLL: Duration = POLL;
    const BATCH: i64 = BATCH;
    const LEASE_SECS: i64 = LEASE_SECS;

    async fn due(pool: &Db, batch: i64) -> sqlx::Result<Vec<i64>> {
        outbox::due(pool, batch).await
    }

    async fn claim(pool: &Db, id: i64, lease_secs: i64) -> sqlx::Result<Option<Outgoing>> {
        outbox::claim(pool, id, lease_secs).await
    }

    async fn work(&self, pool: &Db, mail: Outgoing) -> sqlx::Result<()> {
        let (transport, from) = (&self.transport, &self.from);
        let result = match message(&mail, from) {
            Ok(message) => transport.send(message).await.map(|_| ()).map_err(|e| (e.is_permanent(), e.to_string())),
            Err(e) => Err((true, e)),
        };
        match result {
            Ok(()) => {
                outbox::sent(pool, mail.id).await?;
                tracing::info!(mail = mail.id, "mail sent");
            }
            Err((permanent, error)) => {
                let retry =
                    (!permanent && mail.attempts < MAX_ATTEMPTS).then(|| 60 << (mail.attempts - 1).clamp(0, 10));
                tracing::warn!(mail = mail.id, attempts = mail.attempts, retry_in_secs = retry, error, "mail not sent");
                outbox::failed(pool, mail.id, &error, retry).await?;
            }
        }
        Ok(())
    }
}

fn message(mail: &Outgoing, from: &Address) -> Result<Message, String> {
    use lettre::message::header::{HeaderName, HeaderValue};
    let to: Mailbox = mail.to.parse().map_err(|_| "the address does not parse".to_owned())?;
    let mut builder = Message::builder()
        .from(Mailbox::new(Some(mail.site_name.clone()), from.clone()))
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN);
    if let Some(url) = &mail.unsubscribe {
        // RFC 2369 and RFC 8058: the mail program's own unsubscribe button posts to the link.
        builder = builder
            .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    builder.body(mail.body.clone()).map_err(|e| format!("the mail could not be built: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_shown_keeps_the_password_out() {
        let url = SmtpUrl::parse("smtp://shop:s3cret@mail.example:2525?tls=required").unwrap();
        assert_eq!(url.server(), "mail.example:2525");
        assert!(!format!("{url:?}").contains("s3cret"));
        assert!(SmtpUrl::parse("http://mail.example").is_err());
    }
}
