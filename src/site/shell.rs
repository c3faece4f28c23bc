//! The reader's page as trunk built it (its stylesheet, loader and the site's own head), read
//! once into parts, and written again with an issue spliced in at its one marked place,
//! `<div id="app">`. The issue's part of the head (title, description, cards, JSON-LD) and the
//! issue's page are rendered by components ([`crate::app::publish`]); this module only keeps the
//! shell's own elements, made relative to the page's folder, and pins the page's policy.
//!
//! Publishing a published page again gives the page as if published once: what an issue put in
//! the head is recognised by kind and replaced, the drawn issue and its data by their place.

use super::markup::{tokens, Kind, Tag, Token, Unreadable};
use super::policy;
use leptos::prelude::*;

/// What cannot be published from a shell, and where (byte offsets into it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShellError {
    #[error("cannot be read: {0}")]
    Unreadable(#[from] Unreadable),
    #[error("no <meta charset=utf-8> in its head (the policy goes right after it)")]
    NoCharset,
    #[error("no <div id=\"app\"> to draw the issue into")]
    NoApp,
    #[error("its <div id=\"app\"> (byte {0}) holds something other than a published issue")]
    AppNotEmpty(usize),
    #[error("a modulepreload without href or integrity (byte {0})")]
    Module(usize),
    #[error("an import map that is not {{\"integrity\": {{file: hash}}}} (byte {0})")]
    ImportMap(usize),
}

/// What a head element is to the publisher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The shell's own: kept (made relative to the page's folder).
    Shell,
    /// Said by the issue drawn in it (title, description, cards, canonical link, JSON-LD):
    /// the issue's own replace them.
    Issue,
    /// The wasm's preload: on a page with an issue, the app is fetched after the page is read
    /// (a third of a megabyte competing with the first paint on a slow line).
    WasmPreload,
    /// Written afresh on every page: its policy, and the app's module (preload or import map).
    Pinned,
}

fn part(tag: &Tag, text: Option<&str>) -> Part {
    let starts = |name: &str, prefix: &str| tag.get(name).is_some_and(|v| v.starts_with(prefix));
    match tag.name.as_str() {
        "title" => Part::Issue,
        "meta" if tag.is("http-equiv", "Content-Security-Policy") => Part::Pinned,
        "meta" if tag.is("name", "description") => Part::Issue,
        "meta" if starts("property", "og:") || starts("name", "twitter:") => Part::Issue,
        "link" if tag.is("rel", "canonical") => Part::Issue,
        "link" if tag.is("rel", "alternate") && tag.get("hreflang").is_some() => Part::Issue,
        "link" if tag.is("rel", "modulepreload") => Part::Pinned,
        "link" if tag.is("rel", "preload") && tag.is("type", "application/wasm") => {
            Part::WasmPreload
        }
        "script" if tag.is("type", "application/ld+json") => Part::Issue,
        "script" if tag.is("type", "importmap") && text.is_some() => Part::Pinned,
        _ => Part::Shell,
    }
}

/// Elements that may stand in a head; anything else begins the body.
const HEAD: [&str; 8] = [
    "meta", "link", "title", "script", "style", "base", "noscript", "template",
];

/// The app's module and its SRI hash (trunk's `modulepreload`), kept on a published page as an
/// import map: the preload fetched the app before the first paint; the map keeps the hash on
/// the loader's import, which waits.
#[derive(Debug, Clone)]
struct Module {
    href: String,
    integrity: String,
}

/// The shell, read.
pub struct Shell<'a> {
    html: &'a str,
    /// `<html …>`, if written.
    root: Option<Tag<'a>>,
    charset: Token<'a>,
    head: Vec<(Part, Token<'a>)>,
    module: Option<Module>,
    /// `<body …>`, if written; then the body up to `<div id="app">`, and after it (and after
    /// the issue a publish drew there).
    body: Option<Token<'a>>,
    before_app: Vec<Token<'a>>,
    after_app: Option<Vec<Token<'a>>>,
}

/// An issue, rendered, for its place in the shell.
pub struct Splice {
    /// `<html lang>`: the interface's language.
    pub lang: &'static str,
    /// From the page to the site's root (`""`, or `"../"` for `issues/233.html`): the shell's
    /// relative links are made relative to it, and the loader reads it (`<html data-root>`).
    pub root: &'static str,
    /// The issue drawn in it (`<html data-issue>`): index.html's first script reads it to send a
    /// reader to the issue's page in their language before anything is drawn.
    pub issue: u32,
    /// The issue's head elements.
    pub head: String,
    /// Drawn into `<div id="app">`.
    pub app: String,
    /// Right after that `<div>`: the issue's data, for the app to adopt the page.
    pub data: String,
}

