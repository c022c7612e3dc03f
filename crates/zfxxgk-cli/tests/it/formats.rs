//! Every `--format` of `zfxxgk parse`, and cross-year checking in batch mode.

use std::path::Path;

use crate::support::{stderr, stdout, zfxxgk};

/// A small 2021-edition report of `body` for `year`, with table 三's carried-over and
/// carried-forward totals set.
fn report(body: &str, year: u16, carried_over: u32, carried_forward: u32) -> String {
    let received = 10;
    let answered = received + carried_over - carried_forward;
    let mut t = format!(
        "{body}{year}年政府信息公开工作年度报告\n\n一、总体情况\n{year}年，本局依法公开。\n\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n行政规范性文件\t2\t0\t9\n\n三、收到和处理政府信息公开申请情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
    );
    let rows: &[(&str, u32)] = &[
        ("一、本年新收政府信息公开申请数量", received),
        ("二、上年结转政府信息公开申请数量", carried_over),
        ("（一）予以公开", answered),
        ("（二）部分公开", 0),
        ("1.属于国家秘密", 0),
        ("2.其他法律行政法规禁止公开", 0),
        ("3.危及“三安全一稳定”", 0),
        ("4.保护第三方合法权益", 0),
        ("5.属于三类内部事务信息", 0),
        ("6.属于四类过程性信息", 0),
        ("7.属于行政执法案卷", 0),
        ("8.属于行政查询事项", 0),
        ("1.本机关不掌握相关政府信息", 0),
        ("2.没有现成信息需要另行制作", 0),
        ("3.补正后申请内容仍不明确", 0),
        ("1.信访举报投诉类申请", 0),
        ("2.重复申请", 0),
        ("3.要求提供公开出版物", 0),
        ("4.无正当理由大量反复申请", 0),
        ("5.要求行政机关确认或重新出具已获取信息", 0),
        (
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            0,
        ),
        (
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            0,
        ),
        ("3.其他", 0),
        ("（七）总计", answered),
        ("四、结转下年度继续办理", carried_forward),
    ];
    for (label, n) in rows {
        t.push_str(&format!("{label}\t{n}\t0\t0\t0\t0\t0\t{n}\n"));
    }
    t.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n\n五、存在的主要问题及改进情况\n无。\n\n六、其他需要报告的事项\n无。\n");
    t
}

fn corpus(dir: &Path) -> String {
    std::fs::create_dir_all(dir.join("2022")).expect("mkdir");
    std::fs::write(dir.join("a-2021.txt"), report("某市某局", 2021, 0, 3)).expect("write");
    std::fs::write(dir.join("2022/a-2022.txt"), report("某市某局", 2022, 2, 0)).expect("write");
    std::fs::write(dir.join("b-2022.txt"), report("某县某局", 2022, 0, 0)).expect("write");
    dir.to_str().unwrap_or_default().to_string()
}

#[test]
fn facts_and_csv_tidy_are_the_same() {
    let dir = tempfile::tempdir().expect("temp");
    let d = corpus(dir.path());
    let facts = zfxxgk(&["parse", &d, "--format", "facts", "--no-progress"]);
    let tidy = zfxxgk(&["parse", &d, "--format", "csv-tidy", "--no-progress"]);
    assert!(facts.status.success(), "{}", stderr(&facts));
    assert_eq!(stdout(&facts), stdout(&tidy));
    let lines: Vec<String> = stdout(&facts).lines().map(str::to_string).collect();
    assert_eq!(lines[0], "source,key,value");
    // Folders are read recursively, in sorted order.
    let sources: Vec<&str> = lines[1..]
        .iter()
        .filter_map(|l| l.split(',').next())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert_eq!(lines.len() - 1, 3 * (6 + 25 * 7 + 15));
}

#[test]
fn csv_wide_has_one_row_per_report_and_a_column_per_key() {
    let dir = tempfile::tempdir().expect("temp");
    let d = corpus(dir.path());
    let o = zfxxgk(&["parse", &d, "--format", "csv-wide", "--no-progress"]);
    let out = stdout(&o);
    let mut rows = out.lines();
    let header: Vec<&str> = rows.next().unwrap_or_default().split(',').collect();
    assert_eq!(
        &header[..5],
        ["source", "body", "year", "edition", "encoding"]
    );
    assert_eq!(header.len(), 5 + zfxxgk::CellKey::all().len());
    let first: Vec<&str> = rows.next().unwrap_or_default().split(',').collect();
    assert_eq!(&first[1..5], ["某市某局", "2022", "2021", "UTF-8"]);
    assert_eq!(rows.count(), 2);
}

