//! The input layer: bytes of a file → the text the lexer reads.
//!
//! Encodings, kind detection, HTML and DOCX tables with spans, PDF through
//! `pdftotext`, and corpus files from `../shared/corpus/real/` beside the workspace
//! (skipped with a message where it is absent).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use zfxxgk_input::{read_input, Input, InputError, InputKind, InputOptions};

fn read(bytes: &[u8]) -> Result<Input, InputError> {
    read_input(bytes, &InputOptions::default())
}

fn read_named(bytes: &[u8], name: &str) -> Result<Input, InputError> {
    let opts = InputOptions {
        name_hint: Some(name.to_owned()),
        ..InputOptions::default()
    };
    read_input(bytes, &opts)
}

/// Options that never run `pdftotext` (it does not exist at this path).
fn no_pdf_tool() -> InputOptions {
    InputOptions {
        pdftotext: Some(PathBuf::from("/nonexistent/zfxxgk/pdftotext")),
        ..InputOptions::default()
    }
}

fn corpus(name: &str) -> Option<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real")
        .join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            println!("skipped: {} not readable ({e})", path.display());
            None
        }
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

// ---------------------------------------------------------------- encodings

const REPORT: &str = "一、总体情况\r\n本年新收申请 81 件。\r\n| 予以公开 | 9 |\r二、主动公开\n";
const REPORT_LF: &str = "一、总体情况\n本年新收申请 81 件。\n| 予以公开 | 9 |\n二、主动公开\n";

#[test]
fn every_encoding_decodes_to_the_same_text() {
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(REPORT.as_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("UTF-8", REPORT.as_bytes().to_vec(), "UTF-8"),
        ("UTF-8 with BOM", utf8_bom, "UTF-8"),
        ("UTF-16LE with BOM", utf16(REPORT, false, true), "UTF-16LE"),
        ("UTF-16BE with BOM", utf16(REPORT, true, true), "UTF-16BE"),
        (
            "UTF-16LE without BOM",
            utf16(REPORT, false, false),
            "UTF-16LE",
        ),
        (
            "UTF-16BE without BOM",
            utf16(REPORT, true, false),
            "UTF-16BE",
        ),
        ("GBK", encoding_rs::GBK.encode(REPORT).0.into_owned(), "GBK"),
    ];
    for (name, bytes, encoding) in cases {
        let input = read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(input.text, REPORT_LF, "{name}");
        assert_eq!(input.encoding, encoding, "{name}");
        assert_eq!(input.kind, InputKind::Text, "{name}");
        assert!(!input.replaced, "{name}");
    }
}

#[test]
fn malformed_bytes_are_replaced_not_rejected() {
    let mut bytes = encoding_rs::GBK.encode(REPORT).0.into_owned();
    bytes.extend_from_slice(&[0x81, b'\n']);
    let input = read(&bytes).expect("GBK with a cut character is still text");
    assert_eq!(input.encoding, "GBK");
    assert!(input.replaced);
    assert!(input.text.starts_with(REPORT_LF));
}

#[test]
fn too_large_names_the_limit() {
    let opts = InputOptions {
        max_bytes: 10,
        ..InputOptions::default()
    };
    let err = read_input(b"0123456789A", &opts).expect_err("11 bytes > 10");
    assert!(
        matches!(err, InputError::TooLarge { size: 11, max: 10 }),
        "{err:?}"
    );
    assert!(err.to_string().contains("max_bytes"), "{err}");
}

// ---------------------------------------------------------------- kinds

