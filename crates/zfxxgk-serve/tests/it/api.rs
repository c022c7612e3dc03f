//! The JSON API: every corpus report read as the command line reads it, malformed
//! requests answered with a 4xx and a message, many uploads at once all answered.

use serde_json::{json, Value};
use zfxxgk::InputOptions;
use zfxxgk_export as export;
use zfxxgk_rules::{Figures, Lang};
use zfxxgk_serve::Config;

use crate::support::{self, agent, answer, read, Running};

/// The report as `zfxxgk parse --format json` writes it.
fn cli_report(doc: &zfxxgk::Document) -> Value {
    let mut out = Vec::new();
    export::write_json(&mut out, &doc.report, export::JsonStyle::Pretty).expect("json");
    serde_json::from_slice(&out).expect("parses")
}

/// The findings as `zfxxgk check --format json --lang LANG` writes them.
fn cli_findings(source: &str, findings: &[zfxxgk::Finding], lang: Lang) -> Vec<Value> {
    let mut out = Vec::new();
    export::write_findings_json(
        &mut out,
        findings.iter().map(|f| (source, f)),
        lang,
        export::JsonStyle::Pretty,
    )
    .expect("json");
    let doc: Value = serde_json::from_slice(&out).expect("parses");
    doc["findings"].as_array().cloned().unwrap_or_default()
}

/// What a finding says, whichever shape it is written in: `keys` or `places`, a
/// message in one language or `{zh, en}`.
fn gist(f: &Value, lang: &str) -> Value {
    let keys: Vec<Value> = match f.get("keys") {
        Some(Value::Array(keys)) => keys.clone(),
        _ => f["places"]
            .as_array()
            .map(|p| {
                p.iter()
                    .filter(|p| !p["key"].is_null())
                    .map(|p| p["key"].clone())
                    .collect()
            })
            .unwrap_or_default(),
    };
    let message = match &f["message"] {
        Value::Object(m) => m.get(lang).cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    json!({
        "source": f["source"], "rule": f["rule"], "severity": f["severity"],
        "message": message, "keys": keys, "expected": f["expected"],
        "actual": f["actual"], "culprit": f["culprit"],
    })
}

#[test]
fn every_corpus_report_reads_as_the_command_line_reads_it() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let has_pdf = support::pdftotext_available();
    let server = Running::start();
    let rules = zfxxgk::RuleSet::builtin();
    let mut compared = 0;
    for path in support::corpus_reports(&corpus) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a name")
            .to_owned();
        if name.ends_with(".pdf") && !has_pdf {
            println!("skipped {name}: pdftotext is not installed");
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        let opts = InputOptions {
            name_hint: Some(name.clone()),
            ..InputOptions::default()
        };
        let doc = zfxxgk::read(&bytes, &opts).expect("the corpus reads");
        let (status, body) = read(&server, &name, &bytes);
        assert_eq!(status, 200, "{name}: {body}");
        assert_eq!(body["source"], name.as_str());
        assert_eq!(body["report"], cli_report(&doc), "{name}: the report");
        let tidy: Vec<Value> = doc
            .report
            .tidy()
            .map(|(k, v)| json!({"key": k, "value": v}))
            .collect();
        assert_eq!(body["tidy"], Value::Array(tidy), "{name}: the cells");
        let findings = rules.check(&doc.report);
        let served = body["findings"].as_array().expect("findings");
        for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let cli: Vec<Value> = cli_findings(&name, &findings, lang)
                .iter()
                .map(|f| gist(f, code))
                .collect();
            let api: Vec<Value> = served.iter().map(|f| gist(f, code)).collect();
            assert_eq!(api, cli, "{name}: findings in {code}");
        }
        for (f, served) in findings.iter().zip(served) {
            assert_eq!(
                served["rendered"]["zh"],
                zfxxgk_rules::render(f, &name, &doc.text, Lang::Zh),
                "{name}: {} rendered as check prints it",
                f.rule
            );
        }
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} reports compared");
    println!("{compared} corpus reports read through /api/read as the command line reads them");
}

