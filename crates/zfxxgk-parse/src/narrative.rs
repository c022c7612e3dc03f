//! Facts stated in the narrative: numbers of applications, results, reviews, lawsuits
//! and fees that the text restates (RULES.md N001–N004).
//!
//! The text is read as a stream of characters without whitespace, in windows around
//! the characters a fact is read from (see the `stream` module). Then each number
//! followed by `件` (or `元`, `万元` for fees) is classified by the words of its clause.
//! Precision comes first: a number whose clause is ambiguous, a subset (`其中…`) or a
//! change (`较上年增加…`) is not a fact.

use std::ops::Range;

use zfxxgk_model::{Decimal, Fact, FactKind, Location};

use crate::normalize::{char_bits, has_any};
use crate::stream::{self, Mark, Skim, Stream, BREAK};

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
    let mut facts = Vec::new();
    let mut plain = String::new();
    let mut words = String::new();
    stream::windows(text, ranges, &SKIM, |s, core| {
        read_window(text, s, core, locate, &mut plain, &mut words, &mut facts);
    });
    facts
}

/// Where facts are read from, and how far around it `context` and `no_applications`
/// look. A fact is a number right before `件`, `元` or `万元` (all in one segment), or a
/// negation that starts one of `NONE_RECEIVED` or `无` + `NONE_LISTED`. Ahead, `context`
/// reads at most the `MAX_CLAUSE` characters after the unit (the clause, or a
/// parenthetical), `no_applications` 30 after the negation. Behind the number,
/// `context` reads back to the start of the sentence before it, at most
/// 4 × `MAX_CLAUSE` characters for each of the two sentences; never further than
/// `MAX_CLAUSE` + 4 characters otherwise (the clause before it with a parenthetical
/// jumped over, and `其中` before the clause's comma). So a window with that many
/// characters before its first number, two of them sentence ends, reads each number as
/// the whole stream does.
const SKIM: Skim = Skim {
    marks: &[
        Mark {
            c: '件',
            before: true,
            next_to: written_digit,
        },
        Mark {
            c: '元',
            before: true,
            next_to: |c| written_digit(c) || c == '万',
        },
        Mark {
            c: '未',
            before: false,
            next_to: |c| matches!(c, '收' | '接' | '受'),
        },
        Mark {
            c: '没',
            before: false,
            next_to: |c| c == '有',
        },
        Mark {
            c: '无',
            before: false,
            next_to: |c| matches!(c, '政' | '信' | '依'),
        },
    ],
    ahead: MAX_CLAUSE,
    behind: 8 * MAX_CLAUSE,
    near: MAX_CLAUSE + 4,
    stops: 2,
    stop: sentence_end,
};

/// A digit as written, before the stream makes it ASCII.
fn written_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// Reads the facts that start at indices `core` of the window `s`; `plain` and `words`
/// are scratch.
fn read_window(
    text: &str,
    s: &Stream,
    core: Range<usize>,
    locate: &dyn Fn(usize, usize) -> Location,
    plain: &mut String,
    words: &mut String,
    facts: &mut Vec<Fact>,
) {
    let mut i = core.start;
    while i < core.end {
        if s.digit(i) {
            let (end, value) = s.number(i, plain);
            if let Some(found) = read_number(s, i, end, value, words) {
                let location = locate(found.number.start, found.number.end);
                facts.push(Fact {
                    kind: found.kind,
                    value: found.value,
                    unit: Some(found.unit.to_owned()),
                    location,
                    text: s.original(text, found.text),
                });
            }
            i = end.max(i + 1);
        } else {
            if let Some((at, words)) = no_applications(s, i) {
                facts.push(Fact {
                    kind: FactKind::NoApplications,
                    value: Decimal::ZERO,
                    unit: None,
                    location: locate(at.start, at.end),
                    text: s.original(text, words),
                });
            }
            i += 1;
        }
    }
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
    // Most characters are ideographs, which end nothing.
    !('\u{4e00}'..='\u{9fff}').contains(&c) && matches!(c, '。' | '！' | '!' | '？' | '?' | BREAK)
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

/// What the stream says around the number at `start..end`: its characters, borrowed.
struct Context<'a> {
    /// The clause before the number, back to a clause end or another number.
    near: Words<'a>,
    /// The clause before the number, back to a clause end.
    clause: &'a [char],
    /// The clause after the unit, up to a clause end or another number.
    after: Words<'a>,
    /// `near` and `after` as one text, without the number between them.
    near_after: &'a str,
    /// The sentence up to the number, and the sentence before it.
    sentence: &'a [char],
    previous: &'a [char],
    /// A parenthetical right after the unit (`（含上年结转2件）`).
    paren_after: &'a [char],
    /// The clause follows `其中，`: it counts a part of something.
    after_qizhong: bool,
    /// `near` holds none of `KIND_WORDS`: the words after the number say what it
    /// counts.
    number_first: bool,
    near_start: usize,
    after_end: usize,
}

