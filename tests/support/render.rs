//! Renders a table model as report text in each layout real reports arrive in, for
//! round-trip tests and benchmarks: model → text → read → the same cells.

use std::collections::BTreeMap;

use zfxxgk::model::{Edition, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

/// The layouts of the lexer: the five of the original text forms, and those
/// converters leave (`CONVERTED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    CellPerLine,
    TabRows,
    Pipes,
    Markdown,
    Aligned,
    /// `w3m -dump`: a grid of box characters, long labels wrapped inside their cells.
    BoxDrawn,
    /// pandoc's and tabulate's `+---+` grid, long labels wrapped inside their cells.
    AsciiGrid,
    /// Python html2text: `规章| 89| 11`, a `---|---` rule under the first row.
    OpenPipes,
    /// `lynx -dump`: each cell centred on a line of its own, blank lines between; an
    /// empty cell writes nothing, so blank values are written `-` here.
    CellPerParagraph,
    /// As lynx writes it: an empty cell is not written at all, so a row with a
    /// blank value cannot be told apart (cells read must still be right).
    CellPerParagraphLossy,
}

/// The layouts converters leave.
pub const CONVERTED: [Layout; 4] = [
    Layout::BoxDrawn,
    Layout::AsciiGrid,
    Layout::OpenPipes,
    Layout::CellPerParagraph,
];

pub const LAYOUTS: [Layout; 5] = [
    Layout::CellPerLine,
    Layout::TabRows,
    Layout::Pipes,
    Layout::Markdown,
    Layout::Aligned,
];

/// A report's tables as canonical key → cell text ("" for blank).
#[derive(Debug, Clone)]
pub struct Model {
    pub edition: Edition,
    pub year: u16,
    pub cells: BTreeMap<String, String>,
}

impl Model {
    /// key → normalized value, as the tidy export writes it.
    pub fn expected(&self) -> BTreeMap<String, String> {
        self.cells
            .iter()
            .map(|(k, v)| (k.clone(), normalize(v)))
            .collect()
    }
}

fn normalize(v: &str) -> String {
    let v = v.trim();
    if v.is_empty() || v == "-" {
        return String::new();
    }
    v.trim_end_matches('元').trim_end_matches('万').to_string()
}

type Grid = Vec<Vec<String>>;

fn value(m: &Model, key: &str, layout: Layout) -> String {
    let v = m.cells.get(key).cloned().unwrap_or_default();
    if v.is_empty() && matches!(layout, Layout::Aligned | Layout::CellPerParagraph) {
        // A space-aligned table cannot show an empty cell; reports write a dash.
        "-".to_string()
    } else {
        v
    }
}

fn t2_grids(m: &Model, layout: Layout) -> Vec<Grid> {
    let mut out = Vec::new();
    for sub in Template::of(m.edition).t2 {
        let mut g: Grid = vec![vec![format!(
            "第二十条第（{}）项",
            zfxxgk_text::numeral(sub.item).unwrap_or_default()
        )]];
        let mut header = vec!["信息内容".to_string()];
        header.extend(sub.columns.iter().map(|c| c.label.to_string()));
        g.push(header);
        for r in sub.rows {
            let mut row = vec![r.label.to_string()];
            for c in sub.columns {
                row.push(value(m, &format!("t2.{}.{}", r.key, c.key), layout));
            }
            g.push(row);
        }
        out.push(g);
    }
    out
}

