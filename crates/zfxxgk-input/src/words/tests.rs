use super::*;

/// A word's `(x0, y0, x1, y1, text)`.
type Boxed = (f64, f64, f64, f64, &'static str);

/// `pdftotext -bbox-layout` output of pages of words.
fn xhtml(pages: &[&[Boxed]]) -> String {
    let mut s = String::from(
        "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><title>\u{ff}\u{fe}</title></head>\n<body>\n<doc>\n",
    );
    for words in pages {
        s.push_str("<page width=\"600\" height=\"800\"><flow><block><line>\n");
        for (x0, y0, x1, y1, t) in words.iter() {
            s.push_str(&format!(
                "<word xMin=\"{x0}\" yMin=\"{y0}\" xMax=\"{x1}\" yMax=\"{y1}\">{t}</word>\n"
            ));
        }
        s.push_str("</line></block></flow></page>\n");
    }
    s.push_str("</doc>\n</body>\n</html>\n");
    s
}

/// A word of digits, 5 points a digit, right edge at `x1`, on the line at `y`.
fn num(x1: f64, y: f64, t: &'static str) -> Boxed {
    (x1 - 5.0 * t.len() as f64, y, x1, y + 10.0, t)
}

/// A word of CJK characters, 10 points each, from `x0`, on the line at `y`.
fn han(x0: f64, y: f64, t: &'static str) -> Boxed {
    (x0, y, x0 + 10.0 * t.chars().count() as f64, y + 10.0, t)
}

#[test]
fn words_stand_at_their_columns() {
    // Numbers keep their columns, by their right edges, and a blank cell stays
    // blank; a label spaced out by justified text joins up, a word 1.6 units
    // away is a cell of its own, one a little apart keeps a space.
    let numbers = [
        han(0.0, 100.0, "规章"),
        num(100.0, 100.0, "236"),
        num(120.0, 100.0, "54"),
        num(160.0, 100.0, "502"),
        han(0.0, 120.0, "其他"),
        num(100.0, 121.0, "3"),
        num(160.0, 119.5, "10"),
    ];
    let spaced = [
        han(0.0, 100.0, "（"),
        han(14.0, 100.0, "二"),
        han(28.0, 100.0, "）"),
        han(42.0, 100.0, "部分"),
        num(90.0, 100.0, "2024"),
        han(92.0, 100.0, "年"),
        num(200.0, 100.0, "5"),
    ];
    for (page, want) in [
        (
            &numbers[..],
            "规章             236  54     502\n其他               3          10\n",
        ),
        (&spaced[..], "（二）部分    2024 年                  5\n"),
    ] {
        assert_eq!(lay_out(&xhtml(&[page])), want);
    }
}

#[test]
fn words_that_touch_by_a_hair_share_their_line() {
    // Chromium's print header: a title's CJK runs in tall boxes, its digits in
    // short ones overlapping them by 0.003 pt; one line, repeated on each page.
    let header = |y: f64| -> Vec<Boxed> {
        vec![
            (0.0, y, 20.0, y + 10.0, "12/5/26,"),
            (100.0, y - 4.0, 110.003, y + 16.0, "第"),
            (110.0, y, 115.0, y + 10.0, "1"),
            (115.0, y - 4.0, 165.0, y + 16.0, "号市某某局"),
        ]
    };
    let mut one = header(10.0);
    one.extend([han(0.0, 300.0, "规章"), num(100.0, 300.0, "5")]);
    let mut two = header(10.0);
    two.extend([han(0.0, 300.0, "其他"), num(100.0, 300.0, "7")]);
    let text = lay_out(&xhtml(&[&one, &two]));
    assert!(!text.contains('号') && !text.contains(" 1 "), "{text}");
}

/// A table of three rows 30 points apart (labels at x 0, numbers at right edges
/// 100 and 140), the middle row's first number `cell`, words of their own.
fn table(cell: &[Boxed]) -> Vec<Boxed> {
    let mut words = vec![
        han(0.0, 100.0, "规章"),
        num(100.0, 100.0, "5"),
        num(140.0, 100.0, "7"),
        han(0.0, 130.0, "其他"),
        num(140.0, 130.0, "9"),
        han(0.0, 160.0, "合计"),
        num(100.0, 160.0, "3"),
        num(140.0, 160.0, "2"),
    ];
    words.extend_from_slice(cell);
    words
}

#[test]
fn a_number_wrapped_in_its_cell_is_one_number_on_its_row() {
    // 184 one digit a line, 12 points apart (rows are 30 apart), centred on its
    // row: read as 184 on the row's line, under its column.
    let wrapped = table(&[
        num(100.0, 118.0, "1"),
        num(100.0, 130.0, "8"),
        num(100.0, 142.0, "4"),
    ]);
    assert_eq!(
        lay_out(&xhtml(&[&wrapped])),
        "规章               5       7\n其他             184       9\n合计               3       2\n"
    );
    // Lines of a number beside a word, as near as the stack's lines, far above
    // the table (a report's year and template): the rows beside the wrapped one
    // are what its lines are measured against.
    let mut headed = wrapped.clone();
    headed.extend([
        han(0.0, 10.0, "年度"),
        num(60.0, 10.0, "2019"),
        han(0.0, 22.0, "模板"),
        num(60.0, 22.0, "2019"),
    ]);
    let text = lay_out(&xhtml(&[&headed]));
    assert!(text.contains("其他             184       9\n"), "{text}");
    // 18 over 4: the stack's middle is the row's.
    let two = table(&[num(100.0, 124.0, "18"), num(100.0, 136.0, "4")]);
    let text = lay_out(&xhtml(&[&two]));
    assert!(text.contains("其他             184       9\n"), "{text}");
}

#[test]
fn digits_that_may_be_separate_cells_are_not_joined() {
    let read = |words: &[Boxed]| lay_out(&xhtml(&[words]));
    // One digit a row, rows as near as the rest of the table: separate cells.
    let column = table(&[num(100.0, 130.0, "8")]);
    assert!(read(&column).contains("其他               8       9\n"));
    // A stack as far apart as the rows (cells with no padding) is not a cell.
    let far = table(&[
        num(100.0, 100.0 - 30.0, "1"),
        num(100.0, 130.0, "8"),
        num(100.0, 190.0, "4"),
    ]);
    assert!(!read(&far).contains("184"), "{}", read(&far));
    // Unevenly spaced, or off its row's middle: left as it stands.
    let uneven = table(&[
        num(100.0, 112.0, "1"),
        num(100.0, 130.0, "8"),
        num(100.0, 142.0, "4"),
    ]);
    let off = table(&[num(100.0, 118.0, "1"), num(100.0, 130.0, "8")]);
    // Beside a word of running text, nearer than a cell's gap.
    let crowded = table(&[
        num(100.0, 118.0, "1"),
        han(102.0, 118.0, "件"),
        num(100.0, 130.0, "8"),
        num(100.0, 142.0, "4"),
    ]);
    // Evenly spaced cells of rows with wrapped labels: 16 / 4 / 10 is no wrapped
    // number (a full line holds as many digits as the first).
    let cells = table(&[
        num(100.0, 118.0, "16"),
        num(100.0, 130.0, "4"),
        num(100.0, 142.0, "10"),
    ]);
    assert!(!read(&cells).contains("16410"), "{}", read(&cells));
    // 0 / 0 / 0 down a column of rows whose other cells stand on the same lines.
    let mut rows = table(&[
        num(100.0, 118.0, "0"),
        num(100.0, 130.0, "0"),
        num(100.0, 142.0, "0"),
    ]);
    rows.extend([num(140.0, 118.0, "5"), num(140.0, 142.0, "6")]);
    assert!(!read(&rows).contains("000"), "{}", read(&rows));
    for words in [&uneven, &off, &crowded, &cells] {
        let text = read(words);
        assert!(!text.contains("184") && !text.contains("18 "), "{text}");
    }
}

#[test]
fn running_headers_and_footers_are_left_out() {
    let header = |n: &'static str| [(10.0, 10.0, 60.0, 20.0, n), han(300.0, 10.0, "年度报告")];
    let (h1, h2) = (header("12/4/26,"), header("12/4/26,"));
    let p1 = [
        h1[0],
        h1[1],
        han(0.0, 300.0, "规章"),
        (500.0, 780.0, 515.0, 790.0, "1/2"),
    ];
    let p2 = [
        h2[0],
        h2[1],
        num(100.0, 300.0, "7"),
        (500.0, 780.0, 515.0, 790.0, "2/2"),
    ];
    let text = lay_out(&xhtml(&[&p1, &p2]));
    assert_eq!(text, "规章\n                   7\n");
    // One page: nothing repeats, nothing is left out.
    let text = lay_out(&xhtml(&[&p1]));
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn broken_or_empty_output_gives_what_was_read() {
    assert_eq!(lay_out(""), "");
    assert_eq!(lay_out("<doc><page height=\"x\"><word xMin=\"1\">"), "");
    let mut s = xhtml(&[&[han(0.0, 0.0, "规章")]]);
    s.truncate(s.find("</word>").map_or(0, |i| i + 7));
    assert_eq!(lay_out(&s), "规章\n");
    let amp = xhtml(&[&[(0.0, 0.0, 20.0, 10.0, "a&amp;b")]]);
    assert_eq!(lay_out(&amp), "a&b\n");
}
