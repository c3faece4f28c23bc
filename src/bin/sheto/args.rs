//! The command line as types: each command with its own arguments, parsed (lexopt) against a
//! table of the options it takes. The same table writes its help, so the help cannot name an
//! option the parser refuses, nor miss one it takes.

use sheto::i18n::Lang;
use std::path::PathBuf;

/// An option of a command: its long name, its short one, the value it takes, what it does.
pub struct Opt {
    pub long: &'static str,
    pub short: Option<char>,
    pub value: Option<&'static str>,
    pub help: &'static str,
    /// Shown without brackets, and the command refuses to run without it.
    pub required: bool,
}

impl Opt {
    fn synopsis(&self) -> String {
        let name = match self.short {
            Some(short) => format!("-{short}"),
            None => format!("--{}", self.long),
        };
        let synopsis = match self.value {
            Some(value) => format!("{name} {value}"),
            None => name,
        };
        if self.required {
            synopsis
        } else {
            format!("[{synopsis}]")
        }
    }

    fn names(&self) -> String {
        let long = format!("--{}", self.long);
        let names = match self.short {
            Some(short) => format!("-{short}, {long}"),
            None => long,
        };
        match self.value {
            Some(value) => format!("{names} {value}"),
            None => names,
        }
    }
}

/// A command's page of help: its operands, its line in the overview, what it does.
pub struct Spec {
    pub name: &'static str,
    pub operands: &'static str,
    pub summary: &'static str,
    pub about: &'static str,
    pub options: &'static [Opt],
}

impl Spec {
    fn usage(&self) -> String {
        let options: String = self
            .options
            .iter()
            .map(|o| format!(" {}", o.synopsis()))
            .collect();
        format!("sheto {} {}{options}", self.name, self.operands)
    }

    /// `sheto help COMMAND`.
    pub fn help(&self) -> String {
        let mut out = format!("usage: {}\n\n{}", self.usage(), self.about);
        if !self.options.is_empty() {
            out.push('\n');
        }
        for o in self.options {
            let names = o.names();
            let mut lines = o.help.lines();
            let first = lines.next().unwrap_or_default();
            out.push_str(&format!("\n  {names:<26} {first}"));
            for line in lines {
                out.push_str(&format!("\n  {:<26} {line}", ""));
            }
        }
        out
    }

    fn of(name: &str) -> Option<&'static Spec> {
        COMMANDS.iter().find(|c| c.name == name)
    }
}

const OUTPUT: Opt = Opt {
    long: "output",
    short: Some('o'),
    value: Some("OUT"),
    help: "write there (standard output without it)",
    required: false,
};
const FORMAT: Opt = Opt {
    long: "format",
    short: None,
    value: Some("text|json"),
    help: "findings as FILE:LINE: severity: message lines (default), or as a JSON array",
    required: false,
};
const LANG: Opt = Opt {
    long: "lang",
    short: None,
    value: Some("en|zh-Hant|zh-Hans"),
    help: "the findings' messages in English (default), 繁 or 简",
    required: false,
};

