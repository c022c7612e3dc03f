//! Renders a table model as the files reports are published in, for round-trip
//! tests: an HTML page with real `<table>`s and a Word `.docx`, both with merged
//! cells where real reports merge them.
//!
//! Both renderers start from one description of each table as rows of spanning
//! cells ([`Span`]), laid out as the template's Word tables are (and as
//! `../shared/corpus/real/pingtan-2023.html` shows them):
//!
//! - table 二: one four-column table, each sub-table under a `第二十条第（一）项`
//!   heading row spanning all four columns; a sub-table with fewer than three columns
//!   stretches its last column over the rest (2021 edition: `本年处理决定数量`
//!   colspan 3). [`Style::t2_one_table`] off writes one table per sub-table instead.
//! - table 三: a 10-column grid. The note cell spans three label columns and three
//!   header rows; `申请人情况` spans the seven value columns; `自然人` and `总计` span two
//!   header rows and `法人或其他组织` five columns. `三、本年度办理结果` spans every
//!   result row, `（三）不予公开` its 8 rows, `（四）` 3, `（五）` 5, `（六）其他处理`
//!   3 in the 2021 edition; rows with no group (`一、本年新收…`, `四、结转…`) span
//!   the three label columns and `（一）予以公开` or `（七）总计` two.
//! - table 四: `行政复议` over five columns and `行政诉讼` over ten in the first row,
//!   the review group's five labels spanning two rows, `未经复议直接起诉` and
//!   `复议后起诉` over five columns each, then one row of 15 numbers.
//!
//! In HTML the spans are `colspan`/`rowspan`; in the .docx they are `w:gridSpan` and
//! `w:vMerge` (`restart` in the first row, a continuation cell in each row below).

use std::io::{Cursor, Write};

use zfxxgk::model::{Edition, RowDef, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

use super::render::Model;

/// How a page or document is written: the variations real ones show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Header words split over two paragraphs (`<p>商业</p><p>企业</p>`) or around a
    /// line break (`结果<br/>纠正`); in a .docx, two `w:p`s or a `w:br`, and numbers
    /// split over two runs (`1`, `23`) as Word does around proofing marks.
    pub split_words: bool,
    /// Table 二 as one table (else one table per sub-table).
    pub t2_one_table: bool,
    /// A blank cell holds `<p>&nbsp;</p>` (else nothing), in a .docx an empty
    /// paragraph with properties (else a bare `<w:p/>`).
    pub blank_nbsp: bool,
    /// HTML: a whole CMS page (menus, scripts, search form, footer, article in a
    /// `TRS_Editor` div); else the article alone in `<body>`.
    pub page: bool,
    /// HTML: header cells as `<th>` (else `<td>`).
    pub th: bool,
}

impl Style {
    /// As `pingtan-2023.html` writes its tables.
    pub const PINGTAN: Style = Style {
        split_words: true,
        t2_one_table: true,
        blank_nbsp: true,
        page: true,
        th: false,
    };
}

/// One cell of a source table: its text as paragraphs (none for a blank cell) and
/// how many columns and rows it covers.
#[derive(Debug, Clone)]
struct Span {
    paragraphs: Vec<String>,
    /// Join the paragraphs with a line break inside one paragraph.
    breaks: bool,
    colspan: usize,
    rowspan: usize,
    header: bool,
}

impl Span {
    fn text(text: &str) -> Span {
        Span {
            paragraphs: if text.is_empty() {
                Vec::new()
            } else {
                vec![text.to_string()]
            },
            breaks: false,
            colspan: 1,
            rowspan: 1,
            header: false,
        }
    }

    fn cols(mut self, n: usize) -> Span {
        self.colspan = n;
        self
    }

    fn rows(mut self, n: usize) -> Span {
        self.rowspan = n;
        self
    }