fn t3_grid(m: &Model, layout: Layout) -> Grid {
    let mut g: Grid = vec![
        vec![
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".into(),
            "申请人情况".into(),
        ],
        vec![
            "".into(),
            "自然人".into(),
            "法人或其他组织".into(),
            "总计".into(),
        ],
        {
            let mut r = vec!["".to_string(), "".to_string()];
            r.extend(T3_COLUMNS[1..6].iter().map(|c| c.label.to_string()));
            r.push(String::new());
            r
        },
    ];
    let mut last_group = None;
    for r in Template::of(m.edition).t3_rows {
        let mut row = Vec::new();
        match r.group {
            Some(group) if r.number.starts_with('（') => {
                // （一）予以公开 … （七）总计 stand under 三、本年度办理结果.
                let first = if last_group.is_none() {
                    "三、本年度办理结果"
                } else {
                    ""
                };
                row.push(first.to_string());
                row.push(format!("{}{}", r.number, r.label));
                last_group = Some(group);
            }
            Some(group) => {
                let opened = last_group != Some(group);
                row.push(String::new());
                row.push(if opened {
                    format!("（{}）{group}", group_number(group))
                } else {
                    String::new()
                });
                row.push(format!("{}{}", r.number, r.label));
                last_group = Some(group);
            }
            None => row.push(format!("{}{}", r.number, r.label)),
        }
        for c in T3_COLUMNS {
            row.push(value(m, &format!("t3.{}.{}", r.key, c.key), layout));
        }
        g.push(row);
    }
    g
}

fn group_number(group: &str) -> &'static str {
    match group {
        "不予公开" => "三",
        "无法提供" => "四",
        "不予处理" => "五",
        _ => "六",
    }
}

fn t4_grid(m: &Model, layout: Layout) -> Grid {
    let mut groups = vec![];
    let mut cols = vec![];
    let mut values = vec![];
    for g in T4_GROUPS {
        groups.push(g.label.to_string());
        for c in T4_COLUMNS {
            cols.push(c.label.to_string());
            values.push(value(m, &format!("t4.{}.{}", g.key, c.key), layout));
        }
    }
    vec![
        vec!["行政复议".into(), "行政诉讼".into()],
        groups,
        cols,
        values,
    ]
}

fn render_grid(g: &Grid, layout: Layout, out: &mut String) {
    match layout {
        Layout::CellPerLine => {
            for row in g {
                for c in row {
                    out.push('\t');
                    out.push_str(c);
                    out.push('\n');
                }
                out.push('\n');
            }
        }
        Layout::TabRows => {
            for row in g {
                out.push_str(&row.join("\t"));
                out.push('\n');
            }
        }
        Layout::Pipes | Layout::Markdown => {
            for (i, row) in g.iter().enumerate() {
                out.push_str("| ");
                out.push_str(&row.join(" | "));
                out.push_str(" |\n");
                if i == 0 && layout == Layout::Markdown {
                    out.push('|');
                    out.push_str(&"---|".repeat(row.len()));
                    out.push('\n');
                }
            }
        }
        Layout::CellPerParagraph | Layout::CellPerParagraphLossy => {
            for c in g.iter().flatten().filter(|c| !c.is_empty()) {
                out.push_str("        ");
                out.push_str(c);
                out.push_str("\n\n");
            }
        }
        Layout::BoxDrawn => draw_grid(g, &BOX, out),
        Layout::AsciiGrid => draw_grid(g, &ASCII, out),
        Layout::OpenPipes => {
            for (i, row) in g.iter().enumerate() {
                out.push_str(&row.join("| "));
                out.push_str("  \n");
                if i == 0 {
                    out.push_str(&vec!["---"; row.len()].join("|"));
                    out.push_str("  \n");
                }
            }
        }
        Layout::Aligned => {
            for row in g {
                let cells: Vec<&str> = row
                    .iter()
                    .map(String::as_str)
                    .filter(|c| !c.is_empty())
                    .collect();
                out.push_str("  ");
                out.push_str(&cells.join("    "));
                out.push('\n');
            }
        }
    }
}

/// The characters a grid is drawn with: rules (top, between rows, bottom) as
/// (left, horizontal, junction, right), and the wall.
struct Strokes {
    top: [char; 4],
    middle: [char; 4],
    bottom: [char; 4],
    wall: char,
}

const BOX: Strokes = Strokes {
    top: ['┌', '─', '┬', '┐'],
    middle: ['├', '─', '┼', '┤'],
    bottom: ['└', '─', '┴', '┘'],
    wall: '│',
};

