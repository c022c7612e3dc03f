//! The adversarial inputs of issue 7, shared by `benches/adversarial.rs` (time per MB)
//! and `tests/memory.rs` (peak heap per byte): each a name and a generator of about
//! `size` bytes of text that stresses one thing (separators, tiny lines, one long
//! line, a huge table).

/// Repeats `unit` until the text is at least `size` bytes.
fn repeat(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()))
}

/// `head`, then `row(i)` for i = 0, 1, … until the text is at least `size` bytes.
fn rows(head: &str, size: usize, row: impl Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(size + 256);
    out.push_str(head);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&row(i));
        i += 1;
    }
    out
}

const T3_HEAD: &str = "三、收到和处理政府信息公开申请情况\n";

/// A table 三 row: a template label and seven numbers, cells joined by `sep`.
fn t3_cells(i: usize) -> Vec<String> {
    const LABELS: [&str; 4] = ["（一）予以公开", "（二）部分公开", "1.属于国家秘密", "其他"];
    let mut cells = vec![LABELS[i % LABELS.len()].to_owned()];
    cells.extend((0..7).map(|k| ((i * 7 + k) % 1000).to_string()));
    cells
}

/// The inputs: a name and a generator of about `size` bytes.
pub type Generator = fn(usize) -> String;

pub const INPUTS: &[(&str, Generator)] = &[
    ("pipes", |n| repeat("|", n)),
    ("pipe-runs", |n| {
        repeat(&format!("{}\n", "|".repeat(370)), n)
    }),
    ("pipe-cells", |n| repeat("| | 1 | |\n", n)),
    ("tabs", |n| repeat("\t", n)),
    ("tab-lines", |n| repeat("\t\t\t\n", n)),
    ("blank-lines", |n| repeat("\n", n)),
    ("one-line", |n| {
        repeat("本年度共收到政府信息公开申请12件，其中予以公开3件|\t", n)
    }),
    ("narrative", |n| {
        repeat(
            "本年度共收到政府信息公开申请12件，较上年增加2件，其中予以公开3件。未收到政府信息公开申请。\n",
            n,
        )
    }),
    ("headings", |n| repeat("一、总体情况\n", n)),
    ("one-line-headings", |n| repeat("一、总体情况。12件 ", n)),
    ("spaced-numerals", |n| {
        repeat(&format!("一、{}\n", " ".repeat(60)), n)
    }),
    ("brackets", |n| repeat("（）(申请12件）", n)),
    ("open-tags", |n| repeat("<p申请12件", n)),
    ("numbered-items", |n| repeat("三、（一）1.2．\n", n)),
    ("page-numbers", |n| repeat("-4-\n第 3 页\n", n)),
    ("t3-tab-rows", |n| {
        rows(T3_HEAD, n, |i| format!("{}\n", t3_cells(i).join("\t")))
    }),
    ("t3-pipes", |n| {
        rows(T3_HEAD, n, |i| format!("| {} |\n", t3_cells(i).join(" | ")))
    }),
    ("t3-markdown", |n| {
        rows(T3_HEAD, n, |i| {
            let row = format!("| {} |\n", t3_cells(i).join(" | "));
            if i == 0 {
                format!("{row}|---|---|---|---|---|---|---|---|\n")
            } else {
                row
            }
        })
    }),
    ("t3-cell-per-line", |n| {
        rows(T3_HEAD, n, |i| {
            let mut out: String = t3_cells(i).iter().map(|c| format!("\t{c}\n")).collect();
            out.push('\n');
            out
        })
    }),
    ("t3-aligned", |n| {
        rows(T3_HEAD, n, |i| {
            format!("  {}\n", t3_cells(i).join("      "))
        })
    }),
    ("t3-unlabelled", |n| {
        rows(T3_HEAD, n, |i| format!("{}\n", t3_cells(i)[1..].join("\t")))
    }),
    ("t2-rows", |n| {
        rows(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n",
            n,
            |i| format!("规章\t{}\t0\t{}\n", i % 10, i % 100),
        )
    }),
    ("t4-rows", |n| {
        rows(
            "四、政府信息公开行政复议、行政诉讼情况\n",
            n,
            |i| {
                let cells: Vec<String> = (0..15).map(|k| ((i + k) % 10).to_string()).collect();
                format!("{}\n", cells.join("\t"))
            },
        )
    }),
];
