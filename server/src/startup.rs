//! Building the HTTP application and serving it.

use crate::config::Config;
use crate::{db, gate, ingest, static_files};

use app::db::Db;
use app::{AdminApp, shell};
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Redirect;
use axum::routing::{get, post};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body anywhere (widget calls are limited further by the gate).
const MAX_BODY: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("could not listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error(
        "Patron listens on {0}, which other machines can reach, but its public address is not set. Links in \
         mails would otherwise follow whatever Host a request names (and hand a customer's token to whoever \
         forged it). Set --public-url (PATRON_PUBLIC_URL), e.g. https://crm.shop.example, or listen on \
         127.0.0.1 behind a reverse proxy."
    )]
    NoPublicUrl(SocketAddr),
}

/// A bound, ready server. `port()` is known before `run()`, so tests can bind port 0.
pub struct Application {
    listener: TcpListener,
    router: Router,
    pub pool: Db,
    mail: Option<(crate::mailer::SmtpUrl, lettre::Address)>,
    /// Where links in mails written by the timer jobs point: the public URL, else this server.
    link_origin: String,
    /// The first-run page's one-time code, when no staff account exists yet.
    pub setup_code: Option<String>,
    /// Webhooks may reach private networks (`--webhooks-to-private-networks`).
    webhooks_to_private: bool,
    /// Timeouts and connections per network.
    limits: crate::serve::Limits,
    /// Where the server's own backups go, and how often (`--backup-every-hours`; none at 0).
    backups: Option<(app::admin::backups::files::BackupPlace, std::time::Duration)>,
}

impl Application {
    pub async fn build(config: &Config) -> Result<Application, StartError> {
        // TLS for webhooks and mail: ring, as the one provider (a second start finds it set).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let key = config.load_key().map_err(db::DbError::from)?;
        if let crate::pii::KeySource::BesideDatabase(path) = &key.source {
            tracing::warn!(
                key_file = %path.display(),
                "NO KEY CONFIGURED: customer data is sealed with a key stored beside the database, so whoever copies \
                 the data directory can read it. Move the key elsewhere and set PATRON_KEY_FILE (or PATRON_SECRET_KEY), \
                 and keep a copy apart from the backups: without it they cannot be read."
            );
        }
        let pool = db::connect(&config.database_url, &key.key, config.lock_wait()).await?;
        crate::demo::settle(&pool, config.demo).await.map_err(db::DbError::Open)?;
        // The words Patron writes into each site's privacy policy may differ in this version.
        app::policy::db::refresh_all(&pool).await.map_err(db::DbError::Policy)?;
        let listener =
            TcpListener::bind(config.addr).await.map_err(|source| StartError::Bind { addr: config.addr, source })?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind { addr: config.addr, source })?;
        let public = match &config.public_url {
            Some(url) => app::server_ctx::PublicOrigin::configured(
                app::domain::Origin::parse(url).expect("the public URL was parsed as an origin"),
            ),
            None => app::server_ctx::PublicOrigin::loopback(addr).ok_or(StartError::NoPublicUrl(addr))?,
        };
        tracing::info!(public_url = public.as_str(), "links in mails and exports start with the public address");
        let router = router(config, addr, pool.clone(), &key.source, public.clone());
        let mail = config.smtp_url.clone().map(|url| (url, config.mail_from.clone()));
        let link_origin = public.as_str().to_owned();
        let setup_code = setup_code(&pool, &public).await?;
        let webhooks_to_private = config.webhooks_to_private_networks;
        let limits = crate::serve::Limits {
            header_timeout: std::time::Duration::from_secs(config.header_timeout),
            per_network: config.connections_per_network,
            proxies: std::sync::Arc::new(config.trusted_proxies.clone()),
        };
        let backups = (config.backup_every_hours > 0).then(|| {
            (config.backup_place(), std::time::Duration::from_secs(u64::from(config.backup_every_hours) * 3600))
        });
        Ok(Application { listener, router, pool, mail, link_origin, setup_code, webhooks_to_private, limits, backups })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests under way.
    pub async fn run(self) -> std::io::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, "Patron is listening");
        crate::jobs::start(self.pool.clone(), self.link_origin.clone());
        if self.pool.dialect() == app::db::Dialect::Postgres {
            tracing::info!("the database is PostgreSQL: no backups are taken here (pg_dump's job, docs/postgres.md)");
        } else if let Some((place, every)) = self.backups.clone() {
            crate::jobs::start_backups(self.pool.clone(), place, every);
        }
        crate::webhooks::start(self.pool.clone(), self.webhooks_to_private);
        if let Some((url, from)) = &self.mail {
            crate::mailer::start(self.pool.clone(), url, from.clone());
        }
        crate::serve::serve(self.listener, self.router, self.limits, shutdown_signal()).await
    }
}