const ASCII: Strokes = Strokes {
    top: ['+', '-', '+', '+'],
    middle: ['+', '-', '+', '+'],
    bottom: ['+', '-', '+', '+'],
    wall: '|',
};

/// Display columns, as the lexer counts them (unicode-width: CJK characters and
/// full-width forms two wide).
fn width(s: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    s.width()
}

/// `text` cut into lines of at most `w` display columns.
fn wrap(text: &str, w: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in text.chars() {
        let last = lines.last_mut().expect("a line");
        if width(last) + width(&c.to_string()) > w {
            lines.push(c.to_string());
        } else {
            last.push(c);
        }
    }
    lines
}

/// Longest line of a label cell in a drawn grid: longer labels wrap, as a browser
/// wraps them in a narrow column. Numbers never wrap.
const LABEL_WIDTH: usize = 12;

/// Draws `g` as a grid of equal columns, every row padded to the widest; a cell's
/// text wraps onto more lines within its column.
fn draw_grid(g: &Grid, s: &Strokes, out: &mut String) {
    let columns = g.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![1; columns];
    for row in g {
        let lacking = columns - row.len();
        let at = |k: usize| if k == 0 { 0 } else { k + lacking };
        for (k, c) in row.iter().enumerate() {
            let k = at(k);
            let w = if c.is_ascii() {
                width(c)
            } else {
                width(c).min(LABEL_WIDTH)
            };
            widths[k] = widths[k].max(w);
        }
    }
    let rule = |ends: [char; 4], out: &mut String| {
        out.push(ends[0]);
        let parts: Vec<String> = widths
            .iter()
            .map(|w| ends[1].to_string().repeat(*w))
            .collect();
        out.push_str(&parts.join(&ends[2].to_string()));
        out.push(ends[3]);
        out.push('\n');
    };
    rule(s.top, out);
    for (r, row) in g.iter().enumerate() {
        // A short row's first cell spans the columns it lacks, as a label does in a
        // page's table: its values stay under their headers.
        let mut row = row.clone();
        let lacking = columns - row.len();
        row.splice(1..1, std::iter::repeat_n(String::new(), lacking));
        let cells: Vec<Vec<String>> = (0..columns)
            .map(|k| wrap(row.get(k).map_or("", String::as_str), widths[k]))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            out.push(s.wall);
            for (k, c) in cells.iter().enumerate() {
                let piece = c.get(line).map_or("", String::as_str);
                out.push_str(piece);
                out.push_str(&" ".repeat(widths[k] - width(piece)));
                out.push(s.wall);
            }
            out.push('\n');
        }
        rule(if r + 1 == g.len() { s.bottom } else { s.middle }, out);
    }
}

/// A report's title and its text up to table 二.
fn opening(m: &Model) -> String {
    format!("某某市某某局{}年政府信息公开工作年度报告\n\n一、总体情况\n{}年，本局认真贯彻落实《条例》。\n\n二、主动公开政府信息情况\n", m.year, m.year)
}

/// A report's text after table 四.
const CLOSING: &str = "\n五、存在的主要问题及改进情况\n无。\n\n六、其他需要报告的事项\n无。\n";

/// The whole report text: title, six sections, tables in `layout`.
pub fn render(m: &Model, layout: Layout) -> String {
    let mut out = opening(m);
    for g in t2_grids(m, layout) {
        render_grid(&g, layout, &mut out);
        if layout != Layout::CellPerLine {
            out.push('\n');
        }
    }
    out.push_str("\n三、收到和处理政府信息公开申请情况\n");
    render_grid(&t3_grid(m, layout), layout, &mut out);
    out.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n");
    render_grid(&t4_grid(m, layout), layout, &mut out);
    out.push_str(CLOSING);
    out
}

