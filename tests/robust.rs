//! Robustness (issue 7): no input breaks the pipeline, nothing read is lost.
//!
//! Arbitrary bytes, arbitrary strings and strings built from report-like atoms go
//! through `zfxxgk::read`, `zfxxgk::parse_text`, the rules (`check`, `check_series`, `diff`,
//! the renderer) and every exporter of zfxxgk-export; `support/pipeline.rs` checks on
//! the way that the report's blocks tile the text, that every number of a table block
//! is kept, and that the JSON export reads back to the same report.
//!
//! The inputs the fuzz targets in `fuzz/` found are replayed from
//! `tests/fuzz_regressions/`. `ZFXXGK_FUZZ_SECONDS=N` turns on a bounded random run of
//! N seconds (`.ci/run` sets it); `ZFXXGK_FUZZ_CASES=N` sets the number of cases of the
//! property tests (default 64).

#[path = "support/pipeline.rs"]
mod pipeline;
#[allow(dead_code)]
#[path = "support/render.rs"]
mod render;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use zfxxgk::model::{BlockKind, Edition, Template, T3_COLUMNS};
use zfxxgk::{InputError, InputOptions, TableId};

// ---------------------------------------------------------------- generators

/// Report-like atoms: layout characters, numerals, digits, the template's labels and
/// headers, page numbers and footers, and characters that have broken parsers before.
fn atoms() -> Vec<String> {
    let mut out: Vec<String> = [
        "\t",
        "\t\t\t",
        "|",
        "| ",
        " | ",
        "||||",
        "|---|---|",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "    ",
        "\u{3000}",
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
        "十二、",
        "（一）",
        "（三）",
        "(二)",
        "1.",
        "2．",
        "## ",
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "申请人情况",
        "勾稽关系",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "行政复议",
        "行政诉讼",
        "-4-",
        "— 5 —",
        "- 12 -",
        "第 3 页",
        "第3页 共9页",
        "0",
        "1",
        "12",
        "999",
        "1,234",
        "０７",
        "3.5",
        "-1",
        "—",
        "-",
        "/",
        "无",
        "件",
        "元",
        "万元",
        "，",
        "。",
        "：",
        "本年度共收到政府信息公开申请",
        "未收到政府信息公开申请",
        "其中",
        "较上年增加",
        "2020年",
        "2020年1月1日",
        "某某市民政局2020年政府信息公开工作年度报告",
        "\u{0}",
        "\u{7}",
        "\u{feff}",
        "\u{fffd}",
        "<td>",
        "<p>",
        "é",
        "😀",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for e in Edition::ALL {
        let t = Template::of(e);
        for r in t.t3_rows {
            out.push(format!("{}{}", r.number, r.label));
            if let Some(g) = r.group {
                out.push(g.to_owned());
            }
        }
    }
    out.extend(T3_COLUMNS.iter().map(|c| c.label.to_owned()));
    out
}

fn atom_text(max: usize) -> impl Strategy<Value = String> {
    let atoms = atoms();
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(atoms),
            1 => "[0-9]{1,6}",
            1 => "[|\t \n]{1,40}",
            1 => any::<char>().prop_map(String::from),
        ],
        0..max,
    )
    .prop_map(|v| v.concat())
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    let prefixes: Vec<&'static [u8]> = vec![
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"<html><body>",
        b"PK\x03\x04",
        b"%PDF-",
        b"{\\rtf",
    ];
    (
        prop::sample::select(prefixes),
        prop::collection::vec(any::<u8>(), 0..2048),
    )
        .prop_map(|(p, b)| [p, &b[..]].concat())
}

/// Report-like text in one of the encodings a report arrives in (GBK by encoding_rs).
fn report_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    (atom_text(200), 0..3u8).prop_map(|(t, enc)| match enc {
        0 => t.into_bytes(),
        1 => encoding_rs::GBK.encode(&t).0.into_owned(),
        _ => {
            let mut out = vec![0xFF, 0xFE];
            out.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
    })
}

