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
    let text = "3\n一\n二\n1\n\n0\n\n0\n\n0\n\n5\n\n6\n\n0\n\n0\n\n0\n\n0\n\n3\n";
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

/// The wider check's seed 39 (chromium's editor page in reading order): a row's
/// `0 — ⌀ 0 0 0` (⌀ a cell that left no text) came out `— 0 0 0 0`, the `—` ahead of
/// the digits of its line. Every way put the `—` or the vanished blank in the row's
/// first cell of the run, which was read blank: wrong. A written blank and a vanished
/// one are not alike, so that cell is not agreed on; two words of one value are.
#[test]
fn a_written_blank_and_a_vanished_one_are_not_alike() {
    let text = "5\n一\n3\n二\n1\n\n2\n\n0\n\n0\n\n0\n\n8\n\n—\n\n0\n\n0\n\n0\n\n3\n";
    let (words, chunks) = read(text).expect("shape");
    let seen = solve(&words, chunks.first().expect("chunk"), 2).expect("solved");
    let ways = seen.get(1).and_then(|r| r.get(1)).expect("cell");
    let shown: Vec<_> = ways
        .iter()
        .map(|c| c.and_then(|g| words.get(g)).map(|w| w.text))
        .collect();
    assert_eq!(shown, [Some("—"), None]);
    let agreed = agreed(&words, &seen);
    assert_eq!(agreed.get(1).and_then(|r| r.get(1)).copied(), Some(None));
    // The total, the same word in every way, is read.
    let total = agreed
        .get(1)
        .and_then(|r| r.get(6))
        .copied()
        .flatten()
        .flatten();
    assert_eq!(total.and_then(|g| words.get(g)).map(|w| w.text), Some("3"));
}

#[test]
fn a_run_written_as_groups_of_columns_is_read_where_one_way_adds_up() {
    // Rows `5 1 3 2 4 6 21` and `3 7 9 8 1 2 30`: their second and third columns
    // row after row, then the four after them row after row.
    // A value a paragraph, as the editor page's cells are.
    let text = "5\n一\n3\n二\n1\n\n3\n\n7\n\n9\n\n2\n\n4\n\n6\n\n21\n\n8\n\n1\n\n2\n\n30\n";
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
    generated_with(total_off, false)
}