/// The report as a crawler saves a web page's text: the tags stripped with nothing put
/// in their place, so that the sections run on in one line and each table row's cells
/// run together (`行政规范性文件77132470`, `一、本年新收政府信息公开申请数量801000081`).
/// A blank cell leaves nothing, so the model should have none in tables 三 and 四.
pub fn render_ran_together(m: &Model) -> String {
    let mut out = format!(
        "标题: 某某市某某局{}年政府信息公开工作年度报告\n==================== 正文 ====================\n",
        m.year
    );
    out.push_str(&format!(
        "一、总体情况{}年，本局共收到申请12件，予以公开3件，行政复议1件。二、主动公开政府信息情况",
        m.year
    ));
    let flat = |g: &Grid, out: &mut String| {
        for row in g {
            for c in row {
                out.push_str(c);
            }
        }
    };
    for g in t2_grids(m, Layout::Pipes) {
        flat(&g, &mut out);
    }
    out.push_str("三、收到和处理政府信息公开申请情况");
    flat(&t3_grid(m, Layout::Pipes), &mut out);
    out.push_str("四、政府信息公开行政复议、行政诉讼情况");
    flat(&t4_grid(m, Layout::Pipes), &mut out);
    out.push_str("五、存在的主要问题及改进情况无。六、其他需要报告的事项无。\n");
    out
}

/// Each row of `g` on a line of its own, its cells a space apart, empty cells left
/// out (an empty cell leaves nothing in reading-order text).
fn row_lines(g: &Grid, out: &mut String) {
    for row in g {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if !cells.is_empty() {
            out.push_str(&cells.join(" "));
            out.push('\n');
        }
    }
}

/// The report as `pdftotext -raw` writes a PDF of its web page: each table row on a
/// line of its own, its cells a space apart, and an empty cell leaving nothing (the
/// blank cells of the model vanish; `/` or `—` written would stay).
pub fn render_reading_order(m: &Model) -> String {
    let mut out = opening(m);
    for g in t2_grids(m, Layout::Pipes) {
        row_lines(&g, &mut out);
    }
    out.push_str("三、收到和处理政府信息公开申请情况\n");
    row_lines(&t3_grid(m, Layout::Pipes), &mut out);
    reading_order_end(m, &mut out);
    out
}

/// The text of a reading-order rendering up to table 三's rows: title, sections 一
/// and 二 with table 二 a row a line, section 三's heading and table 三's header
/// words, the column names on one line (no line break after them).
fn reading_order_t3_head(m: &Model) -> String {
    let mut out = opening(m);
    for g in t2_grids(m, Layout::Pipes) {
        row_lines(&g, &mut out);
    }
    out.push_str("三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n");
    let names: Vec<&str> = T3_COLUMNS.iter().map(|c| c.label).collect();
    out.push_str(&names.join(" "));
    out
}

/// The text of table 三's cell in template row `j` and column `c`, trimmed (empty
/// for a blank cell or one outside the table).
fn t3_value(m: &Model, j: usize, c: usize) -> String {
    let rows = Template::of(m.edition).t3_rows;
    let (Some(r), Some(col)) = (rows.get(j), T3_COLUMNS.get(c)) else {
        return String::new();
    };
    value(m, &format!("t3.{}.{}", r.key, col.key), Layout::Pipes)
        .trim()
        .to_string()
}

/// Table 三's `rows`' cells but the first, row after row, a value a paragraph (a
/// blank cell leaving nothing).
fn value_paragraphs(m: &Model, rows: std::ops::Range<usize>, out: &mut String) {
    for j in rows {
        for c in 1..T3_COLUMNS.len() {
            let v = t3_value(m, j, c);
            if !v.is_empty() {
                out.push_str(&format!("{v}\n\n"));
            }
        }
    }
}

/// Section 四's heading, table 四 a row a line, and the sections after it.
fn reading_order_end(m: &Model, out: &mut String) {
    out.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    row_lines(&t4_grid(m, Layout::Pipes), out);
    out.push_str(CLOSING);
}

