//! The parse, phase by phase. Each phase is a function that takes what it reads and
//! returns what it makes; the one thing they share is the [`Ledger`], which locates byte
//! spans and collects notes and unplaced text as the phases go.
//!
//! 1. [`lex`] the text into blocks, and find the section [`headings`](sections::headings);
//! 2. [`sections_of`]: the sections between the headings;
//! 3. [`meta_of`]: title, body and the years the text states;
//! 4. [`tables_of`]: tables 二, 三 and 四 from their zones of table rows, or from cells
//!    run together in their section when no grid holds them;
//! 5. [`keep_leftovers`]: numbers in table blocks that no table took, tables seen and
//!    not read, values on lines of their own in a table's section that no table took,
//!    implausible values, unrecognized blocks;
//! 6. [`facts_of`]: the facts the narrative states;
//! 7. [`outline`]: the lexed blocks as the report's outline.

use std::ops::Range;

use zfxxgk_lex::{lex, Block as LexBlock, BlockKind, Span};
use zfxxgk_model::{
    Block, BlockKind as OutlineKind, Edition, Fact, Meta, NoteKind, Report, Section, SectionKey,
    Table, Text, Unplaced, UnplacedKind,
};

use crate::ledger::Ledger;
use crate::sections::Heading;
use crate::{
    columnwise, narrative, paragraphs, plausible, ran_together, rows, sections, spilled, unread,
    wrapped,
};
use crate::{table2, table3, table4};

/// Reads `text` into a report: the phases in order.
pub(crate) fn run(text: &str) -> Report {
    let blocks = lex(text);
    let mut ctx = Ledger::new(text);
    let heads = sections::headings(text);
    let sections = sections_of(&ctx, text, &heads);
    let meta = meta_of(&ctx, text, &heads, &sections);
    let year_hint = meta.year.map(Edition::for_year);
    let (tables, edition) = tables_of(&mut ctx, text, &blocks, &heads, &sections, year_hint);
    keep_leftovers(&mut ctx, &blocks, &sections, &tables);
    let facts = facts_of(&ctx, text, &blocks);
    let blocks = outline(&ctx, &blocks);
    Report {
        meta: Meta { edition, ..meta },
        sections,
        tables,
        facts,
        unplaced: ctx.unplaced,
        notes: ctx.notes,
        blocks,
    }
}

/// The sections: each heading with the text up to the next.
fn sections_of(ctx: &Ledger<'_>, text: &str, heads: &[Heading]) -> Vec<Section> {
    heads
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let body_end = heads.get(k + 1).map_or(text.len(), |n| n.start).max(h.end);
            Section {
                key: h.key,
                heading: text[h.start..h.end].to_string(),
                location: ctx.locate(Span::new(h.start, h.end)),
                body: ctx.locate(Span::new(h.end, body_end)),
                text: text[h.end..body_end].to_string(),
            }
        })
        .collect()
}

/// Title, body and years, from the lines before the first heading and section 一. The
/// edition is left for the tables to tell, and the encoding for the caller.
fn meta_of(ctx: &Ledger<'_>, text: &str, heads: &[Heading], sections: &[Section]) -> Meta {
    let first_heading = heads.first().map_or(text.len(), |h| h.start);
    let s1 = sections
        .iter()
        .find(|s| s.key == SectionKey::S1)
        .map(|s| (s.body.start, s.body.end));
    let found = sections::meta(text, first_heading, s1);
    let locate = |s: usize, e: usize| ctx.locate(Span::new(s, e));
    let years = sections::statements(&found.years, &locate);
    Meta {
        title: found.title.as_ref().map(|t| t.0.clone()),
        title_location: found
            .title
            .as_ref()
            .map(|t| ctx.locate(Span::new(t.1, t.2))),
        body: found.body,
        year: years.first().map(|y| y.year),
        years,
        edition: None,
        encoding: None,
    }
}