/// [`generated`], and where `moved`, with 1.属于国家秘密's other-organisations cell
/// written empty and its total set before the table's last value, as chromium's
/// editor page in reading order sets the total of a row that lost a cell.
fn generated_with(total_off: u64, moved: bool) -> String {
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
        let secret = key("withheld.state_secret");
        let mut run: Vec<u64> = Vec::new();
        for j in range {
            for (col, &v) in rows[j].iter().enumerate().skip(1) {
                if !(moved && j == secret && col >= 5) {
                    run.push(v);
                }
            }
        }
        if moved && page == 1 {
            let last = run.len() - 1;
            run.insert(last, rows[secret][6]);
        }
        for v in run {
            text += &format!("\n{}\n", value(v));
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

/// The wider check's seeds 99-102 (chromium's editor page in reading order): a row
/// that lost a cell has its total set among the table's last values; in the text's
/// order no row after it adds up, and the table was left whole.
#[test]
fn a_total_set_among_the_last_values_is_read_where_the_sums_say() {
    let text = generated_with(0, true);
    let report = crate::parse(&text);
    let got = |k: &str| {
        report
            .cell(k.parse().expect("key"))
            .map(|c| (c.value.normalized(), c.placement))
    };
    assert_eq!(
        got("t3.withheld.state_secret.total"),
        Some(("1".to_string(), Placement::Position))
    );
    assert_eq!(
        got("t3.withheld.law_forbidden.total"),
        Some(("1".to_string(), Placement::Position))
    );
    assert_eq!(
        got("t3.carried_forward.total").map(|c| c.0),
        Some("3".into())
    );
    // The empty cell's place among the row's zeros is not told.
    assert!(got("t3.withheld.state_secret.other_org").is_none());
    assert!(report
        .notes
        .iter()
        .any(|n| n.message.en.contains("one value stands away from its row")));
}

#[test]
fn one_value_moved_back_is_read_only_where_every_way_agrees() {
    // Two rows, 5 | 1 0 0 0 ⌀ 6 and 3 | 0 0 0 0 0 3, the first row's total set
    // last. In the text's order neither row adds up; moved back after the first
    // row's `1 0 0 0` or after its `1 0 0 0 0` (the second row then the one that
    // lost a cell), both add up, with the lost cell anywhere in its row: the first
    // column and the totals are read; the `1`, the zeros and the blank are not.
    let text = "5\n一\n3\n二\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3\n\n6\n";
    let (words, chunks) = read(text).expect("shape");
    assert!(seen_in(&words, &chunks, 2, false).is_none());
    let seen = seen_displaced(&words, &chunks, 2, false).expect("moved back");
    let got = agreed(&words, &seen);
    let at = |j: usize, col: usize| agreed_count(&words, &got, j, col);
    assert_eq!(at(0, 0), Some(5));
    assert_eq!(at(0, 6), Some(6));
    assert_eq!(at(1, 0), Some(3));
    assert_eq!(at(1, 6), Some(3));
    assert_eq!(at(0, 1), None);
    assert_eq!(at(0, 5), None);
    assert_eq!(at(1, 1), None);
}

#[test]
fn a_labels_lost_numbering_inside_a_run_is_passed_over() {
    // chromium sets the `6.` of 6.属于四类过程性信息 before a run's last value.
    let text = "5\n一\n3\n二\n1\n0\n0\n0\n0\n6\n0\n0\n0\n0\n0\n6.\n3\n";
    let (words, chunks) = read(text).expect("shape");
    assert_eq!(chunks.len(), 1);
    let run = &chunks.first().expect("chunk").run;
    assert_eq!(texts(&words, run).last(), Some(&"3"));
    assert!(solve(&words, chunks.first().expect("chunk"), 2).is_some());
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

#[test]
fn a_run_in_bands_of_rows_is_read_each_band_its_own_way() {
    // Five rows, their first column beside the labels. Rows 1–3 written a column a
    // block (blank lines between the blocks), rows 4–5 a value a paragraph, row
    // after row. Every row adds up one way only.
    let rows: [[u64; N]; 5] = [
        [5, 1, 0, 2, 0, 0, 8],
        [3, 0, 4, 0, 0, 1, 8],
        [2, 2, 0, 0, 3, 0, 7],
        [1, 0, 0, 6, 0, 0, 7],
        [4, 1, 1, 0, 0, 0, 6],
    ];
    let mut text = String::from("一\n");
    for r in &rows {
        text += &format!("标签 {}\n", r[0]);
    }
    text.push('\n');
    for col in 1..N {
        for r in &rows[..3] {
            text += &format!("{}\n", r[col]);
        }
        text.push('\n');
    }
    for r in &rows[3..] {
        for v in &r[1..] {
            text += &format!("{v}\n\n");
        }
    }
    let (words, chunks) = read(&text).expect("shape");
    let seen = solve(&words, chunks.first().expect("chunk"), 5).expect("solved");
    let got = agreed(&words, &seen);
    for (j, r) in rows.iter().enumerate() {
        for (col, v) in r.iter().enumerate() {
            assert_eq!(
                agreed_count(&words, &got, j, col),
                Some(*v),
                "row {j} column {col}"
            );
        }
    }
}

#[test]
fn blocks_tell_a_blank_that_vanished_to_its_column() {
    // Seven rows of zeros but their first column and total, written a column a
    // block; the third column's block is one short: a blank written empty. Only
    // that column's cells are left open; the other zeros are read, whichever `0`
    // of their block each is. (With as many rows as a group of columns is wide,
    // a block could as well be a row's: seven rows are more than six columns.)
    let firsts = ["5", "3", "2", "1", "4", "6", "7"];
    let mut text: String = firsts.iter().map(|f| format!("标签 {f}\n")).collect();
    let zeros = |k: usize| "0\n".repeat(k) + "\n";
    text += "\n";
    for k in [7, 7, 6, 7, 7] {
        text += &zeros(k);
    }
    text += &firsts.iter().map(|f| format!("{f}\n")).collect::<String>();
    let (words, chunks) = read(&text).expect("shape");
    let seen = solve(&words, chunks.first().expect("chunk"), 7).expect("solved");
    let got = agreed(&words, &seen);
    for j in 0..7 {
        for col in [1, 2, 4, 5] {
            assert_eq!(
                agreed_count(&words, &got, j, col),
                Some(0),
                "row {j} column {col}"
            );
        }
        assert_eq!(got.get(j).and_then(|r| r.get(3)).copied().flatten(), None);
    }
    // The same values a paragraph each tell nothing of where the blank stood: its
    // zeros may be any columns', so the zeros' columns are not read.
    let text = text.replace("0\n", "0\n\n");
    let (words, chunks) = read(&text).expect("shape");
    let seen = solve(&words, chunks.first().expect("chunk"), 7).expect("solved");
    let got = agreed(&words, &seen);
    assert!((0..7).any(|j| got
        .get(j)
        .and_then(|r| r.get(1))
        .copied()
        .flatten()
        .is_none()));
}

#[test]
fn the_first_column_may_be_the_runs() {
    // No value beside the labels: the run holds all seven columns, a block each.
    let text = "标签\n标签\n\n5\n3\n\n1\n0\n\n0\n4\n\n2\n0\n\n0\n0\n\n0\n1\n\n8\n8\n";
    let (words, chunks) = read(text).expect("shape");
    let chunk = chunks.first().expect("chunk");
    assert!(chunk.first.is_empty());
    let seen = solve(&words, chunk, 2).expect("solved");
    let got = agreed(&words, &seen);
    let row = |j: usize| -> Vec<Option<u64>> {
        (0..N).map(|c| agreed_count(&words, &got, j, c)).collect()
    };
    assert_eq!(row(0), [5, 1, 0, 2, 0, 0, 8].map(Some));
    assert_eq!(row(1), [3, 0, 4, 0, 0, 1, 8].map(Some));
}

/// A 2021 table 三 as chromium's Word page reads in reading order: its first ten
/// rows with their values beside their labels; after the page break, the labels with
/// their first column (the last one's on a line of its own, just before the run),
/// then the next nine rows' other columns a column a block, with one blank cell
/// (written empty) in the third column, then the last six rows' a value a
/// paragraph. `off` is added to （七）总计's first column. The title's year tells the
/// edition, which the first rows do not.
fn word_page(off: u64) -> (String, Vec<[u64; N]>) {
    let rows = word_rows();
    let template = Template::of(Edition::V2021).t3_rows;
    let key = |k: &str| template.iter().position(|r| r.key == k).expect("row");
    let mut text = word_head(&rows);
    let cut = 10;
    let label = |j: usize| format!("{}{}", template[j].number, template[j].label);
    let total = key("results_total");
    for (j, row) in rows.iter().enumerate().skip(cut) {
        let first = row[0] + if j == total { off } else { 0 };
        if j + 1 == rows.len() {
            text += &format!("{}\n{first}\n\n", label(j));
        } else {
            text += &format!("{} {first}\n", label(j));
        }
    }
    // The blank: the third column (科研机构) of the band's fourth row, a zero.
    let band = cut..cut + 9;
    let blank = (cut + 3, 2);
    assert_eq!(rows[blank.0][blank.1], 0);
    for col in 1..N {
        for (j, row) in rows.iter().enumerate().take(band.end).skip(band.start) {
            if (j, col) != blank {
                text += &format!("{}\n", row[col]);
            }
        }
        text.push('\n');
    }
    for row in rows.iter().skip(band.end) {
        for v in &row[1..] {
            text += &format!("{v}\n\n");
        }
    }
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    (text, rows)
}

/// The rows of [`word_page`]'s table: every sum holds.
fn word_rows() -> Vec<[u64; N]> {
    let template = Template::of(Edition::V2021).t3_rows;
    let key = |k: &str| template.iter().position(|r| r.key == k).expect("row");
    let adds = |j: usize| zfxxgk_model::T3Row::adds_to_results_total(template[j].key);
    let mut rows: Vec<[u64; N]> = vec![[0; N]; template.len()];
    for (i, row) in rows.iter_mut().enumerate().filter(|(j, _)| adds(*j)) {
        let i = i as u64;
        *row = [i % 4 + 1, i % 2, 0, 0, 0, u64::from(i % 3 == 0), 0];
    }
    let mut results = [0; N];
    for row in rows
        .iter()
        .enumerate()
        .filter(|(j, _)| adds(*j))
        .map(|(_, r)| r)
    {
        for (sum, v) in results.iter_mut().zip(row) {
            *sum += v;
        }
    }
    let (forward, over) = ([2, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0]);
    let mut received = [0; N];
    for (col, r) in received.iter_mut().enumerate() {
        *r = results[col] + forward[col] - over[col];
    }
    rows[key("results_total")] = results;
    rows[key("carried_forward")] = forward;
    rows[key("carried_over")] = over;
    rows[key("new_received")] = received;
    for r in &mut rows {
        r[6] = r[..6].iter().sum();
    }
    rows
}

/// [`word_page`]'s text before the page break: the title, section 三's heading,
/// the header, and the first ten rows with their values beside their labels.
fn word_head(rows: &[[u64; N]]) -> String {
    let template = Template::of(Edition::V2021).t3_rows;
    let mut text = String::from(
        "某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n",
    );
    let label = |j: usize| format!("{}{}", template[j].number, template[j].label);
    for (j, row) in rows.iter().enumerate().take(10) {
        let values: Vec<String> = row.iter().map(u64::to_string).collect();
        text += &format!("{} {}\n", label(j), values.join(" "));
    }
    text.push('\n');
    text
}

#[test]
fn a_tables_last_rows_written_so_after_a_page_break_are_read() {
    let (text, rows) = word_page(0);
    let report = crate::parse(&text);
    let template = Template::of(Edition::V2021).t3_rows;
    for (j, r) in template.iter().enumerate() {
        for (col, def) in T3_COLUMNS.iter().enumerate() {
            let key = format!("t3.{}.{}", r.key, def.key);
            let got = report.cell(key.parse().expect("key"));
            // The blank's column in its band is not told.
            if (10..19).contains(&j) && col == 2 {
                assert!(got.is_none(), "{key}");
                continue;
            }
            let want = rows[j][col].to_string();
            let cell = got.unwrap_or_else(|| panic!("{key} not read"));
            assert_eq!(cell.value.normalized(), want, "{key}");
            let placement = if j < 10 {
                Placement::Label
            } else {
                Placement::Position
            };
            assert_eq!(cell.placement, placement, "{key}");
        }
    }
}

#[test]
fn a_tail_whose_sums_do_not_hold_with_the_rows_before_is_not_read() {
    // （七）总计's first column one too many: every row still adds up across, but
    // not down the columns, with the rows read from their labels.
    let (text, _) = word_page(1);
    let report = crate::parse(&text);
    assert!(report
        .cell("t3.carried_forward.total".parse().expect("key"))
        .is_none());
    assert!(report
        .cell("t3.new_received.total".parse().expect("key"))
        .is_some());
}

/// [`word_page`]'s table as chromium's Word page can also read after the page
/// break: the labels alone, then the first three columns of the next nine rows a
/// column a block, then of the last six rows so, and only then the other four
/// columns, band after band. One blank cell (written empty) in a zero of the fifth
/// column (法律服务机构) of the first band; `off` is added to （七）总计's first column.
fn word_page_by_column_groups(off: u64) -> (String, Vec<[u64; N]>) {
    let rows = word_rows();
    let template = Template::of(Edition::V2021).t3_rows;
    let total = template
        .iter()
        .position(|r| r.key == "results_total")
        .expect("row");
    let mut text = word_head(&rows);
    let cut = 10;
    for r in template.iter().skip(cut) {
        text += &format!("{}{}\n", r.number, r.label);
    }
    text.push('\n');
    let bands = [cut..cut + 9, cut + 9..rows.len()];
    let blank = (cut + 2, 4);
    assert_eq!(rows[blank.0][blank.1], 0);
    for group in [0..3, 3..N] {
        for band in &bands {
            for col in group.clone() {
                for j in band.clone() {
                    if (j, col) == blank {
                        continue;
                    }
                    let off = if (j, col) == (total, 0) { off } else { 0 };
                    text += &format!("{}\n", rows[j][col] + off);
                }
                text.push('\n');
            }
        }
    }
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    (text, rows)
}

#[test]
fn a_tables_last_rows_written_by_groups_of_columns_band_after_band_are_read() {
    let (text, rows) = word_page_by_column_groups(0);
    let report = crate::parse(&text);
    let template = Template::of(Edition::V2021).t3_rows;
    for (j, r) in template.iter().enumerate().skip(10) {
        for (col, def) in T3_COLUMNS.iter().enumerate() {
            let key = format!("t3.{}.{}", r.key, def.key);
            let got = report.cell(key.parse().expect("key"));
            // The blank's column in its band is not told (zeros all).
            if (10..19).contains(&j) && col == 4 {
                assert!(got.is_none(), "{key}");
                continue;
            }
            let cell = got.unwrap_or_else(|| panic!("{key} not read"));
            assert_eq!(cell.value.normalized(), rows[j][col].to_string(), "{key}");
            assert_eq!(cell.placement, Placement::Position, "{key}");
        }
    }
    // A sum off down the columns: nothing of the tail is read.
    let (text, _) = word_page_by_column_groups(1);
    let report = crate::parse(&text);
    assert!(report
        .cell("t3.carried_forward.total".parse().expect("key"))
        .is_none());
}

/// A run in blocks is put back band after band only where its blocks' lengths say
/// which band each is, and each band then holds every column, in order.
#[test]
fn blocks_are_put_in_bands_where_their_lengths_say() {
    // Each block's values name its place in the text (block 3's are 40, 41, …), so
    // that the order a way gives can be read back.
    let run_of = |lens: &[usize]| {
        let mut text = String::from("四、结转下年度继续办理\n\n");
        for (k, &len) in lens.iter().enumerate() {
            for v in 0..len {
                text += &format!("{}\n", (k + 1) * 10 + v);
            }
            text.push('\n');
        }
        text
    };
    let order = |text: &str| -> Vec<Vec<String>> {
        let (words, chunks) = read(text).expect("chunks");
        regrouped(&words, &chunks)
            .iter()
            .map(|c| {
                let run = c.first().map(|c| c.run.as_slice()).unwrap_or_default();
                let mut blocks: Vec<String> = texts(&words, run)
                    .iter()
                    .filter_map(|t| t.parse::<usize>().ok())
                    .map(|n| (n / 10 - 1).to_string())
                    .collect();
                blocks.dedup();
                blocks
            })
            .collect()
    };
    // Bands of 3 and 1 rows: the first three columns of each, then the other four.
    let text = run_of(&[3, 3, 3, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1, 1]);
    let want = [0, 1, 2, 6, 7, 8, 9, 3, 4, 5, 10, 11, 12, 13].map(|k| k.to_string());
    assert_eq!(order(&text), [want.to_vec()]);
    // The top band's last column after the bottom band's first two, and the bottom
    // band's last two columns side by side, one block (its rows' `a b` in turn).
    let text = run_of(&[3, 3, 3, 3, 3, 3, 1, 1, 3, 1, 1, 1, 2]);
    let want = [0, 1, 2, 3, 4, 5, 8, 6, 7, 9, 10, 11, 12].map(|k| k.to_string());
    assert_eq!(order(&text), [want.to_vec()]);
    // Already band after band: nothing to put back.
    let text = run_of(&[3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1]);
    assert!(order(&text).is_empty());
    // Blocks all as long: which band each is is not told by them.
    let text = run_of(&[2; 14]);
    assert!(order(&text).is_empty());
    // More blocks than two bands' columns: no way, and none tried.
    let text = run_of(&[3, 1].repeat(15));
    assert!(order(&text).is_empty());
}