/// The report as reading-order `pdftotext` writes chromium's PDF of a Word page
/// ("save as web page") whose table 三 a page break cuts before its row `cut`: the
/// rows before it on their labels' lines; after it the labels with their first
/// column (the last label's on a line of its own, a blank line after it), then the
/// other columns of the `band` rows after the cut a column a block, blank lines
/// between the blocks, then the next rows' a value a paragraph, row after row, and
/// the last `tail` rows' a column a block again, their last two columns side by side
/// (`1 15` / `1 134` / `0 28`). Blank cells of table 三 leave nothing; tables 二 and 四
/// as [`render_reading_order`].
pub fn render_word_page(m: &Model, cut: usize, band: usize, tail: usize) -> String {
    let mut out = reading_order_t3_head(m);
    out.push('\n');
    let rows = Template::of(m.edition).t3_rows;
    let cell = |j: usize, c: usize| t3_value(m, j, c);
    let label = |j: usize| {
        rows.get(j)
            .map_or(String::new(), |r| format!("{}{}", r.number, r.label))
    };
    let cut = cut.min(rows.len());
    for j in 0..cut {
        let mut line = vec![label(j)];
        line.extend(
            (0..T3_COLUMNS.len())
                .map(|c| cell(j, c))
                .filter(|v| !v.is_empty()),
        );
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out.push('\n');
    for j in cut..rows.len() {
        let first = cell(j, 0);
        if j + 1 == rows.len() {
            out.push_str(&format!("{}\n{first}\n\n", label(j)));
        } else if first.is_empty() {
            out.push_str(&format!("{}\n", label(j)));
        } else {
            out.push_str(&format!("{} {first}\n", label(j)));
        }
    }
    let split = (cut + band).min(rows.len());
    let last = rows.len().saturating_sub(tail).max(split);
    for c in 1..T3_COLUMNS.len() {
        for j in cut..split {
            let v = cell(j, c);
            if !v.is_empty() {
                out.push_str(&format!("{v}\n"));
            }
        }
        out.push('\n');
    }
    value_paragraphs(m, split..last, &mut out);
    if last < rows.len() {
        for c in 1..T3_COLUMNS.len() - 2 {
            for j in last..rows.len() {
                let v = cell(j, c);
                if !v.is_empty() {
                    out.push_str(&format!("{v}\n"));
                }
            }
            out.push('\n');
        }
        let n = T3_COLUMNS.len();
        for j in last..rows.len() {
            let pair: Vec<String> = [cell(j, n - 2), cell(j, n - 1)]
                .into_iter()
                .filter(|v| !v.is_empty())
                .collect();
            if !pair.is_empty() {
                out.push_str(&pair.join(" "));
                out.push('\n');
            }
        }
        out.push('\n');
    }
    reading_order_end(m, &mut out);
    out
}

/// The report as reading-order `pdftotext` writes chromium's PDF of an online
/// editor's page whose table 三 a page break cuts before its row `cut`: on each page,
/// each row's first column on a line of its own before its label, then the page's
/// rows' other columns, row after row, a value a paragraph. Blank cells of table 三
/// leave nothing; tables 二 and 四 as [`render_reading_order`].
pub fn render_editor_page(m: &Model, cut: usize) -> String {
    let mut out = reading_order_t3_head(m);
    out.push_str("\n\n");
    let rows = Template::of(m.edition).t3_rows;
    let cell = |j: usize, c: usize| t3_value(m, j, c);
    let cut = cut.clamp(1, rows.len());
    for page in [0..cut, cut..rows.len()] {
        for j in page.clone() {
            let first = cell(j, 0);
            if !first.is_empty() {
                out.push_str(&format!("{first}\n"));
            }
            if let Some(r) = rows.get(j) {
                out.push_str(&format!("{}{}\n", r.number, r.label));
            }
        }
        out.push('\n');
        value_paragraphs(m, page, &mut out);
    }
    reading_order_end(m, &mut out);
    out
}

/// Every key of an edition's three tables.
pub fn keys(edition: Edition) -> Vec<String> {
    let t = Template::of(edition);
    let mut keys = Vec::new();
    for table in zfxxgk::TableId::ALL {
        keys.extend(t.keys(table));
    }
    keys
}

/// The encodings a report may arrive in, with the bytes of `text` in each.
pub fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = vec![("UTF-8", text.as_bytes().to_vec())];
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    out.push(("UTF-8 with BOM", bom));
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in &units {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    out.push(("UTF-16LE", le));
    out.push(("UTF-16BE", be));
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "the rendered text is all in GBK");
    out.push(("GBK", gbk.into_owned()));
    let crlf = text.replace('\n', "\r\n");
    out.push(("UTF-8 CRLF", crlf.into_bytes()));
    out
}

