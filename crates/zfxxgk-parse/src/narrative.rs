//! Facts stated in the narrative: numbers of applications, results, reviews, lawsuits
//! and fees that the text restates (RULES.md N001–N004).
//!
//! The narrative is read as [`Prose`]: one stream of characters per passage, without
//! blanks, tags or page numbers. A fact is read from a number followed by `件` (or
//! `元`, `万元` for fees), or from a negation (`未收到…申请`), and told by the words
//! around it, each a [`Scope`]: the clause before a number, the clause after it, its
//! sentence and the sentence before, or the clause after a negation. What the words
//! must say for each kind of fact is the table [`STEPS`]; adding a kind is a line
//! there. Precision comes first: a number whose words are ambiguous, a subset
//! (`其中…`) or a change (`较上年增加…`) is no fact.

use std::ops::Range;
use std::str::FromStr;

use zfxxgk_lex::{clause_end, passages, sentence_end, Prose, BREAK};
use zfxxgk_model::{Decimal, Fact, FactKind, Location};

/// Extracts the facts stated in `text` within the byte `ranges` (narrative paragraphs).
///
/// Ranges separated by nothing but whitespace are read as one run of text (see
/// [`passages`]); ranges with anything else between them never share a sentence.
/// Ranges that are out of bounds or not on character boundaries are ignored.
pub fn extract_facts(
    text: &str,
    ranges: &[Range<usize>],
    locate: &dyn Fn(usize, usize) -> Location,
) -> Vec<Fact> {
    let (mut facts, mut w) = (Vec::new(), Words::default());
    // Every fact is read from a `件`, a `元` or a negation: most passages hold none.
    let marked = |r: &Range<usize>| {
        let t = text.get(r.clone()).unwrap_or_default();
        MARKS.iter().any(|m| t.contains(m))
    };
    for passage in passages(text, ranges) {
        if !passage.iter().any(marked) {
            continue;
        }
        let s = Prose::read(text, &passage);
        let mut i = 0;
        while i < s.chars().len() {
            let (end, value) = number(s.chars(), i);
            let read = match value {
                Some(value) => w.read_number(&s, i..end, value),
                None => end == i && w.read_negation(&s, i),
            };
            if let Some(kind) = read.then(|| decide(&w)).flatten() {
                let (at, words) = (s.byte_range(w.at.clone()), s.byte_range(w.words.clone()));
                facts.push(Fact {
                    kind,
                    value: w.value,
                    unit: w.unit.map(str::to_owned),
                    location: locate(at.start, at.end),
                    text: text.get(words).unwrap_or_default().to_owned(),
                });
            }
            i = end.max(i + 1);
        }
    }
    facts
}

/// The characters that facts are read from: units, and the first of each negation.
const MARKS: &[&str] = &["件", "元", "未", "没", "无"];
/// At most this many characters of a clause are read on either side of a number;
/// a sentence is read back at most four times as far.
const MAX_CLAUSE: usize = 80;
/// At most this many characters after a negation are read.
const MAX_NEGATED: usize = 30;

/// The number at stream index `i`, if a digit stands there: digits, thousands
/// separators (`1,234`) and a decimal point. Returns the index after it (`i` if
/// none) and its value.
fn number(cs: &[char], i: usize) -> (usize, Option<Decimal>) {
    let digit = |j: usize| cs.get(j).is_some_and(char::is_ascii_digit);
    if !digit(i) {
        return (i, None);
    }
    let (mut j, mut plain) = (i, String::new());
    while let Some(&c) = cs.get(j) {
        let point = plain.contains('.');
        let separator = c == ',' && !point && (1..=3).all(|k| digit(j + k)) && !digit(j + 4);
        if c.is_ascii_digit() || (c == '.' && !point && digit(j + 1)) {
            plain.push(c);
        } else if !separator {
            break;
        }
        j += 1;
    }
    (j, Decimal::from_str(&plain).ok())
}

