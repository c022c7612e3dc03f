//! HTML pages: keep the article, block elements as lines, tables as pipe rows.
//!
//! A government CMS page wraps the report in a header, menus, search forms, scripts
//! and a footer. We parse the page with html5ever (through `scraper`), find the
//! article container (`<div class=TRS_Editor>`, `<article>`, or the element holding
//! the most paragraph text), and write only it: block elements become lines, each
//! `<table>` becomes one pipe row per `<tr>` with its spans expanded (see
//! [`grid`](super::grid)), and the page title goes first when it names the report and
//! the article does not repeat it.

use scraper::{ElementRef, Html, Node};

use super::grid::{self, SpanCell};
use super::nesting::{limit_nesting, MAX_NESTING};
use super::text::{Line, Writer};

/// Nesting depth below which we stop honouring structure and flatten text.
const MAX_DEPTH: usize = 128;

/// Elements whose content is never report text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "select", "option", "button",
    "input", "textarea", "iframe", "svg", "object", "embed", "canvas", "head", "title", "map",
    "audio", "video", "link", "meta",
];

/// Page chrome, skipped unless it is (or holds) the article container.
const CHROME: &[&str] = &[
    "header",
    "footer",
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "crumb",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "caption",
    "hr",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "header",
    "footer",
    "body",
    "html",
];

/// Class names and ids of article containers used by Chinese government CMSs (TRS,
/// Hanweb, gov.cn).
const CONTAINERS: &[&str] = &[
    "trs_editor",
    "trs_ueditor",
    "zoom",
    "ucap-content",
    "pages_content",
    "article-content",
    "article_content",
];

/// The report text of an HTML page, or `None` if it would exceed `budget` bytes.
pub(crate) fn html_to_text(html: &str, budget: usize) -> Option<String> {
    let doc = Html::parse_document(&limit_nesting(html, MAX_NESTING));
    let root = doc.root_element();
    let body = root
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let container = find_container(body);
    let mut w = Writer::new(budget);
    if let Some(title) = report_title(root) {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let opening: String = squeeze(&container.text().take(50).collect::<String>());
        let opening: String = opening.chars().take(400).collect();
        if !opening.contains(&squeeze(&title)) {
            w.text(&title);
            w.blank_line();
        }
    }
    let chrome = container.id() == body.id() || container.id() == root.id();
    walk(container, &mut w, 0, chrome);
    w.finish()
}

fn name(el: ElementRef<'_>) -> &str {
    el.value().name()
}

/// Whether an element's content is never report text.
fn skipped(el: ElementRef<'_>, chrome: bool) -> bool {
    let v = el.value();
    if SKIPPED.contains(&v.name()) || v.attr("hidden").is_some() {
        return true;
    }
    if v.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    }) {
        return true;
    }
    chrome
        && (matches!(v.name(), "header" | "footer")
            || v.classes()
                .chain(v.id())
                .any(|c| CHROME.iter().any(|k| c.eq_ignore_ascii_case(k))))
}