    /// A header label, split in two halves when the style says so.
    fn header(text: &str, style: Style, breaks: bool) -> Span {
        let chars: Vec<char> = text.chars().collect();
        let mut span = Span::text(text);
        if style.split_words && chars.len() >= 4 {
            let (a, b) = chars.split_at(chars.len() / 2);
            span.paragraphs = vec![a.iter().collect(), b.iter().collect()];
            span.breaks = breaks;
        }
        span.header = true;
        span
    }
}

type Table = Vec<Vec<Span>>;

fn value(m: &Model, key: &str) -> Span {
    Span::text(m.cells.get(key).map_or("", String::as_str))
}

/// Table 二's sub-tables, each a heading row, a header row and its rows, four
/// columns wide.
fn t2_tables(m: &Model, style: Style) -> Vec<Table> {
    const WIDTH: usize = 4;
    let mut out = Vec::new();
    for sub in Template::of(m.edition).t2 {
        let mut t: Table = vec![vec![Span::text(&format!(
            "第二十条第（{}）项",
            zfxxgk_text::numeral(sub.item).unwrap_or_default()
        ))
        .cols(WIDTH)]];
        let stretch = |i: usize, span: Span| {
            if i + 1 == sub.columns.len() {
                span.cols(WIDTH - sub.columns.len())
            } else {
                span
            }
        };
        let mut header = vec![Span::header("信息内容", style, false)];
        for (i, c) in sub.columns.iter().enumerate() {
            header.push(stretch(i, Span::header(c.label, style, false)));
        }
        t.push(header);
        for r in sub.rows {
            let mut row = vec![Span::text(r.label)];
            for (i, c) in sub.columns.iter().enumerate() {
                row.push(stretch(i, value(m, &format!("t2.{}.{}", r.key, c.key))));
            }
            t.push(row);
        }
        out.push(t);
    }
    if style.t2_one_table {
        vec![out.concat()]
    } else {
        out
    }
}

/// The heading of a group of numbered rows: `（三）不予公开`.
fn group_heading(group: &str) -> String {
    let number = match group {
        "不予公开" => "三",
        "无法提供" => "四",
        "不予处理" => "五",
        _ => "六",
    };
    format!("（{number}）{group}")
}

/// A row directly under `三、本年度办理结果` (`（一）予以公开`, `（七）总计`).
fn is_result(r: &RowDef) -> bool {
    r.group.is_some() && r.number.starts_with('（')
}

