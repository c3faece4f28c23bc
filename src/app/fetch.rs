//! Loading the archive index and issue bundles as static files, relative to the page (so any
//! sub-path works), with a timeout. Every failure is a [`LoadError`] naming the URL and what
//! went wrong; a bundle that does not validate carries the validator's findings.

use crate::bundle::{ArchiveIndex, Issue};
use crate::finding::Finding;
use crate::i18n::{Lang, Msg};
use crate::say;
use crate::validate::{validate_index_json, validate_issue_json, Validation};
use gloo_net::http::Request;
use wasm_bindgen::prelude::*;

pub const INDEX_URL: &str = "issues/index.json";
/// A bundle is tens of kilobytes: eight seconds without it means the network is not there.
const TIMEOUT_MS: i32 = 8_000;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// No answer: offline, refused, or the request failed.
    Network {
        url: String,
        detail: String,
    },
    Timeout {
        url: String,
        seconds: i32,
    },
    /// The file arrived but is not a valid bundle.
    Invalid {
        url: String,
        findings: Vec<Finding>,
    },
    /// The URL asks for an issue the archive does not list.
    NotInIndex {
        number: u32,
    },
    /// The archive lists no issue at all.
    EmptyArchive,
}

impl LoadError {
    /// What the reader is told, in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::Http {
                url,
                status,
                status_text,
            } => {
                let msg = if *status == 404 {
                    Msg::ErrorNotFound
                } else {
                    Msg::ErrorServer
                };
                lang.fill(msg, &[url, status, status_text])
            }
            LoadError::Network { url, detail } => lang.fill(Msg::ErrorNetwork, &[url, detail]),
            LoadError::Timeout { url, seconds } => lang.fill(Msg::ErrorTimeout, &[seconds, url]),
            LoadError::Invalid { url, .. } => lang.fill(Msg::ErrorInvalid, &[url]),
            LoadError::NotInIndex { number } => lang.fill(Msg::ErrorNotInIndex, &[number]),
            LoadError::EmptyArchive => lang.text(Msg::ErrorEmptyArchive).to_string(),
        }
    }

    pub fn findings(&self) -> &[Finding] {
        match self {
            LoadError::Invalid { findings, .. } => findings,
            _ => &[],
        }
    }
}

fn abort_after(ms: i32) -> Option<web_sys::AbortController> {
    let controller = web_sys::AbortController::new().ok()?;
    let c = controller.clone();
    let abort = Closure::once_into_js(move || c.abort());
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), ms)
        .ok()?;
    Some(controller)
}

/// Fetches a file's bytes: an error status, a failure or a timeout is a [`LoadError`].
async fn get_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let controller = abort_after(TIMEOUT_MS);
    let signal = controller.as_ref().map(|c| c.signal());
    // A failure while the request or its body is on the way: a timeout if we aborted it.
    let failed = |e: gloo_net::Error| match &signal {
        Some(s) if s.aborted() => LoadError::Timeout {
            url: url.to_string(),
            seconds: TIMEOUT_MS / 1000,
        },
        _ => LoadError::Network {
            url: url.to_string(),
            detail: e.to_string(),
        },
    };
    // Named by its place in the site; fetched from wherever the page is in it.
    let request = Request::get(&super::browser::site_url(url)).abort_signal(signal.as_ref());
    let response = request.send().await.map_err(failed)?;
    if !response.ok() {
        let (status, status_text) = (response.status(), response.status_text());
        return Err(LoadError::Http {
            url: url.to_string(),
            status,
            status_text,
        });
    }
    response.binary().await.map_err(failed)
}

fn accept<T>(url: &str, v: Validation<T>) -> Result<T, LoadError> {
    match v.value {
        Some(value) if !v.has_errors() => Ok(value),
        _ => Err(LoadError::Invalid {
            url: url.to_string(),
            findings: v.findings,
        }),
    }
}

/// A text file relative to the page (a draft bundle on the host).
pub async fn text(url: &str) -> Result<String, LoadError> {
    let bytes = get_bytes(url).await?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The search index's manifest (`issues/search/index.json`), fetched when a reader first searches.
pub async fn search_manifest() -> Result<crate::search::Manifest, LoadError> {
    const URL: &str = "issues/search/index.json";
    let bytes = get_bytes(URL).await?;
    accept(URL, crate::validate::validate_search_manifest(&bytes))
}

/// One of the search index's files (a shard or a text), as a query step asked for it; taken
/// into the reader's loaded files, or refused with what is wrong with it.
pub async fn search_file(
    archive: &crate::search::Archive,
    loaded: &std::cell::RefCell<crate::search::Loaded>,
    file: crate::search::SearchFile,
) -> Result<(), LoadError> {
    let url = format!("issues/{}", archive.path(&file));
    let bytes = get_bytes(&url).await?;
    archive
        .accept(&mut loaded.borrow_mut(), file, bytes)
        .map_err(|message| LoadError::Invalid {
            url,
            findings: vec![Finding::at_path(
                crate::finding::Severity::Error,
                crate::finding::JsonPath::root(),
                say!("{message}", "搜尋索引檔案有誤：{message}", message),
            )],
        })
}

/// The growth of every issue, for the trend chart.
pub async fn series() -> Result<crate::bundle::GrowthSeries, LoadError> {
    const URL: &str = "issues/series.json";
    let bytes = get_bytes(URL).await?;
    serde_json::from_slice(&bytes).map_err(|e| LoadError::Invalid {
        url: URL.to_string(),
        findings: vec![Finding::at_path(
            crate::finding::Severity::Error,
            crate::finding::JsonPath::root(),
            say!("{message}", "趨勢圖數據有誤：{message}", message = e),
        )],
    })
}

pub async fn archive_index() -> Result<ArchiveIndex, LoadError> {
    let bytes = get_bytes(INDEX_URL).await?;
    accept(INDEX_URL, validate_index_json(&bytes))
}

/// The issue asked for, or the newest one, through its file listed in the index: its edition
/// in `script` (zh-Hans) when there is one, else the original.
pub async fn issue(
    index: &ArchiveIndex,
    wanted: Option<u32>,
    script: crate::bundle::Script,
) -> Result<Issue, LoadError> {
    let listed =
        |index: &ArchiveIndex, n: u32| index.issues.iter().find(|e| e.number == n).cloned();
    let entry = match wanted {
        Some(n) => match listed(index, n) {
            Some(entry) => entry,
            // An earlier issue: its year's list, fetched only now.
            None => {
                let missing = LoadError::NotInIndex { number: n };
                let year = index.year_of(n).ok_or(missing.clone())?;
                let url = format!("issues/{}", year.file);
                let bytes = get_bytes(&url).await?;
                let year = accept(&url, validate_index_json(&bytes))?;
                listed(&year, n).ok_or(missing)?
            }
        },
        None => index
            .issues
            .iter()
            .max_by_key(|e| e.number)
            .cloned()
            .ok_or(LoadError::EmptyArchive)?,
    };
    let (file, _) = entry.file_for(script);
    let url = format!("issues/{file}");
    let bytes = get_bytes(&url).await?;
    accept(&url, validate_issue_json(&bytes))
}
