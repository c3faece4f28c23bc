//! `sheto publish`: a built site (trunk's `index.html` beside the `issues/` folder that
//! `sheto index` wrote) made complete before any script runs. The newest issue is drawn into
//! the site's page; every issue gets its own page in each interface language at its own address
//! (`issues/233.html`, `233.zh-Hans.html`, `233.en.html`) in place of the plain page `sheto index`
//! wrote there;
//! each issue's preview card, the home-screen icons and manifest are written; every page's
//! policy is pinned (the staff preview's too). Publishing twice gives the same bytes.

use super::shell::ShellError;
use crate::app::publish::{app_page, Share};
use crate::bundle::{ArchiveIndex, Issue};
use crate::files;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::validate::{validate_index_json, validate_issue_json};
use crate::view_state::Place;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How a site is published.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site's public address (`https://example.org/news/`), for absolute card links.
    pub site_url: Option<String>,
    /// Whether preview cards are drawn (a CJK font is registered: [`crate::chart::card::use_font`]).
    pub cards: bool,
}

/// What was published.
#[derive(Debug)]
pub struct Published {
    /// The issue drawn into the site's page.
    pub newest: u32,
    /// Issue pages written (every issue in every interface language).
    pub pages: usize,
}

/// Why a site was not (completely) published: the file, and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("{}: error: {problem}", file.display())]
pub struct PublishError {
    pub file: PathBuf,
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read: {0}")]
    Read(std::io::Error),
    #[error("cannot write: {0}")]
    Write(std::io::Error),
    #[error("not UTF-8")]
    NotUtf8,
    #[error("not a valid index (run sheto validate on it)")]
    Index,
    #[error("no issue in the index")]
    NoIssue,
    /// Its error findings, for the caller to show.
    #[error("not a valid bundle")]
    Bundle(Vec<Finding>),
    #[error("{0}")]
    Shell(#[from] ShellError),
    #[error("{0}")]
    Card(String),
}

fn at(file: &Path) -> impl Fn(Problem) -> PublishError + '_ {
    move |problem| PublishError {
        file: file.to_path_buf(),
        problem,
    }
}

fn read(file: &Path) -> Result<Vec<u8>, PublishError> {
    std::fs::read(file).map_err(|e| at(file)(Problem::Read(e)))
}

fn write(file: &Path, bytes: impl AsRef<[u8]>) -> Result<(), PublishError> {
    std::fs::write(file, bytes).map_err(|e| at(file)(Problem::Write(e)))
}

fn index(file: &Path) -> Result<ArchiveIndex, PublishError> {
    let v = validate_index_json(&read(file)?);
    match v.value {
        Some(index) if !v.has_errors() => Ok(index),
        _ => Err(at(file)(Problem::Index)),
    }
}

fn bundle(file: &Path) -> Result<Issue, PublishError> {
    let v = validate_issue_json(&read(file)?);
    match v.value {
        Some(issue) if !v.has_errors() => Ok(issue),
        _ => Err(at(file)(Problem::Bundle(
            v.findings.into_iter().filter(Finding::is_error).collect(),
        ))),
    }
}

/// Publishes the site in `site` (see the module's text).
pub fn publish(site: &Path, options: &Options) -> Result<Published, PublishError> {
    let issues = site.join("issues");
    let index_file = issues.join("index.json");
    let listed = index(&index_file)?;
    let newest = listed
        .issues
        .first()
        .ok_or_else(|| at(&index_file)(Problem::NoIssue))?;
    let page_file = site.join("index.html");
    let shell =
        String::from_utf8(read(&page_file)?).map_err(|_| at(&page_file)(Problem::NotUtf8))?;
    // Each edition's card drawn once, for its own page and (the newest) the site's.
    let mut drawn = HashSet::new();
    let mut card = |issue: &Issue| -> Result<bool, PublishError> {
        let file = issues.join(files::card(issue.number, issue.lang));
        if !options.cards || drawn.contains(&file) {
            return Ok(options.cards);
        }
        match crate::chart::card::card_png(issue) {
            Ok(Some(png)) => {
                write(&file, png)?;
                drawn.insert(file);
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) => Err(at(&file)(Problem::Card(e))),
        }
    };
    let mut publish = |issue: &Issue, place: Place, lang: Lang, out: &Path| {
        let share = Share {
            site_url: options.site_url.clone(),
            card: card(issue)?,
        };
        let page =
            app_page(&shell, issue, place, lang, &share).map_err(|e| at(&page_file)(e.into()))?;
        write(out, page)
    };
    // On a phone's home screen: the icons and the manifest the pages link to.
    for (file, size) in super::icon::ICONS {
        write(&site.join(file), super::icon::icon_png(size))?;
    }
    write(&site.join(super::icon::MANIFEST), super::icon::manifest())?;
    // The staff preview is a page of the site too: its policy pinned the same way.
    let preview = site.join("preview.html");
    if let Ok(html) = std::fs::read_to_string(&preview) {
        let pinned = super::policy::pin(&html).map_err(|e| at(&preview)(e.into()))?;
        write(&preview, pinned)?;
    }
    let issue = bundle(&issues.join(&newest.file))?;
    publish(&issue, Place::Site, Lang::from(issue.lang), &page_file)?;
    let mut entries = listed.issues.clone();
    for year in &listed.older {
        entries.extend(index(&issues.join(&year.file))?.issues);
    }
    let mut pages = 0;
    for entry in &entries {
        let editions = entry.editions.iter().map(|e| &e.file);
        for file in std::iter::once(&entry.file).chain(editions) {
            let issue = bundle(&issues.join(file))?;
            // 繁 and EN read the original; 简 its edition.
            let langs = Lang::ALL.into_iter().filter(|l| l.script() == issue.lang);
            for lang in langs {
                let out = issues.join(files::page(issue.number, lang));
                publish(&issue, Place::IssuePage, lang, &out)?;
                pages += 1;
            }
        }
    }
    Ok(Published {
        newest: issue.number,
        pages,
    })
}
