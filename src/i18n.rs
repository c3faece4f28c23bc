//! The interface's languages: 繁 (zh-Hant), 简 (zh-Hans) and English. Labels, buttons, messages
//! and chart text come from here; the newsletter's own text stays in Chinese (its zh-Hans
//! edition in 简, the original otherwise).

use crate::bundle::Script;
use std::fmt::Display;

impl From<Script> for Lang {
    /// The interface that reads a script: 繁 for the original, 简 for its edition.
    fn from(script: Script) -> Lang {
        match script {
            Script::Hant => Lang::Hant,
            Script::Hans => Lang::Hans,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Hant,
    Hans,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Hant, Lang::Hans, Lang::En];

    /// BCP 47 tag, used in the URL (`?lang=zh-Hans`), in storage and as the `lang` attribute.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Hant => "zh-Hant",
            Lang::Hans => "zh-Hans",
            Lang::En => "en",
        }
    }

    /// The page's `lang` attribute: the office writes Hong Kong Traditional Chinese.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Hant => "zh-Hant-HK",
            Lang::Hans | Lang::En => self.tag(),
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The switch's label for this language, in its own script.
    pub fn switch_label(self) -> &'static str {
        match self {
            Lang::Hant => "繁",
            Lang::Hans => "简",
            Lang::En => "EN",
        }
    }

    /// The language's name for screen readers, in its own script.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Hant => "繁體中文",
            Lang::Hans => "简体中文",
            Lang::En => "English",
        }
    }

    /// The script the newsletter's text is shown in with this interface: its zh-Hans edition
    /// for 简, else the original. Names printed inside that text (the data table's provinces)
    /// follow it.
    pub fn script(self) -> Script {
        match self {
            Lang::Hans => Script::Hans,
            Lang::Hant | Lang::En => Script::Hant,
        }
    }

    /// The first visit's language, from the browser's list (`navigator.languages`): the first
    /// entry we can serve wins; Chinese without a script goes by its region.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred
            .iter()
            .find_map(|tag| {
                let tag = tag.as_ref().to_ascii_lowercase();
                let mut parts = tag.split(['-', '_']);
                match (parts.next(), parts.next()) {
                    (Some("en"), _) => Some(Lang::En),
                    (Some("zh"), Some("hans" | "cn" | "sg" | "my")) => Some(Lang::Hans),
                    (Some("zh"), _) => Some(Lang::Hant),
                    _ => None,
                }
            })
            .unwrap_or_default()
    }

    pub fn text(self, msg: Msg) -> &'static str {
        let [hant, hans, en] = msg.texts();
        match self {
            Lang::Hant => hant,
            Lang::Hans => hans,
            Lang::En => en,
        }
    }

    /// A message with its `{0}`, `{1}`… filled in.
    pub fn fill(self, msg: Msg, args: &[&dyn Display]) -> String {
        fill(self.text(msg), args)
    }
}