fn unsupported(bytes: &[u8]) -> (&'static str, String) {
    match read_input(bytes, &no_pdf_tool()) {
        Err(e @ InputError::UnsupportedKind { kind, .. }) => (kind, e.to_string()),
        other => panic!("expected UnsupportedKind, got {other:?}"),
    }
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start zip entry");
        zip.write_all(content).expect("write zip entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

#[test]
fn binary_kinds_are_named_with_a_hint() {
    let mut bmp = b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00".to_vec();
    bmp.extend_from_slice(&[0; 64]);
    let mut pe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec();
    pe.extend_from_slice(&[0; 120]);
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend_from_slice(&[0; 120]);
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "PNG image",
            "OCR",
        ),
        (
            b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec(),
            "JPEG image",
            "OCR",
        ),
        (b"GIF89a\x01\0\x01\0\x80\0\0".to_vec(), "GIF image", "OCR"),
        (bmp, "BMP image", "OCR"),
        (b"II*\0\x08\0\0\0\x0e\0".to_vec(), "TIFF image", "OCR"),
        (b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), "WebP image", "OCR"),
        (elf, "executable (ELF)", "report file itself"),
        (pe, "executable (Windows PE)", "report file itself"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0".to_vec(),
            "Word 97-2003 document or other OLE2 file (.doc, .xls, .wps)",
            "save it as .docx",
        ),
        (
            zip_of(&[("report.txt", "年度报告".as_bytes())]),
            "ZIP archive (not a .docx)",
            "unpack it",
        ),
        (
            zip_of(&[("xl/workbook.xml", b"<workbook/>")]),
            "Excel workbook (.xlsx)",
            ".txt",
        ),
        (
            zip_of(&[("OFD.xml", b"<ofd:OFD/>")]),
            "OFD document",
            "export it as PDF",
        ),
        (noise, "binary file (not text)", "report file itself"),
    ];
    for (bytes, kind, hint) in cases {
        let (got, message) = unsupported(&bytes);
        assert_eq!(got, kind);
        assert!(
            message.contains(kind) && message.contains(hint),
            "{message}"
        );
    }
}

#[test]
fn a_damaged_docx_says_so() {
    let mut bytes = zip_of(&[("word/document.xml", b"<w:document/>")]);
    bytes.truncate(bytes.len() / 2);
    let err = read_named(&bytes, "报告.docx").expect_err("truncated");
    assert!(matches!(err, InputError::Docx { .. }), "{err:?}");
    assert!(err.to_string().contains("save it again"), "{err}");
    let (kind, _) = unsupported(&bytes);
    assert_eq!(kind, "damaged ZIP archive");
}

// ---------------------------------------------------------------- HTML

/// Table 三 as 2021-edition pages write it (pingtan-2023's shape, cut down): label
/// cells spanning 3 columns, a 22-row rowspan for 三、本年度办理结果, header words
/// split over two `<p>`s.
const TABLE3_2021: &str = r#"<html><head><meta charset="utf-8"><title>x</title></head><body>
<p>三、收到和处理政府信息公开申请情况</p>
<table border=1><tbody>
<tr><td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td><td colspan="7"><p>申请人情况</p></td></tr>
<tr><td rowspan="2"><p>自然人</p></td><td colspan="5"><p>法人或其他组织</p></td><td rowspan="2"><p>总计</p></td></tr>
<tr><td><p>商业</p><p>企业</p></td><td><p>科研</p><p>机构</p></td><td><p>社会公益组织</p></td><td><p>法律服务机构</p></td><td><p>其他</p></td></tr>
<tr><td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td><td>80</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>81</td></tr>
<tr><td rowspan="22"><p>三、本年度办理结果</p></td><td colspan="2"><p>（一）予以公开</p></td><td>22</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>22</td></tr>
<tr><td rowspan="8"><p>（三）不予公开</p></td><td><p>1.属于国家秘密</p></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td><p>2.其他法律行政法规禁止公开</p></td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</tbody></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
</body></html>"#;

#[test]
fn html_table3_2021_expands_spans() {
    let input = read(TABLE3_2021.as_bytes()).expect("html");
    assert_eq!(input.kind, InputKind::Html);
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    let expected = format!(
        "三、收到和处理政府信息公开申请情况\n\n\
         | {note} |  |  | 申请人情况 |  |  |  |  |  |  |\n\
         | {note} |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n\
         | {note} |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n\
         | 一、本年新收政府信息公开申请数量 |  |  | 80 | 1 | 0 | 0 | 0 | 0 | 81 |\n\
         | 三、本年度办理结果 | （一）予以公开 |  | 22 | 0 | 0 | 0 | 0 | 0 | 22 |\n\
         | 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
         | 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 |  | 0 | 0 | 0 | 0 | 0 | 0 |\n\
         \n四、政府信息公开行政复议、行政诉讼情况\n"
    );
    assert_eq!(input.text, expected);
}