/// Characters of the stream, and the same as text (for the clauses that many words
/// are looked for in) with its [`char_bits`].
#[derive(Clone, Copy)]
struct Words<'a> {
    chars: &'a [char],
    text: &'a str,
    bits: u64,
}

/// Whether the [`Words`] `$w` hold any of the phrases `$words`.
macro_rules! says {
    ($w:expr, $words:expr) => {{
        let w: Words = $w;
        has_any!(w.text, bits: w.bits, $words)
    }};
}

/// The context of the number at `start` whose unit ends at `unit_end`; `scratch` holds
/// the text of its `near` and `after`.
fn context<'a>(
    s: &'a Stream,
    start: usize,
    unit_end: usize,
    scratch: &'a mut String,
) -> Context<'a> {
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
    let chars = |r: Range<usize>| s.chars.get(r).unwrap_or_default();
    let mut paren_after: &[char] = &[];
    if matches!(s.chars.get(unit_end), Some('（' | '(')) {
        let mut e = unit_end + 1;
        while e < s.chars.len() && e - unit_end < MAX_CLAUSE && !matches!(s.chars[e], '）' | ')') {
            e += 1;
        }
        paren_after = chars(unit_end + 1..e);
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
        chars(p..q)
    } else {
        &[]
    };
    let after_qizhong = c0 >= 3 && s.chars.get(c0 - 3..c0 - 1) == Some(&['其', '中'][..]);
    let (near, after) = (chars(a..start), chars(unit_end..b));
    scratch.clear();
    scratch.extend(near);
    let split = scratch.len();
    scratch.extend(after);
    let near_after: &'a str = scratch;
    let near = Words {
        chars: near,
        text: near_after.get(..split).unwrap_or_default(),
        bits: char_bits(near.iter().copied()),
    };
    let after = Words {
        chars: after,
        text: near_after.get(split..).unwrap_or_default(),
        bits: char_bits(after.iter().copied()),
    };
    Context {
        after_qizhong,
        number_first: !says!(near, KIND_WORDS),
        near,
        clause: chars(c0..start),
        after,
        near_after,
        sentence: chars(q..start),
        previous,
        paren_after,
        near_start: a,
        after_end: b,
    }
}

/// Whether the characters `cs` hold `word`.
fn holds(cs: &[char], word: &[char]) -> bool {
    let Some((first, rest)) = word.split_first() else {
        return true;
    };
    cs.iter()
        .enumerate()
        .any(|(i, c)| c == first && cs.get(i + 1..).is_some_and(|r| r.starts_with(rest)))
}