#[test]
fn seed_002_has_t302_and_t303_on_the_natural_person_total() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let server = Running::start();
    let bytes = std::fs::read(corpus.join("seeds/002_6c2b816ae976f4e8.txt")).expect("seed");
    let (status, body) = read(&server, "002.txt", &bytes);
    assert_eq!(status, 200);
    let findings = body["findings"].as_array().expect("findings");
    let t302 = findings
        .iter()
        .find(|f| f["rule"] == "T302")
        .expect("T302 fires");
    assert!(findings.iter().any(|f| f["rule"] == "T303"));
    assert_eq!(t302["places"][0]["key"], "t3.results_total.natural_person");
    assert_eq!(
        t302["message"]["en"].as_str().map(str::is_empty),
        Some(false)
    );
    let rendered = t302["rendered"]["zh"].as_str().expect("rendered");
    assert!(rendered.starts_with("error[T302]"), "{rendered}");
    assert!(rendered.contains("--> 002.txt:329:3"), "{rendered}");
    // The layout puts the cell in table 三 under its key.
    let layout_keys: Vec<&str> = body["layout"]["tables"][1]["blocks"][0]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["cells"].as_array().into_iter().flatten())
        .filter_map(|c| c["key"].as_str())
        .collect();
    assert!(layout_keys.contains(&"t3.results_total.natural_person"));
}

#[test]
fn diff_of_the_two_hongze_years_is_the_command_lines() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    if !support::pdftotext_available() {
        println!("skipped: pdftotext is not installed");
        return;
    }
    let old = std::fs::read(corpus.join("real/hongze-2023.pdf")).expect("2023");
    let new = std::fs::read(corpus.join("real/hongze-2024.pdf")).expect("2024");
    let server = Running::start();
    let (status, served) = support::diff(
        &server,
        &[
            ("old", "hongze-2023.pdf", &old),
            ("new", "hongze-2024.pdf", &new),
        ],
    );
    assert_eq!(status, 200, "{served}");
    let figures = |name: &str, bytes: &[u8]| {
        let opts = InputOptions {
            name_hint: Some(name.to_owned()),
            ..InputOptions::default()
        };
        let doc = zfxxgk::read(bytes, &opts).expect("reads");
        (Figures::of(name, &doc.report), doc.report)
    };
    let (old_figures, old_report) = figures("hongze-2023.pdf", &old);
    let (new_figures, new_report) = figures("hongze-2024.pdf", &new);
    let expected = serde_json::to_value(zfxxgk_rules::Comparisons {
        comparisons: vec![zfxxgk_rules::diff(&old_figures, &new_figures)],
    })
    .expect("json");
    assert_eq!(served["comparisons"], expected["comparisons"]);
    assert!(
        served["comparisons"][0]["changes"]
            .as_array()
            .is_some_and(|c| !c.is_empty()),
        "the two years differ"
    );
    let t305 = zfxxgk::RuleSet::builtin().check_series(&[
        ("hongze-2023.pdf", &old_report),
        ("hongze-2024.pdf", &new_report),
    ]);
    let rules: Vec<&str> = served["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    let expected_rules: Vec<&str> = t305.iter().map(|(_, f)| f.rule.as_str()).collect();
    assert_eq!(rules, expected_rules);
    assert!(served["same_body"].is_boolean());
}

#[test]
fn rules_are_listed_in_both_languages() {
    let server = Running::start();
    let (status, body) = answer(agent().get(&server.url("/api/rules")).call());
    assert_eq!(status, 200);
    let served = body["rules"].as_array().expect("rules");
    let builtin = zfxxgk::RuleSet::builtin();
    assert_eq!(served.len(), builtin.rules().count());
    for (r, s) in builtin.rules().zip(served) {
        assert_eq!(s["id"], r.id());
        assert_eq!(s["severity"], r.severity().as_str(), "{}", r.id());
        assert_eq!(s["description"]["zh"], r.description_zh(), "{}", r.id());
        assert_eq!(s["description"]["en"], r.description_en(), "{}", r.id());
    }
    assert!(served.iter().any(|r| r["id"] == "T305"));
}