/// The result rows of table 三 in the 2019 edition: (group label, group rowspan,
/// item label), `None` for a group with no items (it spans the two label columns).
const RESULTS_2019: &[(&str, &[&str])] = &[
    ("（一）予以公开", &[]),
    (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        &[],
    ),
    (
        "（三）不予公开",
        &[
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ],
    ),
    (
        "（四）无法提供",
        &[
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
        ],
    ),
    (
        "（五）不予处理",
        &[
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ],
    ),
    ("（六）其他处理", &[]),
    ("（七）总计", &[]),
];

/// Table 三 as 2019-edition pages often write it, the whole table: GBK declared in
/// an `http-equiv` meta, `<th>` header cells with `<br>` inside, 三、本年度办理结果
/// spanning 20 rows, （六）其他处理 one row spanning both label columns, numbers in
/// `<span>`s, a Hanweb `id=zoom` container between a menu and a footer.
fn table3_2019() -> (String, String) {
    let mut html = String::from(
        "<!DOCTYPE html><html><head>\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>\
         <div class=nav><a href=/>首页</a></div><div id=zoom><p>三、收到和处理政府信息公开申请情况</p>\
         <table><tr><th colspan=3 rowspan=3>本列数据的勾稽关系</th><th colspan=7>申请人情况</th></tr>\
         <tr><th rowspan=2>自然<br>人</th><th colspan=5>法人或其他组织</th><th rowspan=2>总计</th></tr>\
         <tr><th>商业<br/>企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>",
    );
    let note = "本列数据的勾稽关系";
    let mut text = format!(
        "三、收到和处理政府信息公开申请情况\n\n\
         | {note} |  |  | 申请人情况 |  |  |  |  |  |  |\n\
         | {note} |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n\
         | {note} |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
    );
    let numbers = |n: usize| -> (String, String) {
        let cells = [n, 0, 0, 0, 0, 0, n];
        let html = cells
            .iter()
            .map(|c| format!("<td><span>{c}</span></td>"))
            .collect();
        let text = cells.iter().map(|c| format!(" {c} |")).collect();
        (html, text)
    };
    for (i, label) in [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
    ]
    .iter()
    .enumerate()
    {
        let (cells, row) = numbers(i + 1);
        html.push_str(&format!("<tr><td colspan=3>{label}</td>{cells}</tr>"));
        text.push_str(&format!("| {label} |  |  |{row}\n"));
    }
    let mut n = 10;
    let mut first = true;
    for (group, items) in RESULTS_2019 {
        let result = "三、本年度办理结果";
        let lead = if first {
            "<td rowspan=20>三、本年度办理结果</td>"
        } else {
            ""
        };
        first = false;
        if items.is_empty() {
            let (cells, row) = numbers(n);
            html.push_str(&format!("<tr>{lead}<td colspan=2>{group}</td>{cells}</tr>"));
            text.push_str(&format!("| {result} | {group} |  |{row}\n"));
            n += 1;
        }
        for (k, item) in items.iter().enumerate() {
            let group_cell = if k == 0 {
                format!("<td rowspan={}>{group}</td>", items.len())
            } else {
                String::new()
            };
            let lead = if k == 0 { lead } else { "" };
            let (cells, row) = numbers(n);
            html.push_str(&format!(
                "<tr>{lead}{group_cell}<td>{item}</td>{cells}</tr>"
            ));
            text.push_str(&format!("| {result} | {group} | {item} |{row}\n"));
            n += 1;
        }
    }
    let (cells, row) = numbers(0);
    html.push_str(&format!(
        "<tr><td colspan=3>四、结转下年度继续办理</td>{cells}</tr></table></div>\
         <div class=footer>版权所有</div></body></html>"
    ));
    text.push_str(&format!("| 四、结转下年度继续办理 |  |  |{row}\n"));
    (html, text)
}

