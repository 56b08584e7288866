//! The study store: one SQLite file holding cards (FSRS state per question and per concept of a
//! question), every review, the schema version and what was imported.
//!
//! Invariants:
//!
//! - A file that is not ours is never written: the header, the `application_id` and the schema
//!   version are checked before anything (even the journal mode) changes.
//! - Every review is one transaction (`BEGIN IMMEDIATE` … `COMMIT`): the question's card, its
//!   concepts' cards and the review row are all there or none is. WAL mode with `synchronous =
//!   FULL` makes a commit survive a kill at any later moment; a busy timeout lets two processes
//!   share the file.
//! - Cards can always be rebuilt by replaying the reviews in time order (imports do this); a
//!   review whose stored due date is sooner than the replay gives (a missed concept brought the
//!   question back sooner) keeps that date.
//! - An answer with an origin (an interview's transcript, question and turn) is stored at most
//!   once: a unique index on `reviews.origin` makes recording it again do nothing, in any
//!   process.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::error::StudyError;
use super::rating::{suggest, Rating};
use super::schedule::{CardState, Scheduler};
use super::settings::{canonical, Settings};
use crate::rubric::{Bank, BankEntry};
use crate::scoring::{Band, Grade};

/// `PRAGMA application_id` of a study store: "RUBG".
pub const APPLICATION_ID: i32 = 0x5255_4247;
/// The newest schema version this build writes.
pub const SCHEMA_VERSION: i64 = 2;
/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Migrations: entry `n` takes the schema from version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);
CREATE TABLE cards (
    question_id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    level TEXT NOT NULL,
    due INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    elapsed_days INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    state INTEGER NOT NULL,
    last_review INTEGER NOT NULL
);
CREATE TABLE concept_cards (
    question_id TEXT NOT NULL,
    concept_id TEXT NOT NULL,
    label TEXT NOT NULL,
    category TEXT NOT NULL,
    due INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    elapsed_days INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    state INTEGER NOT NULL,
    last_review INTEGER NOT NULL,
    PRIMARY KEY (question_id, concept_id)
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    reviewed_at INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    category TEXT NOT NULL,
    level TEXT NOT NULL,
    source TEXT NOT NULL,
    score REAL NOT NULL,
    band TEXT NOT NULL,
    suggested TEXT NOT NULL,
    rating TEXT NOT NULL,
    concepts_hit TEXT NOT NULL,
    concepts_missed TEXT NOT NULL,
    answer TEXT NOT NULL,
    interval_days INTEGER NOT NULL,
    due INTEGER NOT NULL
);
CREATE INDEX reviews_by_time ON reviews (reviewed_at);
CREATE INDEX reviews_by_question ON reviews (question_id, reviewed_at);
CREATE TABLE imports (name TEXT PRIMARY KEY, imported_at INTEGER NOT NULL, reviews INTEGER NOT NULL);
"#,
    r#"
ALTER TABLE reviews ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX reviews_by_origin ON reviews (origin) WHERE origin IS NOT NULL;
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"#,
];

/// Where a review came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// `rubric study`.
    Study,
    /// `rubric practice` (or the old practice log).
    Practice,
    /// `rubric interview`.
    Interview,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::Study => "study",
            Source::Practice => "practice",
            Source::Interview => "interview",
        }
    }
}

/// One concept's outcome in an answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConceptOutcome {
    /// Concept id (unique within its question).
    pub id: String,
    /// Its label.
    pub label: String,
    /// Whether the rubric requires it.
    pub required: bool,
    /// Whether the answer covered it.
    pub hit: bool,
    /// Its share of the 0–100 score: what missing it cost. 0 for a member of a group that
    /// already has its k hits (missing it costs nothing), or when unknown.
    #[serde(default)]
    pub share: f32,
}

/// A graded answer, ready to be recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct GradedAnswer {
    /// Question id.
    pub question_id: String,
    /// Its category.
    pub category: String,
    /// Its level.
    pub level: String,
    /// Score 0–100.
    pub score: f32,
    /// Band.
    pub band: Band,
    /// Every concept of the rubric, hit or missed.
    pub concepts: Vec<ConceptOutcome>,
    /// The answer text.
    pub answer: String,
    /// Where it came from.
    pub source: Source,
    /// A stable key of this answer (e.g. `interview/<transcript id>/<question number>/<question
    /// id>`), or `None`. An answer whose origin is already stored is not recorded again.
    pub origin: Option<String>,
}

impl GradedAnswer {
    /// From a grade of `entry`'s question.
    pub fn new(entry: &BankEntry, grade: &Grade, answer: &str, source: Source) -> GradedAnswer {
        let model = crate::scoring::ScoringModel::new(&entry.rubric);
        let index = |id: &str| entry.rubric.concepts.iter().position(|c| c.id == id);
        let hit: Vec<bool> = entry
            .rubric
            .concepts
            .iter()
            .map(|c| grade.concept(&c.id).is_some_and(|r| r.hit))
            .collect();
        let costly = model.misses(&hit);
        let share = |c: &crate::scoring::ConceptResult| match index(&c.id) {
            Some(i) if c.hit || costly.contains(&i) => model.share(i),
            _ => 0.0,
        };
        GradedAnswer {
            question_id: entry.rubric.id.clone(),
            category: entry.rubric.category.clone(),
            level: entry.rubric.level.to_string(),
            score: grade.score,
            band: grade.band,
            concepts: grade
                .concepts
                .iter()
                .map(|c| ConceptOutcome {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    required: c.required,
                    hit: c.hit,
                    share: share(c),
                })
                .collect(),
            answer: answer.to_string(),
            source,
            origin: None,
        }
    }