/// Length of the text an element shows, without scripts and styles.
fn text_len(el: ElementRef<'_>) -> usize {
    let all: usize = el.text().map(|t| t.trim().chars().count()).sum();
    let hidden: usize = el
        .descendent_elements()
        .filter(|e| matches!(name(*e), "script" | "style" | "noscript" | "template"))
        .map(|e| e.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum();
    all.saturating_sub(hidden)
}

/// The element holding the report: a known CMS container, else the element whose
/// direct paragraphs hold the most text, widened until it holds every data table.
fn find_container(body: ElementRef<'_>) -> ElementRef<'_> {
    let total = text_len(body);
    let mut visible = vec![body];
    collect_visible(body, 0, &mut visible);
    let known = visible
        .iter()
        .filter(|e| {
            let v = e.value();
            v.name() == "article"
                || v.classes()
                    .chain(v.id())
                    .any(|c| CONTAINERS.iter().any(|k| c.eq_ignore_ascii_case(k)))
        })
        .map(|e| (text_len(*e), *e))
        .max_by_key(|(len, _)| *len)
        .filter(|(len, _)| *len >= 200 || *len * 10 >= total * 3);
    let mut container = match known {
        Some((_, e)) => e,
        None => {
            // The first (outermost) of equal scores wins.
            let mut best = (0, body);
            for e in &visible {
                let score = paragraph_score(*e);
                if score > best.0 {
                    best = (score, *e);
                }
            }
            match best {
                (score, e) if score * 2 >= total && total > 0 => e,
                _ => return body,
            }
        }
    };
    // Tables beside the paragraphs (text in one div, tables in the next) belong too.
    let tables: Vec<ElementRef<'_>> = visible
        .iter()
        .filter(|e| name(**e) == "table" && is_data_table(**e))
        .copied()
        .collect();
    for table in tables {
        while !table.ancestors().any(|a| a.id() == container.id()) && table.id() != container.id() {
            match container.parent().and_then(ElementRef::wrap) {
                Some(parent) if parent.id() != body.id() => container = parent,
                _ => return body,
            }
        }
    }
    container
}

/// Elements under `el` outside scripts, forms and page chrome, down to `MAX_DEPTH`.
fn collect_visible<'a>(el: ElementRef<'a>, depth: usize, out: &mut Vec<ElementRef<'a>>) {
    for child in el.child_elements() {
        if !skipped(child, true) {
            out.push(child);
            if depth < MAX_DEPTH {
                collect_visible(child, depth + 1, out);
            }
        }
    }
}

/// Text directly under an element: its own text nodes and its paragraph-like
/// children (not `div`s, or every wrapper would score its whole subtree).
fn paragraph_score(el: ElementRef<'_>) -> usize {
    el.children()
        .map(|child| match child.value() {
            Node::Text(t) => t.trim().chars().count(),
            Node::Element(e) => match e.name() {
                "p" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "span"
                | "font" | "strong" | "b" | "pre" | "blockquote" | "center" => {
                    ElementRef::wrap(child).map_or(0, text_len)
                }
                "div" => ElementRef::wrap(child)
                    .filter(|d| is_leaf_block(*d))
                    .map_or(0, text_len),
                _ => 0,
            },
            _ => 0,
        })
        .sum()
}

/// A block holding only inline content: a `<div>` used as a paragraph.
fn is_leaf_block(el: ElementRef<'_>) -> bool {
    !el.descendent_elements()
        .skip(1)
        .any(|e| BLOCKS.contains(&name(e)) || name(e) == "table")
}

/// A table of figures (at least 3 rows and 3 purely numeric cells), as opposed to a
/// layout or menu table. Only the table's own rows count, not nested tables'.
fn is_data_table(table: ElementRef<'_>) -> bool {
    let rows: Vec<ElementRef<'_>> = own_rows(table).collect();
    let numeric = rows
        .iter()
        .flat_map(|tr| own_cells(*tr))
        .filter(|cell| {
            // A number is short: look at the first few text nodes only.
            let t: String = cell.text().take(4).collect();
            let t = t.trim();
            !t.is_empty() && t.len() <= 32 && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
        .count();
    rows.len() >= 3 && numeric >= 3
}

/// The `<tr>`s of a table, directly or through `<thead>`, `<tbody>`, `<tfoot>`.
fn own_rows<'a>(table: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    table.child_elements().flat_map(|child| {
        let rows: Vec<ElementRef<'a>> = match name(child) {
            "tr" => vec![child],
            "thead" | "tbody" | "tfoot" => child
                .child_elements()
                .filter(|tr| name(*tr) == "tr")
                .collect(),
            _ => Vec::new(),
        };
        rows
    })
}

/// The `<td>` and `<th>` cells of a row.
fn own_cells<'a>(tr: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    tr.child_elements()
        .filter(|c| matches!(name(*c), "td" | "th"))
}

/// A table used for page layout: it holds another table, has a single cell, or has a
/// cell with a page of text. Its cells are written as blocks, not as a pipe row.
fn is_layout_table(table: ElementRef<'_>) -> bool {
    let cells: Vec<ElementRef<'_>> = own_rows(table).flat_map(own_cells).collect();
    cells.len() <= 1
        || table
            .descendent_elements()
            .skip(1)
            .any(|e| name(e) == "table")
        || cells.iter().any(|c| text_len(*c) > 1000)
}

/// The page title, if it names the report: `<meta name=ArticleTitle>`, a part of
/// `<title>` (sites append `_column_site`), or an `<h1>`.
fn report_title(root: ElementRef<'_>) -> Option<String> {
    let mut candidates = Vec::new();
    for e in root.descendent_elements() {
        let v = e.value();
        match v.name() {
            "meta"
                if v.attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case("ArticleTitle")) =>
            {
                candidates.extend(v.attr("content").map(str::to_owned));
            }
            "title" => {
                let title: String = e.text().collect();
                candidates.extend(
                    title
                        .split(['_', '|', '－', '—'])
                        .flat_map(|s| s.split(" - "))
                        .map(str::to_owned),
                );
            }
            "h1" => candidates.push(e.text().collect()),
            _ => {}
        }
    }
    candidates
        .into_iter()
        .map(|c| {
            let mut line = Line::default();
            line.push_str(&c);
            line.take()
        })
        .find(|c| c.contains("报告") && c.chars().count() <= 100)
}

/// Writes an element and its content.
fn walk(el: ElementRef<'_>, w: &mut Writer, depth: usize, chrome: bool) {
    if skipped(el, chrome) {
        return;
    }
    if depth > MAX_DEPTH {
        let text: String = el.text().collect();
        w.text(&text);
        return;
    }
    match name(el) {
        "br" => w.hard_break(),
        "table" if !is_layout_table(el) => {
            if let Some(caption) = el.child_elements().find(|c| name(*c) == "caption") {
                w.end_line();
                walk_children(caption, w, depth, chrome);
                w.end_line();
            }
            let remaining = w.budget_left();
            match grid::expand(&table_rows(el), remaining) {
                Some(rows) => w.table(&rows),
                None => w.overflow(),
            }
        }
        n if BLOCKS.contains(&n) || n == "table" => {
            w.end_line();
            walk_children(el, w, depth, chrome);
            w.end_line();
        }
        _ => walk_children(el, w, depth, chrome),
    }
}