/// With no staff account yet, a one-time code for the first-run page, printed with its link:
/// whoever reaches a fresh install first must not become its owner. It is printed (it is
/// the operator's to pass on, and dies when the owner is made); the database keeps its hash.
async fn setup_code(pool: &Db, public: &app::server_ctx::PublicOrigin) -> Result<Option<String>, StartError> {
    let exists = app::admin::auth::db::staff_exists(pool).await.map_err(db::DbError::Open)?;
    if exists {
        return Ok(None);
    }
    let code = app::tokens::new_token().map_err(|e| db::DbError::Open(sqlx::Error::Protocol(e.to_string())))?;
    app::admin::auth::db::add_setup_token(pool, &app::tokens::hash(&code)).await.map_err(db::DbError::Open)?;
    tracing::warn!(
        "NO OWNER YET: create the owner account at {}/admin/setup?code={code} (the code works once, for 7 days), \
         or run `patron admin create --email …`",
        public.as_str()
    );
    Ok(Some(code))
}

fn router(
    config: &Config,
    addr: SocketAddr,
    pool: Db,
    key: &crate::pii::KeySource,
    public: app::server_ctx::PublicOrigin,
) -> Router {
    let assets = static_files::Assets::choose(config.site_root.as_deref());
    let asset_root = assets.root();
    let leptos_options = LeptosOptions::builder()
        .output_name("patron")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build();
    let routes = generate_route_list(AdminApp);
    let demo = config.demo;
    let context_pool = pool.clone();
    let backups = config.backup_place();
    let key_place = app::server_ctx::KeyPlace(match key {
        crate::pii::KeySource::BesideDatabase(path) => Some(path.display().to_string()),
        _ => None,
    });
    let mail_server = app::server_ctx::MailServer(config.smtp_url.as_ref().map(|u| u.server().to_owned()));
    let context = move || {
        provide_context(context_pool.clone());
        provide_context(backups.clone());
        provide_context(key_place.clone());
        provide_context(mail_server.clone());
    };
    let admin = Router::new()
        .leptos_routes_with_context(&leptos_options, routes, context, {
            let options = leptos_options.clone();
            move || shell(options.clone(), asset_root.clone())
        })
        .with_state(leptos_options)
        // The clock of the site each admin page is about, for the dates it writes.
        .layer(axum::middleware::from_fn_with_state(pool.clone(), app::sites::clock::attach));
    let analytics =
        Router::new().route("/s/{key}/a", post(ingest::handle)).with_state(std::sync::Arc::new(ingest::Ingest::start(
            pool.clone(),
            config.trusted_proxies.clone(),
            crate::rate_limit::Limit::per_minute(config.ingest_rate),
            public.clone(),
        )));
    let app = Router::new()
        .route("/", get(move || async move { Redirect::to(if demo { "/demo" } else { "/admin" }) }))
        .route(
            "/healthz",
            get(crate::health::healthz)
                .with_state(crate::health::Health { pool: pool.clone(), lock_wait: config.lock_wait() }),
        )
        // Answers without touching the database: the benchmark's ceiling for this server.
        .route("/livez", get(|| async { "ok" }))
        .route("/admin/", get(|| async { Redirect::permanent("/admin") }))
        .route("/admin/export.csv", get(app::admin::segments::export::csv_handler))
        .route("/admin/labels", get(app::admin::segments::export::labels_handler))
        .route("/admin/purchases.csv", get(app::admin::reports::purchases_csv::handler))
        .route("/admin/customer-data", get(app::rights::download::customer_data))
        .with_state(pool.clone())
        .merge(admin)
        .merge(analytics)
        .merge(app::public_pages::routes(app::public_pages::SelfService { pool: pool.clone(), public: public.clone() }))
        .merge(app::rest_api::routes(pool.clone()))
        .merge(static_files::routes(assets, config.demo))
        .layer(axum::middleware::from_fn_with_state(public.clone(), gate::admin_same_origin))
        .layer(axum::middleware::from_fn_with_state(pool.clone(), crate::public_limit::limit))
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(config.trusted_proxies.clone()),
            crate::client_ip::tag,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ));
    let widget_limit = crate::rate_limit::Limit::per_minute(config.widget_rate);
    widget_limit.start_forgetting();
    let widget_gate = gate::WidgetGate {
        pool,
        proxies: std::sync::Arc::new(config.trusted_proxies.clone()),
        limit: widget_limit,
        public: public.clone(),
    };
    // Over https, browsers are told to come back over https only (a year; no subdomains:
    // the shop's other hosts are not Patron's to decide).
    let hsts = public.is_https().then(|| HeaderValue::from_static("max-age=31536000"));
    // The gate rewrites `/s/KEY/w/...` before routing, so it wraps the router from outside.
    Router::new()
        .fallback_service(app)
        .layer(axum::middleware::from_fn_with_state(widget_gate, gate::widget_gate))
        .layer(axum::Extension(public))
        .layer(SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, move |_: &axum::response::Response| hsts.clone()))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(RequestBodyTimeoutLayer::new(std::time::Duration::from_secs(config.body_timeout)))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<_>| {
                    tracing::info_span!("request", method = %req.method(), path = %crate::telemetry::loggable_path(req.uri().path()))
                })
                // Not an ERROR line per 5xx: a full disk under load made tens of thousands.
                // Causes are logged where they arise (`AppError::internal`, `app::storage`).
                .on_failure(tower_http::trace::DefaultOnFailure::new().level(tracing::Level::DEBUG)),
        )
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
