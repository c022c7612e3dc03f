//! The router, and the server that listens with it.
//!
//! axum on tokio: a mature, well-kept stack (tokio-rs), whose tower layers give the
//! body and concurrency limits without code of our own, and which runs on the
//! command line's own thread when asked (`serve` blocks until Ctrl-C).

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use tower::limit::ConcurrencyLimitLayer;

use crate::api::{self, AppState};
use crate::assets;
use crate::{ApiError, Config, Error, Result};

/// What the page allows itself: its own scripts, styles and API, nothing inline, no
/// frames, no plugins. A report's text is never markup, and this would stop a script
/// in it even if it were.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: blob:; connect-src 'self'; form-action 'none'; \
     frame-ancestors 'none'; base-uri 'none'";

/// Multipart framing allowed on top of two files in `/api/diff`.
const MULTIPART_SLACK: usize = 64 * 1024;

/// The router of the page and its API, with the limits of `config`.
///
/// Its state owns a temporary folder for PDFs read through `pdftotext`, removed when
/// the router and its clones are dropped (when the server stops).
///
/// # Errors
/// [`Error::Io`] when the temporary folder cannot be made.
pub fn router(config: &Config) -> Result<Router> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("zfxxgk-serve-");
    let temp = match &config.temp_root {
        Some(root) => builder.tempdir_in(root),
        None => builder.tempdir(),
    }
    .map_err(|source| Error::Io {
        what: "making a temporary folder",
        source,
    })?;
    let opts = zfxxgk::InputOptions {
        max_bytes: config.max_bytes,
        pdftotext: config.pdftotext.clone(),
        name_hint: None,
        temp_dir: Some(temp.path().to_path_buf()),
    };
    let state = Arc::new(AppState {
        opts,
        rules: zfxxgk::RuleSet::builtin(),
        max_bytes: config.max_bytes,
        _temp: temp,
    });
    let two_files = config
        .max_bytes
        .saturating_mul(2)
        .saturating_add(MULTIPART_SLACK);
    let api = Router::new()
        .route(
            "/api/read",
            post(api::read).layer(DefaultBodyLimit::max(config.max_bytes)),
        )
        .route(
            "/api/diff",
            post(api::diff).layer(DefaultBodyLimit::max(two_files)),
        )
        .route("/api/rules", get(api::rules))
        .layer(ConcurrencyLimitLayer::new(config.concurrency.max(1)))
        .with_state(state);
    Ok(Router::new()
        .route("/", get(assets::index))
        .route("/app.css", get(assets::css))
        .route("/app.js", get(assets::js))
        .route("/icon.svg", get(assets::icon))
        .merge(api)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::map_response(headers)))
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::NotFound(uri.path().to_owned())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Headers on every answer: the content security policy, no sniffing, no caching of
/// what may hold a report.
async fn headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// A server listening, not yet answering: [`bind`] it, read its address, then
/// [`run`](Server::run) it.
#[derive(Debug)]
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    addr: SocketAddr,
}

/// Listens on `config`'s address (port 0 picks a free port).
///
/// # Errors
/// [`Error::Bind`] when the address cannot be listened on, [`Error::Io`] when the
/// temporary folder cannot be made.
pub async fn bind(config: &Config) -> Result<Server> {
    let router = router(config)?;
    let want = config.addr();
    let listener = tokio::net::TcpListener::bind(want)
        .await
        .map_err(|source| Error::Bind { addr: want, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| Error::Bind { addr: want, source })?;
    Ok(Server {
        listener,
        router,
        addr,
    })
}

impl Server {
    /// The address it listens on (with the port chosen, if 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answers requests until `shutdown` completes, then finishes the requests under
    /// way and returns; the temporary folder is removed.
    ///
    /// # Errors
    /// [`Error::Io`] when the socket fails.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|source| Error::Io {
                what: "serving",
                source,
            })
    }
}

/// Runs the server on this thread until Ctrl-C (or SIGTERM): binds, calls `ready` with the address
/// listened on (to print it, or open a browser), then answers requests.
///
/// # Errors
/// [`Error::Bind`] when the address cannot be listened on, [`Error::Io`] when the
/// runtime or the temporary folder cannot be made or the socket fails.
pub fn serve(config: &Config, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io {
            what: "starting the runtime",
            source,
        })?;
    runtime.block_on(async {
        let server = bind(config).await?;
        ready(server.local_addr());
        server.run(stop_signal()).await
    })
}

/// Completes on Ctrl-C (SIGINT) or, on Unix, SIGTERM, so that the server stops cleanly
/// and removes its temporary folder. A signal that cannot be listened for never comes.
async fn stop_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
