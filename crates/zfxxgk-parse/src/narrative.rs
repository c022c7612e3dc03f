//! Facts stated in the narrative: numbers of applications, results, reviews, lawsuits
//! and fees that the text restates (RULES.md N001–N004).
//!
//! The text is first normalised into a stream of characters without whitespace (PDF
//! text wraps sentences over lines and puts spaces around numbers), full-width digits
//! made ASCII, and every character keeps its byte offset, so that a fact's location is
//! the number as written. Then each number followed by `件` (or `元`, `万元` for fees)
//! is classified by the words of its clause. Precision comes first: a number whose
//! clause is ambiguous, a subset (`其中…`) or a change (`较上年增加…`) is not a fact.

use std::ops::Range;
use std::str::FromStr;

use zfxxgk_model::{Decimal, Fact, FactKind, Location};

/// Extracts the facts stated in `text` within the byte `ranges` (narrative paragraphs).
///
/// Ranges separated by nothing but whitespace are read as one run of text, so a
/// sentence may continue from one paragraph block into the next (as wrapped PDF text
/// does); ranges with anything else between them never share a sentence. Ranges that
/// are out of bounds or not on character boundaries are ignored.
pub fn extract_facts(
    text: &str,
    ranges: &[Range<usize>],
    locate: &dyn Fn(usize, usize) -> Location,
) -> Vec<Fact> {
    let stream = Stream::new(text, ranges);
    let mut facts = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < stream.chars.len() {
        if stream.digit(i) {
            let (end, value) = stream.number(i, &mut plain);
            if let Some(found) = read_number(&stream, i, end, value) {
                let location = locate(found.number.start, found.number.end);
                facts.push(Fact {
                    kind: found.kind,
                    value: found.value,
                    unit: Some(found.unit.to_owned()),
                    location,
                    text: stream.original(text, found.text),
                });
            }
            i = end.max(i + 1);
        } else {
            if let Some((at, words)) = no_applications(&stream, i) {
                facts.push(Fact {
                    kind: FactKind::NoApplications,
                    value: Decimal::ZERO,
                    unit: None,
                    location: locate(at.start, at.end),
                    text: stream.original(text, words),
                });
            }
            i += 1;
        }
    }
    facts
}

/// Marks the gap between two ranges that do not touch: no sentence crosses it.
const BREAK: char = '\u{0}';

/// The narrative as one stream of characters without whitespace, each with its byte
/// range in the text.
struct Stream {
    chars: Vec<char>,
    spans: Vec<Range<usize>>,
}

impl Stream {
    fn new(text: &str, ranges: &[Range<usize>]) -> Stream {
        let mut s = Stream {
            chars: Vec::new(),
            spans: Vec::new(),
        };
        let mut sorted: Vec<Range<usize>> = ranges
            .iter()
            .filter(|r| {
                r.start <= r.end
                    && r.end <= text.len()
                    && text.is_char_boundary(r.start)
                    && text.is_char_boundary(r.end)
            })
            .cloned()
            .collect();
        sorted.sort_by_key(|r| (r.start, r.end));
        let mut last_end: Option<usize> = None;
        for r in sorted {
            let start = match last_end {
                Some(e) if r.end <= e => continue,
                Some(e) if r.start < e => e,
                _ => r.start,
            };
            if let Some(e) = last_end {
                let between = text.get(e..start).unwrap_or("x");
                if !between.chars().all(char::is_whitespace) {
                    s.push(BREAK, e..e);
                }
            }
            s.read(text, start, r.end);
            last_end = Some(r.end);
        }
        s
    }

    fn push(&mut self, c: char, span: Range<usize>) {
        self.chars.push(c);
        self.spans.push(span);
    }

