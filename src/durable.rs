//! Durable file replacement, shared by batch output, summaries, transcripts and practice logs.
//!
//! A file is never written in place. [`AtomicFile`] writes a uniquely named temporary file in
//! the target's folder (`.NAME.XXXXXX.rubric-tmp`, created with `tempfile`) and holds an
//! exclusive advisory lock on it while it is live; [`AtomicFile::commit`] flushes it to disk,
//! renames it over the target and syncs the folder, so the rename itself survives a power cut.
//! A process killed at any moment therefore leaves either the old file or the new one, whole,
//! plus at worst a temporary file, which [`remove_stale_temps`] deletes on the next start
//! (a temporary file still locked belongs to a live process and is left alone).

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The suffix of our temporary files.
pub const TEMP_SUFFIX: &str = ".rubric-tmp";

/// A replacement for `path` being written; dropped without [`commit`](AtomicFile::commit), it
/// leaves `path` untouched and removes itself.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    temp: tempfile::NamedTempFile,
    writer: io::BufWriter<File>,
}

/// The folder of `path` (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into())
}

impl AtomicFile {
    /// Starts a replacement for `path`: a locked temporary file in the same folder.
    ///
    /// # Errors
    /// The I/O error if the folder cannot be written (missing, read-only, full).
    pub fn new(path: &Path) -> io::Result<AtomicFile> {
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{}.", file_name(path)))
            .suffix(TEMP_SUFFIX)
            .tempfile_in(folder_of(path))?;
        // Marks it live for `remove_stale_temps` in other processes.
        let _ = try_lock(temp.as_file());
        let writer = io::BufWriter::with_capacity(1 << 16, temp.as_file().try_clone()?);
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temp,
            writer,
        })
    }

    /// The file being replaced.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary file's handle (for locking it before it becomes visible).
    pub fn file(&self) -> &File {
        self.temp.as_file()
    }

    /// Flushes and syncs the data, then renames it over the target and syncs the folder.
    /// Returns the open file, now at `path` (its locks still held).
    ///
    /// # Errors
    /// The I/O error; `path` is then unchanged and the temporary file removed.
    pub fn commit(self) -> io::Result<File> {
        self.finish(true)
    }

    /// As [`commit`](AtomicFile::commit), but fails with `AlreadyExists` instead of replacing an
    /// existing file (two processes creating the same file: one wins, the other is told).
    ///
    /// # Errors
    /// `AlreadyExists`, or the I/O error.
    pub fn commit_new(self) -> io::Result<File> {
        self.finish(false)
    }

    fn finish(mut self, replace: bool) -> io::Result<File> {
        self.writer.flush()?;
        // Data on disk before the rename makes it visible, or a crash could leave an empty file.
        self.temp.as_file().sync_all()?;
        let path = self.path.clone();
        let file = if replace {
            self.temp.persist(&path).map_err(|e| e.error)?
        } else {
            self.temp.persist_noclobber(&path).map_err(|e| e.error)?
        };
        sync_folder(folder_of(&path));
        Ok(file)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Takes an exclusive advisory lock on `file` without waiting: `Ok(false)` when another open
/// file holds it. (Called through `fs4` by path, as newer Rust has a `File::try_lock` of its own
/// with another signature.)
///
/// # Errors
/// The I/O error if locking is not possible at all.
pub fn try_lock(file: &File) -> io::Result<bool> {
    match fs4::FileExt::try_lock(file) {
        Ok(()) => Ok(true),
        Err(fs4::TryLockError::WouldBlock) => Ok(false),
        Err(fs4::TryLockError::Error(e)) => Err(e),
    }
}

/// Persists a rename in `dir`; best effort, as not every platform can open a folder.
pub fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `contents` to `path` atomically (see the module docs).
///
/// # Errors
/// The I/O error; `path` is then unchanged.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::new(path)?;
    f.write_all(contents)?;
    f.commit().map(drop)
}

/// Deletes temporary files that a killed process left for `path` (ones nobody holds locked).
/// Returns how many it removed.
pub fn remove_stale_temps(path: &Path) -> usize {
    let prefix = format!(".{}.", file_name(path));
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let p = entry.path();
        // Only regular files: never follow a link someone planted under our name pattern.
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(f) = File::open(&p) else { continue };
        if try_lock(&f).is_ok_and(|locked| locked) && std::fs::remove_file(&p).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `a` and `b` are the same file (same device and inode; not a name comparison, so
/// links and `./` spellings are caught). `false` if either does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(ma), Ok(mb)) => same_meta(&ma, &mb, a, b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_meta(a: &std::fs::Metadata, b: &std::fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_meta(_: &std::fs::Metadata, _: &std::fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_replacement_leaves_target_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        std::fs::write(&target, "old\n").unwrap();
        let mut f = AtomicFile::new(&target).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_temps_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.json");
        std::fs::write(dir.path().join(".t.json.abc123.rubric-tmp"), "killed").unwrap();
        let live = AtomicFile::new(&target).unwrap();
        assert_eq!(remove_stale_temps(&target), 1);
        assert!(live.temp.path().exists());
        live.commit().unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn commit_new_refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.json");
        std::fs::write(&target, "first").unwrap();
        let f = AtomicFile::new(&target).unwrap();
        let e = f.commit_new().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "first");
    }
}