/// What a fact is read from (a number or a negation) and the words around it: the
/// text of each [`Scope`]. Its buffers are kept from one to the next.
#[derive(Default)]
struct Words {
    texts: [String; 10],
    /// The stream indices of the number or negation, and of the words a fact is
    /// read from.
    at: Range<usize>,
    words: Range<usize>,
    value: Decimal,
    /// `None` after a negation.
    unit: Option<&'static str>,
    /// The words count a part of something (`其中…`).
    subset: bool,
}

impl Words {
    /// Reads the number at stream indices `at` and the words around it, if a unit
    /// follows it and it is no part of a longer token (`第3件`, `1-2件`, `12.5%`)
    /// nor an estimate.
    fn read_number(&mut self, s: &Prose, at: Range<usize>, value: Decimal) -> bool {
        let cs = s.chars();
        let (unit, unit_end) = match (cs.get(at.end), cs.get(at.end + 1)) {
            (Some('件'), Some('次')) => return false,
            (Some('件'), _) => ("件", at.end + 1),
            (Some('元'), _) => ("元", at.end + 1),
            (Some('万'), Some('元')) => ("万元", at.end + 2),
            _ => return false,
        };
        let start = at.start;
        let before = start.checked_sub(1).and_then(|b| cs.get(b));
        if before.is_some_and(|c| matches!(c, '第' | '-' | '.' | '约' | '近' | '超')) {
            return false;
        }
        let max = unit_end + MAX_CLAUSE;
        let near = near_start(s, start)..start;
        let clause = s.back(near.start, start.saturating_sub(MAX_CLAUSE), clause_end)..start;
        let after = unit_end..s.until(unit_end, max, |c| clause_end(c) || c.is_ascii_digit());
        let paren = match cs.get(unit_end) {
            Some('（' | '(') => {
                unit_end + 1..s.until(unit_end + 1, max, |c| matches!(c, '）' | ')'))
            }
            _ => 0..0,
        };
        let q = s.back(start, start.saturating_sub(4 * MAX_CLAUSE), sentence_end);
        // The sentence before, if no heading stands between.
        let previous = match q.checked_sub(1).and_then(|e| cs.get(e)) {
            Some(&BREAK) | None => q..q,
            Some(_) => s.back(q - 1, q.saturating_sub(4 * MAX_CLAUSE), sentence_end)..q,
        };
        // The words count part of something: they start with `其中` or follow `其中，`.
        let qizhong = |i: usize| cs.get(i..).is_some_and(|r| r.starts_with(&['其', '中']));
        self.subset = qizhong(clause.start)
            || qizhong(near.start)
            || clause.start.checked_sub(3).is_some_and(qizhong);
        // The text of each scope, in the order of `Scope`.
        self.texts.iter_mut().for_each(String::clear);
        let ranges = [&paren, &clause, &(q..start), &previous, &near, &after];
        for (t, r) in self.texts.iter_mut().zip(ranges) {
            t.extend(cs.get(r.clone()).unwrap_or_default());
        }
        let [.., near_text, after_text, near_after, kind, _, _] = &mut self.texts;
        near_after.extend([&**near_text, &**after_text]);
        // `Near` names no kind of thing: the words after the number say what it counts
        // (`另有2件申请…顺延到下年度答复`), and are read as the fact's words.
        let (kind_words, end) = match says(near_text, KIND_WORDS) {
            true => (near_text, unit_end),
            false => (after_text, after.end),
        };
        kind.push_str(kind_words);
        (self.at, self.words, self.value, self.unit) = (at, near.start..end, value, Some(unit));
        true
    }