    /// Reads `text[start..end]`: whitespace, page numbers (`-4-` alone on a line) and
    /// HTML tags left out, full-width digits and points made ASCII. A heading line
    /// (`四、政府信息公开申请情况`) stands apart: no sentence runs into or out of it.
    fn read(&mut self, text: &str, start: usize, end: usize) {
        let Some(part) = text.get(start..end) else {
            return;
        };
        let mut iter = part.char_indices().peekable();
        let mut line_start = true;
        let mut in_heading = false;
        while let Some((off, c)) = iter.next() {
            let at = start + off;
            if line_start {
                let rest = part.get(off..).unwrap_or("");
                if let Some(skip) = page_number(rest) {
                    // Skip the marker's bytes.
                    while iter.peek().is_some_and(|(o, _)| *o < off + skip) {
                        iter.next();
                    }
                    continue;
                }
                if heading_line(rest) {
                    self.push(BREAK, at..at);
                    in_heading = true;
                }
            }
            line_start = c == '\n';
            if c == '\n' && in_heading {
                self.push(BREAK, at..at);
                in_heading = false;
            }
            if c.is_whitespace() || c == '\u{feff}' {
                continue;
            }
            if c == '<' {
                if let Some(len) = html_tag(part.get(off..).unwrap_or("")) {
                    while iter.peek().is_some_and(|(o, _)| *o < off + len) {
                        iter.next();
                    }
                    continue;
                }
            }
            let len = c.len_utf8();
            let c = match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' => '.',
                other => other,
            };
            self.push(c, at..at + len);
        }
        if in_heading {
            self.push(BREAK, end..end);
        }
    }

    fn digit(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(char::is_ascii_digit)
    }

    /// The number starting at `i`: digits, thousands separators (`1,234`) and a
    /// decimal point. Returns the index after it and its value; `plain` is scratch.
    fn number(&self, i: usize, plain: &mut String) -> (usize, Option<Decimal>) {
        let mut j = i;
        plain.clear();
        let mut seen_point = false;
        while let Some(&c) = self.chars.get(j) {
            if c.is_ascii_digit() {
                plain.push(c);
                j += 1;
            } else if c == ','
                && (1..=3).all(|k| self.digit(j + k))
                && !self.digit(j + 4)
                && !seen_point
            {
                j += 1;
            } else if c == '.' && !seen_point && self.digit(j + 1) {
                seen_point = true;
                plain.push('.');
                j += 1;
            } else {
                break;
            }
        }
        (j, Decimal::from_str(plain).ok())
    }

    /// The text between indices `a..b` of the stream, as normalised.
    fn slice(&self, r: Range<usize>) -> String {
        self.chars
            .get(r)
            .map(|cs| cs.iter().collect())
            .unwrap_or_default()
    }

    /// The original text of stream indices `r`, as written.
    fn original(&self, text: &str, r: Range<usize>) -> String {
        let (Some(first), Some(last)) = (
            self.spans.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.spans.get(e)),
        ) else {
            return String::new();
        };
        text.get(first.start..last.end.max(first.start))
            .unwrap_or("")
            .to_owned()
    }

    fn byte_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.spans.get(r.start).map_or(0, |s| s.start);
        let end = r
            .end
            .checked_sub(1)
            .and_then(|e| self.spans.get(e))
            .map_or(start, |s| s.end);
        start..end.max(start)
    }
}

/// `-4-` or `- 4 -` alone on a line (pdftotext page numbers): its length in bytes,
/// newline excluded.
fn page_number(rest: &str) -> Option<usize> {
    let line = rest.split('\n').next().unwrap_or("");
    let t = line.trim();
    let inner = t.strip_prefix('-')?.strip_suffix('-')?.trim();
    (!inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_ascii_digit()))
        .then_some(line.len())
}

/// A short line that reads as a heading: `四、…`, `（三）…`, `(三)…` or a markdown `#`,
/// with no sentence punctuation inside.
fn heading_line(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("").trim();
    if line.chars().count() > 40 || line.is_empty() {
        return false;
    }
    let body = line.trim_end_matches(['。', '：', ':']);
    if body.contains(['，', ',', '。', '；', ';']) {
        return false;
    }
    const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let numbered = |s: &str, close: char| {
        let n = s.chars().take_while(|c| NUMERALS.contains(c)).count();
        n > 0 && s.chars().nth(n) == Some(close)
    };
    line.starts_with('#')
        || numbered(line, '、')
        || line.strip_prefix('（').is_some_and(|s| numbered(s, '）'))
        || line.strip_prefix('(').is_some_and(|s| numbered(s, ')'))
}

/// An HTML tag (`<p style="…">`, `</p>`, `<br/>`) at the start of `rest`: its length.
fn html_tag(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    for (i, c) in chars.take(400) {
        match c {
            '>' => return Some(i + 1),
            '<' => return None,
            _ => {}
        }
    }
    None
}

/// Ends a clause: the words that decide what a number counts stand within one.
fn clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '（'
            | '('
            | '）'
            | ')'
            | '！'
            | '!'
            | '？'
            | '?'
            | BREAK
    )
}

