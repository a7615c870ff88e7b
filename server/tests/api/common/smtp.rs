//! A real SMTP server on loopback (Python's aiosmtpd, as Debian packages it: `scripts/setup
//! --browser` installs it), and reading the mails it took.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A real SMTP server writing every mail it takes into a maildir.
pub struct SmtpServer {
    child: Child,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    pub async fn start_on(port: u16) -> SmtpServer {
        let dir = tempfile::tempdir().unwrap();
        let child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("mail"))
            .stdout(Stdio::null())
            .spawn()
            .expect("Python's aiosmtpd is needed (scripts/setup --browser installs python3-aiosmtpd)");
        let server = SmtpServer { child, dir };
        let started = Instant::now();
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "aiosmtpd did not start (is python3-aiosmtpd installed?)"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        server
    }

    /// The mails taken so far, waiting up to 15 s for `want` of them.
    pub async fn mails(&self, want: usize) -> Vec<String> {
        let new = self.dir.path().join("mail").join("new");
        let started = Instant::now();
        loop {
            let mut mails: Vec<String> = std::fs::read_dir(&new)
                .map(|d| d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect())
                .unwrap_or_default();
            if mails.len() >= want || started.elapsed() > Duration::from_secs(15) {
                mails.sort();
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn smtp_url(port: u16) -> patron::mailer::SmtpUrl {
    patron::mailer::SmtpUrl::parse(&format!("smtp://127.0.0.1:{port}")).unwrap()
}

/// A mail's header value (first match, unfolded).
pub fn header<'a>(mail: &'a str, name: &str) -> Option<&'a str> {
    mail.lines().take_while(|l| !l.is_empty()).find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// A mail's body, decoded from its transfer encoding.
pub fn body(mail: &str) -> String {
    let mail = mail.replace("\r\n", "\n");
    let (_, raw) = mail.split_once("\n\n").expect("a body");
    match header(&mail, "Content-Transfer-Encoding").map(str::to_ascii_lowercase).as_deref() {
        Some("quoted-printable") => {
            let joined = raw.replace("=\n", "");
            let mut out = Vec::new();
            let bytes = joined.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'=' && i + 2 < bytes.len() {
                    out.push(u8::from_str_radix(&joined[i + 1..i + 3], 16).unwrap());
                    i += 3;
                } else {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8(out).unwrap()
        }
        Some("base64") => {
            use base64::Engine;
            let clean: String = raw.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(clean).unwrap()).unwrap()
        }
        _ => raw.to_owned(),
    }
}
