//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The text of no. 233 as extracted from its PDF (a copy of `../shared/source/issue-233.txt`).
pub fn source_233() -> String {
    std::fs::read_to_string(repo("sources/issue-233.txt")).expect("sources/issue-233.txt")
}

pub fn published_233() -> String {
    std::fs::read_to_string(repo("public/issues/233.json")).expect("public/issues/233.json")
}

pub fn issue_233() -> sheto::bundle::Issue {
    serde_json::from_str(&published_233()).expect("233.json parses")
}

/// A scratch directory in the system's temp folder, removed when it goes out of scope: a
/// failing test's too (the panic unwinds through the drop).
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("sheto-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
