use super::*;

/// The words of `text` as the chunks of the whole text read them.
fn read(text: &str) -> Option<(Vec<Word<'_>>, Vec<Chunk>)> {
    chunks(text, 0..text.len())
}

/// The texts of the words at `idx`.
fn texts<'i>(words: &[Word<'i>], idx: &[usize]) -> Vec<&'i str> {
    idx.iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.text)
        .collect()
}

/// What one cell holds when every reading agrees: `Some(Some(text))` a word,
/// `Some(None)` a vanished blank, `None` where they disagree.
fn cell<'i>(seen: &Seen, words: &[Word<'i>], row: usize, col: usize) -> Option<Option<&'i str>> {
    match seen.get(row)?.get(col)?.as_slice() {
        [Some(g)] => Some(words.get(*g).map(|w| w.text)),
        [None] => Some(None),
        _ => None,
    }
}

#[test]
fn first_column_among_labels_then_the_run() {
    // Two rows: their first column beside the labels, then six and six values; the
    // next page's first value stands at the end of the run, before its label.
    let text = "申请人情况\n自然 商业\n\n5\n一、本年新收\n3 二、上年结转\n\n1\n\n0\n\n0\n\n0\n\n0\n\n6\n\n\
                0\n\n0\n\n0\n\n0\n\n0\n\n3\n\n7\n（一）予以公开\n1.\n0 0 0 0 0\n7\n";
    let (words, chunks) = read(text).expect("shape");
    assert_eq!(chunks.len(), 2);
    let first = chunks.first().expect("chunk");
    assert_eq!(texts(&words, &first.first), ["5", "3"]);
    assert_eq!(texts(&words, &first.run).len(), 13);
    let carried = carried(&chunks, &[1]).expect("carry");
    let second = carried.get(1).expect("chunk");
    assert_eq!(texts(&words, &second.first), ["7"]);
    assert_eq!(texts(&words, &second.run), ["0", "0", "0", "0", "0", "7"]);
    // `1.` is a label's lost numbering, no value.
    assert!(value_token("1.").is_none());
    assert!(matches!(value_token("—"), Some(Token::Blank)));
}

#[test]
fn values_after_the_last_run_are_no_shape() {
    assert!(read("5\n一、本年新收\n1\n0\n0\n0\n0\n6\n（一）予以公开\n3\n").is_none());
    // No run at all.
    assert!(read("一、本年新收 5 1 0 0 0 0 6\n").is_none());
}

#[test]
fn a_chunk_that_adds_up_one_way_is_read() {
    let text = "5\n一\n3\n二\n1\n0\n0\n0\n0\n6\n0\n0\n0\n0\n0\n3\n";
    let (words, chunks) = read(text).expect("shape");
    let chunk = chunks.first().expect("chunk");
    let seen = solve(&words, chunk, 2).expect("solved");
    assert_eq!(cell(&seen, &words, 0, 0), Some(Some("5")));
    assert_eq!(cell(&seen, &words, 0, 1), Some(Some("1")));
    assert_eq!(cell(&seen, &words, 0, 6), Some(Some("6")));
    assert_eq!(cell(&seen, &words, 1, 0), Some(Some("3")));
    assert_eq!(cell(&seen, &words, 1, 6), Some(Some("3")));
    // Three rows would leave seven cells without text: not tried.
    assert!(solve(&words, chunk, 3).is_none());
}

#[test]
fn a_total_that_does_not_add_up_reads_nothing() {
    let text = "5\n一\n3\n二\n1\n0\n0\n0\n0\n6\n0\n0\n0\n0\n0\n4\n";
    let (words, chunks) = read(text).expect("shape");
    assert!(solve(&words, chunks.first().expect("chunk"), 2).is_none());
}

#[test]
fn a_blank_that_left_no_text_is_placed_only_where_the_sums_say() {
    // The second row shows five of its six other columns: its total (3) stands
    // last whatever cell vanished, the zeros' columns are not told. The first
    // row's first column vanished: the sums alone put it there (6 = 1 + 5). Read
    // as groups of columns ([1, 5]: `1` and the second row's `0` the first group),
    // the first row may have lost one of its middle cells instead of none, so
    // where its `5` stands is not told either.
    let text = "3\n一\n二\n1\n0\n0\n0\n5\n6\n0\n0\n0\n0\n3\n";
    let (words, chunks) = read(text).expect("shape");
    let seen = solve(&words, chunks.first().expect("chunk"), 2).expect("solved");
    assert_eq!(cell(&seen, &words, 0, 0), Some(None));
    assert_eq!(cell(&seen, &words, 0, 1), Some(Some("1")));
    assert_eq!(cell(&seen, &words, 0, 5), None);
    assert_eq!(cell(&seen, &words, 0, 6), Some(Some("6")));
    assert_eq!(cell(&seen, &words, 1, 0), Some(Some("3")));
    assert_eq!(cell(&seen, &words, 1, 6), Some(Some("3")));
    assert_eq!(cell(&seen, &words, 1, 1), None);
    assert_eq!(cell(&seen, &words, 1, 5), None);
}