    /// Reads the negation (`未收到`, `无政府信息公开申请`) at stream index `i` and the
    /// clause after it, if one stands there.
    fn read_negation(&mut self, s: &Prose, i: usize) -> bool {
        let cs = s.chars();
        let Some(&first) = cs.get(i).filter(|c| matches!(c, '未' | '没' | '无')) else {
            return false;
        };
        let at = |j: usize, w: &str| w.chars().zip(j..).all(|(c, k)| cs.get(k) == Some(&c));
        let negation = match NONE_RECEIVED.iter().find(|w| at(i, w)) {
            Some(w) => w.chars().count(),
            // `无政府信息公开申请`, `无依申请公开` only.
            None if first == '无' && NONE_LISTED.iter().any(|w| at(i + 1, w)) => 1,
            None => return false,
        };
        let end = s.until(i + negation, i + MAX_NEGATED, clause_end);
        self.texts.iter_mut().for_each(String::clear);
        let [.., negated, upto] = &mut self.texts;
        negated.extend(cs.get(i + negation..end).unwrap_or_default());
        upto.push_str(negated.split("申请").next().unwrap_or_default());
        (self.at, self.words, self.value, self.unit, self.subset) =
            (i..i + negation, i..end, Decimal::ZERO, None, false);
        true
    }

    fn scope(&self, scope: Scope) -> &str {
        self.texts.get(scope as usize).map_or("", String::as_str)
    }

    fn holds(&self, cond: &Cond) -> bool {
        match *cond {
            Says(scope, words) => says(self.scope(scope), words),
            Lacks(scope, words) => !says(self.scope(scope), words),
            Starts(scope, word) => self.scope(scope).starts_with(word),
            Mention(scopes, yes) => {
                scopes.iter().any(|s| mentions_application(self.scope(*s))) == yes
            }
            Subset(yes) => self.subset == yes,
            Negation => self.unit.is_none(),
            Money => matches!(self.unit, Some("元" | "万元")),
            NotWhole => !self.value.fract().is_zero() || self.value.is_sign_negative(),
        }
    }
}

/// Where the clause before the number at `start` begins: back to a clause end or a
/// digit, at most [`MAX_CLAUSE`] characters, jumping over a parenthetical that ends
/// right before the number.
fn near_start(s: &Prose, start: usize) -> usize {
    let (mut from, floor) = (start, start.saturating_sub(MAX_CLAUSE));
    if let Some('）' | ')') = start.checked_sub(1).and_then(|b| s.chars().get(b)) {
        // Back to the `（` at most `MAX_CLAUSE` characters before the `）`: none, no words.
        let paren_floor = floor.saturating_sub(1);
        match s.back(start - 1, paren_floor, |c| matches!(c, '（' | '(')) {
            open if open == paren_floor => return start,
            open => from = open - 1,
        }
    }
    s.back(from, floor, |c| clause_end(c) || c.is_ascii_digit())
}