impl<'a> Shell<'a> {
    pub fn read(html: &'a str) -> Result<Shell<'a>, ShellError> {
        let mut tokens = tokens(html)?.into_iter().peekable();
        let mut root = None;
        let mut charset = None;
        let mut head = Vec::new();
        let mut module = None;
        // The head: up to </head>, <body> or the first element that cannot be in it.
        while let Some(token) = tokens.peek() {
            match &token.kind {
                Kind::Doctype | Kind::Comment => {}
                Kind::Text(text) if text.trim().is_empty() => {}
                Kind::Open(tag) if tag.name == "html" => root = Some(tag.clone()),
                Kind::Open(tag) if tag.name == "head" => {}
                Kind::Close(name) if name == "head" => {
                    tokens.next();
                    break;
                }
                Kind::Open(tag) if tag.name == "meta" && tag.get("charset").is_some() => {
                    charset = Some(token.clone());
                }
                Kind::Open(tag) | Kind::Raw(tag, _) if HEAD.contains(&tag.name.as_str()) => {
                    let text = match &token.kind {
                        Kind::Raw(_, text) => Some(*text),
                        _ => None,
                    };
                    let part = part(tag, text);
                    if part == Part::Pinned {
                        module = module.or(Self::module(token)?);
                    } else {
                        head.push((part, token.clone()));
                    }
                }
                Kind::Close(name) if HEAD.contains(&name.as_str()) => {
                    head.push((Part::Shell, token.clone()))
                }
                _ => break,
            }
            tokens.next();
        }
        let charset = charset
            .filter(|c| matches!(&c.kind, Kind::Open(t) if t.is("charset", "utf-8")))
            .ok_or(ShellError::NoCharset)?;
        let mut body = None;
        let mut before_app = Vec::new();
        let mut after_app = None;
        while let Some(token) = tokens.next() {
            match &token.kind {
                Kind::Open(tag) if tag.name == "body" && body.is_none() => body = Some(token),
                Kind::Open(tag) if tag.name == "div" && tag.get("id") == Some("app") => {
                    after_app = Some(Self::after_app(token.range.start, &mut tokens)?);
                    break;
                }
                _ => before_app.push(token),
            }
        }
        Ok(Shell {
            html,
            root,
            charset,
            head,
            module,
            body,
            before_app,
            after_app,
        })
    }

    /// The app's module from a `modulepreload` or (on a published page) the import map.
    fn module(token: &Token) -> Result<Option<Module>, ShellError> {
        let at = token.range.start;
        match &token.kind {
            Kind::Open(tag) if tag.name == "link" => {
                match (tag.get("href"), tag.get("integrity")) {
                    (Some(href), Some(integrity)) => Ok(Some(Module {
                        href: href.to_string(),
                        integrity: integrity.to_string(),
                    })),
                    _ => Err(ShellError::Module(at)),
                }
            }
            Kind::Raw(tag, text) if tag.name == "script" => {
                let map: serde_json::Value =
                    serde_json::from_str(text).map_err(|_| ShellError::ImportMap(at))?;
                let entries = map["integrity"]
                    .as_object()
                    .ok_or(ShellError::ImportMap(at))?;
                let mut entries = entries.iter().map(|(href, integrity)| {
                    Some(Module {
                        href: href.clone(),
                        integrity: integrity.as_str()?.to_string(),
                    })
                });
                match (entries.next(), entries.next()) {
                    (Some(Some(module)), None) => Ok(Some(module)),
                    _ => Err(ShellError::ImportMap(at)),
                }
            }
            _ => Ok(None),
        }
    }

    /// What follows `<div id="app">`: trunk's `</div>`, or the issue a publish drew in it and
    /// its data (the issue's page never holds the data's element itself).
    fn after_app(
        at: usize,
        tokens: &mut impl Iterator<Item = Token<'a>>,
    ) -> Result<Vec<Token<'a>>, ShellError> {
        match tokens.next().map(|t| t.kind) {
            Some(Kind::Close(name)) if name == "div" => {}
            _ => loop {
                match tokens.next().map(|t| t.kind) {
                    Some(Kind::Raw(tag, _))
                        if tag.get("id") == Some(crate::app::PUBLISHED_ISSUE_ID) =>
                    {
                        break
                    }
                    Some(_) => {}
                    None => return Err(ShellError::AppNotEmpty(at)),
                }
            },
        }
        Ok(tokens.collect())
    }