#[test]
fn json_jsonl_markdown_html() {
    let dir = tempfile::tempdir().expect("temp");
    let d = corpus(dir.path());
    let o = zfxxgk(&["parse", &d, "--format", "json", "--no-progress"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("a JSON array");
    assert_eq!(v.as_array().map(Vec::len), Some(3));
    assert!(v[0]["report"]["tables"].is_array());

    let o = zfxxgk(&["parse", &d, "--format", "jsonl", "--no-progress"]);
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one object a line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["report"]["meta"]["body"], "某县某局");

    let o = zfxxgk(&["parse", &d, "--format", "markdown", "--no-progress"]);
    assert!(
        stdout(&o).contains("| 规章 | 1 | 0 | 11 |"),
        "{}",
        stdout(&o)
    );

    let o = zfxxgk(&["parse", &d, "--format", "html", "--no-progress"]);
    let html = stdout(&o);
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("行政规范性文件"),
        "{html}"
    );
}

#[test]
fn parquet_needs_an_output_and_writes_a_file_or_a_dataset() {
    let dir = tempfile::tempdir().expect("temp");
    let d = corpus(&dir.path().join("in"));
    let o = zfxxgk(&["parse", &d, "--format", "parquet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o"), "{}", stderr(&o));

    let file = dir.path().join("wide.parquet");
    let o = zfxxgk(&[
        "parse",
        &d,
        "--format",
        "parquet",
        "-o",
        file.to_str().unwrap_or_default(),
        "--no-progress",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&file).is_ok_and(|b| b.starts_with(b"PAR1")));

    let set = dir.path().join("set");
    let o = zfxxgk(&[
        "parse",
        &d,
        "--format",
        "parquet",
        "-o",
        set.to_str().unwrap_or_default(),
        "--no-progress",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["wide.parquet", "tidy.parquet"] {
        assert!(set.join(f).is_file(), "{f} missing");
    }
}

#[test]
fn check_batch_compares_consecutive_years_of_a_body() {
    let dir = tempfile::tempdir().expect("temp");
    let d = corpus(dir.path());
    let o = zfxxgk(&[
        "check",
        &d,
        "--format",
        "json",
        "--lang",
        "en",
        "--no-progress",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let t305: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .map(|f| f.iter().filter(|f| f["rule"] == "T305").collect())
        .unwrap_or_default();
    // 某市某局 carried 3 forward in 2021 but says 2 were carried over in 2022.
    assert!(!t305.is_empty(), "{}", stdout(&o));
    assert!(
        t305.iter().all(|f| f["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("a-2022.txt"))),
        "{t305:?}"
    );
    let summary = stderr(&o);
    assert!(summary.contains("3 files, 3 reports read"), "{summary}");
}

/// More files than the batch reads ahead on any number of threads, with T305 pairs
/// that break (a body's carried values that do not follow on) spread through them.
fn many(dir: &Path, bodies: usize) -> String {
    for b in 0..bodies {
        for (k, year) in [2021u16, 2022, 2023].into_iter().enumerate() {
            let folder = dir.join(year.to_string());
            std::fs::create_dir_all(&folder).expect("mkdir");
            // Every seventh body carried one more over than it had carried forward.
            let over = if k > 0 && b % 7 == 0 { 2 } else { 1 };
            let text = report(&format!("第{b}局"), year, over, 1);
            std::fs::write(folder.join(format!("b{b:03}.txt")), text).expect("write");
        }
    }
    dir.to_str().unwrap_or_default().to_string()
}

#[test]
fn output_is_the_same_on_any_number_of_threads() {
    let dir = tempfile::tempdir().expect("temp");
    let d = many(dir.path(), 100);
    for args in [
        &["check", "--format", "json"][..],
        &["check", "--format", "csv", "--lang", "en"],
        &["check", "--explain"],
        &["parse", "--format", "jsonl"],
        &["parse", "--format", "json"],
    ] {
        let runs: Vec<(String, String)> = ["1", "3"]
            .into_iter()
            .map(|j| {
                let mut all = args.to_vec();
                all.extend([d.as_str(), "-j", j, "--no-progress"]);
                let o = zfxxgk(&all);
                // The summary line holds the time taken.
                let err: Vec<String> = stderr(&o)
                    .lines()
                    .filter(|l| !l.contains(" MB in "))
                    .map(String::from)
                    .collect();
                (stdout(&o), err.join("\n"))
            })
            .collect();
        assert_eq!(runs[0], runs[1], "{args:?}");
    }
    let o = zfxxgk(&["check", &d, "--format", "json", "--no-progress", "-j", "2"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let sources: Vec<&str> = v["findings"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f["source"].as_str()).collect())
        .unwrap_or_default();
    // 15 bodies (0, 7, …, 98) break in 2022 and in 2023, in input order.
    assert_eq!(
        sources.len(),
        2 * 15 * 2,
        "natural person and total columns"
    );
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(stderr(&o).contains("300 files, 300 reports read"));
}

#[test]
fn a_writer_that_fails_stops_the_batch() {
    let dir = tempfile::tempdir().expect("temp");
    let d = many(dir.path(), 100);
    let full = Path::new("/dev/full");
    if !full.exists() {
        println!("skipped: no /dev/full");
        return;
    }
    for format in ["jsonl", "facts"] {
        let o = zfxxgk(&[
            "parse",
            &d,
            "--format",
            format,
            "-o",
            "/dev/full",
            "-j",
            "2",
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("No space left"), "{}", stderr(&o));
    }
}