#[test]
fn a_run_written_as_groups_of_columns_is_read_where_one_way_adds_up() {
    // Rows `5 1 3 2 4 6 21` and `3 7 9 8 1 2 30`: their second and third columns
    // row after row, then the four after them row after row.
    let text = "5\n一\n3\n二\n1\n3\n7\n9\n2\n4\n6\n21\n8\n1\n2\n30\n";
    let (words, chunks) = read(text).expect("shape");
    let seen = solve(&words, chunks.first().expect("chunk"), 2).expect("solved");
    let row = |r: usize| -> Vec<Option<Option<&str>>> {
        (0..N).map(|c| cell(&seen, &words, r, c)).collect()
    };
    let told = |v: &[&'static str]| -> Vec<Option<Option<&'static str>>> {
        v.iter().map(|t| Some(Some(*t))).collect()
    };
    assert_eq!(row(0), told(&["5", "1", "3", "2", "4", "6", "21"]));
    assert_eq!(row(1), told(&["3", "7", "9", "8", "1", "2", "30"]));
    // A total off by one: no way adds up.
    let text = text.replace("\n30\n", "\n31\n");
    let (words, chunks) = read(&text).expect("shape");
    assert!(solve(&words, chunks.first().expect("chunk"), 2).is_none());
}

/// A whole table of the 2019 template written so over two pages, the second's
/// first value at the end of the first page's run, a blank cell written empty in
/// the first row and its first column: read by position, every cell but the
/// vanished blank's row's zeros.
fn generated(total_off: u64) -> String {
    let template = Template::of(Edition::V2019).t3_rows;
    let n = template.len();
    // Row j: natural persons j + 1, other_org 1 in row 0 (so 一 + 二 = 七 + 四
    // holds: rows 0 and 1 against 七 and 四 are set below), the rest 0.
    let mut rows: Vec<[u64; N]> = vec![[0; N]; n];
    let key = |k: &str| template.iter().position(|r| r.key == k).expect("row");
    let results: Vec<usize> = (0..n)
        .filter(|&j| zfxxgk_model::T3Row::adds_to_results_total(template[j].key))
        .collect();
    for &j in &results {
        rows[j][0] = 1;
    }
    let total: u64 = results.len() as u64;
    rows[key("results_total")][0] = total;
    rows[key("new_received")][0] = total + 2;
    rows[key("carried_forward")][0] = 2;
    rows[key("carried_forward")][5] = 1;
    rows[key("carried_over")][5] = 1;
    for r in &mut rows {
        r[6] = r[..6].iter().sum();
    }
    rows[key("results_total")][6] += total_off;
    let cut = 4;
    let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然 商业\n\n");
    let value = |v: u64| v.to_string();
    for (page, range) in [(0, 0..cut), (1, cut..n)] {
        for j in range.clone() {
            let label = format!("{}{}\n", template[j].number, template[j].label);
            // The carried_over row's first column is blank, written empty.
            if j != key("carried_over") && !(page == 1 && j == cut) {
                text += &format!("{}\n", value(rows[j][0]));
            }
            text += &label;
        }
        for j in range {
            for &v in rows[j].iter().skip(1) {
                text += &format!("\n{}\n", value(v));
            }
        }
        if page == 0 {
            text += &format!("{}\n", value(rows[cut][0]));
        }
    }
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    text
}

#[test]
fn a_generated_table_written_so_is_read_by_position() {
    let text = generated(0);
    let report = crate::parse(&text);
    let got = |k: &str| {
        report
            .cell(k.parse().expect("key"))
            .map(|c| (c.value.normalized(), c.placement))
    };
    let results = Template::of(Edition::V2019)
        .t3_rows
        .iter()
        .filter(|r| zfxxgk_model::T3Row::adds_to_results_total(r.key))
        .count();
    assert_eq!(
        got("t3.new_received.total").map(|c| c.0),
        Some((results + 2).to_string())
    );
    assert_eq!(
        got("t3.withheld.state_secret.natural_person"),
        Some(("1".to_string(), Placement::Position))
    );
    assert_eq!(
        got("t3.carried_over.other_org").map(|c| c.0),
        Some("1".into())
    );
    assert_eq!(got("t3.carried_over.total").map(|c| c.0), Some("1".into()));
    assert_eq!(
        got("t3.carried_over.natural_person").map(|c| c.0),
        Some(String::new())
    );
    assert!(report
        .notes
        .iter()
        .any(|n| n.message.en.contains("written among the labels")));
}

#[test]
fn a_generated_table_with_a_sum_off_is_not_read_so() {
    let text = generated(1);
    let report = crate::parse(&text);
    assert!(!report
        .notes
        .iter()
        .any(|n| n.message.en.contains("written among the labels")));
    assert!(report
        .cell("t3.withheld.state_secret.total".parse().expect("key"))
        .is_none_or(|c| c.placement != Placement::Position || c.value.normalized() == "1"));
}