/// Replaces `{0}`…`{9}` in a template; each language orders its arguments as it needs.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after
            .strip_prefix(|c: char| c.is_ascii_digit())
            .filter(|tail| tail.starts_with('}'))
            .and_then(|_| args.get(usize::from(after.as_bytes()[0] - b'0')));
        match arg {
            Some(value) => {
                out.push_str(&value.to_string());
                rest = &after[2..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! messages {
    ($($name:ident => [$hant:literal, $hans:literal, $en:literal],)*) => {
        /// Every text of the interface, each in 繁, 简 and English.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// [繁, 简, English]
            pub fn texts(self) -> [&'static str; 3] {
                match self { $(Msg::$name => [$hant, $hans, $en],)* }
            }
        }
    };
}

messages! {
    SkipLink => ["跳到正文", "跳到正文", "Skip to content"],
    UpdateReady => ["本頁有新版本。", "本页有新版本。", "A new version of this page is ready."],
    Reload => ["重新載入", "重新载入", "Reload"],
    Toolbar => ["導覽及篩選", "导览及筛选", "Contents and filter"],
    Footer => ["香港特別行政區政府駐上海經濟貿易辦事處 · 網上版", "香港特别行政区政府驻上海经济贸易办事处 · 网上版",
        "Hong Kong SAR Government Economic and Trade Office in Shanghai · online edition"],
    InteractiveLink => ["互動版（篩選、搜尋、互動圖表）", "互动版（筛选、搜索、互动图表）", "Interactive edition (filter, search, charts)"],
    PreviewLink => ["編輯預覽（辦事處內部使用）", "编辑预览（办事处内部使用）", "Editor preview (office use only)"],
    Contents => ["本期目錄", "本期目录", "In this issue"],
    SectionKey => ["主要動態", "主要动态", "Key developments"],
    SectionNews => ["經貿快訊", "经贸快讯", "Trade news"],
    SectionData => ["經貿數據", "经贸数据", "Economic data"],
    SectionEvents => ["經貿活動", "经贸活动", "Events"],
    SectionContact => ["聯絡", "联络", "Contact"],
    SectionAbout => ["簡介", "简介", "About"],
    FilterGroup => ["按省市篩選", "按省市筛选", "Filter by province"],
    AllRegions => ["全部", "全部", "All"],
    ShowingNews => ["顯示 {0} 則快訊（共 {1} 則）", "显示 {0} 则快讯（共 {1} 则）", "Showing {0} of {1} news items"],
    NoNews => ["所選省市本期沒有經貿快訊。", "所选省市本期没有经贸快讯。", "No news from the chosen provinces in this issue."],
    NoEvents => ["所選省市本期沒有經貿活動。", "所选省市本期没有经贸活动。", "No events in the chosen provinces in this issue."],
    Address => ["地址", "地址", "Address"],
    Unit => ["單位：{0}", "单位：{0}", "Unit: {0}"],
    Postcode => ["（郵編：{0}）", "（邮编：{0}）", "(postcode {0})"],
    Phone => ["電話", "电话", "Phone"],
    Fax => ["傳真", "传真", "Fax"],
    Email => ["電郵", "电邮", "Email"],
    Website => ["網址：", "网址：", "Website: "],
    Loading => ["載入中", "载入中", "Loading"],
    LoadingDots => ["載入中…", "载入中…", "Loading…"],
    LoadFailed => ["未能載入本期通訊", "未能载入本期通讯", "This issue could not be loaded"],
    Retry => ["重試", "重试", "Try again"],
    Archive => ["各期通訊", "各期通讯", "All issues"],
    Share => ["分享", "分享", "Share"],
    LinkCopied => ["已複製連結", "已复制链接", "Link copied"],
    CopyThisLink => ["複製此連結：", "复制此链接：", "Copy this link: "],
    DataCaption => ["單位：{0}。{1}為{2}，{3}為{4}。", "单位：{0}。{1}为{2}，{3}为{4}。", "Unit: {0}. {1}: {2}; {3}: {4}."],
    IssuePicker => ["期數", "期数", "Issue"],
    IssueNumber => ["第{0}期", "第{0}期", "No. {0}"],
    OlderIssues => ["更早的期數（按年）", "更早的期数（按年）", "Earlier issues, by year"],
    YearLabel => ["{0}年", "{0}年", "{0}"],
    ErrorNotFound => ["找不到檔案（{0}：HTTP {1} {2}）", "找不到档案（{0}：HTTP {1} {2}）", "File not found ({0}: HTTP {1} {2})"],
    ErrorServer => ["伺服器出錯（{0}：HTTP {1} {2}）", "伺服器出错（{0}：HTTP {1} {2}）", "Server error ({0}: HTTP {1} {2})"],
    ErrorNetwork => ["無法連線，請檢查網絡（{0}：{1}）", "无法连线，请检查网络（{0}：{1}）", "Cannot connect; check the network ({0}: {1})"],
    ErrorTimeout => ["載入逾時：{0} 秒內未收到 {1}", "载入逾时：{0} 秒内未收到 {1}", "Timed out: {1} did not arrive within {0} seconds"],
    ErrorInvalid => ["{0} 的資料有誤，未能顯示。", "{0} 的资料有误，未能显示。", "{0} has errors and cannot be shown."],
    ErrorNotInIndex => ["檔案庫中沒有第{0}期。", "档案库中没有第{0}期。", "The archive has no issue {0}."],
    ErrorEmptyArchive => ["檔案庫中還沒有任何一期。", "档案库中还没有任何一期。", "The archive has no issues yet."],
    PanicTitle => ["頁面出現錯誤", "页面出现错误", "Something went wrong"],
    PanicText => ["很抱歉，程式發生錯誤。請重新載入頁面；如問題持續，請通知本辦。", "很抱歉，程式发生错误。请重新载入页面；如问题持续，请通知本办。",
        "Sorry, the page ran into an error. Please reload it; if the problem persists, please tell the office."],
    Language => ["語言", "语言", "Language"],
    Search => ["搜尋", "搜索", "Search"],
    SearchLabel => ["搜尋各期通訊", "搜索各期通讯", "Search all issues"],
    SearchPlaceholder => ["搜尋各期通訊（繁／简皆可）", "搜索各期通讯（繁／简皆可）", "Search all issues (in Chinese)"],
    SearchLoading => ["正在載入搜尋索引…", "正在载入搜索索引…", "Loading the search index…"],
    SearchFailed => ["未能載入搜尋索引：{0}", "未能载入搜索索引：{0}", "The search index could not be loaded: {0}"],
    SearchCount => ["找到 {0} 項", "找到 {0} 项", "{0} results"],
    SearchShowing => ["找到 {0} 項，顯示最新的 {1} 項", "找到 {0} 项，显示最新的 {1} 项", "{0} results; showing the newest {1}"],
    SearchNone => ["各期通訊中找不到「{0}」。", "各期通讯中找不到“{0}”。", "No issue mentions “{0}”."],
    SearchMore => ["顯示更多", "显示更多", "Show more"],
    SearchClose => ["關閉搜尋", "关闭搜索", "Close search"],
    BarReadout => ["{0}：{1} {2} {3}，{4} {5}（{6}）", "{0}：{1} {2} {3}，{4} {5}（{6}）", "{0}: {1} {2} {3}, {4} {5} ({6})"],
    NotPublished => ["未公佈", "未公布", "not published"],
    ChartSelected => ["已選", "已选", "selected"],
    ChartSelectHint => ["未選，按 Enter 篩選", "未选，按 Enter 筛选", "not selected; press Enter to filter"],
    Table => ["表格", "表格", "Table"],
    DownloadPng => ["下載 PNG", "下载 PNG", "Download PNG"],
    DownloadCsv => ["下載 CSV", "下载 CSV", "Download CSV"],
    ChartFailed => ["圖表未能繪製（{0}）。請按「表格」查看同一組數字。", "图表未能绘制（{0}）。请按“表格”查看同一组数字。",
        "The chart could not be drawn ({0}). Press “Table” to see the same figures."],
    GrowthTitle => ["增長比較：{0}", "增长比较：{0}", "Growth compared: {0}"],
    PeriodNote => ["{0}；括號內為{1}", "{0}；括号内为{1}", "{0}; in brackets: {1}"],
    TwoPeriods => ["{0}為{1}，{2}為{3}（兩者月份不同）", "{0}为{1}，{2}为{3}（两者月份不同）",
        "{0}: {1}; {2}: {3} (different months)"],
    TrendGdp => ["各期地區生產總值增長（與上年同期相比，%）", "各期地区生产总值增长（与上年同期相比，%）",
        "GDP growth by issue (on the same period a year earlier, %)"],
    TrendTrade => ["各期進出口總額增長（與上年同期相比，%）", "各期进出口总额增长（与上年同期相比，%）",
        "Trade growth by issue (on the same period a year earlier, %)"],
    TrendGdpShort => ["地區生產總值", "地区生产总值", "GDP"],
    TrendTradeShort => ["進出口總額", "进出口总额", "Trade"],
    TrendReadout => ["{0}：{1}增長 {2}（第{3}期，{4}）", "{0}：{1}增长 {2}（第{3}期，{4}）",
        "{0}: {1} growth {2} (issue {3}, {4})"],
    // The staff preview (preview.html).
    DraftNotice => ["草稿提示", "草稿提示", "Draft notice"],
    DraftBadge => ["草稿 DRAFT", "草稿 DRAFT", "DRAFT"],
    DraftNotPublished => [" · 尚未發布，只供內部預覽 · ", " · 尚未发布，只供内部预览 · ", " · not published, for the office's preview only · "],
    BackToReader => ["回到讀者版", "回到读者版", "Back to the reader's edition"],
    HostedHeading => ["預覽主機上的草稿", "预览主机上的草稿", "A draft on the host"],
    HostedSource => ["來源：", "来源：", "Source: "],
    EditorHeading => ["編輯預覽", "编辑预览", "Editor preview"],
    EditorHint => ["開啟或拖放通訊的 PDF（在此瀏覽器內讀取，不會上載），或貼上其文字，或開啟 .txt、.json 檔案。草稿會隨打隨存於此瀏覽器。",
        "打开或拖放通讯的 PDF（在此浏览器内读取，不会上载），或粘贴其文字，或打开 .txt、.json 档案。草稿会随打随存于此浏览器。",
        "Open or drop the newsletter's PDF (read in this browser, nothing is uploaded), paste its text, or open a .txt or .json file. The draft is saved in this browser as you type."],
    OpenFile => ["開啟檔案…", "打开档案…", "Open a file…"],
    DraftIs => ["草稿是", "草稿是", "The draft is"],
    KindText => ["通訊文字", "通讯文字", "newsletter text"],
    KindJson => ["資料包（JSON）", "资料包（JSON）", "a bundle (JSON)"],
    Discard => ["捨棄草稿", "舍弃草稿", "Discard the draft"],
    DiscardConfirm => ["確定捨棄這份草稿？此操作無法復原。", "确定舍弃这份草稿？此操作无法复原。", "Discard this draft? This cannot be undone."],
    DraftTextLabel => ["通訊文字或 JSON", "通讯文字或 JSON", "Newsletter text or JSON"],
    DraftPlaceholder => ["在此貼上通訊文字…", "在此粘贴通讯文字…", "Paste the newsletter's text here…"],
    SaveEmpty => ["尚未有草稿。", "尚未有草稿。", "No draft yet."],
    SaveRestored => ["已還原上次的草稿。", "已还原上次的草稿。", "Your last draft is restored."],
    SaveSaved => ["已儲存於此瀏覽器（第 {0} 版）。", "已储存于此浏览器（第 {0} 版）。", "Saved in this browser (version {0})."],
    SaveUnavailable => ["此瀏覽器不允許儲存草稿（儲存空間已停用）。請用「下載草稿」保存你的工作。",
        "此浏览器不允许储存草稿（储存空间已停用）。请用“下载草稿”保存你的工作。",
        "This browser does not allow saving the draft (storage is switched off). Use “Download the draft” to keep your work."],
    SaveFull => ["瀏覽器儲存空間已滿，草稿未能儲存。請用「下載草稿」保存你的工作。",
        "浏览器储存空间已满，草稿未能储存。请用“下载草稿”保存你的工作。",
        "The browser's storage is full and the draft was not saved. Use “Download the draft” to keep your work."],
    SaveConflict => ["另一個分頁已修改這份草稿，本分頁的修改尚未儲存。", "另一个分页已修改这份草稿，本分页的修改尚未储存。",
        "Another tab changed this draft; this tab's changes are not saved yet."],
    ConflictAsk => ["另一個分頁剛儲存了不同的草稿。要保留哪一份？", "另一个分页刚储存了不同的草稿。要保留哪一份？",
        "Another tab has just saved a different draft. Which one do you keep?"],
    TakeTheirs => ["載入另一分頁的版本", "载入另一分页的版本", "Load the other tab's version"],
    KeepMine => ["保留本分頁的版本", "保留本分页的版本", "Keep this tab's version"],
    PdfReading => ["正在讀取 PDF「{0}」…", "正在读取 PDF“{0}”…", "Reading the PDF “{0}”…"],
    PdfProgress => ["正在讀取 PDF「{0}」：第 {1} 頁，共 {2} 頁…", "正在读取 PDF“{0}”：第 {1} 页，共 {2} 页…", "Reading the PDF “{0}”: page {1} of {2}…"],
    PdfDone => ["已讀取 PDF「{0}」（{1} 頁）：下面是從中讀出的文字，請對照 PDF 檢查。", "已读取 PDF“{0}”（{1} 页）：下面是从中读出的文字，请对照 PDF 检查。",
        "Read the PDF “{0}” ({1} pages): below is the text read from it; check it against the PDF."],
    PdfFailed => ["無法讀取「{0}」：{1}", "无法读取“{0}”：{1}", "“{0}” cannot be read: {1}"],
    PdfUnsupported => ["此版本不能讀取 PDF", "此版本不能读取 PDF", "This build cannot read PDFs"],
    FindingsHeading => ["檢查結果", "检查结果", "Findings"],
    FindingsHint => ["貼上或開啟草稿後，這裏會列出所有問題。", "粘贴或打开草稿后，这里会列出所有问题。", "Paste or open a draft and every problem is listed here."],
    FindingsBlocked => ["{0} 個錯誤須修正才能發布；{1} 個警告。", "{0} 个错误须修正才能发布；{1} 个警告。", "Errors to fix before publishing: {0}; warnings: {1}."],
    FindingsOk => ["沒有錯誤，可以發布；{0} 個警告請再核對。", "没有错误，可以发布；{0} 个警告请再核对。", "No errors: ready to publish. Warnings to check: {0}."],
    SeverityError => ["錯誤", "错误", "Error"],
    SeverityWarning => ["警告", "警告", "Warning"],
    SeverityInfo => ["備註", "备注", "Note"],
    AtLine => ["第 {0} 行", "第 {0} 行", "line {0}"],
    PublishHeading => ["發布", "发布", "Publish"],
    PublishSteps => ["把這三個檔案複製到主機的 issues/ 資料夾，即發布第{0}期；再執行 sheto index public/issues，更新搜尋索引及 Atom 訂閱（feed.xml）。",
        "把这三个档案复制到主机的 issues/ 资料夹，即发布第{0}期；再执行 sheto index public/issues，更新搜索索引及 Atom 订阅（feed.xml）。",
        "Copy these three files into the host's issues/ folder to publish issue {0}; then run sheto index public/issues to update the search index and the Atom feed (feed.xml)."],
    DownloadFile => ["下載 {0}", "下载 {0}", "Download {0}"],
    DownloadEdition => ["下載 {0}（簡體）", "下载 {0}（简体）", "Download {0} (Simplified)"],
    PublishBlocked => ["草稿仍有錯誤（見上方檢查結果），修正後才能下載發布用的檔案。", "草稿仍有错误（见上方检查结果），修正后才能下载发布用的档案。",
        "The draft still has errors (see the findings above): fix them to download the files to publish."],
    DownloadDraft => ["下載草稿", "下载草稿", "Download the draft"],
    TrendNote => ["各期通訊所載數字；各期所涵蓋的月份見提示。", "各期通讯所载数字；各期所涵盖的月份见提示。",
        "Figures as each issue printed them; the months each covers are in the tooltips."],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_decides_the_first_visit() {
        assert_eq!(Lang::negotiate(&["zh-CN", "en"]), Lang::Hans);
        assert_eq!(Lang::negotiate(&["zh-Hans-SG"]), Lang::Hans);
        assert_eq!(Lang::negotiate(&["zh-HK"]), Lang::Hant);
        assert_eq!(Lang::negotiate(&["zh-TW"]), Lang::Hant);
        assert_eq!(Lang::negotiate(&["fr-FR", "en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::negotiate(&["fr"]), Lang::Hant);
        assert_eq!(Lang::negotiate::<&str>(&[]), Lang::Hant);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("ZH-HANS"), Some(Lang::Hans));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn templates_fill_in_any_order() {
        assert_eq!(
            Lang::En.fill(Msg::ShowingNews, &[&3, &17]),
            "Showing 3 of 17 news items"
        );
        assert_eq!(
            Lang::Hant.fill(Msg::ErrorTimeout, &[&8, &"a.json"]),
            "載入逾時：8 秒內未收到 a.json"
        );
        assert_eq!(
            Lang::En.fill(Msg::ErrorTimeout, &[&8, &"a.json"]),
            "Timed out: a.json did not arrive within 8 seconds"
        );
        assert_eq!(fill("{x} {9} {", &[&1]), "{x} {9} {");
    }

    #[test]
    fn every_message_has_the_same_placeholders_in_each_language() {
        let holes = |s: &str| -> Vec<u8> {
            let mut h: Vec<u8> = (b'0'..=b'9')
                .filter(|d| s.contains(&format!("{{{}}}", *d as char)))
                .collect();
            h.sort();
            h
        };
        for msg in Msg::ALL {
            let [hant, hans, en] = msg.texts();
            assert!(
                !hant.is_empty() && !hans.is_empty() && !en.is_empty(),
                "{msg:?}"
            );
            assert_eq!(holes(hant), holes(hans), "{msg:?}");
            assert_eq!(holes(hant), holes(en), "{msg:?}");
        }
    }
}
