//! Errors of the study store: each names the database file, on one line.

use std::path::PathBuf;

/// What went wrong opening, reading or writing a study store, or importing into it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StudyError {
    /// The file exists but is not an SQLite database (or is damaged); it was not touched.
    #[error("{}: not a study database ({reason}); the file was left untouched", path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What SQLite or the header check said.
        reason: String,
    },
    /// An SQLite database of another program; it was not touched.
    #[error("{}: an SQLite database of another program, not a rubric-grader study store; the file was left untouched", path.display())]
    Foreign {
        /// The database file.
        path: PathBuf,
    },
    /// Written by a newer rubric-grader.
    #[error("{}: study store schema version {found} is newer than this build understands (up to {supported}); upgrade rubric-grader", path.display())]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Reading or writing failed (read-only folder, full disk, locked for too long); nothing was
    /// half-written: the transaction was rolled back.
    #[error("{}: {reason}", path.display())]
    Storage {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// A line of an import file could not be read; nothing was imported.
    #[error("{}:{line}: {reason}; nothing was imported", path.display())]
    BadImport {
        /// The import file.
        path: PathBuf,
        /// 1-based line (CSV: record) number.
        line: usize,
        /// Why.
        reason: String,
    },
    /// Reading or writing a file other than the database.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A setting with an unknown name or a value out of range; nothing was changed.
    #[error("setting {name}={value}: {reason}")]
    BadSetting {
        /// The setting's name as given.
        name: String,
        /// The value as given (control characters escaped, cut after 40 characters).
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A setting name that is not one.
    #[error("unknown setting `{name}`; the settings are new-per-day and retention")]
    UnknownSetting {
        /// The name as given.
        name: String,
    },
    /// A question or rubric problem (unknown id, …).
    #[error(transparent)]
    Grading(#[from] crate::Error),
}

impl StudyError {
    /// Maps an SQLite error on `path`: damage becomes [`StudyError::Corrupt`], the rest
    /// [`StudyError::Storage`].
    pub(crate) fn sqlite(path: &std::path::Path, e: rusqlite::Error) -> StudyError {
        use rusqlite::ErrorCode;
        let code = e.sqlite_error_code();
        if matches!(
            code,
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt)
        ) {
            StudyError::Corrupt {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        } else {
            StudyError::Storage {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        }
    }
}
