#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod columns;
mod context;
mod labels;
mod narrative;
mod normalize;
mod number;
mod paragraphs;
mod plausible;
mod ran_together;
mod rows;
mod sections;
mod split;
mod table2;
mod table3;
mod table4;
mod unread;
mod vanished;

use zfxxgk_lex::{lex, BlockKind, Span};
use zfxxgk_model::{
    Block, BlockKind as OutlineKind, Edition, Location, Meta, Report, Section, SectionKey,
    Unplaced, UnplacedKind,
};

use context::Ctx;

pub use narrative::extract_facts;

/// Reads a report's decoded text into the model.
///
/// Never fails: whatever the text holds is read as far as it goes, and what could not
/// be placed is kept in [`Report::unplaced`] and explained in [`Report::notes`]. The
/// encoding in [`Meta::encoding`] is left for the caller, who decoded the bytes.
///
/// ```
/// let text = "二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n";
/// let report = zfxxgk_parse::parse(text);
/// let key = "t2.regulations.in_force".parse()?;
/// let cell = report.cell(key).expect("read");
/// assert_eq!(cell.value.normalized(), "11");
/// assert_eq!((cell.location.line, cell.location.column), (4, 8));
/// # Ok::<(), zfxxgk_model::Error>(())
/// ```
pub fn parse(text: &str) -> Report {
    let blocks = lex(text);
    let mut ctx = Ctx::new(text);
    let heads = sections::headings(text);

    let mut sections = Vec::with_capacity(heads.len());
    for (k, h) in heads.iter().enumerate() {
        let body_end = heads.get(k + 1).map_or(text.len(), |n| n.start).max(h.end);
        sections.push(Section {
            key: h.key,
            heading: text[h.start..h.end].to_string(),
            location: ctx.locate(Span::new(h.start, h.end)),
            body: ctx.locate(Span::new(h.end, body_end)),
            text: text[h.end..body_end].to_string(),
        });
    }

    let first_heading = heads.first().map_or(text.len(), |h| h.start);
    let s1 = sections
        .iter()
        .find(|s| s.key == SectionKey::S1)
        .map(|s| (s.body.start, s.body.end));
    let found = sections::meta(text, first_heading, s1);
    let locate = |s: usize, e: usize| ctx.locate(Span::new(s, e));
    let years = sections::statements(&found.years, &locate);
    let year = years.first().map(|y| y.year);
    let year_hint = year.map(Edition::for_year);

    let cell_texts = rows::CellTexts::of(&blocks);
    let mut zones = rows::zones(text, &blocks, &heads, &cell_texts);
    paragraphs::regroup(&mut zones);
    // A section whose table no reader found may hold it with its cells run together.
    let body = |key: SectionKey| {
        sections
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.body.start..s.body.end)
    };
    let mut t3 = table3::build(&mut ctx, &zones.t3, year_hint);
    if let (None, Some(range)) = (&t3, body(SectionKey::S3)) {
        let rows = ran_together::t3(&mut ctx, range, year_hint);
        t3 = table3::build(&mut ctx, &rows, year_hint);
    }
    let t3_edition = t3.as_ref().and_then(|t| t.edition);
    let mut t2 = table2::build(&mut ctx, &zones.t2, t3_edition.or(year_hint));
    if let (None, Some(range)) = (&t2, body(SectionKey::S2)) {
        let rows = ran_together::t2(&mut ctx, range, t3_edition.or(year_hint));
        t2 = table2::build(&mut ctx, &rows, t3_edition.or(year_hint));
    }
    let mut t4 = table4::build(&mut ctx, &zones.t4);
    if let (None, Some(range)) = (&t4, body(SectionKey::S4)) {
        let rows = ran_together::t4(&mut ctx, range);
        t4 = table4::build(&mut ctx, &rows);
    }
    let edition = t3_edition.or_else(|| t2.as_ref().and_then(|t| t.edition));
    if let Some(t) = t4.as_mut() {
        t.edition = edition;
    }
    let mut tables: Vec<_> = [t2, t3, t4].into_iter().flatten().collect();
    tables.sort_by_key(|t| t.location.start);
    unread::keep_unread(&mut ctx, &blocks, &tables);
    unread::keep_unread_tables(&mut ctx, &sections, &tables);
    plausible::note_implausible(&mut ctx, &tables);

    let narrative: Vec<std::ops::Range<usize>> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .map(|b| b.span.range())
        .collect();
    let facts = extract_facts(text, &narrative, &|s, e| ctx.locate(Span::new(s, e)));

    for b in blocks.iter().filter(|b| b.kind == BlockKind::Unrecognized) {
        ctx.unplaced.push(Unplaced {
            kind: UnplacedKind::Unrecognized,
            table: None,
            text: b.text.to_string(),
            location: ctx.locate(b.span),
        });
    }

    let meta = Meta {
        title: found.title.as_ref().map(|t| t.0.clone()),
        title_location: found
            .title
            .as_ref()
            .map(|t| ctx.locate(Span::new(t.1, t.2))),
        body: found.body,
        year,
        years,
        edition,
        encoding: None,
    };
    let blocks = outline(&ctx, &blocks);
    Report {
        meta,
        sections,
        tables,
        facts,
        unplaced: ctx.unplaced,
        notes: ctx.notes,
        blocks,
    }
}

/// The lexed blocks as the report's outline. Blocks start at line starts and come in
/// order, so their lines are counted as they go rather than looked up one by one.
fn outline(ctx: &Ctx<'_>, blocks: &[zfxxgk_lex::Block<'_>]) -> Vec<Block> {
    let mut line = 1u32;
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let at_line_start =
            b.span.start == 0 || ctx.text.as_bytes().get(b.span.start - 1) == Some(&b'\n');
        let location = if at_line_start {
            Location {
                start: b.span.start,
                end: b.span.end,
                line,
                column: 1,
            }
        } else {
            ctx.locate(b.span)
        };
        line = location.line.saturating_add(
            u32::try_from(memchr::memchr_iter(b'\n', b.text.as_bytes()).count())
                .unwrap_or(u32::MAX),
        );
        out.push(Block {
            kind: outline_kind(b),
            location,
        });
    }
    out
}

/// What a lexed block is, in the model's words.
fn outline_kind(b: &zfxxgk_lex::Block<'_>) -> OutlineKind {
    match b.kind {
        BlockKind::Heading => OutlineKind::Heading,
        BlockKind::Paragraph => OutlineKind::Paragraph,
        BlockKind::Table(_) => OutlineKind::Table,
        BlockKind::Blank => OutlineKind::Blank,
        BlockKind::Noise => OutlineKind::Noise,
        BlockKind::PageNumber => OutlineKind::PageNumber,
        BlockKind::Unrecognized => OutlineKind::Unrecognized,
    }
}