#[test]
fn html_table3_2019_gbk_expands_spans() {
    let (html, expected) = table3_2019();
    let bytes = encoding_rs::GBK.encode(&html).0.into_owned();
    let input = read(&bytes).expect("html");
    assert_eq!(
        (input.kind, input.encoding, input.replaced),
        (InputKind::Html, "GBK", false)
    );
    assert_eq!(input.text, expected);
    assert_eq!(
        input
            .text
            .lines()
            .filter(|l| l.starts_with("| 三、本年度办理结果 |"))
            .count(),
        20
    );
}

#[test]
fn html_fragment_by_name_and_markdown_with_html_tables() {
    let input = read_named("<p>一、总体情况</p>正文".as_bytes(), "report.htm").expect("html");
    assert_eq!(
        (input.kind, input.text.as_str()),
        (InputKind::Html, "一、总体情况\n正文\n")
    );
    let md = "一、总体情况\n<table><tr><td colspan=2>合计</td><td>9</td></tr></table>\n二、\n";
    let input = read_named(md.as_bytes(), "report.md").expect("markdown");
    assert_eq!(input.kind, InputKind::Text);
    assert_eq!(input.text, "一、总体情况\n\n| 合计 |  | 9 |\n\n二、\n");
}

#[test]
fn pingtan_2023_table3_and_no_script() {
    let Some(bytes) = corpus("pingtan-2023.html") else {
        return;
    };
    let input = read_named(&bytes, "pingtan-2023.html").expect("pingtan reads");
    assert_eq!(
        (input.kind, input.encoding, input.replaced),
        (InputKind::Html, "UTF-8", false)
    );
    let text = &input.text;
    assert!(
        text.starts_with("平潭综合实验区2023年度政府信息公开工作年度报告\n"),
        "title first"
    );
    for row in [
        "| 一、本年新收政府信息公开申请数量 |  |  | 80 | 1 | 0 | 0 | 0 | 0 | 81 |",
        "| 二、上年结转政府信息公开申请数量 |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 三、本年度办理结果 | （一）予以公开 |  | 22 | 0 | 0 | 0 | 0 | 0 | 22 |",
        "| 三、本年度办理结果 | （三）不予公开 | 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 三、本年度办理结果 | （七）总计 |  | 80 | 1 | 0 | 0 | 0 | 0 | 81 |",
        "| 四、结转下年度继续办理 |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 行政规范性文件 | 77 | 132 | 470 |",
        "| 1 | 1 | 0 | 0 | 2 | 4 | 0 | 0 | 1 | 5 | 1 | 0 | 1 | 0 | 2 |",
    ] {
        assert!(text.lines().any(|l| l == row), "missing row {row}");
    }
    assert!(
        text.contains("商业企业 | 科研机构"),
        "split header words joined"
    );
    // Table 三 has 28 rows: 3 header rows, 25 data rows, each 10 cells wide.
    let table3_rows = text
        .lines()
        .filter(|l| l.starts_with("| 三、本年度办理结果 |"))
        .count();
    assert_eq!(table3_rows, 22);
    for script in [
        "SiteInfo",
        "require(",
        "function",
        "jquery",
        "首页",
        "网站地图",
    ] {
        assert!(!text.contains(script), "page chrome leaked: {script}");
    }
    assert!(text.trim_end().ends_with("2023年，无收取信息处理费情况。"));
}

// ---------------------------------------------------------------- DOCX

fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", xml.as_bytes()),
    ])
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|t| p(t)).collect();
    format!("<w:tc><w:tcPr><w:tcW w:w=\"800\" w:type=\"dxa\"/>{props}</w:tcPr>{body}</w:tc>")
}