/// Ends a sentence.
fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '!' | '？' | '?' | BREAK)
}

/// At most this many characters of a clause are read on either side of a number.
const MAX_CLAUSE: usize = 80;

struct Found {
    kind: FactKind,
    value: Decimal,
    unit: &'static str,
    /// Byte range of the number.
    number: Range<usize>,
    /// Stream indices of the words the fact was read from.
    text: Range<usize>,
}

/// What the stream says around the number at `start..end`.
struct Context {
    /// The clause before the number, back to a clause end or another number.
    near: String,
    /// The clause before the number, back to a clause end.
    clause: String,
    /// The clause after the unit, up to a clause end or another number.
    after: String,
    /// The sentence up to the number, and the sentence before it.
    sentence: String,
    previous: String,
    /// A parenthetical right after the unit (`（含上年结转2件）`).
    paren_after: String,
    /// The clause follows `其中，`: it counts a part of something.
    after_qizhong: bool,
    near_start: usize,
    after_end: usize,
}

fn context(s: &Stream, start: usize, unit_end: usize) -> Context {
    // Back to a clause end or a digit; a parenthetical right before the number is
    // read as part of the clause (`申请（含上年结转）200件`).
    let mut a = start;
    while a > 0 && start - a < MAX_CLAUSE {
        let c = s.chars[a - 1];
        if c == '）' || c == ')' {
            if a == start {
                // Jump over the parenthetical.
                let mut b = a - 1;
                while b > 0 && !matches!(s.chars[b - 1], '（' | '(') && a - b < MAX_CLAUSE {
                    b -= 1;
                }
                if b == 0 || !matches!(s.chars[b - 1], '（' | '(') {
                    break;
                }
                a = b - 1;
                continue;
            }
            break;
        }
        if clause_end(c) || c.is_ascii_digit() {
            break;
        }
        a -= 1;
    }
    let mut c0 = a;
    while c0 > 0 && start - c0 < MAX_CLAUSE && !clause_end(s.chars[c0 - 1]) {
        c0 -= 1;
    }
    let mut b = unit_end;
    while b < s.chars.len()
        && b - unit_end < MAX_CLAUSE
        && !clause_end(s.chars[b])
        && !s.chars[b].is_ascii_digit()
    {
        b += 1;
    }
    let mut paren_after = String::new();
    if matches!(s.chars.get(unit_end), Some('（' | '(')) {
        let mut e = unit_end + 1;
        while e < s.chars.len() && e - unit_end < MAX_CLAUSE && !matches!(s.chars[e], '）' | ')') {
            e += 1;
        }
        paren_after = s.slice(unit_end + 1..e);
    }
    let mut q = start;
    while q > 0 && start - q < 4 * MAX_CLAUSE && !sentence_end(s.chars[q - 1]) {
        q -= 1;
    }
    let mut p = q.saturating_sub(1);
    while p > 0 && q - p < 4 * MAX_CLAUSE && !sentence_end(s.chars[p - 1]) {
        p -= 1;
    }
    let previous = if q > 0 && s.chars[q - 1] != BREAK {
        s.slice(p..q)
    } else {
        String::new()
    };
    let after_qizhong = c0 >= 3 && s.slice(c0 - 3..c0 - 1) == "其中";
    Context {
        after_qizhong,
        near: s.slice(a..start),
        clause: s.slice(c0..start),
        after: s.slice(unit_end..b),
        sentence: s.slice(q..start),
        previous,
        paren_after,
        near_start: a,
        after_end: b,
    }
}

fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// `申请` as a noun about applications, not `申请人`.
fn mentions_application(text: &str) -> bool {
    text.match_indices("申请")
        .any(|(i, w)| !text[i + w.len()..].starts_with('人'))
        || text.contains("依申请")
}

const RECEIVE: &[&str] = &["收到", "受理", "接收", "新收", "接到", "收悉"];
const ANSWER: &[&str] = &["答复", "办结", "办理", "办复"];
/// Words that make a number a change, a share or a comparison, not a count.
const CHANGE: &[&str] = &[
    "增加",
    "减少",
    "增长",
    "下降",
    "上升",
    "回落",
    "较上年",
    "较去年",
    "同比",
    "环比",
    "占",
];
/// Words that make a clause about something other than applications.
const NOT_APPLICATIONS: &[&str] = &[
    "投诉",
    "咨询",
    "留言",
    "建议",
    "提案",
    "信访",
    "来电",
    "来信",
    "文件",
    "信息条",
];
/// Words that say what kind of thing a number counts; a clause before the number with
/// none of them leaves the kind to the words after the number (`有1件…行政复议`).
const KIND_WORDS: &[&str] = &[
    "申请", "公开", "提供", "处理", "结转", "顺延", "复议", "诉讼", "答复", "办结",
];

