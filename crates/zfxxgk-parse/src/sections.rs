//! Section headings (一、总体情况 … 六、其他需要报告的事项), found on their own line or
//! in the middle of a line where a web page flattened the report into one paragraph;
//! and what the report says about itself: title, issuing body, year.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use zfxxgk_model::{Location, SectionKey, YearSource, YearStatement};

use zfxxgk_text::{is_numeral, MAX_HEADING_CHARS};

use crate::normalize::fold_char;

/// Phrases that name each section, folded; one must start within a few characters
/// after the numeral's `、`.
const PHRASES: &[(SectionKey, &[&str])] = &[
    (SectionKey::S1, &["总体情况", "概述"]),
    (SectionKey::S2, &["主动公开政府信息"]),
    (
        SectionKey::S3,
        &["收到和处理政府信息公开申请", "收到和处理政府信息公开的申请"],
    ),
    (
        SectionKey::S4,
        &[
            "政府信息公开行政复议",
            "行政复议、行政诉讼",
            "行政复议和行政诉讼",
            "行政复议,行政诉讼",
            // The wording's end, where its beginning is mistyped
            // (`四、政府信息公开行政法复议、行政诉讼情况`, a real report's).
            "复议、行政诉讼",
        ],
    ),
    (
        SectionKey::S5,
        &[
            "存在的主要问题",
            "主要问题及改进",
            "存在的问题",
            "存在问题",
            "主要问题及整改",
        ],
    ),
    (SectionKey::S6, &["其他需要报告的事项", "其他需要报告事项"]),
];

/// Whether `c` may begin one of the [`PHRASES`] (the first character of each).
fn begins_a_phrase(c: char) -> bool {
    matches!(
        c,
        '总' | '概' | '主' | '收' | '政' | '行' | '存' | '其' | '复'
    )
}

/// How far after `、` (in characters) a section's phrase may start
/// (`五、政府信息公开工作存在的主要问题…`).
const PHRASE_SLACK: usize = 10;

/// A section heading found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub key: SectionKey,
    pub start: usize,
    pub end: usize,
}

/// Characters of `text` from `from` on, folded, with whitespace skipped; each with the
/// byte offset just past it.
fn folded_from(text: &str, from: usize) -> impl Iterator<Item = (char, usize)> + '_ {
    text[from..]
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(move |(i, c)| (fold_char(c), from + i + c.len_utf8()))
}

/// Whether `phrase` stands at `from` (whitespace in the text skipped); the byte end.
fn phrase_at(text: &str, from: usize, phrase: &str) -> Option<usize> {
    let mut it = folded_from(text, from);
    let mut end = from;
    for p in phrase.chars() {
        let (c, e) = it.next()?;
        if c != p {
            return None;
        }
        end = e;
    }
    Some(end)
}

/// Every section heading, in text order.
pub(crate) fn headings(text: &str) -> Vec<Heading> {
    static COMMA: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("、"));
    let mut out = Vec::new();
    for pos in COMMA.find_iter(text.as_bytes()) {
        let before = &text[..pos];
        let num_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_numeral(*c))
            .last()
            .map(|(i, _)| i);
        let Some(num_start) = num_start else { continue };
        if before[num_start..].chars().count() > 2 {
            continue;
        }
        let prev = before[..num_start].chars().next_back();
        // Not inside a word or a numeral: `第一、二` and `十二、` are no headings, while
        // `。 一、`, `| 二、` and a converter's `[bookmark: _GoBack]六、` are. A digit may
        // stand right before: a crawler's text runs a table's last cell into the next
        // heading (`…5949.088667三、收到和处理…`); so may a word, when the heading's
        // phrase follows the numeral at once: a table row whose cells were all blank
        // runs its label into it (`…结转下年度继续办理四、政府信息公开行政复议…`).
        let at_boundary = prev
            .is_none_or(|c| (!c.is_alphanumeric() && c != '、') || fold_char(c).is_ascii_digit());
        let glued = prev.is_some_and(|c| !c.is_ascii() && !"、第".contains(c));
        let after = pos + '、'.len_utf8();
        let slack = match (at_boundary, glued) {
            (true, _) => PHRASE_SLACK,
            (false, true) => 0,
            (false, false) => continue,
        };
        if let Some((key, phrase_end)) = match_phrase(text, after, slack) {
            let end = heading_end(text, after, phrase_end);
            out.push(Heading {
                key,
                start: num_start,
                end,
            });
        }
    }
    out
}

