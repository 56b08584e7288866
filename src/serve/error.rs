//! The API's one error shape, `{"error": {"code", "message"}}`, with the CLI's one-line messages.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::interview::InterviewError;

/// An API error: an HTTP status, a stable machine-readable code and the CLI's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable code, e.g. `unknown_question`, `payload_too_large`.
    pub code: &'static str,
    /// One line, as the CLI prints it after `rubric: `.
    pub message: String,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// `400 bad_request`.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// `413 payload_too_large`.
    pub fn too_large(limit: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("request body is over the limit of {limit} bytes"),
        )
    }

    /// The JSON body.
    pub fn to_json(&self) -> String {
        serde_json::json!({"error": {"code": self.code, "message": self.message}}).to_string()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            self.to_json() + "\n",
        )
            .into_response()
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> ApiError {
        use crate::Error;
        let (status, code) = match &e {
            Error::UnknownQuestion { .. } => (StatusCode::NOT_FOUND, "unknown_question"),
            Error::AmbiguousQuestion { .. } => (StatusCode::BAD_REQUEST, "ambiguous_question"),
            Error::AnswerTooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            Error::Load(_) => (StatusCode::INTERNAL_SERVER_ERROR, "rubric"),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        ApiError::new(status, code, e.to_string())
    }
}

impl From<InterviewError> for ApiError {
    fn from(e: InterviewError) -> ApiError {
        match e {
            InterviewError::Grading(e) => e.into(),
            InterviewError::InvalidStep { .. } => {
                ApiError::new(StatusCode::CONFLICT, "invalid_step", e.to_string())
            }
            InterviewError::NoQuestions { .. } => {
                ApiError::new(StatusCode::BAD_REQUEST, "no_questions", e.to_string())
            }
            _ => ApiError::new(StatusCode::BAD_REQUEST, "bad_transcript", e.to_string()),
        }
    }
}