fn read_number(s: &Stream, start: usize, end: usize, value: Option<Decimal>) -> Option<Found> {
    let value = value?;
    // The unit right after the number.
    let (unit, unit_end) = match (s.chars.get(end), s.chars.get(end + 1)) {
        (Some('件'), next) => {
            if matches!(next, Some('次')) {
                return None;
            }
            ("件", end + 1)
        }
        (Some('元'), _) => ("元", end + 1),
        (Some('万'), Some('元')) => ("万元", end + 2),
        _ => return None,
    };
    // Not part of a longer token (`第3件`, `1-2件`, `12.5%`).
    if start > 0 && matches!(s.chars[start - 1], '第' | '-' | '.' | '约' | '近' | '超') {
        return None;
    }
    let cx = context(s, start, unit_end);
    let number = s.byte_range(start..end);
    // The words read: the clause before, and the words after when they decided.
    let words_end = if any(&cx.near, KIND_WORDS) {
        unit_end
    } else {
        cx.after_end.max(unit_end)
    };
    let words = cx.near_start..words_end;
    let found = |kind| Found {
        kind,
        value,
        unit,
        number: number.clone(),
        text: words.clone(),
    };
    if unit != "件" {
        let fee = any(&cx.near, &["处理费"]) && !any(&cx.near, &["未", "无", "不", "免"]);
        return fee.then(|| found(FactKind::ProcessingFee));
    }
    if !value.fract().is_zero() || value.is_sign_negative() {
        return None;
    }
    if any(&cx.near, CHANGE) || any(&cx.after, CHANGE) {
        return None;
    }
    classify(&cx).map(found)
}

fn classify(cx: &Context) -> Option<FactKind> {
    // The words that say what is counted: before the number, or after it when the
    // clause puts the number first (`另有2件申请…顺延到下年度答复`).
    let number_first = !any(&cx.near, KIND_WORDS);
    let k: &str = if number_first { &cx.after } else { &cx.near };
    let all = format!("{}{}", cx.near, cx.after);
    if any(&all, NOT_APPLICATIONS) {
        return None;
    }
    let about_disclosure = any(&cx.clause, &["信息公开"])
        || any(&cx.after, &["信息公开"])
        || any(&cx.sentence, &["信息公开"])
        || any(&cx.previous, &["信息公开"]);

    // Reviews and lawsuits.
    if any(k, &["复议", "诉讼"]) {
        if !about_disclosure || any(k, &["起诉", "结果", "纠正", "维持", "审结"]) {
            return None;
        }
        let review = k.contains("行政复议");
        let lawsuit = k.contains("诉讼");
        return match (review, lawsuit) {
            (true, true) => any(
                k,
                &[
                    "复议和诉讼",
                    "复议、诉讼",
                    "复议及诉讼",
                    "复议与诉讼",
                    "复议和行政诉讼",
                    "复议、行政诉讼",
                    "复议及行政诉讼",
                    "复议与行政诉讼",
                ],
            )
            .then_some(FactKind::ReviewsAndLawsuits),
            (true, false) => Some(FactKind::Reviews),
            (false, true) if k.contains("行政诉讼") => Some(FactKind::Lawsuits),
            _ => None,
        };
    }

    // Applications: the clause, its sentence or (for a sentence that goes on with
    // `其中，…`) the sentence before must be about them.
    let in_sentence = mentions_application(&cx.clause)
        || mentions_application(&cx.after)
        || mentions_application(&cx.sentence);
    if !in_sentence && !mentions_application(&cx.previous) {
        return None;
    }
    let subset = cx.after_qizhong || cx.clause.starts_with("其中") || cx.near.starts_with("其中");

    // Carried forward to next year.
    if any(k, &["顺延", "结转", "转入", "转至", "转到", "转"])
        && any(k, &["下年", "下一年", "下一个年度", "次年", "明年"])
    {
        return Some(FactKind::CarriedForward);
    }
    // Carried over from last year.
    if k.contains("结转") && any(k, &["上年", "上一年", "去年", "上一个年度"]) {
        if any(k, RECEIVE) && k.contains('含') {
            return (!subset).then_some(FactKind::ReceivedWithCarriedOver);
        }
        if k.contains('含') && any(k, ANSWER) {
            return None;
        }
        return Some(FactKind::CarriedOver);
    }

    // Results: exactly one kind named.
    let partly = k.contains("部分公开");
    let full = any(k, &["予以公开", "同意公开", "全部公开", "准予公开"]);
    let mut kinds = Vec::new();
    match (full, partly) {
        (true, true) => kinds.push(FactKind::GrantedOrPartlyGranted),
        (true, false) => kinds.push(FactKind::Granted),
        (false, true) => kinds.push(FactKind::PartlyGranted),
        (false, false) => {}
    }
    if k.contains("不予公开") {
        kinds.push(FactKind::Withheld);
    }
    if k.contains("无法提供") {
        kinds.push(FactKind::Unavailable);
    }
    if k.contains("不予处理") {
        kinds.push(FactKind::NotProcessed);
    }
    if k.contains("其他处理") {
        kinds.push(FactKind::OtherHandling);
    }
    match kinds.as_slice() {
        [one] => return Some(*one),
        [] => {}
        _ => return None,
    }
    if subset || !in_sentence {
        return None;
    }

    // Received or answered. In a number-first clause the verb stands before the
    // number (`本年度新收1件政府信息公开申请并答复`).
    let verb: &str = if number_first { &cx.near } else { k };
    let receive = any(verb, RECEIVE);
    let answer = any(verb, ANSWER);
    let application_here = mentions_application(k) || mentions_application(verb);
    match (receive, answer) {
        (true, false) if application_here => {
            let with_carried = cx.paren_after.starts_with('含')
                && cx.paren_after.contains("结转")
                && any(&cx.paren_after, &["上年", "上一年", "去年"]);
            Some(if with_carried {
                FactKind::ReceivedWithCarriedOver
            } else {
                FactKind::NewReceived
            })
        }
        (false, true) => Some(FactKind::ResultsTotal),
        _ => None,
    }
}