/// The section whose phrase begins at `after` or at most `slack` characters later,
/// and where the phrase ends.
fn match_phrase(text: &str, after: usize, slack: usize) -> Option<(SectionKey, usize)> {
    let starts = std::iter::once(after).chain(
        text[after..]
            .char_indices()
            .skip(1)
            .take(slack)
            .take_while(|(_, c)| *c != '\n' && *c != '。')
            .map(|(i, _)| after + i),
    );
    for s in starts {
        // Most starts begin no phrase, as their first character tells; and the rest
        // are read against the phrases that begin with it.
        let Some((first, _)) = folded_from(text, s).next() else {
            continue;
        };
        if !begins_a_phrase(first) {
            continue;
        }
        for (key, phrases) in PHRASES {
            for p in phrases.iter().filter(|p| p.starts_with(first)) {
                if let Some(end) = phrase_at(text, s, p) {
                    return Some((*key, end));
                }
            }
        }
    }
    None
}

/// The heading runs to the end of its line when the line is short; in a flattened
/// paragraph, to the first space or full stop after its phrase.
fn heading_end(text: &str, after: usize, phrase_end: usize) -> usize {
    if let Some(end) = short_line_end(text, after, phrase_end) {
        return end;
    }
    let rest = &text[phrase_end..];
    let stop = rest
        .char_indices()
        .take(MAX_HEADING_CHARS)
        .find(|(_, c)| c.is_whitespace() || "。：:，,|".contains(*c))
        .map_or(0, |(i, _)| i);
    phrase_end + stop
}

/// Where the line from `after` ends, trailing whitespace left out, when it is short
/// (at most [`MAX_HEADING_CHARS`] characters, no `。`) and holds the phrase. Reads no further
/// than that: a report flattened into one line holds every heading on it.
fn short_line_end(text: &str, after: usize, phrase_end: usize) -> Option<usize> {
    let rest = text.get(after..)?;
    let mut end = after;
    let mut line_end = text.len();
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if c == '\n' {
            line_end = after + i;
            break;
        }
        // Spaces, and a converter's closing marks (`**** 一、总体情况 ****`), end
        // no heading.
        if c.is_whitespace() || matches!(c, '*' | '#') {
            continue;
        }
        if n >= MAX_HEADING_CHARS || c == '。' {
            return None;
        }
        end = after + i + c.len_utf8();
    }
    (phrase_end <= line_end).then_some(end)
}

/// A year written `2020年` or `2020 年` (digits may be full-width): (year, start, end),
/// found lazily, so that a caller who wants the first stops there. Each `年` is found
/// by a search and read back to its digits.
fn years(text: &str) -> impl Iterator<Item = (u16, usize, usize)> + '_ {
    static YEAR: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("年"));
    YEAR.find_iter(text.as_bytes())
        .filter_map(|at| year_before(text, at))
}

/// The year written before the `年` at byte `at`, spaces between allowed: a run of
/// exactly four digits (full-width or not) from 1900 to 2099, with no digit before it.
/// (year, start, end) of the digits.
fn year_before(text: &str, at: usize) -> Option<(u16, usize, usize)> {
    let before = text.get(..at)?.trim_end_matches([' ', '\u{3000}']);
    let end = before.len();
    let mut start = end;
    let mut value = 0;
    let mut place = 1;
    for (i, c) in before.char_indices().rev() {
        let Some(d) = fold_char(c).to_digit(10) else {
            break;
        };
        if place == 10_000 {
            return None;
        }
        value += d * place;
        place *= 10;
        start = i;
    }
    if place != 10_000 || !(value / 100 == 19 || value / 100 == 20) {
        return None;
    }
    Some((u16::try_from(value).ok()?, start, end))
}

