//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

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