fn walk_children(el: ElementRef<'_>, w: &mut Writer, depth: usize, chrome: bool) {
    for child in el.children() {
        if w.is_over() {
            return;
        }
        match child.value() {
            Node::Text(t) => w.text(t),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, w, depth + 1, chrome);
                }
            }
            _ => {}
        }
    }
}

/// The rows of a table (not of tables nested in its cells), cells flattened.
pub(crate) fn table_rows(table: ElementRef<'_>) -> Vec<Vec<SpanCell>> {
    own_rows(table)
        .map(|tr| {
            own_cells(tr)
                .map(|c| {
                    let mut line = Line::default();
                    flatten(c, &mut line, 0);
                    SpanCell {
                        text: line.take(),
                        colspan: span(c.value().attr("colspan"), 1),
                        rowspan: span(c.value().attr("rowspan"), 1),
                    }
                })
                .collect()
        })
        .collect()
}

/// A `rowspan`/`colspan` value: leading digits; 0 (span to the end) as `usize::MAX`;
/// anything unreadable as `default`.
fn span(attr: Option<&str>, default: usize) -> usize {
    let Some(value) = attr else { return default };
    let digits: String = value
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match digits.parse::<usize>() {
        Ok(0) => usize::MAX,
        Ok(n) => n,
        Err(_) if digits.is_empty() => default,
        Err(_) => usize::MAX,
    }
}

/// Flattens a cell's content to one line: blocks and `<br>` become breaks, which
/// join CJK text without a space.
fn flatten(el: ElementRef<'_>, line: &mut Line, depth: usize) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => line.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if skipped(child, false) {
                    continue;
                }
                if e.name() == "br" {
                    line.push_break();
                } else if depth > MAX_DEPTH {
                    line.push_str(&child.text().collect::<String>());
                } else if BLOCKS.contains(&e.name()) || e.name() == "table" {
                    line.push_break();
                    flatten(child, line, depth + 1);
                    line.push_break();
                } else {
                    flatten(child, line, depth + 1);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        html_to_text(html, 1 << 20).unwrap_or_default()
    }

    #[test]
    fn blocks_become_lines_and_scripts_vanish() {
        let got = text(
            "<body><script>var menu = 1;</script><style>p{}</style>\
             <p>一、总体情况</p><div>正文<br>第二行<br><br>第三段</div>\
             <p>&nbsp;</p><ul><li>甲</li><li>乙</li></ul></body>",
        );
        assert_eq!(got, "一、总体情况\n正文\n第二行\n\n第三段\n甲\n乙\n");
    }

    #[test]
    fn cells_join_cjk_without_space_and_escape_pipes() {
        let got = text(
            "<table><tr><td><p>商业</p><p>企业</p></td><td>科研<br/>机构</td>\
             <td>a|b</td><td>&nbsp;</td><td>1</td></tr></table>",
        );
        assert_eq!(got, "| 商业企业 | 科研机构 | a｜b |  | 1 |\n");
    }

    #[test]
    fn container_and_title() {
        let got = text(
            "<html><head><title>某市2023年政府信息公开工作年度报告_年报_某市政府</title></head>\
             <body><div class=\"header\">首页 网站地图</div><div class=nav-list>菜单</div>\
             <div class=TRS_Editor><p>本报告根据《条例》编制。</p><p>一、总体情况</p></div>\
             <div class=\"footer\">版权所有</div></body></html>",
        );
        assert_eq!(
            got,
            "某市2023年政府信息公开工作年度报告\n\n本报告根据《条例》编制。\n一、总体情况\n"
        );
    }

    #[test]
    fn most_paragraph_text_wins_without_a_known_container() {
        let long = "本年度共收到申请八十一件，均已按期答复。".repeat(5);
        let page = format!(
            "<body><div class=top><a href=/>首页</a><a href=/x>机构</a></div>\
             <div id=main><div class=left>栏目一 栏目二</div>\
             <div class=right><h2>报告</h2><p>{long}</p><p>{long}</p></div></div>\
             <div class=bottom>主办单位：某市人民政府办公室</div></body>"
        );
        let got = text(&page);
        assert_eq!(got, format!("报告\n{long}\n{long}\n"));
    }

    #[test]
    fn layout_tables_are_blocks() {
        let got = text(
            "<table><tr><td><p>一、总体情况</p><table><tr><td>a</td><td>1</td></tr></table>\
             </td></tr></table>",
        );
        assert_eq!(got, "一、总体情况\n\n| a | 1 |\n");
    }

    #[test]
    fn span_values() {
        assert_eq!(span(None, 1), 1);
        assert_eq!(span(Some(" 3 "), 1), 3);
        assert_eq!(span(Some("2px"), 1), 2);
        assert_eq!(span(Some("0"), 1), usize::MAX);
        assert_eq!(span(Some("x"), 1), 1);
        assert_eq!(span(Some("99999999999999999999999"), 1), usize::MAX);
    }
}