fn cases() -> u32 {
    std::env::var("ZFXXGK_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

// ---------------------------------------------------------------- never panic

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_never_break_the_pipeline(bytes in any_bytes()) {
        let r = pipeline::run_bytes(&bytes);
        prop_assert!(r.is_ok(), "{}", r.err().unwrap_or_default());
    }

    #[test]
    fn arbitrary_strings_never_break_the_pipeline(text in any::<String>()) {
        let r = pipeline::run_text(&text).and_then(|()| pipeline::run_bytes(text.as_bytes()));
        prop_assert!(r.is_ok(), "{}", r.err().unwrap_or_default());
    }

    #[test]
    fn report_like_text_never_breaks_the_pipeline(text in atom_text(300)) {
        let r = pipeline::run_text(&text);
        prop_assert!(r.is_ok(), "{}", r.err().unwrap_or_default());
    }

    #[test]
    fn report_like_bytes_never_break_the_pipeline(bytes in report_like_bytes()) {
        let r = pipeline::run_bytes(&bytes);
        prop_assert!(r.is_ok(), "{}", r.err().unwrap_or_default());
    }
}

// ---------------------------------------------------------------- bounded random run

/// A failing input, after shrinking.
#[derive(Debug)]
struct Failure {
    input: String,
    why: String,
}

/// Runs `check` on values of `strategy` until `deadline`; the first failure (an `Err`
/// or a panic) is shrunk with proptest's value tree and returned.
fn run_until<S>(
    strategy: S,
    runner: &mut TestRunner,
    deadline: Instant,
    check: impl Fn(&S::Value) -> Result<(), String>,
) -> Result<u64, Failure>
where
    S: Strategy,
    S::Value: std::fmt::Debug,
{
    let fails = |v: &S::Value| match catch_unwind(AssertUnwindSafe(|| check(v))) {
        Ok(Ok(())) => None,
        Ok(Err(why)) => Some(why),
        Err(panic) => Some(format!(
            "panic: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(not a string)")
        )),
    };
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let Ok(mut tree) = strategy.new_tree(runner) else {
            continue;
        };
        runs += 1;
        let Some(mut why) = fails(&tree.current()) else {
            continue;
        };
        let mut input = format!("{:?}", tree.current());
        if tree.simplify() {
            loop {
                if let Some(w) = fails(&tree.current()) {
                    why = w;
                    input = format!("{:?}", tree.current());
                    if !tree.simplify() {
                        break;
                    }
                } else if !tree.complicate() {
                    break;
                }
            }
        }
        return Err(Failure { input, why });
    }
    Ok(runs)
}

/// The bounded random run of `.ci/run`: `ZFXXGK_FUZZ_SECONDS` seconds shared among
/// arbitrary bytes, report-like text and report-like bytes. Without the variable it
/// runs for a tenth of a second.
#[test]
fn bounded_random_run() {
    let seconds: f64 = std::env::var("ZFXXGK_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.1);
    let share = Duration::from_secs_f64(seconds / 3.0);
    let mut runner = TestRunner::new(Config::default());
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let results = [
        (
            "arbitrary bytes",
            run_until(any_bytes(), &mut runner, start + share, |b| {
                pipeline::run_bytes(b)
            }),
        ),
        (
            "report-like text",
            run_until(atom_text(400), &mut runner, start + 2 * share, |t| {
                pipeline::run_text(t)
            }),
        ),
        (
            "report-like bytes",
            run_until(report_like_bytes(), &mut runner, start + 3 * share, |b| {
                pipeline::run_bytes(b)
            }),
        ),
    ];
    std::panic::set_hook(quiet);
    let mut total = 0;
    for (what, result) in results {
        match result {
            Ok(runs) => {
                println!("{what}: {runs} inputs, no failure");
                total += runs;
            }
            Err(f) => panic!("{what}: {}\ninput: {}", f.why, f.input),
        }
    }
    assert!(total > 0, "the random run ran no input");
}

// ---------------------------------------------------------------- fuzz regressions

/// Every input a fuzz target found goes through the whole pipeline again. The files
/// sit in `tests/fuzz_regressions/<target>/`, named after the target's crash file.
#[test]
fn fuzz_regressions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut seen = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if let Err(why) = pipeline::run_bytes(&bytes) {
                panic!("{}: {why}", file.display());
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "no regression input under {}", root.display());
}