#[test]
fn the_page_is_served_with_its_policy() {
    let server = Running::start();
    for (path, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/icon.svg", "image/svg+xml"),
    ] {
        let mut response = agent().get(&server.url(path)).call().expect("answers");
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert!(header("content-type").starts_with(kind), "{path}");
        assert!(header("content-security-policy").contains("script-src 'self'"));
        assert_eq!(header("x-content-type-options"), "nosniff");
        let text = response.body_mut().read_to_string().expect("text");
        for markup in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
        ] {
            assert!(
                !text.contains(markup),
                "{path} inserts markup with {markup}"
            );
        }
        assert!(
            !text.contains("http://") && !text.contains("https://") || path == "/icon.svg",
            "{path} loads nothing from outside"
        );
    }
}

/// Asserts a 4xx with a JSON message.
fn assert_client_error(what: &str, (status, body): (u16, Value), expected: u16) {
    assert_eq!(status, expected, "{what}: {body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "{what}: no message in {body}");
    assert_eq!(body["error"]["status"], expected, "{what}");
}

#[test]
fn malformed_requests_get_a_4xx_with_a_message() {
    let root = tempfile::TempDir::new().expect("temporary folder");
    let server = Running::with(Config {
        port: 0,
        max_bytes: 1024 * 1024,
        temp_root: Some(root.path().to_path_buf()),
        ..Config::default()
    });
    let a = agent();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    assert_client_error("empty body", support::read(&server, "a.txt", b""), 400);
    assert_client_error("an image", support::read(&server, "a.png", png), 422);
    let big = vec![b'1'; 1024 * 1024 + 1];
    assert_client_error(
        "over the limit",
        support::read(&server, "big.txt", &big),
        413,
    );
    let long = "n".repeat(2000);
    assert_client_error("a long name", support::read(&server, &long, b"x"), 400);
    assert_client_error(
        "GET of a POST route",
        answer(a.get(&server.url("/api/read")).call()),
        405,
    );
    assert_client_error(
        "no such API",
        answer(a.get(&server.url("/api/nothing")).call()),
        404,
    );
    assert_client_error(
        "diff without multipart",
        support::post(&server, "/api/diff", "text/plain", b"old"),
        400,
    );
    assert_client_error(
        "diff with a broken body",
        support::post(
            &server,
            "/api/diff",
            "multipart/form-data; boundary=xyz",
            b"--xyz\r\nno headers and no end",
        ),
        400,
    );
    let cases: [(&str, &[support::Part<'_>], u16); 6] = [
        ("diff with one file", &[("old", "a.txt", b"x")], 400),
        (
            "diff with an unknown part",
            &[("old", "a.txt", b"x"), ("other", "b.txt", b"y")],
            400,
        ),
        (
            "diff with a part twice",
            &[("old", "a.txt", b"x"), ("old", "b.txt", b"y")],
            400,
        ),
        (
            "diff with a file over the limit",
            &[("old", "a.txt", &big), ("new", "b.txt", b"y")],
            413,
        ),
        (
            "diff of an image",
            &[("old", "a.png", png), ("new", "b.txt", b"y")],
            422,
        ),
        ("diff of nothing", &[], 400),
    ];
    for (what, parts, status) in cases {
        assert_client_error(what, support::diff(&server, parts), status);
    }
    // Still answering after all that.
    let (status, _) = answer(a.get(&server.url("/api/rules")).call());
    assert_eq!(status, 200);
}

#[test]
fn temporary_files_stay_in_the_servers_folder_which_goes_at_the_end() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    if !support::pdftotext_available() {
        println!("skipped: pdftotext is not installed");
        return;
    }
    let root = tempfile::TempDir::new().expect("temporary folder");
    let server = Running::with(Config {
        port: 0,
        temp_root: Some(root.path().to_path_buf()),
        ..Config::default()
    });
    let folders = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(root.path())
            .expect("list")
            .flatten()
            .map(|e| e.path())
            .collect()
    };
    let [folder] = folders().try_into().expect("one folder of the server's");
    let pdf = std::fs::read(corpus.join("real/hongze-2024.pdf")).expect("pdf");
    let (status, _) = read(&server, "hongze-2024.pdf", &pdf);
    assert_eq!(status, 200);
    let left: Vec<_> = std::fs::read_dir(&folder).expect("list").collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    drop(server);
    assert!(folders().is_empty(), "the folder outlived the server");
}

#[test]
fn fifty_concurrent_uploads_are_all_answered() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let seed = std::fs::read(corpus.join("seeds/002_6c2b816ae976f4e8.txt")).expect("seed");
    let server = Running::with(Config {
        port: 0,
        concurrency: 4,
        ..Config::default()
    });
    let (status, one) = read(&server, "002.txt", &seed);
    assert_eq!(status, 200);
    let expected = one["findings"].as_array().map(Vec::len);
    let answers: Vec<(u16, Option<usize>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..50)
            .map(|i| {
                let server = &server;
                let seed = &seed;
                s.spawn(move || {
                    if i % 10 == 9 {
                        // Some malformed ones among them.
                        let (status, _) = read(server, "empty.txt", b"");
                        (status, None)
                    } else {
                        let (status, body) = read(server, &format!("002-{i}.txt"), seed);
                        (status, body["findings"].as_array().map(Vec::len))
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a client thread"))
            .collect()
    });
    assert_eq!(answers.len(), 50);
    for (i, (status, findings)) in answers.iter().enumerate() {
        if i % 10 == 9 {
            assert_eq!(*status, 400, "upload {i}");
        } else {
            assert_eq!(*status, 200, "upload {i}");
            assert_eq!(*findings, expected, "upload {i}");
        }
    }
}

/// Pieces that make odd files of every kind the server reads.
fn piece() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    prop_oneof![
        Just(b"%PDF-1.4\n".to_vec()),
        Just(b"PK\x03\x04".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"<table><tr><td rowspan=9999>".to_vec()),
        Just("三、收到和处理政府信息公开申请情况\n".as_bytes().to_vec()),
        Just("（七）总计\t1\t2\n".as_bytes().to_vec()),
        Just(b"<script>alert(1)</script>".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..64),
    ]
}

/// Whatever the bytes and the name, the answer is a result or a 4xx, never a server
/// error, and the server goes on answering (48 generated uploads, read and diffed).
#[test]
fn any_upload_is_answered_without_a_server_error() {
    use proptest::test_runner::{Config as Cases, TestCaseError, TestRunner};
    let server = Running::start();
    let mut runner = TestRunner::new(Cases {
        cases: 48,
        ..Cases::default()
    });
    let strategy = (
        proptest::collection::vec(piece(), 0..8),
        "[a-z<>&\"'%./\\\\]{0,12}(\\.txt|\\.pdf|\\.html|\\.docx)?",
    );
    let answered = |status: u16| status == 200 || (400..500).contains(&status);
    runner
        .run(&strategy, |(parts, name)| {
            let bytes = parts.concat();
            let (status, body) = read(&server, &name, &bytes);
            if !answered(status) {
                return Err(TestCaseError::fail(format!("read: {status}: {body}")));
            }
            let (status, body) =
                support::diff(&server, &[("old", &name, &bytes), ("new", "b.txt", &bytes)]);
            if !answered(status) {
                return Err(TestCaseError::fail(format!("diff: {status}: {body}")));
            }
            Ok(())
        })
        .expect("every upload answered without a server error");
}