/// How many lines from the top of a report may hold its title.
const TITLE_LINES: usize = 20;
/// The longest title, in characters, whitespace left out.
const MAX_TITLE: usize = 60;

/// Title, body and year statements.
pub(crate) struct MetaFound {
    pub title: Option<(String, usize, usize)>,
    pub body: Option<String>,
    pub years: Vec<(u16, YearSource, usize, usize)>,
}

/// Reads the title (before the first section heading), the statistics period and,
/// failing both, the first year the narrative states.
pub(crate) fn meta(text: &str, first_heading: usize, s1_body: Option<(usize, usize)>) -> MetaFound {
    let head = &text[..first_heading.min(text.len())];
    // Only the first lines can hold the title: the rest are not kept.
    let lines: Vec<(usize, &str)> = line_spans(head).take(TITLE_LINES).collect();
    let mut title = None;
    for (n, &(start, line)) in lines.iter().enumerate() {
        // Each wording a title is told by holds 报, which folding makes from nothing else.
        if !line.contains('报') {
            continue;
        }
        // Longer than a title, whitespace left out (folding keeps a character whitespace
        // or not): told without folding the line.
        let mut visible = line.chars().filter(|c| !c.is_whitespace());
        if visible.nth(MAX_TITLE).is_some() {
            continue;
        }
        let f: String = line
            .chars()
            .map(fold_char)
            .filter(|c| !c.is_whitespace())
            .collect();
        if !(f.contains("年度报告") || (f.contains("政府信息公开") && f.contains("报告")))
        {
            continue;
        }
        let mut t_start = start;
        // A title split over two lines: the body (or the year) on the line above.
        let prev = lines[..n]
            .iter()
            .rev()
            .take(3)
            .find(|(_, l)| !l.trim().is_empty());
        if let Some(&(p_start, p)) = prev {
            let pf = p.trim();
            let joins = f.starts_with("年度报告")
                || (starts_with_year(&f)
                    && pf.chars().count() <= 20
                    && !pf.ends_with(['。', '：', ':', '）', ')']));
            if joins {
                t_start = p_start + (p.len() - p.trim_start().len());
            }
        }
        let end = start + line.trim_end().len();
        let raw = &text[t_start..end];
        let cleaned = raw
            .trim()
            .trim_end_matches(|c: char| c == '|' || c.is_whitespace());
        let end = t_start + (raw.len() - raw.trim_start().len()) + cleaned.len();
        let t_start = t_start + (raw.len() - raw.trim_start().len());
        title = Some((
            cleaned.split_whitespace().collect::<Vec<_>>().join(" "),
            t_start,
            end,
        ));
        break;
    }
    let mut years_found = Vec::new();
    let mut body = None;
    if let Some((t, s, e)) = &title {
        if let Some((y, ys, ye)) = years(&text[*s..*e]).next() {
            years_found.push((y, YearSource::Title, s + ys, s + ye));
        }
        body = body_of(t);
    }
    // The statistics period: `2019年1月1日` near the top of the report.
    for (y, s, e) in years(text) {
        if s > 4000 && !years_found.is_empty() {
            break;
        }
        // The next 12 characters, whitespace left out and folded, begin 年1月1日.
        let mut rest = text[e..]
            .chars()
            .take(12)
            .filter(|c| !c.is_whitespace())
            .map(fold_char);
        if "年1月1日".chars().all(|p| rest.next() == Some(p)) {
            years_found.push((y, YearSource::Period, s, e));
            break;
        }
    }
    if years_found.is_empty() {
        if let Some((s, e)) = s1_body {
            if let Some((y, ys, ye)) = years(&text[s..e]).next() {
                years_found.push((y, YearSource::Text, s + ys, s + ye));
            }
        }
    }
    MetaFound {
        title,
        body,
        years: years_found,
    }
}

fn starts_with_year(f: &str) -> bool {
    let b = f.as_bytes();
    b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit)
}