/// Width, in display columns, of the columns of numbers that [`render_columns`] draws.
const COLUMN_WIDTH: usize = 4;

/// Text laid out at display columns, as `pdftotext -layout` writes a page: each line
/// holds pieces of text that start where they are put.
#[derive(Default)]
struct Canvas {
    lines: Vec<Vec<(usize, String)>>,
}

impl Canvas {
    /// Puts `text` at display column `x` of line `y`.
    fn put(&mut self, y: usize, x: usize, text: &str) {
        if self.lines.len() <= y {
            self.lines.resize_with(y + 1, Vec::new);
        }
        self.lines[y].push((x, text.to_string()));
    }

    /// The lines, each piece after at least the spaces to its column.
    fn draw(mut self, out: &mut String) {
        for line in &mut self.lines {
            line.sort_by_key(|(x, _)| *x);
            let mut at = 0;
            for (x, text) in line.iter() {
                out.push_str(&" ".repeat(x.saturating_sub(at)));
                out.push_str(text);
                at = (*x).max(at) + width(text);
            }
            out.push('\n');
        }
    }
}

/// A header word written one character a line, in the middle of its column.
fn stack(canvas: &mut Canvas, top: usize, x: usize, word: &str) {
    for (k, c) in word.chars().enumerate() {
        canvas.put(top + k, x + 1, &c.to_string());
    }
}

/// `text` in the middle of the columns `x0..x1`.
fn centered(canvas: &mut Canvas, y: usize, x0: usize, x1: usize, text: &str) {
    let w = width(text);
    canvas.put(y, x0 + (x1 - x0).saturating_sub(w) / 2, text);
}

/// A row of values, each right-aligned in its column; a blank cell is left blank,
/// except in a row that is blank throughout, which shows a dash so that it is there.
/// `columns` are each column's start and width.
fn values_at(canvas: &mut Canvas, y: usize, columns: &[(usize, usize)], values: &[String]) {
    let all_blank = values.iter().all(|v| v.trim().is_empty());
    for (k, (&(x, col_width), v)) in columns.iter().zip(values).enumerate() {
        let v = if all_blank && k == 0 { "-" } else { v.trim() };
        canvas.put(y, x + col_width.saturating_sub(width(v)), v);
    }
}

/// Columns of [`COLUMN_WIDTH`] starting at `xs`.
fn narrow(xs: &[usize]) -> Vec<(usize, usize)> {
    xs.iter().map(|&x| (x, COLUMN_WIDTH)).collect()
}

/// Table 二's sub-tables in columns at fixed display positions: each column as wide
/// as its header or its widest value, values right-aligned under it, blank cells left
/// blank.
fn t2_columns(m: &Model, out: &mut String) {
    for g in t2_grids(m, Layout::TabRows) {
        let (title, header, rows) = (&g[0][0], &g[1], &g[2..]);
        let left = rows
            .iter()
            .chain([header])
            .map(|r| width(&r[0]))
            .max()
            .unwrap_or(0)
            + 2;
        let mut xs = Vec::new();
        let mut x = left;
        for k in 1..header.len() {
            let widest = rows.iter().map(|r| width(r[k].trim())).max();
            let w = widest.unwrap_or(0).max(width(&header[k]));
            xs.push((x, w));
            x += w + 2;
        }
        let mut c = Canvas::default();
        c.put(0, 0, title);
        c.put(1, 0, &header[0]);
        for (k, &(x, _)) in xs.iter().enumerate() {
            c.put(1, x, &header[k + 1]);
        }
        for (i, row) in rows.iter().enumerate() {
            c.put(2 + i, 0, &row[0]);
            values_at(&mut c, 2 + i, &xs, &row[1..]);
        }
        c.draw(out);
        out.push('\n');
    }
}