/// Every command, in the overview's order.
pub const COMMANDS: [Spec; 7] = [
    Spec {
        name: "import",
        operands: "FILE.pdf|FILE.txt",
        summary: "newsletter PDF or text -> issue bundle (stdout without -o); with -o, also\n\
NNN.zh-Hans.json beside it, its Simplified edition (NNN: the issue's number)",
        about: "Reads the newsletter's PDF, or its text as a PDF extractor gives it (FILE or - for standard
input), and writes its bundle: to standard output, or to OUT and, beside it, its Simplified
edition named as `sheto index` expects it, NNN.zh-Hans.json (NNN: the issue's number).
A PDF's text is read with its layout (paragraphs, headings, table cells by position, running
headers and page numbers by their place); its findings name the page and line. A text that
keeps the PDF's line breaks (pdftotext, a copy from a PDF viewer) has its paragraphs rejoined.
Before reading the structure it mends what the PDF did to the text (page numbers, running
headers, links and titles wrapped onto the next line, full-width digits, stray tabs); every
change, and everything joined, left out, guessed or left empty, is a finding with its line.
With --format json the findings go to standard output with -o, else to standard error (the
bundle is there).

exit status: 0 bundle written; 1 errors (no bundle), or warnings with --strict; 2 usage",
        options: &[
            OUTPUT,
            Opt {
                long: "text",
                short: None,
                value: Some("OUT.txt"),
                help: "also write the text read from a PDF (a paragraph a line, table cells\n\
apart by tabs): to check against the PDF, fix, and import again",
                required: false,
            },
            Opt {
                long: "strict",
                short: None,
                value: None,
                help: "exit 1 on any warning as well, and write nothing (publishing scripts)",
                required: false,
            },
            FORMAT,
            LANG,
        ],
    },
    Spec {
        name: "convert",
        operands: "BUNDLE.json",
        summary: "the Simplified edition of a bundle (stdout without -o)",
        about: "Writes the Simplified (zh-Hans) edition of a zh-Hant bundle: texts through OpenCC's hk2s,
links, dates and figures unchanged.",
        options: &[
            Opt {
                long: "to",
                short: None,
                value: Some("zh-Hans"),
                help: "the edition to make (zh-Hans is the only one)",
                required: true,
            },
            OUTPUT,
        ],
    },
    Spec {
        name: "validate",
        operands: "FILE...",
        summary: "check bundles, indexes and the search index; exit 1 on any error",
        about: "Checks every file `sheto index` writes: issue bundles and their editions, index.json and the
year files (index-YYYY.json), series.json, and the search index (search/index.json and every
file it names). A bundle is also compared with the index that lists it (index.json, or its
year's file). Exit 1 on any error.",
        options: &[FORMAT, LANG],
    },
    Spec {
        name: "html",
        operands: "BUNDLE.json",
        summary: "the issue as a plain HTML page, no script (stdout without -o)",
        about: "Writes the issue as a plain HTML page with no script.",
        options: &[OUTPUT],
    },
    Spec {
        name: "index",
        operands: "DIR",
        summary: "from DIR/NNN.json write the editions, pages, indexes, series, search\n\
index and the Atom feed; a careless archive is refused",
        about: "From DIR/NNN.json writes every derived file: NNN.zh-Hans.json, the plain pages, index.json
and the year files, index.html, series.json, the search index (DIR/search/: index.json and a
directory of shards and texts named after their hash; an older one is removed), and the Atom
feed. Refuses, and writes nothing, when a bundle does not validate or is not zh-Hant, when a
file is named for another issue, when two files hold one issue, or when an issue is dated
before the issue numbered below it; each finding names its file.",
        options: &[
            Opt {
                long: "feed",
                short: None,
                value: Some("FILE"),
                help: "where the Atom feed goes (default DIR/../feed.xml)",
                required: false,
            },
            LANG,
        ],
    },
    Spec {
        name: "publish",
        operands: "SITE",
        summary: "SITE/index.html (the reader's page as trunk built it) with the newest\n\
issue drawn into it, and every issue's own page and preview image",
        about: "Draws the newest issue of SITE/issues/index.json into SITE/index.html, the reader's page as trunk
built it (an empty <div id=\"app\">), and every issue of the archive in each edition into its own
page (SITE/issues/233.html, 233.zh-Hans.html): pages complete before any script runs, with the
issue's title, description, link-preview cards and JSON-LD, and the issue's bundle for the
reader to adopt the page. Each page (and SITE/preview.html) gets its Content-Security-Policy,
naming exactly its own inline scripts; publishing twice gives the same pages. Beside each page,
the image of its preview card (233.png: the issue's name and its GDP chart, 1200 x 630), drawn
with a CJK font found on the machine (or the file named by SHETO_CARD_FONT); without one, pages
are published without an image, and a warning says so. scripts/build runs it after trunk.",
        options: &[Opt {
            long: "site-url",
            short: None,
            value: Some("URL"),
            help: "the site's public address (https://example.org/news/; or SHETO_SITE_URL):\n\
canonical links and the cards' links and images are absolute with it, as\n\
link previews in chat apps need; relative without it",
            required: false,
        }],
    },
    Spec {
        name: "search",
        operands: "DIR QUERY",
        summary: "what a reader's search finds in DIR's index, and the files it fetches",
        about: "Answers QUERY from DIR's search index (DIR/search/, as `sheto index` writes it) with the reader's
own code: every matching item, title matches first and newest first, as `NNN anchor title`
lines, then the total and the files a reader's browser would fetch (and their bytes).",
        options: &[],
    },
];

/// `sheto help`: every command's synopsis and its line.
pub fn overview() -> String {
    let mut out =
        String::from("sheto: the editors' tool for the newsletter's web edition\n\nusage:");
    for c in &COMMANDS {
        out.push_str(&format!("\n  {}", c.usage()));
        for line in c.summary.lines() {
            out.push_str(&format!("\n      {line}"));
        }
    }
    out.push_str(
        "\n  sheto help [COMMAND]\n      this text, or a command's own (also COMMAND --help)\n\n\
exit status: 0 done; 1 the input has errors (or warnings, with --strict); 2 a wrong command line",
    );
    out
}

pub struct Import {
    pub input: String,
    pub output: Option<PathBuf>,
    pub text: Option<PathBuf>,
    pub strict: bool,
    pub json: bool,
    pub lang: Lang,
}

pub struct Convert {
    pub input: String,
    pub output: Option<PathBuf>,
}

pub struct Validate {
    pub files: Vec<PathBuf>,
    pub json: bool,
    pub lang: Lang,
}

pub struct Html {
    pub input: String,
    pub output: Option<PathBuf>,
}

pub struct Index {
    pub dir: PathBuf,
    pub feed: Option<PathBuf>,
    pub lang: Lang,
}

pub struct Publish {
    pub site: PathBuf,
    /// From --site-url, else SHETO_SITE_URL: http(s) only.
    pub site_url: Option<String>,
}

pub struct Search {
    pub dir: PathBuf,
    pub query: String,
}

pub enum Command {
    Import(Import),
    Convert(Convert),
    Validate(Validate),
    Html(Html),
    Index(Index),
    Publish(Publish),
    Search(Search),
    /// The overview, or one command's help.
    Help(Option<&'static Spec>),
}

/// A wrong command line: what is wrong, and the command whose help to show with it.
pub struct Usage {
    pub problem: String,
    pub command: Option<&'static Spec>,
}

impl Usage {
    fn of(problem: impl Into<String>, command: &'static Spec) -> Usage {
        Usage {
            problem: problem.into(),
            command: Some(command),
        }
    }
}

/// What the command line gave, checked against a command's table.
struct Given {
    spec: &'static Spec,
    options: Vec<(&'static str, Option<String>)>,
    operands: Vec<String>,
    help: bool,
}

impl Given {
    fn flag(&self, long: &str) -> bool {
        self.options.iter().any(|(l, _)| *l == long)
    }

    fn value(&self, long: &str) -> Option<String> {
        self.options
            .iter()
            .rev()
            .find(|(l, _)| *l == long)
            .and_then(|(_, v)| v.clone())
    }

    fn json(&self) -> Result<bool, Usage> {
        match self.value("format").as_deref() {
            None | Some("text") => Ok(false),
            Some("json") => Ok(true),
            Some(_) => Err(Usage::of("--format takes `text` or `json`", self.spec)),
        }
    }

    fn lang(&self) -> Result<Lang, Usage> {
        match self.value("lang") {
            None => Ok(Lang::En),
            Some(tag) => Lang::from_tag(&tag)
                .ok_or_else(|| Usage::of("--lang takes `en`, `zh-Hant` or `zh-Hans`", self.spec)),
        }
    }

    /// The one operand the command takes (`what` it is, for the message).
    fn one(&self, what: &str) -> Result<String, Usage> {
        match self.operands.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(Usage::of(
                format!("{} needs {what}", self.spec.name),
                self.spec,
            )),
            [_, extra, ..] => Err(Usage::of(
                format!("unexpected argument `{extra}`"),
                self.spec,
            )),
        }
    }
}

fn given(spec: &'static Spec, args: Vec<String>) -> Result<Given, Usage> {
    use lexopt::prelude::*;
    let bad = |e: lexopt::Error| Usage::of(e.to_string(), spec);
    let mut parser = lexopt::Parser::from_args(args);
    let mut given = Given {
        spec,
        options: Vec::new(),
        operands: Vec::new(),
        help: false,
    };
    while let Some(arg) = parser.next().map_err(bad)? {
        let opt = match &arg {
            Short('h') | Long("help") => {
                given.help = true;
                continue;
            }
            Value(_) => None,
            Short(c) => spec.options.iter().find(|o| o.short == Some(*c)),
            Long(l) => spec.options.iter().find(|o| o.long == *l),
        };
        match (arg, opt) {
            (Value(v), _) => given.operands.push(v.string().map_err(bad)?),
            (_, Some(o)) => {
                let value = match o.value {
                    Some(_) => Some(parser.value().map_err(bad)?.string().map_err(bad)?),
                    None => None,
                };
                given.options.push((o.long, value));
            }
            (arg, None) => return Err(bad(arg.unexpected())),
        }
    }
    Ok(given)
}

/// The command line (without the program's name) as a command.
pub fn parse(mut args: Vec<String>) -> Result<Command, Usage> {
    if args.is_empty() {
        return Err(Usage {
            problem: "no command given".into(),
            command: None,
        });
    }
    let name = args.remove(0);
    if matches!(name.as_str(), "help" | "-h" | "--help") {
        return match args.first() {
            None => Ok(Command::Help(None)),
            Some(c) => Spec::of(c).map(|s| Command::Help(Some(s))).ok_or(Usage {
                problem: format!("no help for `{c}`: not a command"),
                command: None,
            }),
        };
    }
    let spec = Spec::of(&name).ok_or(Usage {
        problem: format!("unknown command `{name}`"),
        command: None,
    })?;
    let g = given(spec, args)?;
    if g.help {
        return Ok(Command::Help(Some(spec)));
    }
    let path = |s: Option<String>| s.map(PathBuf::from);
    Ok(match spec.name {
        "import" => Command::Import(Import {
            input: g.one("a PDF or a text file")?,
            output: path(g.value("output")),
            text: path(g.value("text")),
            strict: g.flag("strict"),
            json: g.json()?,
            lang: g.lang()?,
        }),
        "convert" => {
            if g.value("to").as_deref() != Some("zh-Hans") {
                return Err(Usage::of("convert needs `--to zh-Hans`", spec));
            }
            Command::Convert(Convert {
                input: g.one("a bundle file")?,
                output: path(g.value("output")),
            })
        }
        "validate" => {
            if g.operands.is_empty() {
                return Err(Usage::of("validate needs at least one file", spec));
            }
            Command::Validate(Validate {
                files: g.operands.iter().map(PathBuf::from).collect(),
                json: g.json()?,
                lang: g.lang()?,
            })
        }
        "html" => Command::Html(Html {
            input: g.one("a bundle file")?,
            output: path(g.value("output")),
        }),
        "index" => Command::Index(Index {
            dir: g.one("one directory")?.into(),
            feed: path(g.value("feed")),
            lang: g.lang()?,
        }),
        "publish" => {
            let site_url = g
                .value("site-url")
                .or_else(|| std::env::var("SHETO_SITE_URL").ok())
                .filter(|url| !url.is_empty());
            if site_url
                .as_deref()
                .is_some_and(|url| !(url.starts_with("https://") || url.starts_with("http://")))
            {
                let problem = "--site-url takes the site's address, http:// or https://";
                return Err(Usage::of(problem, spec));
            }
            Command::Publish(Publish {
                site: g.one("the built site's directory")?.into(),
                site_url,
            })
        }
        _ => match g.operands.as_slice() {
            [dir, query] => Command::Search(Search {
                dir: dir.into(),
                query: query.clone(),
            }),
            _ => return Err(Usage::of("search needs DIR and QUERY", spec)),
        },
    })
}