    /// The same answer with origin `key`: recorded at most once.
    pub fn with_origin(mut self, key: impl Into<String>) -> GradedAnswer {
        self.origin = Some(key.into());
        self
    }

    /// The rating the grade suggests (see [`rating_for`](super::rating_for)).
    pub fn suggested_rating(&self) -> Rating {
        let missed_required = self
            .concepts
            .iter()
            .filter(|c| c.required && !c.hit)
            .count();
        suggest(self.band, missed_required)
    }
}

/// What recording a review did.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    /// The rating the grade suggested.
    pub suggested: Rating,
    /// The rating used (the suggestion unless overridden).
    pub rating: Rating,
    /// The question's card after the review.
    pub card: CardState,
    /// Days until it is due again.
    pub interval_days: i64,
    /// The interval FSRS gave for the rating alone; more than `interval_days` when missed
    /// concepts brought the question back sooner (see [`Scheduler::sooner`]).
    pub rating_interval_days: i64,
    /// The labels of the missed concepts that brought it back sooner, largest share first;
    /// empty when they did not.
    pub sooner_because: Vec<String>,
}

/// A card due for review.
#[derive(Clone, Debug, PartialEq)]
pub struct DueCard {
    /// Question id.
    pub question_id: String,
    /// Its state.
    pub card: CardState,
}

/// One review as stored, exported and imported (JSON Lines and CSV rows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// When (RFC 3339, UTC).
    pub reviewed_at: DateTime<Utc>,
    /// Question id.
    pub question_id: String,
    /// Its category.
    pub category: String,
    /// Its level.
    pub level: String,
    /// `study`, `practice` or `interview`.
    pub source: Source,
    /// Score 0–100.
    pub score: f32,
    /// Band.
    pub band: Band,
    /// The rating the grade suggested.
    pub suggested: Rating,
    /// The rating used.
    pub rating: Rating,
    /// Ids of the concepts covered, separated by `;` in CSV.
    #[serde(with = "id_list")]
    pub concepts_hit: Vec<String>,
    /// Ids of the concepts missed, separated by `;` in CSV.
    #[serde(with = "id_list")]
    pub concepts_missed: Vec<String>,
    /// The answer text.
    pub answer: String,
    /// The interval set, in days.
    pub interval_days: i64,
    /// When it became due again.
    pub due: DateTime<Utc>,
    /// The answer's stable key, if it has one (an interview answer:
    /// `interview/<transcript id>/<question number>/<question id>`); empty in CSV when none.
    #[serde(default)]
    pub origin: Option<String>,
}

/// Concept id lists as one `;`-separated string, so a review is one flat CSV row (and the same
/// in JSON Lines).
mod id_list {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&ids.join(";"))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        let s = String::deserialize(d)?;
        Ok(s.split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect())
    }
}

/// A concept card with its retrievability.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConceptCard {
    /// The question it belongs to.
    pub question_id: String,
    /// Concept id.
    pub concept_id: String,
    /// Its label.
    pub label: String,
    /// The question's category.
    pub category: String,
    /// Probability of recall now.
    pub retrievability: f64,
    /// Reviews so far.
    pub reps: i32,
    /// FSRS stability in days (ties in retrievability go to the less stable concept).
    pub stability: f64,
}

/// A study store: FSRS cards and the review history in one SQLite file.
///
/// # Example: record an answer and see when it comes back
/// ```
/// use rubric_grader::study::{GradedAnswer, Source, Study};
/// use rubric_grader::{Bank, Grader};
/// let dir = tempfile::tempdir().unwrap();
/// let mut study = Study::open(dir.path().join("study.sqlite3"))?;
/// let bank = Bank::embedded()?;
/// let entry = bank.find("g06")?;
/// let grade = Grader::for_entry(&bank, entry)?.grade("No idea.")?;
/// let now = chrono::Utc::now();
/// let done = study.record(&GradedAnswer::new(entry, &grade, "No idea.", Source::Study), None, now)?;
/// assert_eq!(done.interval_days, 1);
/// assert!(study.due(now)?.is_empty());
/// # Ok::<(), rubric_grader::study::StudyError>(())
/// ```
pub struct Study {
    conn: Connection,
    path: PathBuf,
    scheduler: Scheduler,
    /// Whether the scheduler follows the stored retention (false when the caller chose one).
    scheduler_from_settings: bool,
}

impl std::fmt::Debug for Study {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Study").field("path", &self.path).finish()
    }
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

fn from_ts(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(s, 0).unwrap_or_default()
}

