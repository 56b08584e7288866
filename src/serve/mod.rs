//! `rubric serve`: the HTTP JSON API and the browser practice page, a thin shell over the library
//! (axum on tokio, behind the `serve` feature so an embedding tool never compiles a web stack).
//!
//! ```text
//! request ─▶ guard (access log, bearer token, concurrency limit, timeout) ─▶ handler ─▶ library
//!              └─ every failure is JSON: {"error": {"code", "message"}}
//! ```
//!
//! Invariants:
//!
//! - The server holds no per-user state. An interview's state is its [`Transcript`](crate::Transcript),
//!   sent with every step and returned updated, in the same format as the CLI's transcript file,
//!   so an interview moves between the browser and the terminal.
//! - `POST /v1/grade` returns byte for byte what `rubric grade --format json` prints.
//! - Request bodies are read up to [`Config::body_limit`] (1 MiB by default); `POST /v1/batch` is
//!   streamed instead, a bounded number of records at a time, each line at most that long.
//! - The access log names the method, path, status and duration, never a body, so answer text
//!   never reaches a log.
//! - Every rubric is compiled once, at start-up.

mod api;
mod error;
mod guard;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use crate::{Bank, Grader};

pub use error::ApiError;

/// Every route, as `(method, path)`: the OpenAPI description at `/v1/openapi.json` documents
/// exactly these (a test keeps the two in sync).
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/"),
    ("get", "/healthz"),
    ("get", "/v1/openapi.json"),
    ("get", "/v1/questions"),
    ("get", "/v1/questions/{id}"),
    ("post", "/v1/grade"),
    ("post", "/v1/explain"),
    ("post", "/v1/batch"),
    ("post", "/v1/interviews"),
    ("post", "/v1/interviews/hint"),
    ("post", "/v1/interviews/answer"),
    ("post", "/v1/interviews/follow-up"),
    ("post", "/v1/interviews/skip"),
    ("post", "/v1/interviews/scorecard"),
];

/// The OpenAPI 3.1 description of the API, served at `/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Server settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// The bearer token every `/v1` request must carry; required off loopback.
    pub token: Option<String>,
    /// The longest a request may take before a `503 timeout` (default 10 s).
    pub timeout: Duration,
    /// Requests handled at once; more get `503 overloaded` at once (default 256).
    pub max_concurrent: usize,
    /// The largest request body read whole (default 1 MiB, as the CLI's answer limit).
    pub body_limit: usize,
    /// Print one access-log line per request on stderr.
    pub access_log: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            timeout: Duration::from_secs(10),
            max_concurrent: 256,
            body_limit: crate::DEFAULT_MAX_ANSWER_BYTES,
            access_log: true,
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// A non-loopback address without `--token`.
    #[error(
        "binding to {addr} (not loopback) needs --token: anyone on the network could use the API"
    )]
    TokenRequired {
        /// The address asked for.
        addr: SocketAddr,
    },
    /// A bank rubric that does not compile.
    #[error(transparent)]
    Rubric(#[from] crate::Error),
    /// Binding, or the runtime.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
}

/// What every handler shares: the bank, each rubric compiled once, the limits.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) bank: Bank,
    /// Rubric id -> its grader.
    pub(crate) graders: HashMap<String, Arc<Grader>>,
    pub(crate) config: Config,
    pub(crate) permits: Semaphore,
}

impl State {
    /// The grader of a question id, prefix or slug.
    pub(crate) fn grader(&self, query: &str) -> Result<Arc<Grader>, crate::Error> {
        let entry = self.bank.find(query)?;
        match self.graders.get(&entry.rubric.id) {
            Some(g) => Ok(Arc::clone(g)),
            // Every entry was compiled at start-up; compiling again is only a fallback.
            None => Ok(Arc::new(Grader::for_entry(&self.bank, entry)?)),
        }
    }
}

/// A server bound to its address, ready to run.
#[derive(Debug)]
pub struct Server {
    listener: tokio::net::TcpListener,
    app: Router,
}

impl Server {
    /// Compiles every rubric of `bank` and binds `config.addr` (port 0 picks a free port).
    ///
    /// Call inside a tokio runtime.
    ///
    /// # Errors
    /// [`ServeError::TokenRequired`] for a non-loopback address without a token,
    /// [`ServeError::Rubric`] for a rubric that does not compile, [`ServeError::Io`] when the
    /// address cannot be bound.
    pub async fn bind(bank: Bank, config: Config) -> Result<Server, ServeError> {
        if !config.addr.ip().is_loopback() && config.token.as_deref().is_none_or(str::is_empty) {
            return Err(ServeError::TokenRequired { addr: config.addr });
        }
        let mut graders = HashMap::new();
        for entry in bank.entries() {
            let grader = Grader::for_entry(&bank, entry)?;
            graders.insert(entry.rubric.id.clone(), Arc::new(grader));
        }
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Io {
                addr: config.addr,
                source,
            })?;
        let state = Arc::new(State {
            bank,
            graders,
            permits: Semaphore::new(config.max_concurrent.max(1)),
            config,
        });
        Ok(Server {
            listener,
            app: router(state),
        })
    }

    /// The address bound (the real port when port 0 was asked for).
    ///
    /// # Errors
    /// When the socket cannot say.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then stops accepting and finishes the requests in
    /// flight.
    ///
    /// # Errors
    /// [`ServeError::Io`] when accepting fails for good.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let addr = self
            .local_addr()
            .unwrap_or(SocketAddr::from(([0, 0, 0, 0], 0)));
        axum::serve(self.listener, self.app)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|source| ServeError::Io { addr, source })
    }
}

/// Resolves on Ctrl-C or SIGTERM: the signal for a graceful stop.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        // Without a signal handler, the server simply runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(api::page))
        .route("/healthz", get(api::healthz))
        .route("/v1/openapi.json", get(api::openapi))
        .route("/v1/questions", get(api::questions))
        .route("/v1/questions/{id}", get(api::question))
        .route("/v1/grade", post(api::grade))
        .route("/v1/explain", post(api::explain))
        .route("/v1/batch", post(api::batch))
        .route("/v1/interviews", post(api::interview_start))
        .route("/v1/interviews/hint", post(api::interview_hint))
        .route("/v1/interviews/answer", post(api::interview_answer))
        .route("/v1/interviews/follow-up", post(api::interview_follow_up))
        .route("/v1/interviews/skip", post(api::interview_skip))
        .route("/v1/interviews/scorecard", post(api::interview_scorecard))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            guard::guard,
        ))
        .with_state(state)
}