fn t3_table(m: &Model, style: Style) -> Table {
    let rows = Template::of(m.edition).t3_rows;
    let mut t: Table = vec![
        vec![
            Span::text("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
                .cols(3)
                .rows(3),
            Span::header("申请人情况", style, false).cols(7),
        ],
        vec![
            Span::header("自然人", style, false).rows(2),
            Span::header("法人或其他组织", style, false).cols(5),
            Span::header("总计", style, false).rows(2),
        ],
        T3_COLUMNS[1..6]
            .iter()
            .map(|c| Span::header(c.label, style, false))
            .collect(),
    ];
    let results = rows.iter().filter(|r| r.group.is_some()).count();
    let mut first_result = true;
    let mut last_group = None;
    for r in rows {
        let mut row = Vec::new();
        let label = format!("{}{}", r.number, r.label);
        match r.group {
            None => row.push(Span::text(&label).cols(3)),
            Some(group) => {
                if first_result {
                    row.push(Span::text("三、本年度办理结果").rows(results));
                    first_result = false;
                }
                if is_result(r) {
                    row.push(Span::text(&label).cols(2));
                } else {
                    if last_group != Some(group) {
                        let size = rows.iter().filter(|x| x.group == Some(group)).count();
                        row.push(Span::text(&group_heading(group)).rows(size));
                    }
                    row.push(Span::text(&label));
                }
                last_group = Some(group);
            }
        }
        for c in T3_COLUMNS {
            row.push(value(m, &format!("t3.{}.{}", r.key, c.key)));
        }
        t.push(row);
    }
    t
}

fn t4_table(m: &Model, style: Style) -> Table {
    let (review, litigation) = T4_GROUPS.split_at(1);
    let mut second: Vec<Span> = T4_COLUMNS
        .iter()
        .map(|c| Span::header(c.label, style, true).rows(2))
        .collect();
    second.extend(
        litigation
            .iter()
            .map(|g| Span::header(g.label, style, false).cols(T4_COLUMNS.len())),
    );
    let third: Vec<Span> = litigation
        .iter()
        .flat_map(|_| T4_COLUMNS.iter())
        .map(|c| Span::header(c.label, style, true))
        .collect();
    let values: Vec<Span> = T4_GROUPS
        .iter()
        .flat_map(|g| {
            T4_COLUMNS
                .iter()
                .map(move |c| value(m, &format!("t4.{}.{}", g.key, c.key)))
        })
        .collect();
    vec![
        vec![
            Span::header(review[0].label, style, false).cols(T4_COLUMNS.len()),
            Span::header("行政诉讼", style, false).cols(T4_COLUMNS.len() * 2),
        ],
        second,
        third,
        values,
    ]
}

/// The report: paragraphs and tables in reading order.
enum Part {
    Heading(String),
    Paragraph(String),
    Table(Table),
}

fn title(m: &Model) -> String {
    format!("某某市某某局{}年政府信息公开工作年度报告", m.year)
}

fn parts(m: &Model, style: Style) -> Vec<Part> {
    let mut out = vec![
        Part::Heading(title(m)),
        Part::Paragraph(format!(
            "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自{}年1月1日起至12月31日止。",
            m.year
        )),
        Part::Heading("一、总体情况".into()),
        Part::Paragraph(format!("{}年，本局认真贯彻落实《条例》。", m.year)),
        Part::Heading("二、主动公开政府信息情况".into()),
    ];
    out.extend(t2_tables(m, style).into_iter().map(Part::Table));
    out.push(Part::Heading("三、收到和处理政府信息公开申请情况".into()));
    out.push(Part::Table(t3_table(m, style)));
    let t4 = match m.edition {
        Edition::V2019 => "四、政府信息公开行政复议、行政诉讼情况",
        Edition::V2021 => "四、政府信息公开行政复议和行政诉讼情况",
    };
    out.push(Part::Heading(t4.into()));
    out.push(Part::Table(t4_table(m, style)));
    out.push(Part::Heading("五、存在的主要问题及改进情况".into()));
    out.push(Part::Paragraph("无。".into()));
    out.push(Part::Heading("六、其他需要报告的事项".into()));
    out.push(Part::Paragraph("无。".into()));
    out
}

// ---------------------------------------------------------------- HTML

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_cell(cell: &Span, style: Style, out: &mut String) {
    let tag = if cell.header && style.th { "th" } else { "td" };
    out.push('<');
    out.push_str(tag);
    if cell.colspan > 1 {
        out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
    }
    if cell.rowspan > 1 {
        out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
    }
    out.push_str(" valign=\"center\" style=\"border:solid windowtext 1px;padding:0px 7px\">");
    let p = "<p style=\"text-align:center\"><span style=\"font-family:宋体;font-size:13px\">";
    if cell.paragraphs.is_empty() {
        if style.blank_nbsp {
            out.push_str(p);
            out.push_str("&nbsp;</span></p>");
        }
    } else if cell.breaks {
        out.push_str(p);
        let lines: Vec<String> = cell.paragraphs.iter().map(|t| escape(t)).collect();
        out.push_str(&lines.join("<br/>"));
        out.push_str("</span></p>");
    } else {
        for text in &cell.paragraphs {
            out.push_str(p);
            out.push_str(&escape(text));
            out.push_str("</span></p>");
        }
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn html_table(t: &Table, style: Style, out: &mut String) {
    out.push_str(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\" \
         style=\"border-collapse:collapse\"><tbody>",
    );
    for row in t {
        out.push_str("<tr>");
        for cell in row {
            html_cell(cell, style, out);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>");
}

/// The report as an HTML page (text; see [`html_bytes`] for an encoded page).
pub fn html(m: &Model, style: Style, charset: &str) -> String {
    let mut article = String::new();
    for part in parts(m, style) {
        match part {
            Part::Heading(h) => {
                article.push_str(&format!("<p><strong>{}</strong></p>\n", escape(&h)))
            }
            Part::Paragraph(p) => article.push_str(&format!(
                "<p style=\"text-indent:2em\">{}</p>\n",
                escape(&p)
            )),
            Part::Table(t) => {
                html_table(&t, style, &mut article);
                article.push('\n');
            }
        }
    }
    if !style.page {
        return format!(
            "<html><head><meta charset=\"{charset}\"></head><body>\n{article}</body></html>\n"
        );
    }
    format!(
        "<!DOCTYPE html>\n<html><head>\
         <meta name=\"viewport\" content=\"width=device-width\" charset=\"{charset}\">\
         <title>{title}_年度报告_某某市人民政府</title>\
         <script>var SiteInfo = {{ id: 1 }}; function menu() {{ return \"<table>\"; }}</script>\
         <style>td {{ font-size: 14px; }}</style></head>\n<body>\
         <div class=\"header\"><a href=\"/\">首页</a> <a href=\"/map\">网站地图</a></div>\
         <div class=\"nav\"><ul><li>政务公开</li><li>政务服务</li></ul></div>\
         <form action=\"/search\"><input name=\"q\" value=\"搜索\"></form>\
         <div class=\"main\"><div class=\"crumb\">当前位置：首页 &gt; 年度报告</div>\
         <div class=TRS_Editor>\n{article}</div></div>\
         <div class=\"footer\">主办单位：某某市人民政府办公室 版权所有</div>\
         <script>require(['jquery'], function ($) {{}});</script></body></html>\n",
        title = title(m),
    )
}

/// The report as an HTML page in bytes: UTF-8, or GBK with `<meta charset=gbk>`.
pub fn html_bytes(m: &Model, style: Style, gbk: bool) -> Vec<u8> {
    if gbk {
        let page = html(m, style, "gbk");
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(&page);
        assert!(!unmappable, "the page is all in GBK");
        bytes.into_owned()
    } else {
        html(m, style, "utf-8").into_bytes()
    }
}

// ---------------------------------------------------------------- DOCX

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn xml_escape(text: &str) -> String {
    escape(text).replace('"', "&quot;")
}

fn run(text: &str) -> String {
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/>\
         <w:sz w:val=\"21\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml_escape(text)
    )
}

fn paragraph(runs: &str) -> String {
    format!("<w:p><w:pPr><w:spacing w:line=\"300\"/><w:jc w:val=\"center\"/></w:pPr>{runs}</w:p>")
}

/// The paragraphs of a table cell.
fn docx_cell_body(cell: &Span, style: Style) -> String {
    match cell.paragraphs.as_slice() {
        [] if style.blank_nbsp => paragraph(""),
        [] => "<w:p/>".to_string(),
        [one] if style.split_words && one.len() >= 2 && one.is_ascii() => {
            // Word splits runs around proofing marks, even inside a number.
            let (a, b) = one.split_at(1);
            paragraph(&format!(
                "{}<w:proofErr w:type=\"spellStart\"/>{}<w:proofErr w:type=\"spellEnd\"/>",
                run(a),
                run(b)
            ))
        }
        many if cell.breaks => {
            let runs: Vec<String> = many.iter().map(|t| run(t)).collect();
            paragraph(&runs.join("<w:r><w:br/></w:r>"))
        }
        many => many.iter().map(|t| paragraph(&run(t))).collect(),
    }
}

/// Where each source cell lands on the grid: `(row, first column)` of every cell, and
/// the grid's width.
fn place(t: &Table) -> (Vec<Vec<usize>>, usize) {
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); t.len()];
    let mut starts = Vec::new();
    for (r, row) in t.iter().enumerate() {
        let mut col = 0;
        let mut cols = Vec::new();
        for cell in row {
            while taken[r].get(col).copied().unwrap_or(false) {
                col += 1;
            }
            cols.push(col);
            for covered in taken.iter_mut().skip(r).take(cell.rowspan) {
                if covered.len() < col + cell.colspan {
                    covered.resize(col + cell.colspan, false);
                }
                for slot in covered.iter_mut().skip(col).take(cell.colspan) {
                    *slot = true;
                }
            }
            col += cell.colspan;
        }
        starts.push(cols);
    }
    let width = taken.iter().map(Vec::len).max().unwrap_or(0);
    (starts, width)
}

fn tc(cell: &Span, merge: Option<&str>, body: &str) -> String {
    let mut props = format!("<w:tcW w:w=\"{}\" w:type=\"dxa\"/>", 700 * cell.colspan);
    if cell.colspan > 1 {
        props.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", cell.colspan));
    }
    match merge {
        Some("restart") => props.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(_) => props.push_str("<w:vMerge/>"),
        None => {}
    }
    props.push_str("<w:vAlign w:val=\"center\"/>");
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
}

/// A table as `w:tbl`: a cell spanning rows restarts a vertical merge in its first
/// row and is continued by an empty cell of the same width in each row below.
fn docx_table(t: &Table, style: Style) -> String {
    let (starts, width) = place(t);
    // Per row, the cells that start in it by column, and the merges continuing into it.
    let mut grid: Vec<Vec<Option<String>>> = vec![vec![None; width]; t.len()];
    for (r, row) in t.iter().enumerate() {
        for (cell, &col) in row.iter().zip(&starts[r]) {
            let merged = cell.rowspan > 1;
            let restart = merged.then_some("restart");
            grid[r][col] = Some(tc(cell, restart, &docx_cell_body(cell, style)));
            for below in grid.iter_mut().take(r + cell.rowspan).skip(r + 1) {
                below[col] = Some(tc(cell, Some("continue"), "<w:p/>"));
            }
        }
    }
    let mut out = String::from(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/>\
         <w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/>\
         </w:tblBorders></w:tblPr><w:tblGrid>",
    );
    for _ in 0..width {
        out.push_str("<w:gridCol w:w=\"700\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in grid {
        out.push_str("<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>");
        for cell in row.into_iter().flatten() {
            out.push_str(&cell);
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// `word/document.xml` of the report.
pub fn document_xml(m: &Model, style: Style) -> String {
    let mut body = String::new();
    for part in parts(m, style) {
        match part {
            Part::Heading(h) => body.push_str(&format!(
                "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
                 <w:r><w:rPr><w:b/><w:rFonts w:eastAsia=\"黑体\"/></w:rPr><w:t>{}</w:t></w:r></w:p>",
                xml_escape(&h)
            )),
            Part::Paragraph(p) => body.push_str(&format!(
                "<w:p><w:pPr><w:ind w:firstLineChars=\"200\"/></w:pPr>{}\
                 <w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/></w:p>",
                run(&p)
            )),
            Part::Table(t) => {
                body.push_str(&docx_table(&t, style));
                // Word puts a paragraph between two tables, or they would merge.
                body.push_str("<w:p/>");
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
         <w:document xmlns:w=\"{W_NS}\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
</Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
Target=\"word/document.xml\"/></Relationships>";

/// The report as a .docx: `[Content_Types].xml`, `_rels/.rels` and
/// `word/document.xml`, deflated as Word writes them.
pub fn docx(m: &Model, style: Style) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let document = document_xml(m, style);
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, options).expect("start zip entry");
        zip.write_all(content.as_bytes()).expect("write zip entry");
    }
    zip.finish().expect("finish zip").into_inner()
}