/// The issuing body named in a title: before the year (`温州市民政局2020年…`), or after
/// it (`2024年上海市科委政府信息公开…`).
fn body_of(title: &str) -> Option<String> {
    let f: String = title
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    let gov = f.find("政府信息公开").unwrap_or(f.len());
    let year = years(&f).next();
    let body = match year {
        Some((_, 0, e)) => {
            let after = f[e..].trim_start_matches('年').trim_start_matches('度');
            let stop = after.find("政府信息公开").unwrap_or(0);
            after[..stop].to_string()
        }
        Some((_, s, _)) => f[..s].to_string(),
        None => f[..gov].to_string(),
    };
    let body = body
        .trim_matches(|c: char| c == '|' || c.is_whitespace())
        .to_string();
    (!body.is_empty() && body.chars().count() <= 30).then_some(body)
}

/// The lines of `text`, each with where it starts, without its line end.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |start, line| {
        let at = *start;
        *start += line.len();
        Some((at, line.trim_end_matches(['\n', '\r'])))
    })
}

/// Turns found statements into model values.
pub(crate) fn statements(
    found: &[(u16, YearSource, usize, usize)],
    locate: &dyn Fn(usize, usize) -> Location,
) -> Vec<YearStatement> {
    found
        .iter()
        .map(|&(year, source, s, e)| YearStatement {
            year,
            source,
            location: locate(s, e),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(SectionKey, &str)> {
        headings(text)
            .into_iter()
            .map(|h| (h.key, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn a_heading_mistyped_at_its_beginning_is_named_by_its_end() {
        // 平潭综合实验区's 2022 report (its web page) writes 行政法复议.
        let text = "四、政府信息公开行政法复议、行政诉讼情况\n| 行政复议 |  |\n五、存在的主要问题及改进情况\n";
        assert_eq!(
            keys(text),
            [
                (SectionKey::S4, "四、政府信息公开行政法复议、行政诉讼情况"),
                (SectionKey::S5, "五、存在的主要问题及改进情况"),
            ]
        );
    }

    #[test]
    fn headings_on_their_own_line_and_mid_line() {
        let text = "一、总体情况\n2020年，我局…。 二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n…主渠道属性。 六、其他需要报告\n的事项 无 |";
        assert_eq!(
            keys(text),
            [
                (SectionKey::S1, "一、总体情况"),
                (SectionKey::S2, "二、主动公开政府信息情况"),
                (SectionKey::S4, "四、政府信息公开行政复议、行政诉讼情况"),
                (SectionKey::S6, "六、其他需要报告\n的事项"),
            ]
        );
    }

    #[test]
    fn variants_and_non_headings() {
        let text = "五、政府信息公开工作存在的主要问题及改进措施\n三、本年度办理结果\n一是加强\n   四、政府信息公开行政复议和行政诉讼情况\n[bookmark: _GoBack]六、其他需要报告的事项\n第一、二、总体情况";
        assert_eq!(
            keys(text),
            [
                (
                    SectionKey::S5,
                    "五、政府信息公开工作存在的主要问题及改进措施"
                ),
                (SectionKey::S4, "四、政府信息公开行政复议和行政诉讼情况"),
                (SectionKey::S6, "六、其他需要报告的事项"),
            ]
        );
    }

    /// Issue 17, point 7: headings as converters dress them (html2text's `****`,
    /// markdown's `###`, bold) and in local wording.
    #[test]
    fn headings_in_converter_dress() {
        let text = "**** 一、总体情况 ****\n### 二、主动公开政府信息情况\n**三、收到和处理政府信息公开申请情况**\n  * 四、政府信息公开行政复议、行政诉讼情况\n五、存在问题及改进情况\n六、其他需要报告的事项";
        assert_eq!(
            keys(text),
            [
                (SectionKey::S1, "一、总体情况"),
                (SectionKey::S2, "二、主动公开政府信息情况"),
                (SectionKey::S3, "三、收到和处理政府信息公开申请情况"),
                (SectionKey::S4, "四、政府信息公开行政复议、行政诉讼情况"),
                (SectionKey::S5, "五、存在问题及改进情况"),
                (SectionKey::S6, "六、其他需要报告的事项"),
            ]
        );
        for (text, want) in [
            ("五、主要问题及整改措施", SectionKey::S5),
            ("五、政府信息公开工作主要问题及整改措施", SectionKey::S5),
        ] {
            assert_eq!(keys(text).first().map(|k| k.0), Some(want), "{text}");
        }
    }

    #[test]
    fn a_heading_glued_to_a_word_when_its_phrase_follows_at_once() {
        // A crawler's text where table 三's last row was all blank: its label runs into
        // the next heading. `第四、` and a phrase that does not follow at once are none.
        let text = "四、结转下年度继续办理四、政府信息公开行政复议、行政诉讼情况行政复议结果维持。第四、政府信息公开行政复议情况。办理四、一些政府信息公开行政复议情况";
        assert_eq!(
            keys(text),
            [(
                SectionKey::S4,
                "四、政府信息公开行政复议、行政诉讼情况行政复议结果维持"
            )]
        );
    }

    /// Years as the plain definition finds them: each run of digits read forward, kept
    /// when it is four digits long, from 1900 to 2099 and followed by `年` (spaces
    /// between allowed).
    fn years_by_scan(text: &str) -> Vec<(u16, usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let Some(first) = fold_char(c).to_digit(10) else {
                continue;
            };
            let (mut len, mut value, mut end) = (1, first, i + c.len_utf8());
            while let Some(&(j, d)) = chars.peek() {
                let Some(v) = fold_char(d).to_digit(10) else {
                    break;
                };
                len += 1;
                if len <= 4 {
                    value = value * 10 + v;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let rest = text[end..].trim_start_matches([' ', '\u{3000}']);
            if len == 4 && (value / 100 == 19 || value / 100 == 20) && rest.starts_with('年') {
                out.push((u16::try_from(value).unwrap_or(0), i, end));
            }
        }
        out
    }

    #[test]
    fn years_read_back_from_their_nian() {
        let text = "2020年，２０２１ 年、12020年 1999年 2100年　2019　年1月 203年";
        let want = [(2020, 0, 4), (2021, 10, 22), (1999, 38, 42), (2019, 56, 60)];
        assert_eq!(years(text).collect::<Vec<_>>(), want);
        assert_eq!(years_by_scan(text), want);
    }

    proptest::proptest! {
        /// `years` finds what the plain forward scan finds.
        #[test]
        fn years_as_defined(text in "[0129１２０ 　年a一]{0,24}") {
            proptest::prop_assert_eq!(years(&text).collect::<Vec<_>>(), years_by_scan(&text));
        }
    }

    #[test]
    fn every_phrase_begins_with_a_character_begins_a_phrase_knows() {
        for (_, phrases) in PHRASES {
            for p in *phrases {
                let first = p.chars().next().unwrap_or_default();
                assert!(begins_a_phrase(first), "{p}");
            }
        }
    }

    #[test]
    fn a_line_longer_than_a_title_is_no_title() {
        let intro = format!("根据条例编制本年度报告，{}。", "内容".repeat(30));
        let text = format!("{intro}\n某某局2023年政府信息公开工作年度报告\n一、总体情况");
        let m = meta(&text, text.find("一、").unwrap_or(0), None);
        assert_eq!(
            m.title.as_ref().map(|t| t.0.as_str()),
            Some("某某局2023年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn title_body_and_year() {
        let text = "\n温州市民政局\n\n2020 年政府信息公开工作年度报告\n\n(2021 年 1 月 29 日)\n统计期限为2020年1月1日至12月31日。\n一、总体情况";
        let m = meta(text, text.find("一、").unwrap_or(0), None);
        assert_eq!(
            m.title.as_ref().map(|t| t.0.as_str()),
            Some("温州市民政局 2020 年政府信息公开工作年度报告")
        );
        assert_eq!(m.body.as_deref(), Some("温州市民政局"));
        let ys: Vec<(u16, YearSource)> = m.years.iter().map(|y| (y.0, y.1)).collect();
        assert_eq!(ys, [(2020, YearSource::Title), (2020, YearSource::Period)]);
        assert_eq!(
            body_of("2024 年上海市科委政府信息公开工作 年度报告").as_deref(),
            Some("上海市科委")
        );
        assert_eq!(body_of("政府信息公开工作年度报告"), None);
    }
}