// ---------------------------------------------------------------- limits and kinds

#[test]
fn read_refuses_a_file_past_the_limit_and_accepts_one_at_it() {
    let text = "一、总体情况\n本年新收申请 8 件。\n";
    let at = InputOptions {
        max_bytes: text.len(),
        ..InputOptions::default()
    };
    let doc = zfxxgk::read(text.as_bytes(), &at);
    assert!(doc.is_ok(), "{doc:?}");
    let below = InputOptions {
        max_bytes: text.len() - 1,
        ..InputOptions::default()
    };
    match zfxxgk::read(text.as_bytes(), &below) {
        Err(e @ InputError::TooLarge { size, max }) => {
            assert_eq!((size, max), (text.len() as u64, text.len() - 1));
            assert!(e.to_string().contains("max_bytes"), "{e}");
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn the_default_limit_is_64_mib() {
    assert_eq!(InputOptions::default().max_bytes, 64 * 1024 * 1024);
}

/// The kinds the input layer's own tests leave out: Mach-O, 7-Zip, RAR.
#[test]
fn more_binary_kinds_are_named_with_a_hint() {
    let cases: [(&[u8], &str, &str); 4] = [
        (
            b"\xcf\xfa\xed\xfe\x07\0\0\x01",
            "executable (Mach-O)",
            "report file itself",
        ),
        (
            b"\xca\xfe\xba\xbe\0\0\0\x02",
            "executable (Mach-O)",
            "report file itself",
        ),
        (b"7z\xbc\xaf\x27\x1c\0\x04", "7-Zip archive", "unpack it"),
        (b"Rar!\x1a\x07\x01\0", "RAR archive", "unpack it"),
    ];
    for (bytes, kind, hint) in cases {
        match zfxxgk::read(bytes, &pipeline::options()) {
            Err(e @ InputError::UnsupportedKind { .. }) => {
                let message = e.to_string();
                assert!(
                    message.contains(kind) && message.contains(hint),
                    "{message}"
                );
            }
            other => panic!("{kind}: expected UnsupportedKind, got {other:?}"),
        }
    }
}

// ---------------------------------------------------------------- nothing lost

#[test]
fn the_sample_keeps_an_outline_that_tiles_it() {
    let doc = zfxxgk::read(zfxxgk::SAMPLE_REPORT.as_bytes(), &InputOptions::default())
        .expect("the sample reads");
    assert_eq!(pipeline::run_report(&doc.text, &doc.report), Ok(()));
    let kinds: Vec<BlockKind> = doc.report.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BlockKind::Heading), "{kinds:?}");
    assert!(kinds.contains(&BlockKind::Table), "{kinds:?}");
    assert!(kinds.contains(&BlockKind::Paragraph), "{kinds:?}");
}

/// A table that is none of 二, 三 and 四 (it stands in section 一) keeps its numbers in
/// `unplaced`.
#[test]
fn numbers_of_a_table_outside_the_template_are_kept() {
    let text =
        "一、总体情况\n类别\t件数\n来信\t12\n来电\t7\n\n三、收到和处理政府信息公开申请情况\n";
    let report = zfxxgk::parse_text(text);
    assert_eq!(pipeline::run_report(text, &report), Ok(()));
    let kept: Vec<&str> = report.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(kept, ["来信\t12", "来电\t7"]);
}

#[test]
fn every_block_kind_is_exported_and_read_back() {
    let text = "一、总体情况\n\n本局认真贯彻落实《条例》。\n|||\n-4-\n\u{1}\u{2}\u{3}\u{4}\n信息内容\t本年制发件数\n规章\t1\n";
    let report = zfxxgk::parse_text(text);
    let kinds: Vec<BlockKind> = report.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading,
            BlockKind::Blank,
            BlockKind::Paragraph,
            BlockKind::Noise,
            BlockKind::PageNumber,
            BlockKind::Unrecognized,
            BlockKind::Table,
        ]
    );
    let mut json = Vec::new();
    zfxxgk_export::write_json(&mut json, &report, zfxxgk_export::JsonStyle::Compact)
        .expect("writes");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(value["blocks"][3]["kind"], "noise");
    assert_eq!(value["blocks"][4]["kind"], "page_number");
    assert_eq!(value["blocks"][4]["location"]["line"], 5);
    assert_eq!(pipeline::run_report(text, &report), Ok(()));
}

