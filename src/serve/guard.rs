//! What every request passes through before its handler: the access log, the bearer token, the
//! concurrency limit and the timeout. One function, in that order, so the log line covers the
//! refusals too.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;

use super::{ApiError, State as Shared};

/// Paths anyone may read without the token: the page (it asks for the token itself), the health
/// check and the API description.
fn is_public(path: &str) -> bool {
    matches!(path, "/" | "/healthz" | "/v1/openapi.json")
}

pub(crate) async fn guard(State(state): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    // The path only: a query string is the caller's business, and the body is never logged.
    let path = req.uri().path().to_string();
    let response = guarded(&state, req, next).await;
    if state.config.access_log {
        eprintln!(
            "{} {} {} {:.1}ms",
            method,
            crate::feedback::render::neutralize_controls(&path),
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    response
}

async fn guarded(state: &Shared, req: Request, next: Next) -> Response {
    if let Some(token) = state.config.token.as_deref() {
        if !is_public(req.uri().path()) && !authorized(&req, token) {
            let mut r = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "this server needs `Authorization: Bearer <token>`",
            )
            .into_response();
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            return r;
        }
    }
    // A request over the limit is refused at once rather than queued: a client that retries
    // later beats a queue that grows without bound.
    let Ok(_permit) = state.permits.try_acquire() else {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            "too many requests at once; retry shortly",
        )
        .into_response();
    };
    // A panic in a handler (a bug: handlers and the library return errors) still answers with
    // JSON, and the server keeps serving.
    let handled = std::panic::AssertUnwindSafe(next.run(req)).catch_unwind();
    match tokio::time::timeout(state.config.timeout, handled).await {
        Ok(Ok(response)) => response,
        Ok(Err(_)) => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed on this request; it is still running",
        )
        .into_response(),
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request took longer than {} s",
                state.config.timeout.as_secs_f64()
            ),
        )
        .into_response(),
    }
}

/// Whether the request carries `Authorization: Bearer <token>`, compared in constant time.
fn authorized(req: &Request, token: &str) -> bool {
    let Some(given) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