    /// The page: with an issue drawn in it, or (`None`: the staff preview) the shell alone, with
    /// its policy pinned either way.
    pub fn page(&self, issue: Option<&Splice>) -> Result<String, ShellError> {
        let root = issue.map_or("", |i| i.root);
        let head: Vec<&Token> = (self.head.iter())
            .filter(|(part, _)| issue.is_none() || *part == Part::Shell)
            .map(|(_, token)| token)
            .collect();
        let after_app = match (issue, &self.after_app) {
            (Some(_), None) => return Err(ShellError::NoApp),
            (_, after) => after.as_deref().unwrap_or_default(),
        };
        let body: Vec<&Token> = self.body.iter().chain(&self.before_app).collect();
        let module = self.module.as_ref().map(|m| Module {
            href: rebased(&m.href, root),
            integrity: m.integrity.clone(),
        });
        let map = module.map(|m| {
            serde_json::json!({ "integrity": { m.href: m.integrity } })
                .to_string()
                .replace('<', "\\u003c")
        });
        let mut hashes: Vec<String> = (head.iter().chain(&body).copied())
            .chain(after_app)
            .filter_map(runs)
            .map(policy::hash)
            .collect();
        hashes.extend(map.as_deref().map(policy::hash));
        let mut page = String::with_capacity(self.html.len() + 1024);
        page.push_str("<!DOCTYPE html>");
        page.push_str(&self.root_tag(issue));
        page.push_str("<head>");
        page.push_str(&self.source(&self.charset, root));
        page.push_str(&policy::meta(&hashes).to_html());
        if let Some(map) = map {
            page.push_str(&view! { <script type="importmap" inner_html=map></script> }.to_html());
        }
        for token in head {
            page.push_str(&self.source(token, root));
        }
        if let Some(issue) = issue {
            page.push_str(&issue.head);
        }
        page.push_str("</head>");
        if self.body.is_none() {
            page.push_str("<body>");
        }
        for token in body {
            page.push_str(&self.source(token, root));
        }
        if let Some(issue) = issue {
            page.push_str("<div id=\"app\">");
            page.push_str(&issue.app);
            page.push_str("</div>");
            page.push_str(&issue.data);
        } else if self.after_app.is_some() {
            page.push_str("<div id=\"app\"></div>");
        }
        for token in after_app {
            page.push_str(&self.source(token, root));
        }
        Ok(page)
    }

    /// `<html>` with the page's language, and where the site's root is for the loader.
    fn root_tag(&self, issue: Option<&Splice>) -> String {
        let mut tag = String::from("<html");
        let attributes = self.root.iter().flat_map(|t| &t.attributes);
        for attribute in attributes {
            let ours = issue.is_some()
                && matches!(attribute.name.as_str(), "lang" | "data-root" | "data-issue");
            if !ours {
                tag.push(' ');
                tag.push_str(&self.html[attribute.range.clone()]);
            }
        }
        if let Some(issue) = issue {
            let root = (!issue.root.is_empty()).then_some(issue.root);
            // Rendered by Leptos for its escaping; only the opening tag is kept.
            let open =
                view! { <html lang=issue.lang data-root=root data-issue=issue.issue></html> }
                    .to_html();
            tag.push_str(&open["<html".len()..open.len() - "></html>".len()]);
        }
        tag.push('>');
        tag
    }

    /// A token as written, its relative `href` and `src` made relative to `root`.
    fn source(&self, token: &Token, root: &str) -> String {
        let (Kind::Open(tag) | Kind::Raw(tag, _)) = &token.kind else {
            return self.html[token.range.clone()].to_string();
        };
        let mut out = String::new();
        let mut at = token.range.start;
        for attribute in &tag.attributes {
            if let (Some(range), Some(value), "href" | "src") = (
                &attribute.value_range,
                attribute.value,
                attribute.name.as_str(),
            ) {
                out.push_str(&self.html[at..range.start]);
                out.push_str(&rebased(value, root));
                at = range.end;
            }
        }
        out.push_str(&self.html[at..token.range.end]);
        out
    }
}

/// A link of the site's root made relative to a page `root` away from it: `./main.css` from
/// `issues/` is `../main.css`. Fragments, absolute paths and URLs with a scheme stay.
fn rebased(value: &str, root: &str) -> String {
    let scheme = value.find(':').is_some_and(|c| !value[..c].contains('/'));
    if root.is_empty() || value.is_empty() || value.starts_with(['#', '/']) || scheme {
        return value.to_string();
    }
    format!("{root}{}", value.strip_prefix("./").unwrap_or(value))
}

/// The text of an inline script that runs: data (the issue's, JSON-LD) needs no leave.
fn runs<'t>(token: &'t Token) -> Option<&'t str> {
    match &token.kind {
        Kind::Raw(tag, text)
            if tag.name == "script"
                && tag.get("src").is_none()
                && !tag.is("type", "application/json")
                && !tag.is("type", "application/ld+json")
                && !text.trim().is_empty() =>
        {
            Some(text)
        }
        _ => None,
    }
}
