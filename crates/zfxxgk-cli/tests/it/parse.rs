use std::io::Write;

use crate::support::{seeds, stderr, stdout, zfxxgk};

#[test]
fn no_arguments_reads_the_sample_and_says_what_next() {
    let o = zfxxgk(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("| 政府集中采购 | 15 | 81284.86元 |"), "{out}");
    assert!(out.contains("zfxxgk check"), "{out}");
    assert!(out.contains("T302"), "{out}");
}

#[test]
fn facts_of_each_seed_are_what_the_corpus_expects() {
    let Some(dir) = seeds() else { return };
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("seeds").flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let expected = std::fs::read_to_string(dir.join("expected").join(format!("{stem}.csv")))
            .expect("expected file");
        let source = path.display().to_string();
        let want: Vec<String> = expected
            .lines()
            .skip(1)
            .map(|l| format!("{source},{l}"))
            .collect();
        let o = zfxxgk(&["parse", &source, "--format", "facts"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let got: Vec<String> = stdout(&o).lines().skip(1).map(str::to_string).collect();
        assert_eq!(got, want, "{stem}");
        n += 1;
    }
    assert_eq!(n, 5);
}

#[test]
fn facts_start_with_a_header() {
    let Some(dir) = seeds() else { return };
    let path = dir.join("000_c121f8ee66fba0bb.txt");
    let o = zfxxgk(&[
        "parse",
        path.to_str().unwrap_or_default(),
        "--format",
        "facts",
    ]);
    assert_eq!(stdout(&o).lines().next(), Some("source,key,value"));
}

#[test]
fn json_of_one_report_is_the_model() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.txt");
    std::fs::write(&path, "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n").expect("write");
    let o = zfxxgk(&["parse", path.to_str().unwrap_or_default()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let cell = &v["tables"][0]["cells"][2];
    assert_eq!(cell["key"], "t2.regulations.in_force");
    assert_eq!(cell["location"]["line"], 4);
}

#[test]
fn unreadable_input_says_what_it_is_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("report.txt");
    let mut f = std::fs::File::create(&png).expect("create");
    f.write_all(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10")
        .expect("write");
    drop(f);
    let o = zfxxgk(&[
        "parse",
        png.to_str().unwrap_or_default(),
        "--format",
        "facts",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("PNG"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let o = zfxxgk(&["parse", "/nonexistent/report.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
}

#[test]
fn one_bad_file_does_not_stop_a_batch() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "二、主动公开政府信息情况\n信息内容\t本年制发件数\n规章\t3\n",
    )
    .expect("write");
    let o = zfxxgk(&[
        "parse",
        dir.path().to_str().unwrap_or_default(),
        "--format",
        "facts",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("t2.regulations.issued,3"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("1 unreadable"), "{}", stderr(&o));
}
