//! A spool: bytes written once during a run and copied out at its end, kept in memory while they
//! are few and moved to an unnamed temporary file past [`MEMORY_LIMIT`], so that a part of a
//! report that must wait for the end of the run (the JSON `findings` after every claim) does not
//! grow the memory with the number of documents. If no temporary file can be made, the bytes
//! stay in memory: a report never fails for want of a temporary folder.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes held in memory before the spool moves to a temporary file.
pub const MEMORY_LIMIT: usize = 1 << 20;

/// Temporary files made by this process, for unique names.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Bytes to copy out later (see the module documentation).
#[derive(Debug, Default)]
pub struct Spool {
    memory: Vec<u8>,
    file: Option<BufWriter<File>>,
    /// The temporary file's path, while it still has one (removed on drop).
    path: Option<PathBuf>,
    /// A temporary file could not be made: keep everything in memory.
    no_file: bool,
    len: u64,
}

impl Spool {
    /// An empty spool.
    pub fn new() -> Spool {
        Spool::default()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Writes everything spooled to `out`, in order.
    pub fn copy_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => {
                file.flush()?;
                let f = file.get_mut();
                f.seek(SeekFrom::Start(0))?;
                io::copy(&mut Read::take(&mut *f, self.len), out)?;
                f.seek(SeekFrom::End(0))?;
                Ok(())
            }
            None => out.write_all(&self.memory),
        }
    }

    /// Moves the bytes held in memory to a new temporary file; stays in memory if none can be
    /// made.
    fn spill(&mut self) {
        let Some((file, path)) = temporary_file() else {
            self.no_file = true;
            return;
        };
        let mut file = BufWriter::with_capacity(64 * 1024, file);
        if file.write_all(&self.memory).is_err() {
            self.no_file = true;
            let _ = std::fs::remove_file(&path);
            return;
        }
        self.memory = Vec::new();
        self.file = Some(file);
        self.path = path_to_keep(path);
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.write_all(buf)?,
            None => {
                self.memory.extend_from_slice(buf);
                if self.memory.len() > MEMORY_LIMIT && !self.no_file {
                    self.spill();
                }
            }
        }
        self.len += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        self.file = None;
        if let Some(p) = self.path.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// A new file in the temporary folder, readable and writable by this user only.
fn temporary_file() -> Option<(File, PathBuf)> {
    let dir = std::env::temp_dir();
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".crosscheck-spool-{}-{n}", std::process::id()));
        let mut opts = std::fs::OpenOptions::new();
        opts.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        match opts.open(&path) {
            Ok(f) => return Some((f, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(_) => return None,
        }
    }
    None
}

/// On Unix an open file outlives its name, so the name goes at once and nothing is left behind
/// even if the process is killed; elsewhere it is removed on drop.
fn path_to_keep(path: PathBuf) -> Option<PathBuf> {
    if cfg!(unix) && std::fs::remove_file(&path).is_ok() {
        None
    } else {
        Some(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_spools_stay_in_memory() {
        let mut s = Spool::new();
        assert!(s.is_empty());
        s.write_all(b"abc").unwrap_or_else(|e| panic!("{e}"));
        assert!(s.file.is_none());
        let mut out = Vec::new();
        s.copy_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out, b"abc");
    }

    #[test]
    fn large_spools_round_trip_through_a_file() {
        let mut s = Spool::new();
        let line: Vec<u8> = (0..=255u8).collect();
        let mut expected = Vec::new();
        for _ in 0..(MEMORY_LIMIT / line.len() + 10) {
            s.write_all(&line).unwrap_or_else(|e| panic!("{e}"));
            expected.extend_from_slice(&line);
        }
        assert!(s.file.is_some() || s.no_file);
        let mut out = Vec::new();
        s.copy_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out, expected);
    }
}
