use crate::scoring::Grade;

/// The grade as pretty-printed JSON (the stable shape documented in README).
pub fn to_json(grade: &Grade) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(grade).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