#[test]
fn docx_paragraphs_and_table_with_grid_span_and_v_merge() {
    let restart = "<w:vMerge w:val=\"restart\"/>";
    let cont = "<w:vMerge/>";
    let span2 = "<w:gridSpan w:val=\"2\"/>";
    let table = format!(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}{}{}</w:tr>\
         <w:tr>{}{}{}{}</w:tr>\
         <w:tr>{}{}</w:tr></w:tbl>",
        tc(restart, &["三、本年度", "办理结果"]),
        tc(span2, &["（一）予以公开"]),
        tc("", &["9"]),
        tc(cont, &[]),
        tc(restart, &["（三）不予公开"]),
        tc("", &["1.属于国家秘密"]),
        tc("", &["0"]),
        tc(cont, &[]),
        tc(cont, &[]),
        tc("", &["2.其他法律行政法规禁止公开"]),
        tc("", &[]),
        tc("<w:gridSpan w:val=\"3\"/>", &["四、结转下年度继续办理"]),
        tc("", &["1"]),
    );
    let bytes = docx(&format!(
        "{}{table}{}",
        p("三、收到和处理政府信息公开申请情况"),
        p("四、")
    ));
    let input = read(&bytes).expect("docx");
    assert_eq!((input.kind, input.encoding), (InputKind::Docx, "UTF-8"));
    assert_eq!(
        input.text,
        "三、收到和处理政府信息公开申请情况\n\n\
         | 三、本年度办理结果 | （一）予以公开 |  | 9 |\n\
         | 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 |\n\
         | 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 |  |\n\
         | 四、结转下年度继续办理 |  |  | 1 |\n\
         \n四、\n"
    );
}

#[test]
fn docx_zip_bomb_is_capped() {
    let body = p(&"报".repeat(200_000));
    let bytes = docx(&body);
    let opts = InputOptions {
        max_bytes: 100_000,
        ..InputOptions::default()
    };
    assert!(bytes.len() < opts.max_bytes, "compressed it is small");
    let err = read_input(&bytes, &opts).expect_err("600 kB of XML > 100 kB");
    assert!(
        matches!(
            err,
            InputError::Expanded {
                kind: InputKind::Docx,
                ..
            }
        ),
        "{err:?}"
    );
}

// ---------------------------------------------------------------- PDF

fn pdftotext_available() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
}