/// `申请` as a noun about applications, not `申请人` (but `依申请人…` is).
fn mentions_application(cs: &[char]) -> bool {
    cs.iter().enumerate().any(|(i, c)| {
        *c == '申'
            && cs.get(i + 1) == Some(&'请')
            && (cs.get(i + 2) != Some(&'人')
                || i.checked_sub(1).and_then(|h| cs.get(h)) == Some(&'依'))
    })
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

fn read_number(
    s: &Stream,
    start: usize,
    end: usize,
    value: Option<Decimal>,
    scratch: &mut String,
) -> Option<Found> {
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
    let cx = context(s, start, unit_end, scratch);
    let number = s.byte_range(start..end);
    // The words read: the clause before, and the words after when they decided.
    let words_end = if !cx.number_first {
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
        let fee = says!(cx.near, ["处理费"]) && !says!(cx.near, ["未", "无", "不", "免"]);
        return fee.then(|| found(FactKind::ProcessingFee));
    }
    if !value.fract().is_zero() || value.is_sign_negative() {
        return None;
    }
    if says!(cx.near, CHANGE) || says!(cx.after, CHANGE) {
        return None;
    }
    classify(&cx).map(found)
}

fn classify(cx: &Context) -> Option<FactKind> {
    // The words that say what is counted: before the number, or after it when the
    // clause puts the number first (`另有2件申请…顺延到下年度答复`).
    let number_first = cx.number_first;
    let k = if number_first { cx.after } else { cx.near };
    if has_any!(cx.near_after, bits: cx.near.bits | cx.after.bits, NOT_APPLICATIONS) {
        return None;
    }

    // Reviews and lawsuits.
    if says!(k, ["复议", "诉讼"]) {
        const DISCLOSURE: &[char] = &['信', '息', '公', '开'];
        let about_disclosure = holds(cx.clause, DISCLOSURE)
            || says!(cx.after, ["信息公开"])
            || holds(cx.sentence, DISCLOSURE)
            || holds(cx.previous, DISCLOSURE);
        if !about_disclosure || says!(k, ["起诉", "结果", "纠正", "维持", "审结"]) {
            return None;
        }
        let review = says!(k, ["行政复议"]);
        let lawsuit = says!(k, ["诉讼"]);
        return match (review, lawsuit) {
            (true, true) => says!(
                k,
                [
                    "复议和诉讼",
                    "复议、诉讼",
                    "复议及诉讼",
                    "复议与诉讼",
                    "复议和行政诉讼",
                    "复议、行政诉讼",
                    "复议及行政诉讼",
                    "复议与行政诉讼",
                ]
            )
            .then_some(FactKind::ReviewsAndLawsuits),
            (true, false) => Some(FactKind::Reviews),
            (false, true) if says!(k, ["行政诉讼"]) => Some(FactKind::Lawsuits),
            _ => None,
        };
    }

    // Applications: the clause, its sentence or (for a sentence that goes on with
    // `其中，…`) the sentence before must be about them.
    let in_sentence = mentions_application(cx.clause)
        || mentions_application(cx.after.chars)
        || mentions_application(cx.sentence);
    if !in_sentence && !mentions_application(cx.previous) {
        return None;
    }
    let subset = cx.after_qizhong
        || cx.clause.starts_with(&['其', '中'])
        || cx.near.text.starts_with("其中");

    // Carried forward to next year (`结转`, `转入`, `转至`, `转到` all hold `转`).
    if says!(k, ["顺延", "转"]) && says!(k, ["下年", "下一年", "下一个年度", "次年", "明年"])
    {
        return Some(FactKind::CarriedForward);
    }
    // Carried over from last year.
    if says!(k, ["结转"]) && says!(k, ["上年", "上一年", "去年", "上一个年度"]) {
        let with = k.chars.contains(&'含');
        if says!(k, RECEIVE) && with {
            return (!subset).then_some(FactKind::ReceivedWithCarriedOver);
        }
        if with && says!(k, ANSWER) {
            return None;
        }
        return Some(FactKind::CarriedOver);
    }

    // Results: exactly one kind named.
    let partly = says!(k, ["部分公开"]);
    let full = says!(k, ["予以公开", "同意公开", "全部公开", "准予公开"]);
    let mut kinds = Vec::new();
    match (full, partly) {
        (true, true) => kinds.push(FactKind::GrantedOrPartlyGranted),
        (true, false) => kinds.push(FactKind::Granted),
        (false, true) => kinds.push(FactKind::PartlyGranted),
        (false, false) => {}
    }
    if says!(k, ["不予公开"]) {
        kinds.push(FactKind::Withheld);
    }
    if says!(k, ["无法提供"]) {
        kinds.push(FactKind::Unavailable);
    }
    if says!(k, ["不予处理"]) {
        kinds.push(FactKind::NotProcessed);
    }
    if says!(k, ["其他处理"]) {
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
    let verb = if number_first { cx.near } else { k };
    let receive = says!(verb, RECEIVE);
    let answer = says!(verb, ANSWER);
    let application_here = mentions_application(k.chars) || mentions_application(verb.chars);
    match (receive, answer) {
        (true, false) if application_here => {
            let paren = cx.paren_after;
            let with_carried = paren.first() == Some(&'含')
                && holds(paren, &['结', '转'])
                && (holds(paren, &['上', '年'])
                    || holds(paren, &['上', '一', '年'])
                    || holds(paren, &['去', '年']));
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

/// What may follow `无` to say that no application was received.
const NONE_LISTED: &[&str] = &["政府信息公开申请", "信息公开申请", "依申请公开"];

/// `未收到…申请` at stream index `i`: the location of the negation and the words.
fn no_applications(s: &Stream, i: usize) -> Option<(Range<usize>, Range<usize>)> {
    let first = *s.chars.get(i)?;
    if !matches!(first, '未' | '没' | '无') {
        return None;
    }
    let negation_len = if let Some(w) = NONE_RECEIVED.iter().find(|w| s.starts_with(i, w)) {
        w.chars().count()
    } else if first == '无' {
        // `无政府信息公开申请`, `无依申请公开` only.
        if !NONE_LISTED.iter().any(|w| s.starts_with(i + 1, w)) {
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
    let words = s.chars.get(i + negation_len..e).unwrap_or_default();
    let clause = s.slice(i + negation_len..e);
    let upto = clause.find("申请").map(|p| &clause[..p]).unwrap_or(&clause);
    if !mentions_application(words)
        || has_any!(upto, ["复议", "诉讼", "投诉", "咨询", "留言", "结转"])
        || !has_any!(clause, ["信息公开", "依申请"])
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
        for page in ["-4-", "— 5 —", "第 3 页", "3/12"] {
            let text = format!("全年共受理政府信息公开申请 10 件，答\n\n  {page}\n\n复 9 件。");
            assert_eq!(
                facts(&text),
                [(NewReceived, 10), (ResultsTotal, 9)],
                "{page:?}"
            );
            // A mark before a page number, and its word after it: the window that
            // reads the mark holds the word.
            let text = format!("本年度未\n{page}\n收到政府信息公开申请。");
            let whole = 0..text.len();
            let ranges = std::slice::from_ref(&whole);
            let found = extract_facts(&text, ranges, &locate);
            assert!(!found.is_empty(), "{page:?}");
            assert_eq!(found, read_whole(&text, ranges), "{page:?}");
        }
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

    /// What the whole stream says, read as one window: the facts `extract_facts` must
    /// find in its windows.
    fn read_whole(text: &str, ranges: &[Range<usize>]) -> Vec<Fact> {
        let s = stream::whole(text, ranges);
        let mut facts = Vec::new();
        let all = 0..s.chars.len();
        let (mut plain, mut words) = (String::new(), String::new());
        read_window(text, &s, all, &locate, &mut plain, &mut words, &mut facts);
        facts
    }

    /// Filler without marks, sentence ends or digits.
    const FILLER: &str = "本机关持续推进政务公开标准化规范化建设进一步完善工作机制";

    /// `n` characters of filler.
    fn filler(n: usize) -> String {
        FILLER.chars().cycle().take(n).collect()
    }

    /// A clause: words that decide what a number counts, filler of up to more than a
    /// window reads on either side, maybe a number and a unit, and words after it.
    fn clause() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        use proptest::sample::select;
        const LEADS: &[&str] = &[
            "",
            "全年共收到政府信息公开申请",
            "本年度受理依申请公开",
            "答复",
            "办结",
            "其中",
            "其中予以公开",
            "部分公开",
            "不予公开",
            "无法提供",
            "不予处理",
            "其他处理",
            "上年结转",
            "另有",
            "政府信息公开行政复议",
            "行政诉讼",
            "信息处理费",
            "收到投诉",
            "较上年增加",
            "第",
            "约",
            "未收到",
            "没有收到信息",
            "无",
            "无政府信息公开申请",
            "未<i>收到",
            "没\n- 3 -\n有收到",
            "无<br>\n政府信息公开申请",
            "(",
            "（含上年结转）",
        ];
        const NUMBERS: &[&str] = &[
            "", "", "3", "12", "１２", "0", "1,234", "12,34", "2.5", "7.",
        ];
        const UNITS: &[&str] = &["件", "件", "元", "万元", "万", "件次", "", "条"];
        const TAILS: &[&str] = &[
            "",
            "",
            "申请",
            "政府信息公开申请",
            "顺延到下年度答复",
            "行政复议",
            "咨询",
            "（含上年结转申请2件）",
            "（含上年",
            "结转）",
            "较上年增加",
            ")",
        ];
        let filler = prop_oneof![
            3 => 0usize..12,
            2 => 0usize..120,
            1 => 200usize..800,
        ]
        .prop_map(filler);
        (
            select(LEADS),
            filler.clone(),
            select(NUMBERS),
            select(UNITS),
            filler,
            select(TAILS),
        )
            .prop_map(|(lead, f1, n, unit, f2, tail)| [lead, &f1, n, unit, &f2, tail].concat())
    }

    /// One number and its unit, with words that decide what it counts at distances up
    /// to more than a window reads, before and after it, and line breaks, tags and page
    /// numbers inside the number and before its unit.
    fn far_context() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        use proptest::sample::select;
        const WORDS: &[&str] = &[
            "",
            "政府信息公开申请",
            "信息公开",
            "申请",
            "全年共收到政府信息公开申请",
            "其中，",
            "另有",
            "予以公开",
            "行政复议",
            "信息公开行政诉讼",
            "信息处理费",
            "投诉",
            "较上年增加",
            "（含上年结转申请",
            "）",
            "（",
        ];
        const ENDS: &[&str] = &["", "。", "，", "！", "\n", "\n三、标题\n", "<p>", "件"];
        const NUMBERS: &[&str] = &[
            "3",
            "１２",
            "1,234",
            "1,\n234",
            "2.\n5",
            "2．\n5",
            "１\n２",
            "1\n- 2 -\n3",
        ];
        const SEPARATORS: &[&str] = &[
            "",
            "",
            " ",
            "\n",
            "\n\n",
            "<br>\n",
            "<b\n>",
            "\n- 3 -\n",
            "\u{feff}\n",
        ];
        const UNITS: &[&str] = &["件", "元", "万元", "万\n元", "万<br>\n元", "件\n次"];
        // Distances around what `context` reads: clauses, sentences, both sentences.
        let gap =
            || prop_oneof![0usize..8, 40usize..100, 150usize..340, 560usize..700].prop_map(filler);
        let words = || (gap(), select(WORDS), select(ENDS)).prop_map(|(f, w, e)| f + w + e);
        let before = (gap(), select(WORDS)).prop_map(|(f, w)| f + w);
        let number = (
            select(NUMBERS),
            select(SEPARATORS),
            select(UNITS),
            select(SEPARATORS),
        )
            .prop_map(|(n, s1, u, s2)| [n, s1, u, s2].concat());
        let after = select(WORDS).prop_map(str::to_owned);
        (
            words(),
            words(),
            words(),
            before,
            number,
            after,
            words(),
            words(),
        )
            .prop_map(|(a, b, c, d, n, e, f, g)| [a, b, c, d, n, e, f, g].concat())
    }

    /// Narrative: sentences of clauses, and what stands between them; or one fact far
    /// from its words.
    fn narrative() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::prop_oneof![sentences(), far_context()]
    }

    /// Sentences of clauses, and what stands between them.
    fn sentences() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        use proptest::sample::select;
        const BETWEEN: &[&str] = &[
            "，",
            "，",
            "；",
            "。",
            "。",
            "！",
            "：",
            "、",
            "",
            "\n",
            "\n\n",
            " ",
            "　",
            "<p>",
            "</p>",
            "<br\n/>",
            "<",
            ">",
            "-",
            "\u{feff}",
            "\n- 4 -\n",
            "\n-4-",
            "\n四、政府信息公开申请情况\n",
            "\n（二）行政复议情况\n",
            "\n# 三、收费\n",
            "\n五、复议情况。\n",
            "\n六、诉讼情况。：\n",
            "\n七、收费<b\n>",
            "<p title=\"。\">",
            "<i\n>",
        ];
        proptest::collection::vec((clause(), select(BETWEEN)), 0..24).prop_map(|parts| {
            parts
                .into_iter()
                .flat_map(|(c, b)| [c, b.to_owned()])
                .collect()
        })
    }

    /// `text` wrapped as PDF text is: a line break every `width` characters (none for
    /// 0), and line breaks, blanks and page numbers put in at the characters `at`
    /// (taken modulo its length).
    fn wrap(text: &str, width: usize, at: &[(usize, u8)]) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut breaks: Vec<(usize, u8)> = at
            .iter()
            .map(|&(k, b)| (k % (chars.len() + 1), b))
            .collect();
        breaks.sort_unstable();
        let mut out = String::new();
        let mut next = breaks.iter().peekable();
        for (k, c) in chars.iter().enumerate() {
            if width > 0 && k > 0 && k % width == 0 {
                out.push('\n');
            }
            while let Some((_, b)) = next.next_if(|(j, _)| *j == k) {
                out.push_str(match b % 9 {
                    0..=2 => "\n",
                    3 => " \n  ",
                    4 => "\n\n- 2 -\n\n",
                    5 => "\n第 3 页\n",
                    6 => "\n— 5 —\n",
                    7 => "\n3/12\n",
                    _ => " ",
                });
            }
            out.push(*c);
        }
        out
    }

    /// The marks that windows are read around stand next to the characters that
    /// `no_applications` and `read_number` read.
    #[test]
    fn marks_cover_what_facts_are_read_from() {
        let mark = |c: char| SKIM.marks.iter().find(|m| m.c == c);
        let negations = NONE_RECEIVED
            .iter()
            .map(|w| w.to_string())
            .chain(NONE_LISTED.iter().map(|w| format!("无{w}")));
        for w in negations {
            let mut cs = w.chars();
            let (first, second) = (cs.next(), cs.next());
            let m = first.and_then(mark);
            assert!(
                m.is_some_and(|m| !m.before && second.is_some_and(m.next_to)),
                "{w}"
            );
        }
        for (unit, before) in [('件', '3'), ('件', '３'), ('元', '９'), ('元', '万')] {
            assert!(mark(unit).is_some_and(|m| m.before && (m.next_to)(before)));
        }
    }

    /// Facts whose words stand as far from the number as `context` and
    /// `no_applications` read, in text wrapped at every width: the windows hold them.
    #[test]
    fn windows_hold_all_that_context_reads() {
        /// A name, and the text for a distance.
        type Template = (&'static str, fn(usize) -> String);
        let templates: [Template; 5] = [
            // The sentence before, back to its start.
            ("previous sentence", |d| {
                let (d1, d2) = (d % 23 * 14, 330 - d % 11 * 9);
                format!(
                    "政府信息公开申请{}。{}予以公开3件。",
                    filler(d1),
                    filler(d2)
                )
            }),
            // No sentence end: 4 × MAX_CLAUSE back, then 4 × MAX_CLAUSE more.
            ("long sentence", |d| {
                format!("政府信息公开申请{}予以公开3件。", filler(450 + d))
            }),
            // `其中，` before a parenthetical that holds two sentence ends.
            ("parenthetical", |d| {
                let (d1, d2) = (d % 10, 50 + d / 10);
                let (f1, f2) = (filler(d1), filler(d2));
                format!("其中，（全年共收到政府信息公开申请{f1}。。{f2}）3件。")
            }),
            // The clause after the unit.
            ("after", |d| {
                format!("全年共收到政府信息公开申请3件{}投诉。", filler(d % 90))
            }),
            // What follows a negation.
            ("negation", |d| {
                format!("。本年度未收到{}信息公开申请。", filler(d % 40))
            }),
        ];
        for (name, template) in templates {
            for d in 0..230 {
                let text = format!(
                    "{}。{}{}",
                    filler(d % 3 * 150),
                    template(d),
                    filler(d % 2 * 90)
                );
                for width in [0, 1, 2, 5, 13] {
                    let text = wrap(&text, width, &[]);
                    let whole = 0..text.len();
                    let ranges = std::slice::from_ref(&whole);
                    assert_eq!(
                        extract_facts(&text, ranges, &locate),
                        read_whole(&text, ranges),
                        "{name}, d = {d}, width = {width}"
                    );
                }
            }
        }
    }

    #[test]
    fn sentence_ends_as_listed() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let listed = matches!(c, '。' | '！' | '!' | '？' | '?' | BREAK);
            assert_eq!(sentence_end(c), listed, "{c:?}");
        }
    }

    proptest::proptest! {
        /// The searches over characters, and those that bits may skip, find what
        /// `str::contains` finds.
        #[test]
        fn searches_agree_with_contains(
            text in "[申请人依信息公开其中转结上年下一个度去含收到受理答复办复议诉讼投诉咨询占增加处理费，。 a1]{0,24}"
        ) {
            use proptest::prop_assert_eq;
            let cs: Vec<char> = text.chars().collect();
            let application = text
                .match_indices("申请")
                .any(|(i, w)| !text[i + w.len()..].starts_with('人'))
                || text.contains("依申请");
            prop_assert_eq!(mentions_application(&cs), application);
            for word in ["信息公开", "结转", "上一年", "申请", "其中", "含", ""] {
                let w: Vec<char> = word.chars().collect();
                prop_assert_eq!(holds(&cs, &w), text.contains(word), "{}", word);
            }
            let bits = char_bits(cs.iter().copied());
            let any = |words: &[&str]| words.iter().any(|w| text.contains(w));
            // One call site for each list: a site's searchers are built for its first.
            prop_assert_eq!(has_any!(text, bits: bits, KIND_WORDS), any(KIND_WORDS));
            prop_assert_eq!(has_any!(text, bits: bits, CHANGE), any(CHANGE));
            prop_assert_eq!(has_any!(text, bits: bits, NOT_APPLICATIONS), any(NOT_APPLICATIONS));
            prop_assert_eq!(has_any!(text, bits: bits, RECEIVE), any(RECEIVE));
            prop_assert_eq!(has_any!(text, bits: bits, ANSWER), any(ANSWER));
            prop_assert_eq!(
                has_any!(text, bits: bits, ["下年", "下一年", "下一个年度", "次年", "明年"]),
                any(&["下年", "下一年", "下一个年度", "次年", "明年"])
            );
            prop_assert_eq!(
                has_any!(text, bits: bits, ["顺延", "转"]),
                any(&["顺延", "结转", "转入", "转至", "转到", "转"])
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn windows_read_what_the_whole_stream_reads(
            text in narrative(),
            width in proptest::prop_oneof![proptest::strategy::Just(0usize), 1usize..40],
            at in proptest::collection::vec((0usize..100_000, 0u8..9), 0..40),
            cuts in proptest::collection::vec(0usize..100_000, 0..6),
            gaps in proptest::collection::vec(proptest::bool::ANY, 6),
        ) {
            let text = wrap(&text, width, &at);
            // The whole text, or ranges between cut points (moved to character
            // boundaries), some left out so that what is between them breaks sentences.
            let points = crate::stream::tests::cut_points(&text, &cuts);
            let ranges: Vec<Range<usize>> = points
                .windows(2)
                .zip(gaps.iter().cycle())
                .filter(|(_, gap)| !**gap)
                .map(|(w, _)| w[0]..w[1])
                .collect();
            proptest::prop_assert_eq!(
                extract_facts(&text, &ranges, &locate),
                read_whole(&text, &ranges)
            );
        }

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