impl Study {
    /// Opens (creating it if missing) the store at `path`, scheduling with the desired
    /// retention stored in its settings (see [`Study::settings`]).
    ///
    /// # Errors
    /// [`StudyError::Corrupt`] for a file that is not an SQLite database or is damaged,
    /// [`StudyError::Foreign`] for another program's database, [`StudyError::NewerSchema`] for
    /// a store from a newer build — in all three the file is left untouched —, and
    /// [`StudyError::Storage`] when it cannot be created or written (read-only, full disk).
    pub fn open(path: impl AsRef<Path>) -> Result<Study, StudyError> {
        let mut study = Study::open_inner(path.as_ref(), Scheduler::default())?;
        study.scheduler = Scheduler::new(study.settings()?.retention);
        study.scheduler_from_settings = true;
        Ok(study)
    }

    /// As [`Study::open`], with a scheduler of your own (desired retention, weights) instead
    /// of the stored retention — for one session; the stored settings are left as they are.
    ///
    /// # Errors
    /// As [`Study::open`].
    pub fn open_with(path: impl AsRef<Path>, scheduler: Scheduler) -> Result<Study, StudyError> {
        Study::open_inner(path.as_ref(), scheduler)
    }

    fn open_inner(path: &Path, scheduler: Scheduler) -> Result<Study, StudyError> {
        let path = path.to_path_buf();
        check_header(&path)?;
        let err = |e| StudyError::sqlite(&path, e);
        let conn = Connection::open(&path).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Look before touching: another program's database, or a newer one, stays as it is.
        let app_id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(err)?;
        let tables: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(err)?;
        if tables > 0 && app_id != APPLICATION_ID {
            return Err(StudyError::Foreign { path });
        }
        if app_id == APPLICATION_ID {
            let found = schema_version(&conn).map_err(err)?;
            if found > SCHEMA_VERSION {
                return Err(StudyError::NewerSchema {
                    path,
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            // A file system without shared memory: the rollback journal still keeps commits whole.
            conn.pragma_update(None, "journal_mode", "DELETE")
                .map_err(err)?;
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        let mut study = Study {
            conn,
            path,
            scheduler,
            scheduler_from_settings: false,
        };
        study.migrate()?;
        Ok(study)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The scheduler.
    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    fn err(&self, e: rusqlite::Error) -> StudyError {
        StudyError::sqlite(&self.path, e)
    }

    fn migrate(&mut self) -> Result<(), StudyError> {
        let path = self.path.clone();
        let err = |e| StudyError::sqlite(&path, e);
        let tx = write_tx(&mut self.conn, &path)?;
        // Read again inside the write lock: another process may have migrated meanwhile.
        let app_id: i32 = tx
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(err)?;
        let mut version = if app_id == APPLICATION_ID {
            schema_version(&tx).map_err(err)?
        } else {
            0
        };
        if version > SCHEMA_VERSION {
            return Err(StudyError::NewerSchema {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        while version < SCHEMA_VERSION {
            let step = usize::try_from(version).unwrap_or(usize::MAX);
            let Some(sql) = MIGRATIONS.get(step) else {
                break;
            };
            tx.execute_batch(sql).map_err(err)?;
            version += 1;
            tx.execute("UPDATE schema_version SET version = ?1", [version])
                .map_err(err)?;
        }
        // Only when it changes: opening a store that is up to date writes nothing, so it opens
        // on a full disk too.
        if app_id != APPLICATION_ID {
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// The schema version of the file.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be read.
    pub fn schema_version(&self) -> Result<i64, StudyError> {
        schema_version(&self.conn).map_err(|e| self.err(e))
    }

    /// The store's settings: the stored ones, defaults for the rest. A stored value that is no
    /// longer valid (edited by hand) counts as not set.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be read.
    pub fn settings(&self) -> Result<Settings, StudyError> {
        let mut settings = Settings::default();
        for (name, value) in self.stored_settings()? {
            let _ = settings.set(&name, &value);
        }
        Ok(settings)
    }

    /// The settings stored in the store (name, value as text), by name; the others take their
    /// defaults.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be read.
    pub fn stored_settings(&self) -> Result<Vec<(String, String)>, StudyError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, value FROM settings ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Checks and stores a setting (`new-per-day`, `retention`; see [`Settings::set`]) and
    /// returns the settings now in force. A store opened with [`Study::open`] schedules with a
    /// new retention at once.
    ///
    /// # Errors
    /// [`StudyError::BadSetting`] for an unknown name or a value out of range (nothing is
    /// stored), [`StudyError::Storage`] if it cannot be written.
    pub fn set_setting(&mut self, name: &str, value: &str) -> Result<Settings, StudyError> {
        let mut settings = self.settings()?;
        settings.set(name, value)?;
        let name = canonical(name).unwrap_or_default();
        let text = settings.get(name).unwrap_or_default();
        self.conn
            .execute(
                "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                params![name, text],
            )
            .map_err(|e| self.err(e))?;
        self.follow_settings(&settings);
        Ok(settings)
    }

    /// Removes a stored setting, so it takes its default again; returns the settings now in
    /// force.
    ///
    /// # Errors
    /// [`StudyError::BadSetting`] for an unknown name, [`StudyError::Storage`] if it cannot be
    /// written.
    pub fn reset_setting(&mut self, name: &str) -> Result<Settings, StudyError> {
        let Some(canonical) = canonical(name) else {
            return Err(super::settings::unknown(name));
        };
        self.conn
            .execute("DELETE FROM settings WHERE name = ?1", [canonical])
            .map_err(|e| self.err(e))?;
        let settings = self.settings()?;
        self.follow_settings(&settings);
        Ok(settings)
    }

    fn follow_settings(&mut self, settings: &Settings) {
        if self.scheduler_from_settings && self.scheduler.retention() != settings.retention {
            self.scheduler = Scheduler::new(settings.retention);
        }
    }

    /// Records a graded answer, rated `rating` or, if `None`, as the grade suggests: the
    /// question's card, its concepts' cards (hit → Good, missed → Again) and the review, in one
    /// transaction. Missed concepts may bring the question back sooner than the rating alone
    /// would ([`Scheduler::sooner`]; [`Recorded::sooner_because`] says which). An answer whose
    /// [`origin`](GradedAnswer::origin) is already stored is not recorded again: this returns
    /// what was recorded for it then (use [`Study::record_once`] to tell).
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be written (nothing is).
    pub fn record(
        &mut self,
        answer: &GradedAnswer,
        rating: Option<Rating>,
        now: DateTime<Utc>,
    ) -> Result<Recorded, StudyError> {
        if let Some(done) = self.record_once(answer, rating, now)? {
            return Ok(done);
        }
        let origin = answer.origin.as_deref().unwrap_or_default();
        let review = self
            .conn
            .query_row(
                &format!("SELECT {REVIEW_COLUMNS} FROM reviews WHERE origin = ?1"),
                [origin],
                review_from_row,
            )
            .map_err(|e| self.err(e))?;
        let card = self
            .card(&review.question_id)?
            .unwrap_or_else(|| CardState::new(now));
        Ok(Recorded {
            suggested: review.suggested,
            rating: review.rating,
            card,
            interval_days: review.interval_days,
            rating_interval_days: review.interval_days,
            sooner_because: Vec::new(),
        })
    }

    /// As [`Study::record`], but returns `None` (and writes nothing) when the answer's origin is
    /// already stored — by this process or another: the check and the write are one
    /// transaction.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be written (nothing is).
    pub fn record_once(
        &mut self,
        answer: &GradedAnswer,
        rating: Option<Rating>,
        now: DateTime<Utc>,
    ) -> Result<Option<Recorded>, StudyError> {
        let suggested = answer.suggested_rating();
        let rating = rating.unwrap_or(suggested);
        let path = self.path.clone();
        let err = |e| StudyError::sqlite(&path, e);
        let tx = write_tx(&mut self.conn, &path)?;
        if let Some(origin) = &answer.origin {
            let stored: bool = tx
                .query_row(
                    "SELECT EXISTS(SELECT 1 FROM reviews WHERE origin = ?1)",
                    [origin],
                    |r| r.get(0),
                )
                .map_err(err)?;
            if stored {
                return Ok(None);
            }
        }
        let plan = plan_review(&tx, &self.scheduler, answer, rating, now).map_err(err)?;
        save_card(
            &tx,
            &answer.question_id,
            &answer.category,
            &answer.level,
            &plan.card,
        )
        .map_err(err)?;
        for (c, after) in answer.concepts.iter().zip(&plan.concepts) {
            save_concept(&tx, &answer.question_id, c, &answer.category, after).map_err(err)?;
        }
        let record = ReviewRecord {
            reviewed_at: now,
            question_id: answer.question_id.clone(),
            category: answer.category.clone(),
            level: answer.level.clone(),
            source: answer.source,
            score: answer.score,
            band: answer.band,
            suggested,
            rating,
            concepts_hit: ids(answer, true),
            concepts_missed: ids(answer, false),
            answer: answer.answer.clone(),
            interval_days: plan.card.scheduled_days,
            due: plan.card.due,
            origin: answer.origin.clone(),
        };
        insert_review(&tx, &record).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Some(Recorded {
            suggested,
            rating,
            interval_days: plan.card.scheduled_days,
            rating_interval_days: plan.rating_interval_days,
            sooner_because: plan.sooner_because,
            card: plan.card,
        }))
    }

    /// The interval in days each rating (Again, Hard, Good, Easy) would give `answer` now,
    /// missed concepts counted as [`Study::record`] counts them.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the cards cannot be read.
    pub fn preview_answer(
        &self,
        answer: &GradedAnswer,
        now: DateTime<Utc>,
    ) -> Result<[i64; 4], StudyError> {
        let mut days = [0; 4];
        for (d, r) in days.iter_mut().zip(Rating::ALL) {
            *d = plan_review(&self.conn, &self.scheduler, answer, r, now)
                .map_err(|e| self.err(e))?
                .card
                .scheduled_days;
        }
        Ok(days)
    }

    /// The interval in days each rating (Again, Hard, Good, Easy) would give `question_id` now.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the card cannot be read.
    pub fn preview(&self, question_id: &str, now: DateTime<Utc>) -> Result<[i64; 4], StudyError> {
        let card = self
            .card(question_id)?
            .unwrap_or_else(|| CardState::new(now));
        Ok(self.scheduler.preview(&card, now))
    }

    /// The card of a question, if it was ever reviewed.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be read.
    pub fn card(&self, question_id: &str) -> Result<Option<CardState>, StudyError> {
        load_card(&self.conn, question_id).map_err(|e| self.err(e))
    }

    /// Cards due at or before `until`, most overdue first.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be read.
    pub fn due(&self, until: DateTime<Utc>) -> Result<Vec<DueCard>, StudyError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT question_id, {CARD_COLUMNS} FROM cards WHERE due <= ?1 ORDER BY due, question_id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([ts(until)], |r| {
                Ok(DueCard {
                    question_id: r.get(0)?,
                    card: card_from_row(r, 1)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Every question id with a card.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be read.
    pub fn cards(&self) -> Result<Vec<(String, CardState)>, StudyError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT question_id, {CARD_COLUMNS} FROM cards ORDER BY question_id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, card_from_row(r, 1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// How many questions were seen for the first time at or after `since`.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be read.
    pub fn new_since(&self, since: DateTime<Utc>) -> Result<usize, StudyError> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM (SELECT MIN(reviewed_at) AS first FROM reviews GROUP BY question_id) WHERE first >= ?1",
                [ts(since)],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.err(e))
    }

    /// Every concept card with its retrievability at `now`, lowest first.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be read.
    pub fn concepts(&self, now: DateTime<Utc>) -> Result<Vec<ConceptCard>, StudyError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT question_id, concept_id, label, category, {CARD_COLUMNS} FROM concept_cards"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let card = card_from_row(r, 4)?;
                Ok(ConceptCard {
                    question_id: r.get(0)?,
                    concept_id: r.get(1)?,
                    label: r.get(2)?,
                    category: r.get(3)?,
                    retrievability: card.retrievability(now),
                    reps: card.reps,
                    stability: card.stability,
                })
            })
            .map_err(|e| self.err(e))?;
        let mut v: Vec<ConceptCard> = rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?;
        v.sort_by(|a, b| {
            a.retrievability
                .total_cmp(&b.retrievability)
                .then_with(|| a.stability.total_cmp(&b.stability))
                .then_with(|| (&a.question_id, &a.concept_id).cmp(&(&b.question_id, &b.concept_id)))
        });
        Ok(v)
    }

    /// Every review, oldest first.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be read.
    pub fn reviews(&self) -> Result<Vec<ReviewRecord>, StudyError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY reviewed_at, id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], review_from_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Adds reviews (from an export) that are not already stored, and rebuilds the cards of
    /// their questions by replaying each question's reviews in time order; one transaction.
    /// Returns how many were added.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if they cannot be written (nothing is).
    pub fn import_reviews(&mut self, records: &[ReviewRecord]) -> Result<usize, StudyError> {
        // No name, so no time is stored: the store never reads the clock.
        self.import_in_one_transaction(None, records, from_ts(0))
            .map(Option::unwrap_or_default)
    }

    /// Imports reviews once under `name` (e.g. the old practice log): does nothing and returns
    /// `None` if `name` was imported before; otherwise imports as [`Study::import_reviews`] and
    /// remembers `name`, all in one transaction (a kill leaves it imported or not at all).
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be written (nothing is).
    pub fn import_once(
        &mut self,
        name: &str,
        records: &[ReviewRecord],
        now: DateTime<Utc>,
    ) -> Result<Option<usize>, StudyError> {
        self.import_in_one_transaction(Some(name), records, now)
    }

    fn import_in_one_transaction(
        &mut self,
        name: Option<&str>,
        records: &[ReviewRecord],
        now: DateTime<Utc>,
    ) -> Result<Option<usize>, StudyError> {
        let path = self.path.clone();
        let err = |e| StudyError::sqlite(&path, e);
        let tx = write_tx(&mut self.conn, &path)?;
        if let Some(name) = name {
            let done = imported(&tx, name).map_err(err)?;
            if done {
                return Ok(None);
            }
        }
        let mut added = 0;
        let mut touched: Vec<&str> = Vec::new();
        for r in records {
            let exists: bool = tx
                .query_row(
                    "SELECT EXISTS(SELECT 1 FROM reviews WHERE (reviewed_at = ?1 AND question_id = ?2 AND source = ?3 AND answer = ?4) OR origin = ?5)",
                    params![ts(r.reviewed_at), r.question_id, r.source.as_str(), r.answer, r.origin],
                    |row| row.get(0),
                )
                .map_err(err)?;
            if !exists {
                insert_review(&tx, r).map_err(err)?;
                added += 1;
                touched.push(&r.question_id);
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for q in touched {
            rebuild(&tx, &self.scheduler, q).map_err(err)?;
        }
        if let Some(name) = name {
            tx.execute(
                "INSERT INTO imports (name, imported_at, reviews) VALUES (?1, ?2, ?3)",
                params![name, ts(now), added as i64],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(Some(added))
    }

    /// Whether `name` was imported with [`Study::import_once`].
    ///
    /// # Errors
    /// [`StudyError::Storage`] if it cannot be read.
    pub fn was_imported(&self, name: &str) -> Result<bool, StudyError> {
        imported(&self.conn, name).map_err(|e| self.err(e))
    }

    /// Questions of `bank` for a session: the due ones first (most overdue first), then new
    /// ones (never reviewed) up to `new_limit` a day — counting those already started today —
    /// taking categories in turn. Only entries that `admits` (category and level filters).
    /// `day` is the user's day as UTC instants, start and end (see
    /// [`day_bounds`](super::day_bounds)): a card due before its end is due today.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the store cannot be read.
    pub fn session<'b>(
        &self,
        bank: &'b Bank,
        admits: &dyn Fn(&BankEntry) -> bool,
        new_limit: usize,
        now: DateTime<Utc>,
        day: (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<Vec<SessionItem<'b>>, StudyError> {
        let (day_start, day_end) = day;
        let mut items = Vec::new();
        let by_id = |id: &str| bank.entries().iter().find(|e| e.rubric.id == id);
        for d in self.due(day_end)? {
            if let Some(e) = by_id(&d.question_id).filter(|e| admits(e)) {
                items.push(SessionItem {
                    entry: e,
                    kind: ItemKind::Review {
                        overdue_days: (now - d.card.due).num_days().max(0),
                    },
                });
            }
        }
        let seen: std::collections::HashSet<String> =
            self.cards()?.into_iter().map(|(q, _)| q).collect();
        let room = new_limit.saturating_sub(self.new_since(day_start)?);
        // Categories in turn, each in bank order, so the first days cover the whole bank.
        let mut queues: Vec<(&str, std::collections::VecDeque<&BankEntry>)> = Vec::new();
        for e in bank.entries() {
            if seen.contains(&e.rubric.id) || !admits(e) {
                continue;
            }
            match queues.iter_mut().find(|(c, _)| *c == e.rubric.category) {
                Some((_, q)) => q.push_back(e),
                None => queues.push((&e.rubric.category, [e].into())),
            }
        }
        let mut new = Vec::new();
        while new.len() < room && queues.iter().any(|(_, q)| !q.is_empty()) {
            for (_, q) in &mut queues {
                if new.len() < room {
                    if let Some(e) = q.pop_front() {
                        new.push(SessionItem {
                            entry: e,
                            kind: ItemKind::New,
                        });
                    }
                }
            }
        }
        items.extend(new);
        Ok(items)
    }

    /// A drill of the weakest concepts: the `limit` concepts with the lowest retrievability
    /// (among those reviewed at least once), each with the questions of `bank` that train it —
    /// its own question first, then others whose rubric has a concept of the same id.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the store cannot be read.
    pub fn weak<'b>(
        &self,
        bank: &'b Bank,
        admits: &dyn Fn(&BankEntry) -> bool,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<SessionItem<'b>>, StudyError> {
        let mut items: Vec<SessionItem<'b>> = Vec::new();
        for c in self.concepts(now)?.into_iter().filter(|c| c.reps > 0) {
            if items.len() >= limit {
                break;
            }
            let trains = bank
                .entries()
                .iter()
                .filter(|e| admits(e))
                .filter(|e| {
                    e.rubric.id == c.question_id
                        || e.rubric.concepts.iter().any(|k| k.id == c.concept_id)
                })
                .min_by_key(|e| e.rubric.id != c.question_id);
            if let Some(e) = trains {
                if items.iter().all(|i| i.entry.rubric.id != e.rubric.id) {
                    items.push(SessionItem {
                        entry: e,
                        kind: ItemKind::Weak {
                            concept: c.label.clone(),
                            retrievability: c.retrievability,
                        },
                    });
                }
            }
        }
        Ok(items)
    }
}

/// One question of a session.
#[derive(Clone, Debug)]
pub struct SessionItem<'b> {
    /// The question.
    pub entry: &'b BankEntry,
    /// Why it is in the session.
    pub kind: ItemKind,
}

/// Why a question is in a session.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// Due for review.
    Review {
        /// Days past its due date.
        overdue_days: i64,
    },
    /// Never reviewed.
    New,
    /// Trains a weak concept.
    Weak {
        /// The concept's label.
        concept: String,
        /// Its probability of recall now.
        retrievability: f64,
    },
}

/// What recording an answer would do: the question's card, each concept's card (in the
/// answer's order) and whether missed concepts bring the question back sooner.
struct Plan {
    card: CardState,
    concepts: Vec<CardState>,
    rating_interval_days: i64,
    sooner_because: Vec<String>,
}

fn plan_review(
    conn: &Connection,
    scheduler: &Scheduler,
    answer: &GradedAnswer,
    rating: Rating,
    now: DateTime<Utc>,
) -> rusqlite::Result<Plan> {
    let before = load_card(conn, &answer.question_id)?.unwrap_or_else(|| CardState::new(now));
    let mut card = scheduler.review(&before, now, rating);
    let mut concepts = Vec::with_capacity(answer.concepts.len());
    for c in &answer.concepts {
        let before =
            load_concept(conn, &answer.question_id, &c.id)?.unwrap_or_else(|| CardState::new(now));
        let r = if c.hit { Rating::Good } else { Rating::Again };
        concepts.push(scheduler.review(&before, now, r));
    }
    let rating_interval_days = card.scheduled_days;
    let mut missed: Vec<(&ConceptOutcome, &CardState)> = answer
        .concepts
        .iter()
        .zip(&concepts)
        .filter(|(c, _)| !c.hit && c.share > 0.0)
        .collect();
    missed.sort_by(|a, b| b.0.share.total_cmp(&a.0.share));
    let shares: Vec<(f64, &CardState)> = missed
        .iter()
        .map(|(c, s)| (f64::from(c.share) / 100.0, *s))
        .collect();
    let mut sooner_because = Vec::new();
    // Sooner, but never as soon as a forgotten answer (Again): a weak answer stays first.
    let at_least = match rating {
        Rating::Again => 1,
        _ => scheduler.review(&before, now, Rating::Again).scheduled_days + 1,
    };
    if let Some(days) = scheduler.sooner(&card, &shares, at_least) {
        card.due = card.last_review + chrono::Duration::days(days);
        card.scheduled_days = days;
        sooner_because = missed.iter().map(|(c, _)| c.label.clone()).collect();
    }
    Ok(Plan {
        card,
        concepts,
        rating_interval_days,
        sooner_because,
    })
}

fn ids(answer: &GradedAnswer, hit: bool) -> Vec<String> {
    answer
        .concepts
        .iter()
        .filter(|c| c.hit == hit)
        .map(|c| c.id.clone())
        .collect()
}

fn check_header(path: &Path) -> Result<(), StudyError> {
    use std::io::Read;
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StudyError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    if meta.is_dir() {
        return Err(StudyError::Corrupt {
            path: path.to_path_buf(),
            reason: "it is a folder".into(),
        });
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|source| StudyError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if read < 16 || &head != SQLITE_HEADER {
        return Err(StudyError::Corrupt {
            path: path.to_path_buf(),
            reason: "no SQLite header".into(),
        });
    }
    Ok(())
}

fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT MAX(version) FROM schema_version", [], |r| {
        r.get::<_, Option<i64>>(0)
    })
    .map(Option::unwrap_or_default)
}

const REVIEW_COLUMNS: &str =
    "reviewed_at, question_id, category, level, source, score, band, suggested, rating, \
     concepts_hit, concepts_missed, answer, interval_days, due, origin";

const CARD_COLUMNS: &str =
    "due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review";

fn card_from_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<CardState> {
    Ok(CardState {
        due: from_ts(r.get(at)?),
        stability: r.get(at + 1)?,
        difficulty: r.get(at + 2)?,
        elapsed_days: r.get(at + 3)?,
        scheduled_days: r.get(at + 4)?,
        reps: r.get(at + 5)?,
        lapses: r.get(at + 6)?,
        state: r.get(at + 7)?,
        last_review: from_ts(r.get(at + 8)?),
    })
}

fn load_card(conn: &Connection, q: &str) -> rusqlite::Result<Option<CardState>> {
    conn.query_row(
        &format!("SELECT {CARD_COLUMNS} FROM cards WHERE question_id = ?1"),
        [q],
        |r| card_from_row(r, 0),
    )
    .optional()
}

fn load_concept(conn: &Connection, q: &str, c: &str) -> rusqlite::Result<Option<CardState>> {
    conn.query_row(
        &format!(
            "SELECT {CARD_COLUMNS} FROM concept_cards WHERE question_id = ?1 AND concept_id = ?2"
        ),
        [q, c],
        |r| card_from_row(r, 0),
    )
    .optional()
}

fn save_card(
    conn: &Connection,
    q: &str,
    category: &str,
    level: &str,
    c: &CardState,
) -> rusqlite::Result<()> {
    conn.execute(
        &format!("INSERT OR REPLACE INTO cards (question_id, category, level, {CARD_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
        params![q, category, level, ts(c.due), c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.reps, c.lapses, c.state, ts(c.last_review)],
    )
    .map(drop)
}

fn save_concept(
    conn: &Connection,
    q: &str,
    concept: &ConceptOutcome,
    category: &str,
    c: &CardState,
) -> rusqlite::Result<()> {
    conn.execute(
        &format!("INSERT OR REPLACE INTO concept_cards (question_id, concept_id, label, category, {CARD_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
        params![q, concept.id, concept.label, category, ts(c.due), c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.reps, c.lapses, c.state, ts(c.last_review)],
    )
    .map(drop)
}

fn insert_review(conn: &Connection, r: &ReviewRecord) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO reviews (reviewed_at, question_id, category, level, source, score, band, suggested, rating, \
         concepts_hit, concepts_missed, answer, interval_days, due, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            ts(r.reviewed_at),
            r.question_id,
            r.category,
            r.level,
            r.source.as_str(),
            f64::from(r.score),
            band_str(r.band),
            r.suggested.as_str(),
            r.rating.as_str(),
            serde_json::to_string(&r.concepts_hit).unwrap_or_else(|_| "[]".into()),
            serde_json::to_string(&r.concepts_missed).unwrap_or_else(|_| "[]".into()),
            r.answer,
            r.interval_days,
            ts(r.due),
            r.origin
        ],
    )
    .map(drop)
}

fn band_str(b: Band) -> &'static str {
    match b {
        Band::Weak => "weak",
        Band::Partial => "partial",
        Band::Good => "good",
        Band::Strong => "strong",
    }
}

fn bad_column(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        format!("unknown {what}").into(),
    )
}

fn review_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewRecord> {
    let text = |i: usize| r.get::<_, String>(i);
    let json = |i: usize| -> rusqlite::Result<Vec<String>> {
        serde_json::from_str(&text(i)?).map_err(|_| bad_column(i, "concept list"))
    };
    let source = match text(4)?.as_str() {
        "study" => Source::Study,
        "practice" => Source::Practice,
        "interview" => Source::Interview,
        _ => return Err(bad_column(4, "source")),
    };
    let band = match text(6)?.as_str() {
        "weak" => Band::Weak,
        "partial" => Band::Partial,
        "good" => Band::Good,
        "strong" => Band::Strong,
        _ => return Err(bad_column(6, "band")),
    };
    let rating = |i: usize| -> rusqlite::Result<Rating> {
        Rating::from_key(&text(i)?).ok_or_else(|| bad_column(i, "rating"))
    };
    Ok(ReviewRecord {
        reviewed_at: from_ts(r.get(0)?),
        question_id: text(1)?,
        category: text(2)?,
        level: text(3)?,
        source,
        score: r.get::<_, f64>(5)? as f32,
        band,
        suggested: rating(7)?,
        rating: rating(8)?,
        concepts_hit: json(9)?,
        concepts_missed: json(10)?,
        answer: text(11)?,
        interval_days: r.get(12)?,
        due: from_ts(r.get(13)?),
        origin: r.get(14)?,
    })
}

/// Replays a question's reviews (and its concepts') from scratch.
fn rebuild(conn: &Connection, scheduler: &Scheduler, q: &str) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {REVIEW_COLUMNS} FROM reviews WHERE question_id = ?1 ORDER BY reviewed_at, id"
    ))?;
    let reviews: Vec<ReviewRecord> = stmt
        .query_map([q], review_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let Some(first) = reviews.first() else {
        return Ok(());
    };
    let mut card = CardState::new(first.reviewed_at);
    let mut concepts: Vec<(String, CardState)> = Vec::new();
    for r in &reviews {
        card = scheduler.review(&card, r.reviewed_at, r.rating);
        // Missed concepts brought it back sooner when it was recorded: keep that date.
        if r.interval_days >= 1 && r.interval_days < card.scheduled_days && r.due < card.due {
            card.due = card.last_review + chrono::Duration::days(r.interval_days);
            card.scheduled_days = r.interval_days;
        }
        for (id, hit) in r
            .concepts_hit
            .iter()
            .map(|c| (c, true))
            .chain(r.concepts_missed.iter().map(|c| (c, false)))
        {
            let rating = if hit { Rating::Good } else { Rating::Again };
            match concepts.iter_mut().find(|(c, _)| c == id) {
                Some((_, state)) => *state = scheduler.review(state, r.reviewed_at, rating),
                None => concepts.push((
                    id.clone(),
                    scheduler.review(&CardState::new(r.reviewed_at), r.reviewed_at, rating),
                )),
            }
        }
    }
    let last = &reviews[reviews.len() - 1];
    save_card(conn, q, &last.category, &last.level, &card)?;
    for (id, state) in concepts {
        let label: String = conn
            .query_row(
                "SELECT label FROM concept_cards WHERE question_id = ?1 AND concept_id = ?2",
                [q, &id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| id.clone());
        let outcome = ConceptOutcome {
            id,
            label,
            required: false,
            hit: true,
            share: 0.0,
        };
        save_concept(conn, q, &outcome, &last.category, &state)?;
    }
    Ok(())
}

/// A write transaction that takes the database's write lock at once (`BEGIN IMMEDIATE`), so two
/// processes never interleave a read and the write that depends on it.
fn write_tx<'c>(conn: &'c mut Connection, path: &Path) -> Result<Transaction<'c>, StudyError> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| StudyError::sqlite(path, e))
}

/// Whether an import named `name` was recorded (see [`Study::import_once`]).
fn imported(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM imports WHERE name = ?1)",
        [name],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_migration_per_schema_version() {
        assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
    }

    /// A store created empty is migrated to the current version and marked as ours; opening it
    /// again changes nothing.
    #[test]
    fn an_empty_file_is_migrated_and_reopened_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite3");
        std::fs::write(&path, b"").unwrap();
        let study = Study::open(&path).unwrap();
        assert_eq!(study.schema_version().unwrap(), SCHEMA_VERSION);
        let id: i32 = study
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        drop(study);
        let again = Study::open(&path).unwrap();
        assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(again.reviews().unwrap().is_empty());
    }
}