/// Table 三 in columns at fixed display positions, `gap` spaces apart.
fn t3_columns(m: &Model, gap: usize, out: &mut String) {
    let grid = t3_grid(m, Layout::TabRows);
    let rows = grid.get(3..).unwrap_or_default();
    let label = |row: &[String]| -> String {
        let cells: Vec<&str> = row[..row.len() - T3_COLUMNS.len()]
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        cells.join("    ")
    };
    let left = rows.iter().map(|r| width(&label(r))).max().unwrap_or(0) + 2;
    let xs: Vec<usize> = (0..T3_COLUMNS.len())
        .map(|k| left + k * (COLUMN_WIDTH + gap))
        .collect();
    let end = xs.last().map_or(left, |x| x + COLUMN_WIDTH);
    let mut c = Canvas::default();
    c.put(0, 0, &grid[0][0]);
    centered(&mut c, 1, left, end, "申请人情况");
    centered(&mut c, 2, xs[1], xs[5] + COLUMN_WIDTH, "法人或其他组织");
    for (k, col) in T3_COLUMNS.iter().enumerate() {
        stack(&mut c, 3, xs[k], col.label);
    }
    let top = c.lines.len();
    for (i, row) in rows.iter().enumerate() {
        c.put(top + i, 0, &label(row));
        values_at(
            &mut c,
            top + i,
            &narrow(&xs),
            &row[row.len() - T3_COLUMNS.len()..],
        );
    }
    c.draw(out);
}

/// Table 四 in columns at fixed display positions, `gap` spaces apart.
fn t4_columns(m: &Model, gap: usize, out: &mut String) {
    let grid = t4_grid(m, Layout::TabRows);
    let n = T4_COLUMNS.len();
    let xs: Vec<usize> = (0..n * T4_GROUPS.len())
        .map(|k| k * (COLUMN_WIDTH + gap))
        .collect();
    let group = |g: usize| (xs[g * n], xs[g * n + n - 1] + COLUMN_WIDTH);
    let mut c = Canvas::default();
    let (a, b) = group(0);
    centered(&mut c, 0, a, b, "行政复议");
    let (a, _) = group(1);
    let (_, b) = group(2);
    centered(&mut c, 0, a, b, "行政诉讼");
    for (g, label) in grid[1].iter().enumerate().skip(1) {
        let (a, b) = group(g);
        centered(&mut c, 1, a, b, label);
    }
    for (k, label) in grid[2].iter().enumerate() {
        stack(&mut c, 2, xs[k], label);
    }
    let y = c.lines.len();
    values_at(&mut c, y, &narrow(&xs), &grid[3]);
    c.draw(out);
}

/// The whole report, its tables 三 and 四 in columns at fixed display positions as
/// `pdftotext -layout` writes a PDF's tables: header words wrapped in their columns,
/// blank cells left blank, and `gap` spaces (one or more) between columns of numbers.
/// Table 二's columns, as wide as their headers, stand two or more spaces apart.
pub fn render_columns(m: &Model, gap: usize) -> String {
    let mut out = opening(m);
    t2_columns(m, &mut out);
    out.push_str("\n三、收到和处理政府信息公开申请情况\n");
    t3_columns(m, gap, &mut out);
    out.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n");
    t4_columns(m, gap, &mut out);
    out.push_str(CLOSING);
    out
}