/// JSON written before the outline existed (no `blocks`) still reads.
#[test]
fn json_without_blocks_reads() {
    let json = r#"{"meta":{},"sections":[],"tables":[],"facts":[],"unplaced":[],"notes":[]}"#;
    let report = zfxxgk_export::read_json(json.as_bytes()).expect("reads");
    assert!(report.blocks.is_empty());
}

// ---------------------------------------------------------------- tables cut across pages

fn t3_tidy(text: &str) -> Vec<(String, String)> {
    let report = zfxxgk::parse_text(text);
    assert_eq!(pipeline::run_report(text, &report), Ok(()));
    report
        .tidy()
        .filter(|(k, _)| k.table() == TableId::T3)
        .map(|(k, v)| (k.as_str().to_owned(), v))
        .collect()
}

/// A model whose every table 三 cell holds a distinct number, so a misplaced row shows.
fn distinct_model(edition: Edition) -> render::Model {
    let cells = render::keys(edition)
        .into_iter()
        .enumerate()
        .map(|(i, k)| (k, (i + 1).to_string()))
        .collect();
    render::Model {
        edition,
        year: if edition == Edition::V2019 {
            2020
        } else {
            2022
        },
        cells,
    }
}

/// Page breaks as PDF-to-text writes them: a page number or footer line, a form feed,
/// blank lines.
const PAGE_BREAKS: [&str; 5] = [
    "-4-\n",
    "\n— 5 —\n\n",
    "第 3 页\n",
    "第3页 共9页\n\n",
    "\n- 12 -\n\u{c}",
];

/// Table 三 cut in the middle by a page break, the next page repeating its header rows,
/// reads back to the same cells as the uncut table, in every layout.
#[test]
fn table3_cut_across_pages_reads_back_whole() {
    for edition in Edition::ALL {
        let m = distinct_model(edition);
        let rows = Template::of(edition).t3_rows;
        let first = rows.first().expect("rows");
        let middle = &rows[rows.len() / 2];
        for layout in render::LAYOUTS {
            let whole = render::render(&m, layout);
            let expected = t3_tidy(&whole);
            assert!(!expected.is_empty(), "{edition:?} {layout:?}: no table 三");
            let heading = "三、收到和处理政府信息公开申请情况\n";
            let table_at = whole.find(heading).expect("heading") + heading.len();
            let row_start = |label: &str| {
                let pos = table_at + whole[table_at..].find(label).expect("row label");
                if layout == render::Layout::CellPerLine {
                    whole[..pos].rfind("\n\n").map_or(0, |i| i + 2)
                } else {
                    whole[..pos].rfind('\n').map_or(0, |i| i + 1)
                }
            };
            let header = &whole[table_at..row_start(&format!("{}{}", first.number, first.label))];
            let cut_at = row_start(&format!("{}{}", middle.number, middle.label));
            for page_break in PAGE_BREAKS {
                for repeat_header in [false, true] {
                    let mut cut = whole[..cut_at].to_owned();
                    cut.push_str(page_break);
                    if layout == render::Layout::CellPerLine && !cut.ends_with("\n\n") {
                        cut.push('\n');
                    }
                    if repeat_header {
                        cut.push_str(header);
                    }
                    cut.push_str(&whole[cut_at..]);
                    assert_eq!(
                        t3_tidy(&cut),
                        expected,
                        "{edition:?} {layout:?}, break {page_break:?}, header repeated: \
                         {repeat_header}\n{cut}"
                    );
                }
            }
        }
    }
}