/// Negations that say no application was received.
const NONE_RECEIVED: &[&str] = &[
    "未收到",
    "没有收到",
    "未接到",
    "没有接到",
    "未接收到",
    "未受理",
    "没有受理",
];

/// `未收到…申请` at stream index `i`: the location of the negation and the words.
fn no_applications(s: &Stream, i: usize) -> Option<(Range<usize>, Range<usize>)> {
    let first = *s.chars.get(i)?;
    if !matches!(first, '未' | '没' | '无') {
        return None;
    }
    let head = s.slice(i..(i + 5).min(s.chars.len()));
    let negation_len = if let Some(w) = NONE_RECEIVED.iter().find(|w| head.starts_with(**w)) {
        w.chars().count()
    } else if first == '无' {
        // `无政府信息公开申请`, `无依申请公开` only.
        let rest = s.slice(i + 1..(i + 12).min(s.chars.len()));
        if !(rest.starts_with("政府信息公开申请")
            || rest.starts_with("信息公开申请")
            || rest.starts_with("依申请公开"))
        {
            return None;
        }
        1
    } else {
        return None;
    };
    // The rest of the clause must name applications, and nothing else.
    let mut e = i + negation_len;
    while e < s.chars.len() && e - i < 30 && !clause_end(s.chars[e]) {
        e += 1;
    }
    let clause = s.slice(i + negation_len..e);
    let upto = clause.find("申请").map(|p| &clause[..p]).unwrap_or(&clause);
    if !mentions_application(&clause)
        || any(upto, &["复议", "诉讼", "投诉", "咨询", "留言", "结转"])
        || !any(&clause, &["信息公开", "依申请"])
    {
        return None;
    }
    Some((s.byte_range(i..i + negation_len), i..e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locate(start: usize, end: usize) -> Location {
        Location {
            start,
            end,
            line: 0,
            column: 0,
        }
    }

    /// The facts of `text` read as one paragraph.
    fn read_all(text: &str) -> Vec<Fact> {
        let whole = 0..text.len();
        extract_facts(text, std::slice::from_ref(&whole), &locate)
    }

    /// The facts of `text` read as one paragraph, as (kind, value) with the number as
    /// written at its location.
    fn facts(text: &str) -> Vec<(FactKind, i64)> {
        read_all(text)
            .into_iter()
            .map(|f| {
                let written: String = text[f.location.range()]
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != ',')
                    .map(|c| match c {
                        '０'..='９' => {
                            char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                        }
                        c => c,
                    })
                    .collect();
                assert_eq!(
                    written.parse::<Decimal>().ok(),
                    Some(f.value),
                    "location of {f:?}"
                );
                (f.kind, i64::try_from(f.value).unwrap_or(-1))
            })
            .collect()
    }

    use FactKind::*;

    #[test]
    fn seed_003_received_answered_carried_and_results() {
        let text = "市政府办公室代表市政府全年共受理政府信息公开申请198件,信息公开投诉16件、咨询100余件,申请数量较去年回落19.8%,答复政府信息公开申请198件(含上年度结转申请2件,另有2件申请按照《条例》顺延到下年度答复),均在法定期限内予以答复。其中,予以公开及部分公开149件,占75.2%;不予公开9件,占4.5%;因本机关不掌握等原因无法提供35件,占17.6%;不予处理5件,占2.5%;其他处理0件。市政府办公室全年办理市政府信息公开行政复议和诉讼案件25件(连续五年零败诉)";
        assert_eq!(
            facts(text),
            [
                (NewReceived, 198),
                (ResultsTotal, 198),
                (CarriedOver, 2),
                (CarriedForward, 2),
                (GrantedOrPartlyGranted, 149),
                (Withheld, 9),
                (Unavailable, 35),
                (NotProcessed, 5),
                (OtherHandling, 0),
                (ReviewsAndLawsuits, 25),
            ]
        );
    }

    #[test]
    fn huaian_2024_wrapped_lines_and_spaced_numbers() {
        let text = "和针对性。2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。";
        assert_eq!(
            facts(text),
            [
                (NewReceived, 3119),
                (ResultsTotal, 3050),
                (CarriedOver, 34),
                (CarriedForward, 103),
                (Reviews, 351),
                (Lawsuits, 46),
            ]
        );
        let fee = "      2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。";
        let found = read_all(fee);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ProcessingFee);
        assert_eq!(found[0].unit.as_deref(), Some("元"));
        assert_eq!(&fee[found[0].location.range()], "3940");
    }

    #[test]
    fn kewei_2024_markdown_from_pdf() {
        let text = "好环境。2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为\n0 件。\n\n全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。所有办结的信息公开\n申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2\n件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一\n年度办理答复的有 1 件。\n截至 2024 年 12 月\n31 日，市科委通过部门网站当年发布政府信息 393 件，其中包\n括：行政规范性文件 13 件；规划计划文件 2 件；主合办人大代表建议 50 件。";
        assert_eq!(
            facts(text),
            [
                (Reviews, 1),
                (Lawsuits, 0),
                (NewReceived, 34),
                (CarriedOver, 2),
                (Granted, 9),
                (PartlyGranted, 0),
                (Withheld, 2),
                (Unavailable, 10),
                (NotProcessed, 0),
                (OtherHandling, 14),
                (CarriedForward, 1),
            ]
        );
    }

    #[test]
    fn pingtan_2023_html_paragraphs() {
        let text = "<p style=\"text-indent: 2em;\">2023年全区共主动公开政府信息13561条。一是做好规范性文件公开。清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。</p><p style=\"text-indent: 2em;\">持续强化服务理念。2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。</p>";
        assert_eq!(
            facts(text),
            [
                (NewReceived, 81),
                (ResultsTotal, 81),
                (GrantedOrPartlyGranted, 42),
                (Withheld, 5),
                (Unavailable, 31),
                (NotProcessed, 1),
                (OtherHandling, 2),
                (Reviews, 2),
                (Lawsuits, 7),
            ]
        );
    }

    #[test]
    fn seed_002_number_before_the_noun() {
        let text = "本年度新收1件政府信息公开申请并答复，共完成人大代表议案、建议和党代会、政协委员提案9件，其中人大4件。";
        assert_eq!(facts(text), [(NewReceived, 1)]);
    }

    #[test]
    fn no_applications_and_what_is_not_a_fact() {
        let text =
            "2023年，我局未收到信息公开申请，未发生针对局政府信息公开事务的行政复议及行政诉讼。";
        let found = read_all(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, NoApplications);
        assert_eq!(&text[found[0].location.range()], "未收到");
        assert_eq!(found[0].text, "未收到信息公开申请");

        for text in [
            "全年收到留言数量 465 条，均及时回复办理，全年未出现申请件漏答、迟答等问题。",
            "其中，通过网络收到申请20件。",
            "申请数量较上年增加12件。",
            "本年度复议后起诉3件。",
            "未收到行政复议申请。",
            "发布政府信息 393 件，行政规范性文件 13 件。",
            "2023年，无收取信息处理费情况。",
            "全年共受理并答复政府信息公开申请10件。",
            "全年申请中予以公开和不予公开共12件。",
        ] {
            assert_eq!(facts(text), [], "{text}");
        }
    }

    #[test]
    fn received_counting_carried_over() {
        assert_eq!(
            facts("全年共收到政府信息公开申请200件（含上年结转申请5件）。"),
            [(ReceivedWithCarriedOver, 200), (CarriedOver, 5)]
        );
        assert_eq!(
            facts("共收到政府信息公开申请（含上年结转）２０５件。"),
            [(ReceivedWithCarriedOver, 205)]
        );
    }

    #[test]
    fn sentences_do_not_cross_ranges_that_do_not_touch() {
        let text = "全年收到政府信息公开\n| 表格 |\n申请 34 件";
        let a = 0..text.find('\n').unwrap_or(0);
        let b = text.rfind('\n').map_or(0, |i| i + 1)..text.len();
        let found = extract_facts(text, &[a.clone(), b.clone()], &locate);
        assert!(found.is_empty(), "{found:?}");
        // Only whitespace between: one run.
        let text = "全年收到政府信息公开\n\n申请 34 件";
        let a = 0..text.find('\n').unwrap_or(0);
        let b = text.rfind('\n').map_or(0, |i| i + 1)..text.len();
        let found = extract_facts(text, &[a, b], &locate);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].location.range()], "34");
        // Out of bounds and inside a character: ignored, no panic.
        assert!(extract_facts(text, &[0..1, 5..10_000], &locate).is_empty());
    }

    #[test]
    fn a_heading_line_does_not_lend_its_words_to_the_next_sentence() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n本年度收到3件。\n四、政府信息公开申请情况\n全年收到政府信息公开申请 34 件";
        let found = read_all(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, NewReceived);
        assert_eq!(found[0].text, "全年收到政府信息公开申请 34 件");
    }

    #[test]
    fn page_numbers_between_wrapped_lines_are_skipped() {
        let text = "全年共受理政府信息公开申请 10 件，答\n\n  -4-\n\n复 9 件。";
        assert_eq!(facts(text), [(NewReceived, 10), (ResultsTotal, 9)]);
    }

    #[test]
    fn corpus_reports_agree_with_their_tables() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
        let cases: [(&str, &[(FactKind, i64)]); 3] = [
            (
                "huaian-2024.txt",
                &[
                    (NewReceived, 3119),
                    (ResultsTotal, 3050),
                    (CarriedOver, 34),
                    (CarriedForward, 103),
                    (Reviews, 351),
                    (Lawsuits, 46),
                    (ProcessingFee, 3940),
                ],
            ),
            (
                "kewei-2024.md",
                &[
                    (Reviews, 1),
                    (Lawsuits, 0),
                    (NewReceived, 34),
                    (CarriedOver, 2),
                    (Granted, 9),
                    (PartlyGranted, 0),
                    (Withheld, 2),
                    (Unavailable, 10),
                    (NotProcessed, 0),
                    (OtherHandling, 14),
                    (CarriedForward, 1),
                ],
            ),
            (
                "pingtan-2023.html",
                &[
                    (NewReceived, 81),
                    (ResultsTotal, 81),
                    (GrantedOrPartlyGranted, 42),
                    (Withheld, 5),
                    (Unavailable, 31),
                    (NotProcessed, 1),
                    (OtherHandling, 2),
                    (Reviews, 2),
                    (Lawsuits, 7),
                ],
            ),
        ];
        for (name, expected) in cases {
            let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
                eprintln!("skipped {name}: ../shared/corpus is absent");
                continue;
            };
            // The whole file as one run: tables hold no `N件`.
            assert_eq!(facts(&text), expected, "{name}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text_or_range(
            text in "[0-9０-９,.件元万申请收到受理答复结转上下一年度顺延复议诉讼其中予以部分不公开未无，。；（）()<>p/ \n-]{0,80}|\\PC{0,80}",
            a in 0usize..120,
            b in 0usize..120,
        ) {
            let _ = extract_facts(&text, &[a..b, b..a, 0..text.len()], &locate);
        }
    }
}