#[test]
fn pdf_without_pdftotext_says_how_to_get_it() {
    let err = read_input(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", &no_pdf_tool()).expect_err("no tool");
    assert!(matches!(err, InputError::PdfToolMissing { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("apt-get install poppler-utils"),
        "{message}"
    );
    assert!(message.contains("pdftotext -layout FILE.pdf"), "{message}");
}

#[test]
fn pdf_huaian_2024_through_pdftotext() {
    if !pdftotext_available() {
        println!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
        return;
    }
    let Some(bytes) = corpus("huaian-2024.pdf") else {
        return;
    };
    let input = read_named(&bytes, "huaian-2024.pdf").expect("pdftotext reads huaian");
    assert_eq!((input.kind, input.encoding), (InputKind::Pdf, "UTF-8"));
    assert!(input.text.contains("3119"), "table 二 figure");
    assert!(input.text.contains("447228"), "fee amount");
    assert!(input.text.contains("淮安市人民政府"));
    assert!(!input.text.contains('\u{c}'), "form feeds became line ends");
    assert!(!input.text.contains('\r'));
}

#[test]
fn pdf_that_pdftotext_rejects() {
    if !pdftotext_available() {
        println!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
        return;
    }
    let err = read(b"%PDF-1.4 this is no PDF").expect_err("broken PDF");
    match err {
        InputError::PdfToolFailed { status, ref stderr } => {
            assert_eq!(status, Some(1));
            assert!(!stderr.is_empty());
        }
        other => panic!("expected PdfToolFailed, got {other:?}"),
    }
}

/// A PDF is written for `pdftotext` into the folder `temp_dir` names, and removed
/// after: the folder is empty again (what `zfxxgk serve` relies on).
#[test]
fn pdf_temporary_file_goes_to_temp_dir_and_is_removed() {
    if !pdftotext_available() {
        println!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
        return;
    }
    let Some(bytes) = corpus("huaian-2024.pdf") else {
        return;
    };
    let dir = tempfile::TempDir::new().expect("temporary folder");
    let opts = InputOptions {
        temp_dir: Some(dir.path().to_path_buf()),
        ..InputOptions::default()
    };
    let input = read_input(&bytes, &opts).expect("pdftotext reads huaian");
    assert_eq!(input.kind, InputKind::Pdf);
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // A folder that does not exist is an I/O error, not a file elsewhere.
    let opts = InputOptions {
        temp_dir: Some(dir.path().join("missing")),
        ..InputOptions::default()
    };
    let err = read_input(&bytes, &opts).expect_err("no such folder");
    assert!(matches!(err, InputError::Io(_)), "{err:?}");
}

// ---------------------------------------------------------------- never panic

/// Pieces of HTML, DOCX XML and text that exercise the parsers' odd corners.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<table>".to_owned()),
        Just("</table>".to_owned()),
        Just("<tr>".to_owned()),
        Just("<td rowspan=0>".to_owned()),
        Just("<td colspan=99999 rowspan=3>".to_owned()),
        Just("<td>".to_owned()),
        Just("</td>".to_owned()),
        Just("<p>".to_owned()),
        Just("<br>".to_owned()),
        Just("<div class=TRS_Editor>".to_owned()),
        Just("<script>x|y</script>".to_owned()),
        Just("&nbsp;".to_owned()),
        Just("\r\n".to_owned()),
        Just("|".to_owned()),
        "[一二三总计0-9 ]{0,8}",
    ]
}

fn xml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<w:tbl>".to_owned()),
        Just("</w:tbl>".to_owned()),
        Just("<w:tr>".to_owned()),
        Just("</w:tr>".to_owned()),
        Just("<w:tc>".to_owned()),
        Just("</w:tc>".to_owned()),
        Just("<w:tc/>".to_owned()),
        Just("<w:gridSpan w:val=\"4000\"/>".to_owned()),
        Just("<w:vMerge/>".to_owned()),
        Just("<w:vMerge w:val=\"restart\"/>".to_owned()),
        Just("<w:gridBefore w:val=\"2\"/>".to_owned()),
        Just("<w:p>".to_owned()),
        Just("</w:p>".to_owned()),
        Just("<w:r><w:t>".to_owned()),
        Just("</w:t></w:r>".to_owned()),
        Just("<w:br/>".to_owned()),
        "[一二三0-9 &;<>]{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn read_input_never_panics_on_bytes(
        prefix in prop_oneof![
            Just(&b""[..]), Just(&b"PK\x03\x04"[..]), Just(&b"%PDF-"[..]),
            Just(&b"<html>"[..]), Just(&b"\xff\xfe"[..]), Just(&b"\xfe\xff"[..]),
            Just(&b"\xef\xbb\xbf"[..]), Just(&b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"[..]),
        ],
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut all = prefix.to_vec();
        all.extend_from_slice(&bytes);
        if let Ok(input) = read_input(&all, &no_pdf_tool()) {
            prop_assert!(!input.text.contains('\r'));
        }
    }

    #[test]
    fn html_tag_soup_always_reads(pieces in proptest::collection::vec(piece(), 0..60)) {
        let page = format!("<html><body>{}", pieces.concat());
        let input = read(page.as_bytes());
        prop_assert!(input.is_ok(), "{:?}", input);
        let text = input.map(|i| i.text).unwrap_or_default();
        prop_assert!(!text.contains("x|y"), "script text leaked");
        for line in text.lines().filter(|l| l.starts_with("| ")) {
            prop_assert!(line.ends_with(" |"), "{}", line);
        }
    }

    #[test]
    fn docx_tag_soup_never_panics(pieces in proptest::collection::vec(xml_piece(), 0..60)) {
        let bytes = docx(&pieces.concat());
        match read(&bytes) {
            Ok(input) => prop_assert_eq!(input.kind, InputKind::Docx),
            Err(e) => prop_assert!(matches!(e, InputError::Docx { .. }), "{:?}", e),
        }
    }
}