/// Tables 二, 三 and 四, in the order they stand, and the edition they tell. Table 三
/// is read first: its edition is the surest, and table 二's reader takes it as a hint.
/// A section whose table no grid holds is searched for cells that ran together; table
/// 三 first for a table written a column and a run at a time ([`columnwise`]).
fn tables_of(
    ctx: &mut Ledger<'_>,
    text: &str,
    blocks: &[LexBlock<'_>],
    heads: &[Heading],
    sections: &[Section],
    year_hint: Option<Edition>,
) -> (Vec<Table>, Option<Edition>) {
    let cell_texts = rows::CellTexts::of(blocks);
    let mut zones = rows::zones(text, blocks, heads, &cell_texts);
    paragraphs::regroup(text, &mut zones);
    wrapped::rejoin(text, &mut zones.t3);
    wrapped::rejoin_t4(&mut zones.t4);
    let joined = spilled::join(&mut zones);
    let spill = joined.as_ref().map(|j| j.span);
    if let Some(span) = spill {
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                "表三：最后几行的右侧各列写在第四部分的表头之后、次序另成一套；按行列先后的各种次序中，使各行合计（及各列合计）相符的次序给某行同一组数值的，按此按位置放入该行；各次序不一致的行不读".to_string(),
                "table 三: the right-hand columns of its last rows stand after section 四's header words, in an order of their own; of every order that keeps rows and columns, those whose rows (and columns) add up agree on a row's values where it is placed so, by position; a row they disagree on is not read".to_string(),
            ),
            Some(span),
        );
    }
    let body = |key: SectionKey| {
        sections
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.body.start..s.body.end)
    };
    let mut t3 = table3::build(ctx, &zones.t3, year_hint);
    // The spill's cells stand by the order found, not by their labels.
    if let (Some(span), Some(t)) = (spill, t3.as_mut()) {
        let within = |c: &&mut zfxxgk_model::Cell| {
            c.location.start >= span.start && c.location.end <= span.end
        };
        for c in t.cells.iter_mut().filter(within) {
            c.placement = zfxxgk_model::Placement::Position;
        }
    }
    // The spill's cells its orders disagree on are not kept where a row read them.
    if let (Some(j), Some(t)) = (joined.as_ref().filter(|j| !j.open.is_empty()), t3.as_mut()) {
        let open = |c: &zfxxgk_model::Cell| {
            j.open
                .iter()
                .any(|o| c.location.start == o.span.start && c.location.end == o.span.end)
        };
        t.cells.retain(|c| !open(c));
        for o in &j.open {
            ctx.stray(zfxxgk_model::TableId::T3, std::slice::from_ref(o));
        }
        ctx.note(
            NoteKind::AmbiguousPlacement,
            Text::new(
                format!(
                    "表三：写在第四部分表头之后的右侧各列，有多种次序都使各行合计相符，其中 {} 个单元格各次序的值不同（空白单元格没有留下文字），未读",
                    j.open.len()
                ),
                format!(
                    "table 三: of the right-hand columns set after section 四's header words, more than one order adds up, and they give {} cells other values (a blank cell left no text): those not read",
                    j.open.len()
                ),
            ),
            Some(j.span),
        );
    }
    if let (Some(t), Some(range)) = (t3.as_mut(), body(SectionKey::S3)) {
        columnwise::tail(ctx, t, range);
    }
    if let (None, Some(range)) = (&t3, body(SectionKey::S3)) {
        t3 = columnwise::t3(ctx, range.clone());
        if t3.is_none() {
            let rows = ran_together::t3(ctx, range, year_hint);
            t3 = table3::build(ctx, &rows, year_hint);
        }
    }
    let t3_edition = t3.as_ref().and_then(|t| t.edition);
    let hint = t3_edition.or(year_hint);
    let mut t2 = table2::build(ctx, &zones.t2, hint);
    if let (None, Some(range)) = (&t2, body(SectionKey::S2)) {
        let rows = ran_together::t2(ctx, range, hint);
        t2 = table2::build(ctx, &rows, hint);
    }
    let mut t4 = table4::build(ctx, &zones.t4);
    if let (None, Some(range)) = (&t4, body(SectionKey::S4)) {
        let rows = ran_together::t4(ctx, range);
        t4 = table4::build(ctx, &rows);
    }
    let edition = t3_edition.or_else(|| t2.as_ref().and_then(|t| t.edition));
    if let Some(t) = t4.as_mut() {
        t.edition = edition;
    }
    let mut tables: Vec<_> = [t2, t3, t4].into_iter().flatten().collect();
    tables.sort_by_key(|t| t.location.start);
    (tables, edition)
}

/// What no table took is kept and said: numbers in table blocks no table read, a
/// section's table seen and not read, implausible values, and unrecognized blocks.
fn keep_leftovers(
    ctx: &mut Ledger<'_>,
    blocks: &[LexBlock<'_>],
    sections: &[Section],
    tables: &[Table],
) {
    unread::keep_unread(ctx, blocks, tables);
    unread::keep_unread_tables(ctx, sections, tables);
    unread::keep_unread_values(ctx, blocks, sections, tables);
    plausible::note_implausible(ctx, tables);
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Unrecognized) {
        ctx.unplaced.push(Unplaced {
            kind: UnplacedKind::Unrecognized,
            table: None,
            text: b.text.to_string(),
            location: ctx.locate(b.span),
        });
    }
}

/// The facts the paragraphs and headings state.
fn facts_of(ctx: &Ledger<'_>, text: &str, blocks: &[LexBlock<'_>]) -> Vec<Fact> {
    let narrative: Vec<Range<usize>> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .map(|b| b.span.range())
        .collect();
    narrative::extract_facts(text, &narrative, &|s, e| ctx.locate(Span::new(s, e)))
}

/// The lexed blocks as the report's outline. Blocks come in order, so each is located
/// by counting on from the last.
fn outline(ctx: &Ledger<'_>, blocks: &[LexBlock<'_>]) -> Vec<Block> {
    blocks
        .iter()
        .map(|b| Block {
            kind: outline_kind(b),
            location: ctx.locate(b.span),
        })
        .collect()
}

/// What a lexed block is, in the model's words.
fn outline_kind(b: &LexBlock<'_>) -> OutlineKind {
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