/// Whether `text` holds any of `words`.
fn says(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// `申请` as a noun about applications, not `申请人` (but `依申请人…` is).
fn mentions_application(t: &str) -> bool {
    t.match_indices("申请").any(|(i, w)| {
        !t.get(i + w.len()..).is_some_and(|r| r.starts_with('人'))
            || t.get(..i).is_some_and(|r| r.ends_with('依'))
    })
}

/// Which words a condition reads, in the order of [`Words`]'s texts.
#[derive(Clone, Copy)]
enum Scope {
    /// A parenthetical right after the unit (`（含上年结转2件）`).
    Paren,
    /// The clause before the number, back to a clause end.
    Clause,
    /// The sentence up to the number, and the sentence before it.
    Sentence,
    Previous,
    /// The clause before the number, back to a clause end or another number; a
    /// parenthetical right before the number is read as part of it
    /// (`申请（含上年结转）200件`).
    Near,
    /// The clause after the unit, up to a clause end or another number.
    After,
    /// `Near` and `After` as one text, without the number between them.
    NearAfter,
    /// The words that say what is counted: `Near`, or `After` when the clause puts
    /// the number first.
    Kind,
    /// The clause after a negation, and that clause up to its first `申请`.
    Negated,
    Upto,
}

/// What must hold of the words around a number or a negation.
enum Cond {
    /// The words hold one of these.
    Says(Scope, &'static [&'static str]),
    /// The words hold none of these.
    Lacks(Scope, &'static [&'static str]),
    Starts(Scope, &'static str),
    /// Some of the words name applications (`申请`, not `申请人`), or none do.
    Mention(&'static [Scope], bool),
    /// The clause counts part of something (`其中…`), or not.
    Subset(bool),
    /// The words follow a negation, not a number.
    Negation,
    /// The unit is `元` or `万元`.
    Money,
    /// The number is a fraction or negative.
    NotWhole,
}

/// A kind of fact (or none: the number is no fact) and what must hold for it.
type Row = (Option<FactKind>, &'static [Cond]);

/// Rows read in turn.
enum Step {
    /// The first row that holds decides.
    First(&'static [Row]),
    /// If exactly one row holds it decides; if more, the number is no fact.
    One(&'static [Row]),
}

const RECEIVE: &[&str] = &["收到", "受理", "接收", "新收", "接到", "收悉"];
const ANSWER: &[&str] = &["答复", "办结", "办理", "办复"];
/// Words that make a number a change, a share or a comparison, not a count.
#[rustfmt::skip]
const CHANGE: &[&str] = &["增加", "减少", "增长", "下降", "上升", "回落", "较上年", "较去年", "同比", "环比", "占"];
/// Words that make a clause about something other than applications.
#[rustfmt::skip]
const NOT_APPLICATIONS: &[&str] = &["投诉", "咨询", "留言", "建议", "提案", "信访", "来电", "来信", "文件", "信息条"];
/// Words that say what kind of thing a number counts; a clause before the number with
/// none of them leaves the kind to the words after the number (`有1件…行政复议`).
#[rustfmt::skip]
const KIND_WORDS: &[&str] = &["申请", "公开", "提供", "处理", "结转", "顺延", "复议", "诉讼", "答复", "办结"];
const REVIEW_OR_LAWSUIT: &[&str] = &["复议", "诉讼"];
#[rustfmt::skip]
const BOTH: &[&str] = &["复议和诉讼", "复议、诉讼", "复议及诉讼", "复议与诉讼", "复议和行政诉讼", "复议、行政诉讼", "复议及行政诉讼", "复议与行政诉讼"];
const RESULTS: &[&str] = &["起诉", "结果", "纠正", "维持", "审结"];
const DISCLOSURE: &[&str] = &["信息公开"];
const NEXT_YEAR: &[&str] = &["下年", "下一年", "下一个年度", "次年", "明年"];
const LAST_YEAR: &[&str] = &["上年", "上一年", "去年", "上一个年度"];
const FULL: &[&str] = &["予以公开", "同意公开", "全部公开", "准予公开"];

use Cond::*;
use FactKind::*;
use Scope::*;

/// What the words around a number or negation must say for each kind of fact, in turn.
#[rustfmt::skip]
const STEPS: &[Step] = &[
    Step::First(&[
        // No application received: the clause after the negation names them and
        // nothing else before `申请` (`未收到信息公开申请`, not `未收到行政复议申请`).
        (Some(NoApplications), &[Negation, Mention(&[Negated], true), Lacks(Upto, &["复议", "诉讼", "投诉", "咨询", "留言", "结转"]), Says(Negated, &["信息公开", "依申请"])]),
        (None, &[Negation]),
        (Some(ProcessingFee), &[Money, Says(Near, &["处理费"]), Lacks(Near, &["未", "无", "不", "免"])]),
        (None, &[Money]),
        (None, &[NotWhole]),
        (None, &[Says(Near, CHANGE)]),
        (None, &[Says(After, CHANGE)]),
        (None, &[Says(NearAfter, NOT_APPLICATIONS)]),
        // Reviews and lawsuits about disclosure, not their results.
        (None, &[Says(Kind, REVIEW_OR_LAWSUIT), Lacks(Clause, DISCLOSURE), Lacks(After, DISCLOSURE), Lacks(Sentence, DISCLOSURE), Lacks(Previous, DISCLOSURE)]),
        (None, &[Says(Kind, REVIEW_OR_LAWSUIT), Says(Kind, RESULTS)]),
        (Some(ReviewsAndLawsuits), &[Says(Kind, &["行政复议"]), Says(Kind, BOTH)]),
        (Some(Reviews), &[Says(Kind, &["行政复议"]), Lacks(Kind, &["诉讼"])]),
        (Some(Lawsuits), &[Says(Kind, &["行政诉讼"]), Lacks(Kind, &["行政复议"])]),
        (None, &[Says(Kind, REVIEW_OR_LAWSUIT)]),
        // Applications: the clause, its sentence or the sentence before names them.
        (None, &[Mention(&[Clause, After, Sentence, Previous], false)]),
        // Carried forward to next year (`结转`, `转入`, `转至`, `转到` all hold `转`).
        (Some(CarriedForward), &[Says(Kind, &["顺延", "转"]), Says(Kind, NEXT_YEAR)]),
        // Carried over from last year, or received counting them (`含上年结转`).
        (Some(ReceivedWithCarriedOver), &[Says(Kind, &["结转"]), Says(Kind, LAST_YEAR), Says(Kind, &["含"]), Says(Kind, RECEIVE), Subset(false)]),
        (None, &[Says(Kind, &["结转"]), Says(Kind, LAST_YEAR), Says(Kind, &["含"]), Says(Kind, RECEIVE)]),
        (None, &[Says(Kind, &["结转"]), Says(Kind, LAST_YEAR), Says(Kind, &["含"]), Says(Kind, ANSWER)]),
        (Some(CarriedOver), &[Says(Kind, &["结转"]), Says(Kind, LAST_YEAR)]),
    ]),
    // Results: exactly one kind named.
    Step::One(&[
        (Some(GrantedOrPartlyGranted), &[Says(Kind, FULL), Says(Kind, &["部分公开"])]),
        (Some(Granted), &[Says(Kind, FULL), Lacks(Kind, &["部分公开"])]),
        (Some(PartlyGranted), &[Says(Kind, &["部分公开"]), Lacks(Kind, FULL)]),
        (Some(Withheld), &[Says(Kind, &["不予公开"])]),
        (Some(Unavailable), &[Says(Kind, &["无法提供"])]),
        (Some(NotProcessed), &[Says(Kind, &["不予处理"])]),
        (Some(OtherHandling), &[Says(Kind, &["其他处理"])]),
    ]),
    // Received or answered: the verb stands before the number
    // (`本年度新收1件政府信息公开申请并答复`).
    Step::First(&[
        // Who applied (`申请共计81件，涉及自然人80件`).
        (Some(NaturalPersons), &[Says(Near, &["自然人"])]),
        (None, &[Subset(true)]),
        (None, &[Mention(&[Clause, After, Sentence], false)]),
        (Some(ReceivedWithCarriedOver), &[Says(Near, RECEIVE), Lacks(Near, ANSWER), Mention(&[Kind, Near], true), Starts(Paren, "含"), Says(Paren, &["结转"]), Says(Paren, &["上年", "上一年", "去年"])]),
        (Some(NewReceived), &[Says(Near, RECEIVE), Lacks(Near, ANSWER), Mention(&[Kind, Near], true)]),
        (Some(ResultsTotal), &[Says(Near, ANSWER), Lacks(Near, RECEIVE)]),
    ]),
];

/// The kind of fact the words `w` say a number counts, by [`STEPS`].
fn decide(w: &Words) -> Option<FactKind> {
    for step in STEPS {
        let (Step::First(rows) | Step::One(rows)) = *step;
        let mut held = rows.iter().filter(|row| row.1.iter().all(|c| w.holds(c)));
        if let Some(row) = held.next() {
            // In a `One` step, a second row that holds leaves the number no fact.
            let one = matches!(step, Step::One(_));
            return row.0.filter(|_| !one || held.next().is_none());
        }
    }
    None
}

/// Negations that say no application was received.
#[rustfmt::skip]
const NONE_RECEIVED: &[&str] = &["未收到", "没有收到", "未接到", "没有接到", "未接收到", "未受理", "没有受理"];
/// What may follow `无` to say that no application was received.
const NONE_LISTED: &[&str] = &["政府信息公开申请", "信息公开申请", "依申请公开"];

#[cfg(test)]
mod tests;
