#!/usr/bin/env python3
"""Writes the converter corpus of tests/corpus/converted/ (files named gen*-KIND-FORM):
reports of both template editions written as three kinds of web page, each put
through every converter our users run, with the ground truth of each output.

Reports. Two generated reports (examples/gen_corpus.rs, every sum of the template
holds): 2019/body00001-2019.txt (2019 edition) and 2022/body00001-2022.txt (2021
edition). `zfxxgk parse --format html` lays their tables out as the template does
(the HTML path reads generated pages exactly: tests/roundtrip.rs); this script reads
that layout back (cells with their keys) and writes it again as a page of each kind:

  cms     a whole CMS page: top bar, search form, menus, breadcrumbs, the article
          (title, 发布时间/浏览次数 line, sections, one table per template table with
          table 二's parts as colspan heading rows), share links and a footer with
          numbers of its own (网站标识码, ICP备, 联系电话)
  word    what Word's "save as web page" writes: mso styles in <style>, conditional
          comments, <table class=MsoNormalTable>, every cell a <p class=MsoNormal>
          with <span lang=EN-US> around numbers, a label split over two spans, blank
          cells as <o:p>&nbsp;</o:p>
  editor  what an online editor (UEditor and the like) writes: <th> header cells,
          <span style="font-size:…"> around every cell's text, <p style=text-indent>

In each page some cells are blank. A zero cell of tables 三 and 四 (blanking it keeps
every sum) and a few cells of table 二 (which has no sums) are written empty, `/` or
`—` (all three read as blank: the truth says blank) or `0` (the truth says 0); which
mark goes where turns with the page kind.

Converters, run on every page:

  chromium  Debian chromium headless --print-to-pdf (fonts-noto-cjk); the cms page is
            printed with chromium's header and footer (date, title, address, 1/3)
  lo        LibreOffice: the page to DOCX (`soffice --convert-to docx`, the HTML read as
            a Writer document), then that DOCX to PDF
  for each of the two PDFs, pdftotext -layout (FORM-layout.txt), in reading order
  (FORM-plain.txt) and -raw (FORM-raw.txt)
  w3m -dump, lynx -dump -nolist, Debian html2text (-utf8), Python html2text,
  pandoc -t plain, pandoc -t gfm, and the page's innerText (text copied from a
  browser: playwright-core driving /usr/bin/chromium)

Outputs are committed (the tests need none of these tools), each with expected/NAME.csv
and NAME.rules (no consistency rule may fire: every report here is consistent, with
sections 一 to 六). Where a form truly loses a cell, its truth says `?` (the corpus
test then wants the cell unplaced, and the .rules file names the structure rule the
loss makes fire); LOST below finds each case, with its reason. What each form loses:

  pandoc-plain   `[TABLE]` for a table with merged cells (the Word page's tables 三
                 and 四, both editions): every cell of that table, found in the text
  chromium-raw,  a row is one line of its values a space apart, and an empty cell is
  lo-raw         nothing: where a row had one, the cells that no placement of the
                 row's values keeping every template sum decides (table 二 has no
                 sums: its whole row); the rest of the row is read by the sums
  chromium-plain pdftotext in reading order drops an empty cell too, but splits rows
  lo-plain       over lines at the PDF's column gaps, which in some rows show where
                 the empty cell stood: lost are the cells of the rows whose text is the
                 same with the empty cell elsewhere, as far as the sums leave them open;
                 and it may write a block of table 二 row by row or column by column:
                 lost are the cells of a block whose text is the same with its values
                 placed the other way (none, on these pages)
  every other    nothing. An empty cell leaves a trace: a grid or pipe cell (w3m,
  form           Debian html2text, Python html2text, pandoc gfm and plain), a tab line
                 (innerText), a column gap (pdftotext -layout), a line break at its
                 place (the editor page's <br/> in lynx), a line of its own (the Word
                 page's no-break space in lynx), or lynx's centring of the next cell
                 shifted 2-3 columns (the cms page). Debian html2text cuts CJK
                 characters in half, but no digit: every value stands in its cell.

Whether an empty cell left a trace is tried, not judged by eye: `--evidence` writes
each page again with its empty cell moved to every other cell of its row (the row's
values keep their order), and with each block of a sub-table of table 二 placed the
other way (values read row by row set column by column, and back), puts each through
the converters, and notes which give the page's own text
(scripts/converted-forms-evidence.json: "moves" and "orders"); the truth pass reads
that, and the sums, to mark a vanished cell's row and a block whose order is lost.

The tool versions go to tests/corpus/converted/README.md (section "Tool versions of
the generated pages").

  python3 scripts/converted-forms.py            # writes the corpus (needs the tools)
  python3 scripts/converted-forms.py --evidence # where an empty cell leaves no trace
                                                # (needs the tools; the full run does it)
  python3 scripts/converted-forms.py --truth    # rewrites expected/*.csv and .rules from
                                                # the committed outputs and evidence
                                                # (no converter runs)
  python3 scripts/converted-forms.py --figures  # builds target/debug/zfxxgk, reads the
                                                # corpus back with it, writes the figures
                                                # (PDFs need pdftotext)

Run from the repository root. playwright-core is looked for under $PLAYWRIGHT_DIR
(default ../.npm-i17f: `npm install playwright-core` there).
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus" / "converted" / "forms"
README = ROOT / "tests" / "corpus" / "converted" / "README.md"
ZFXXGK = ROOT / "target" / "debug" / "zfxxgk"
PLAYWRIGHT_DIR = Path(os.environ.get("PLAYWRIGHT_DIR", ROOT.parent / ".npm-i17f"))

REPORTS = [
    ("gen2019", "2019/body00001-2019.txt"),
    ("gen2021", "2022/body00001-2022.txt"),
]
KINDS = ["cms", "word", "editor"]

# Cells written blank (or 0) in every page of an edition: zero cells of tables 三 and
# 四 only (so the sums hold), any cell of table 二. Chosen to put blanks first in a
# row, inside it, last in it, in table 二, and first in table 四.
BLANKS = {
    "gen2019": [
        "t2.regulations.published",
        "t2.fees.items_change",
        "t3.carried_over.natural_person",
        "t3.granted.public_interest",
        "t3.withheld.state_secret.commercial",
        "t3.unavailable.needs_creation.other_org",
        "t3.not_processed.confirmation.total",
        "t4.litigation_direct.pending",
    ],
    "gen2021": [
        "t2.regulations.repealed",
        "t2.licensing.decisions",
        "t3.carried_over.commercial",
        "t3.granted.public_interest",
        "t3.withheld.enforcement_files.natural_person",
        "t3.unavailable.unclear.total",
        "t3.carried_forward.legal_services",
        "t4.review.upheld",
    ],
}
MARKS = ["", "/", "—", "0"]
# The marks that read as blank (the truth says blank).
BLANK_MARKS = ("", "/", "—")


def truth_of(mark):
    """The truth of a cell the page writes so: blank for a blank mark."""
    return "" if mark in BLANK_MARKS else mark


SECTION_TEXT = {
    "一": "{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "坚持以公开为常态、不公开为例外，持续深化政务公开，主动回应社会关切。",
    "五": "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。"
    "下一步，本机关将加强业务培训，完善工作机制，提升公开质量。",
    "六": "本机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：未收取。",
}


class Cell:
    """A cell of the exported layout: th or td, its text, its key (values only)."""

    def __init__(self, tag, attrs):
        a = dict(attrs)
        self.head = tag == "th"
        self.key = a.get("title") if a.get("class") == "number" else None
        self.colspan = int(a.get("colspan", 1))
        self.rowspan = int(a.get("rowspan", 1))
        self.text = ""


class Export(HTMLParser):
    """Reads `zfxxgk parse --format html`: title, sections with their tables."""

    def __init__(self):
        super().__init__()
        self.title = ""
        self.sections = []  # [heading, [table]], table = (caption, thead rows, tbody rows)
        self.stack = []
        self.cell = None
        self.caption = None
        self.rows = None
        self.part = None
        self.text = None

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "caption"):
            self.text = ""
        elif tag == "table":
            self.table = ["", [], []]
        elif tag in ("thead", "tbody"):
            self.part = self.table[1] if tag == "thead" else self.table[2]
        elif tag == "tr":
            self.part.append([])
        elif tag in ("th", "td"):
            self.cell = Cell(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "h1":
            self.title = self.text
        elif tag == "h2":
            self.sections.append([self.text, []])
        elif tag == "caption":
            self.table[0] = self.text
        elif tag == "table":
            self.sections[-1][1].append(tuple(self.table))
        elif tag in ("th", "td"):
            self.part[-1].append(self.cell)
            self.cell = None
        if tag in ("h1", "h2", "caption"):
            self.text = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.text += data
        elif self.text is not None:
            self.text += data


def run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, **kw)
    if out.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))}: exit {out.returncode}\n{out.stderr.decode(errors='replace')}")
    return out


def report_model(source: Path):
    page = run([str(ZFXXGK), "parse", str(source), "--format", "html"]).stdout.decode()
    e = Export()
    e.feed(page)
    # The page shows each cell as the report writes it (795016.99元); the truth is the
    # value `--format facts` gives the generated text (795016.99).
    facts = run([str(ZFXXGK), "parse", str(source), "--format", "facts"]).stdout.decode()
    values = {}
    for line in facts.splitlines()[1:]:
        _, key, value = line.split(",", 2)
        values[key] = value
    shown = {}
    for _, tables in e.sections:
        for _, thead, tbody in tables:
            for row in thead + tbody:
                for c in row:
                    if c.key:
                        shown[c.key] = c.text
    # The export has the sections that hold tables; the page has all six.
    e.sections = (
        [["一、总体情况", []]]
        + e.sections
        + [["五、存在的主要问题及改进情况", []], ["六、其他需要报告的事项", []]]
    )
    if set(shown) != set(values):
        sys.exit(f"{source}: the page's cells are not the text's")
    return e, values, shown


def marks_for(name: str, kind: str, values: dict, written: dict):
    """key → what the page writes in the cell, and key → the truth."""
    shown = dict(written)
    truth = dict(values)
    turn = KINDS.index(kind)
    for i, key in enumerate(BLANKS[name]):
        if not key.startswith("t2.") and values[key] != "0":
            sys.exit(f"{name}: {key} is {values[key]}, not 0: blanking it breaks a sum")
        mark = MARKS[(i + turn) % len(MARKS)]
        shown[key] = mark
        truth[key] = truth_of(mark)
    return shown, truth


def t2_as_one_table(tables):
    """Table 二's parts as one table: a colspan heading row per part, each row padded
    to the widest part by widening its last cell (the template's own layout)."""
    width = max(sum(c.colspan for c in row) for _, h, b in tables for row in h + b)
    rows = []
    for caption, thead, tbody in tables:
        head = Cell("th", [("colspan", str(width))])
        head.text = caption
        rows.append([head])
        for row in thead + tbody:
            missing = width - sum(c.colspan for c in row)
            if missing:
                last = row[-1]
                widened = Cell("th" if last.head else "td", [])
                widened.__dict__.update(last.__dict__)
                widened.colspan += missing
                row = row[:-1] + [widened]
            rows.append(row)
    return [(None, rows)]


def tables_of(section, tables):
    if section.startswith("二"):
        return t2_as_one_table(tables)
    return [(caption or None, thead + tbody) for caption, thead, tbody in tables]


# ---- the three page kinds ------------------------------------------------------------


def cms_page(title, year, body_name, sections, shown):
    out = []
    for heading, tables in sections:
        out.append(f"<p><strong>{heading}</strong></p>")
        for caption, rows in tables_of(heading, tables):
            if caption:
                out.append(f'<p style="text-align:center">{caption}</p>')
            out.append('<table border="1" cellspacing="0" cellpadding="0" width="600" align="center"><tbody>')
            for row in rows:
                cells = []
                for c in row:
                    span = "".join(
                        f' {n}="{v}"' for n, v in (("colspan", c.colspan), ("rowspan", c.rowspan)) if v > 1
                    )
                    text = shown[c.key] if c.key else c.text
                    align = ' align="center"' if c.key or c.head else ""
                    cells.append(f"<td{span}><p{align}>{html.escape(text)}</p></td>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</tbody></table>")
        if heading[0] in SECTION_TEXT:
            out.append(f'<p style="text-indent:2em">{SECTION_TEXT[heading[0]].format(year=year)}</p>')
    article = "\n".join(out)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_{body_name}门户网站</title>
<style>body{{font-family:"Noto Sans CJK SC",sans-serif;font-size:14px;margin:0}}
.top,.nav,.crumb,.footer{{background:#f4f4f4;padding:4px 20px}}
.article{{width:640px;margin:0 auto}} .article h1{{font-size:20px;text-align:center}}
.article table{{border-collapse:collapse;margin:8px auto}} .article td{{border:1px solid #000;padding:2px 4px}}
.article td p{{margin:0}}</style></head>
<body>
<div class="top"><span>{year + 1}年1月20日 星期一</span> <a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="#">English</a></div>
<div class="header"><h2>{body_name}门户网站</h2><form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li><li><a href="#">走进本市</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政府信息公开年报</a></div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：{year + 1}-01-20 10:30　来源：{body_name}　浏览次数：1024　字号：[大 中 小]</div>
<div class="TRS_Editor">
<p style="text-indent:2em">本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>
{article}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>　【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
</div>
<div class="footer"><p>主办：{body_name}办公室　承办：{body_name}大数据中心</p>
<p>网站标识码：3201000033　苏ICP备05009999号-1　苏公网安备 32010202000999号</p>
<p>联系电话：025-12345678　地址：市府大道1号</p></div>
</body></html>
"""


WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Noto Sans CJK SC",等线;
	mso-font-kerning:1.0pt;}}
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
"""

TD_STYLE = (
    "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;"
    "padding:0cm 5.4pt 0cm 5.4pt"
)


def word_text(text: str, number: bool) -> str:
    if text == "":
        return "<span lang=EN-US style='font-size:10.0pt'><o:p>&nbsp;</o:p></span>"
    if number:
        return f"<span lang=EN-US style='font-size:10.0pt'>{html.escape(text)}<o:p></o:p></span>"
    # Word splits a run where the text was edited: 自然人 as 自然 + 人.
    parts = [text[:-1], text[-1:]] if text == "自然人" else [text]
    spans = "".join(
        f"<span style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:宋体'>{html.escape(p)}</span>"
        for p in parts
    )
    return spans + "<span lang=EN-US style='font-size:10.0pt'><o:p></o:p></span>"


def word_page(title, year, body_name, sections, shown):
    out = [
        "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:18.0pt;"
        f"font-family:宋体'>{title}</span></b></p>",
        "<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:宋体'>"
        f"本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自</span><span lang=EN-US>{year}</span>"
        "<span style='font-family:宋体'>年</span><span lang=EN-US>1</span><span style='font-family:宋体'>月</span>"
        "<span lang=EN-US>1</span><span style='font-family:宋体'>日起至</span><span lang=EN-US>"
        f"{year}</span><span style='font-family:宋体'>年</span><span lang=EN-US>12</span><span style='font-family:宋体'>月"
        "</span><span lang=EN-US>31</span><span style='font-family:宋体'>日止。</span></p>",
    ]
    for heading, tables in sections:
        out.append(
            "<p class=MsoNormal style='text-indent:21.0pt'><b><span style='font-family:黑体'>"
            f"{heading}</span></b><span lang=EN-US><o:p></o:p></span></p>"
        )
        for caption, rows in tables_of(heading, tables):
            if caption:
                out.append(
                    "<p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>"
                    f"{caption}</span></p>"
                )
            out.append(
                "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
                "border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"
            )
            for r, row in enumerate(rows):
                cells = []
                for c in row:
                    span = "".join(
                        f" {n}={v}" for n, v in (("colspan", c.colspan), ("rowspan", c.rowspan)) if v > 1
                    )
                    text = shown[c.key] if c.key else c.text
                    centre = " align=center style='text-align:center'" if c.key or c.head else ""
                    cells.append(
                        f"<td{span} valign=center style='{TD_STYLE}'><p class=MsoNormal{centre}>"
                        f"{word_text(text, bool(c.key))}</p></td>"
                    )
                out.append(f" <tr style='mso-yfti-irow:{r}'>\n  " + "\n  ".join(cells) + "\n </tr>")
            out.append("</table>")
            out.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
        if heading[0] in SECTION_TEXT:
            out.append(
                "<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:宋体'>"
                f"{SECTION_TEXT[heading[0]].format(year=year)}</span></p>"
            )
    out.append(
        "<p class=MsoNormal align=right style='text-align:right'><span style='font-family:宋体'>"
        f"{body_name}</span></p>"
    )
    return WORD_HEAD.format(title=title) + "\n".join(out) + "\n</div>\n</body>\n</html>\n"


def editor_page(title, year, body_name, sections, shown):
    font = "font-family:仿宋_GB2312,Noto Sans CJK SC;font-size:16px;"
    out = [
        f'<p style="text-align:center;"><span style="font-size:22px;"><strong>{title}</strong></span></p>',
        f'<p style="text-indent:2em;"><span style="{font}">本报告根据《中华人民共和国政府信息公开条例》要求编制。'
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</span></p>",
    ]
    for heading, tables in sections:
        out.append(f'<p style="text-indent:2em;"><span style="{font}"><strong>{heading}</strong></span></p>')
        for caption, rows in tables_of(heading, tables):
            if caption:
                out.append(f'<p style="text-align:center;"><span style="{font}">{caption}</span></p>')
            out.append('<table border="1" style="border-collapse:collapse;width:100%;"><tbody>')
            for r, row in enumerate(rows):
                # The editor makes header rows <th>: a row with no value cell.
                header = not any(c.key for c in row)
                cells = []
                for c in row:
                    tag = "th" if header else "td"
                    span = "".join(
                        f' {n}="{v}"' for n, v in (("colspan", c.colspan), ("rowspan", c.rowspan)) if v > 1
                    )
                    text = shown[c.key] if c.key else c.text
                    style = "text-align:center;" if c.key or header else ""
                    inner = f'<span style="font-size:14px;">{html.escape(text)}</span>' if text else "<br/>"
                    cells.append(f'<{tag}{span} style="{style}border:1px solid #000;">{inner}</{tag}>')
                first = ' class="firstRow"' if r == 0 else ""
                out.append(f"<tr{first}>" + "".join(cells) + "</tr>")
            out.append("</tbody></table>")
        if heading[0] in SECTION_TEXT:
            out.append(
                f'<p style="text-indent:2em;"><span style="{font}">{SECTION_TEXT[heading[0]].format(year=year)}</span></p>'
            )
    out.append(f'<p style="text-align:right;"><span style="{font}">{body_name}</span></p>')
    out.append(f'<p style="text-align:right;"><span style="{font}">{year + 1}年1月20日</span></p>')
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
        '<body><div class="ueditor-content">\n' + "\n".join(out) + "\n</div></body></html>\n"
    )


PAGES = {"cms": cms_page, "word": word_page, "editor": editor_page}

# ---- converters ----------------------------------------------------------------------

INNER_TEXT_JS = """
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  for (const [src, dst] of JSON.parse(process.env.PAIRS)) {
    await page.goto('file://' + src);
    require('fs').writeFileSync(dst, await page.evaluate(() => document.body.innerText));
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
"""


def text_forms(page: Path):
    """The text converters: form name, extension, output text."""
    yield "w3m", "txt", run(["w3m", "-dump", "-T", "text/html", "-cols", "200", "-O", "UTF-8", str(page)]).stdout.decode()
    yield "lynx", "txt", run(
        ["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", str(page)]
    ).stdout.decode()
    # Debian's html2text counts bytes, not characters, and can cut a CJK character in
    # half: its output is decoded with replacement (U+FFFD), as a user's editor would.
    yield "html2text-debian", "txt", run(["/usr/bin/html2text", "-utf8", "-width", "200", str(page)]).stdout.decode(
        "utf-8", errors="replace"
    )
    yield "html2text", "md", run([sys.executable, "-m", "html2text", str(page)]).stdout.decode()
    yield "pandoc-plain", "txt", run(["pandoc", "-f", "html", "-t", "plain", str(page)]).stdout.decode()
    yield "pandoc-gfm", "md", run(["pandoc", "-f", "html", "-t", "gfm", str(page)]).stdout.decode()


def chromium_pdf(page: Path, pdf: Path, headers: bool):
    """Prints the page, without bold faces: chromium embeds Noto CJK's glyphs as Type 3
    fonts, each face's glyphs again, and a bold face doubles a PDF's size (the
    committed corpus is kept small)."""
    plain = page.with_name(page.stem + "-print.html")
    plain.write_text(
        page.read_text(encoding="utf-8").replace(
            "</head>", "<style>*{font-weight:normal !important}</style></head>", 1
        ),
        encoding="utf-8",
    )
    page = plain
    flags = ["--headless", "--no-sandbox", "--disable-gpu"]
    if not headers:
        flags.append("--no-pdf-header-footer")
    run(["chromium", *flags, f"--print-to-pdf={pdf}", page.as_uri()])


def libreoffice(page: Path, work: Path):
    """The page to DOCX, that DOCX to PDF; returns both paths."""
    profile = (work / "lo-profile").as_uri()
    base = ["soffice", f"-env:UserInstallation={profile}", "--headless"]
    run([*base, "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "lo"), str(page)])
    docx = work / "lo" / (page.stem + ".docx")
    pdf = work / "lo" / (page.stem + ".pdf")
    # soffice 7.4 writes the PDF of the cms page's DOCX (its search form became form
    # controls) and then exits 1 with "Unspecified Application Error": the PDF it
    # wrote is whole (pdfinfo reads it), so a written PDF is taken whatever the exit.
    out = subprocess.run([*base, "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)], capture_output=True)
    if not pdf.exists():
        sys.exit(f"soffice wrote no PDF of {docx}: {out.stderr.decode(errors='replace')}")
    run(["pdfinfo", str(pdf)])
    return docx, pdf


def pdftotext(pdf: Path):
    for mode, flags in (("layout", ["-layout"]), ("plain", []), ("raw", ["-raw"])):
        yield mode, run(["pdftotext", *flags, str(pdf), "-"]).stdout.decode()


def inner_texts(pairs):
    core = PLAYWRIGHT_DIR / "node_modules" / "playwright-core"
    env = dict(os.environ, PLAYWRIGHT_CORE=str(core), PAIRS=json.dumps([[str(a), str(b)] for a, b in pairs]))
    run(["node", "-e", INNER_TEXT_JS], env=env)


def version(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    return (out.stdout or out.stderr).strip().splitlines()[0]


def versions():
    core = PLAYWRIGHT_DIR / "node_modules" / "playwright-core" / "package.json"
    return [
        ("chromium", version(["chromium", "--version"])),
        ("LibreOffice", version(["soffice", "--version"])),
        ("pdftotext", version(["pdftotext", "-v"])),
        ("w3m", version(["w3m", "-version"])),
        ("lynx", version(["lynx", "-version"])),
        ("html2text (Debian)", version(["/usr/bin/html2text", "-version"])),
        ("html2text (Python)", version([sys.executable, "-m", "html2text", "--version"])),
        ("pandoc", version(["pandoc", "--version"])),
        ("playwright-core", json.loads(core.read_text())["version"]),
        ("node", version(["node", "--version"])),
    ]


# ---- what a form truly loses ---------------------------------------------------------
#
# A cell's truth is `?` where the form's text lacks its value: a careful person with
# the text, the template and its sums could not say what the cell holds. No file is
# named: a lost table is found in the output's text (`[TABLE]`), a vanished empty
# cell by EVIDENCE (the form writes the same text with the cell elsewhere in its row),
# and the reason goes with each (the truth pass prints them). Cells a reader merely
# fails on are not marked; nor is a cell whose place the text shows in any way (a `/`
# or `—` written in it, a `0`, an empty pipe or grid cell, a tab, a line break, a
# line of its own, a column gap, a shifted centring).

COLUMNS = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org"]


def sums(keys):
    """The template's sums over these keys, each a list of (coefficient, key) adding
    up to 0: T301 (each row of table 三), T302 and T303 (each column of table 三),
    T401–T403 (each group of table 四). A blank counts 0 in them."""
    out = []
    t3 = [k for k in keys if k.startswith("t3.")]
    rows = list(dict.fromkeys(k.rsplit(".", 1)[0] for k in t3))
    for r in rows:  # T301
        out.append([(1, f"{r}.total")] + [(-1, f"{r}.{c}") for c in COLUMNS])
    outer = ("t3.new_received", "t3.carried_over", "t3.results_total", "t3.carried_forward")
    results = [r for r in rows if r not in outer]
    for c in COLUMNS + ["total"]:
        out.append([(1, f"t3.results_total.{c}")] + [(-1, f"{r}.{c}") for r in results])  # T302
        out.append(  # T303
            [(1, f"t3.new_received.{c}"), (1, f"t3.carried_over.{c}"),
             (-1, f"t3.results_total.{c}"), (-1, f"t3.carried_forward.{c}")]
        )
    for g in ("review", "litigation_direct", "litigation_after_review"):  # T401–T403
        parts = ("upheld", "corrected", "other", "pending")
        out.append([(1, f"t4.{g}.total")] + [(-1, f"t4.{g}.{p}") for p in parts])
    return [s for s in out if all(k in keys for _, k in s)]


def number(v):
    return 0 if v in BLANK_MARKS else float(v.rstrip("元"))


def undecided(truth, lines, keys):
    """lines: [(a row's cells in order, the places its empty cell may stand in, by the
    text)]. Every choice of a place for each row's empty cell (its other values keep
    their order) that keeps every template sum; a cell is decided where every such
    choice gives it the same value (blank and 0 differ), else undecided. Returns the
    undecided cells, each with the number of choices kept."""
    import itertools

    options = []
    for cells, places in lines:
        options.append([dict(zip(cells, row)) for row in places["ways"]])
    touched = {k for cells, _ in lines for k in cells}
    checks = [s for s in sums(keys) if any(k in touched for _, k in s)]
    seen = {}
    kept = 0
    for combo in itertools.product(*options):
        cell = dict(truth)
        for placed in combo:
            cell.update(placed)
        if all(abs(sum(c * number(cell[k]) for c, k in s)) < 1e-9 for s in checks):
            kept += 1
            for k in touched:
                seen.setdefault(k, set()).add(cell[k])
    if not kept:
        sys.exit(f"no placement of {lines} keeps the sums: the truth breaks them")
    return {k: kept for k, vs in seen.items() if len(vs) > 1}


def table_rows(export):
    """Each table row holding values: its labels (the row's own header cells) and its
    value cells in order, by section."""
    out = []
    for heading, tables in export.sections:
        for _, rows in tables_of(heading, tables):
            for row in rows:
                cells = [c.key for c in row if c.key]
                if cells:
                    out.append(("".join(c.text for c in row if not c.key), cells))
    return out


def vanished(text, model, form):
    """Rows whose empty cell the form writes as nothing, with no trace of its place:
    by EVIDENCE, the form's text is the same with the empty cell moved to other cells
    of its row. Such a row's cells are undecided where the template's sums do not
    decide them either."""
    found = json.loads(EVIDENCE.read_text(encoding="utf-8"))["moves"].get(model["base"], {})
    lines = {}
    for key, e in found.items():
        same = e["same"].get(form)
        if same is None:
            sys.exit(f"{model['base']}-{form}: no evidence for {key}: run --evidence")
        if not same:
            continue
        cells, at = e["row"], e["at"]
        rest = [model["truth"][k] for k in cells if k != key]
        ways = [rest[:j] + [""] + rest[j:] for j in sorted([at] + same)]
        lines[key] = (cells, {"ways": ways, "at": [at] + same})
    out = {}
    for section in ("t2.", "t3.", "t4."):
        mine = [(c, p) for c, p in lines.values() if c[0].startswith(section)]
        if not mine:
            continue
        for k, kept in undecided(model["truth"], mine, model["keys"]).items():
            row = next((c, p) for c, p in mine if k in c)
            places = ", ".join(str(j + 1) for j in sorted(row[1]["at"]))
            out[k] = (
                f"{DROPS.get(form, 'the form writes an empty cell as nothing')}; the text is the same "
                f"with the row's empty cell in any of its cells {places}, and {kept} such placements "
                "keep every sum but differ here"
            )
    return out


def table_placeholder(text, model, form):
    """pandoc -t plain writes `[TABLE]` for a table it cannot lay out (merged cells):
    every cell of the table under that heading is gone."""
    out = {}
    lines = [l.strip() for l in text.splitlines()]
    for i, line in enumerate(lines):
        if line != "[TABLE]":
            continue
        before = next((l for l in reversed(lines[:i]) if l), "")
        section = {"二": "t2.", "三": "t3.", "四": "t4."}.get(before[:1]) if before[1:2] == "、" else None
        if section is None:
            sys.exit(f"{form}: [TABLE] under {before!r}, not a section heading: which table is it?")
        for k in model["keys"]:
            if k.startswith(section):
                out[k] = (
                    "pandoc -t plain writes [TABLE] in place of a table with merged cells: "
                    "its values are not in the text"
                )
    return out


def reordered(text, model, form):
    """Cells of table 二 whose values the form writes in the same order whether they
    stand row by row or column by column: by EVIDENCE, the page with a block of a
    sub-table's values placed the other way gives the same text. Table 二 has no sums
    to tell the two apart, so each cell the two pages hold differently is lost."""
    found = json.loads(EVIDENCE.read_text(encoding="utf-8"))["orders"].get(model["base"], [])
    out = {}
    for e in found:
        if form not in e["same"]:
            continue
        for k, mark in e["values"].items():
            if truth_of(mark) != model["truth"][k]:
                out[k] = (
                    f"{DROPS.get(form, 'the form')}, and writes the values of {e['caption']}, "
                    f"columns {e['columns']}, in the same order whether they stand row by row or "
                    "column by column: the page with them placed the other way gives the same text"
                )
    return out


# How the forms that drop an empty cell write one (for the reasons).
DROPS = {
    "chromium-raw": "pdftotext -raw writes a row's values one space apart and an empty cell as nothing",
    "lo-raw": "pdftotext -raw writes a row's values one space apart and an empty cell as nothing",
    "chromium-plain": "pdftotext in reading order writes an empty cell as nothing",
    "lo-plain": "pdftotext in reading order writes an empty cell as nothing",
}

# What finds lost cells in an output's text, and the structure rule that the loss
# makes fire once the rest is read (a table gone: S002; a row short of cells: S003).
LOST = [(table_placeholder, "S002"), (vanished, "S003"), (reordered, "S003")]


def lost_cells(path, form, model):
    """key → reason for the cells of this output that its text has lost, and the
    rules the loss makes fire."""
    if path.suffix not in (".txt", ".md"):
        return {}, set()
    text = path.read_text(encoding="utf-8")
    lost, fires = {}, set()
    for find, rule in LOST:
        found = {k: r for k, r in find(text, model, form).items() if k not in lost}
        if found:
            lost.update(found)
            fires.add(rule)
    return lost, fires


# ---- evidence: where an empty cell leaves no trace -----------------------------------
#
# Whether a form shows where an empty cell stood is tried, not guessed: each page is
# written again with the empty cell moved to every other cell of its row (the row's
# other values keep their order, so the row shows the same values), and put through
# the same converters. A move whose text is the page's own text, byte for byte over
# the tables (sections 二 to 四; lines with the print date or the page's address left
# out), is a placement that the text cannot tell from the truth. So is a block of
# table 二 placed the other way (`orders`) whose text is the page's own. `--evidence`
# writes what it found to EVIDENCE; the truth pass reads it there.

EVIDENCE = ROOT / "scripts" / "converted-forms-evidence.json"


def tables_text(text: str) -> str:
    a, b = text.find("二、主动公开"), text.find("五、存在")
    a = text.rfind("\n", 0, a) + 1  # from the start of the heading's line
    lines = text[a:b].splitlines()
    kept = "\n".join(l for l in lines if not re.search(r"\d+/\d+/\d+|file:|\d:\d\d|^\s*\d+/\d+\s*$", l))
    # chromium's print header (its date's width) can move the whole page sideways
    return textwrap.dedent(kept)


def moves(model):
    """(key, its row's cells, its place, another place, the cells' text with the move)."""
    shown = model["shown"]
    for _, cells in table_rows(model["export"]):
        for key in cells:
            if shown[key] != "":
                continue
            rest = [shown[k] for k in cells if k != key]
            at = cells.index(key)
            for j in range(len(cells)):
                if j != at:
                    moved = dict(shown)
                    moved.update(zip(cells, rest[:j] + [""] + rest[j:]))
                    yield key, cells, at, j, moved


def t2_parts(export):
    """Each part of table 二: its caption (第二十条第（一）项) and its rows' cells."""
    for heading, tables in export.sections:
        if heading.startswith("二"):
            for caption, thead, tbody in tables:
                rows = [[c.key for c in row if c.key] for row in thead + tbody]
                yield caption, [r for r in rows if r]


def orders(model):
    """(part's caption, its columns a–b, what the page writes with the values of those
    columns placed the other way): the values read row by row set column by column, and
    read column by column set row by row. A `pdftotext` reading order may write a block
    of cells either way (where the page's geometry makes the block one text block or
    one per column), so a page whose values stand the other way may give the same
    text."""
    shown = model["shown"]
    for caption, rows in t2_parts(model["export"]):
        if len(rows) < 2 or len({len(r) for r in rows}) != 1:
            continue
        seen = []
        for a in range(len(rows[0])):
            for b in range(a + 2, len(rows[0]) + 1):
                block = [r[a:b] for r in rows]
                across = [k for r in block for k in r]
                down = [r[c] for c in range(b - a) for r in block]
                for read, placed in ((across, down), (down, across)):
                    other = dict(zip(placed, (shown[k] for k in read)))
                    changed = {k: v for k, v in other.items() if v != shown[k]}
                    if changed and changed not in seen:
                        seen.append(changed)
                        yield caption, f"{a + 1}-{b}", changed


def all_texts(pages, work: Path):
    """page path → form → the tables' text, for every text form of the corpus."""
    texts = {p: {} for p in pages}
    for p in pages:
        for form, _, text in text_forms(p):
            texts[p][form] = tables_text(text)
        pdf = p.with_name(p.stem + "-chromium.pdf")
        chromium_pdf(p, pdf, headers="-cms-" in p.name)
        for mode, text in pdftotext(pdf):
            texts[p][f"chromium-{mode}"] = tables_text(text)
    lo = work / "lo"
    profile = (work / "lo-profile").as_uri()
    base = ["soffice", f"-env:UserInstallation={profile}", "--headless"]
    run([*base, "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(lo), *map(str, pages)])
    for p in pages:  # one at a time: soffice exits 1 after the cms page's PDF (see libreoffice)
        subprocess.run([*base, "--convert-to", "pdf", "--outdir", str(lo), str(lo / (p.stem + ".docx"))], capture_output=True)
        pdf = lo / (p.stem + ".pdf")
        if not pdf.exists():
            sys.exit(f"soffice wrote no PDF of {p.stem}")
        for mode, text in pdftotext(pdf):
            texts[p][f"lo-{mode}"] = tables_text(text)
    inner = [(p, p.with_name(p.stem + "-innertext.txt")) for p in pages]
    inner_texts(inner)
    for p, t in inner:
        texts[p]["innertext"] = tables_text(t.read_text(encoding="utf-8"))
    return texts


def evidence():
    gen = Path(tempfile.mkdtemp(prefix="zfxxgk-evidence-"))
    try:
        generate(gen)
        pages, tried, placed = [], [], []
        for (name, kind), model in models(gen).items():
            export = model["export"]
            year = int(re.search(r"(\d{4})年", export.title).group(1))
            body_name = export.title.split(str(year))[0]
            # Names of one length: chromium prints the page's address in its footer.
            page = gen / f"{name}-{kind}-p000.html"
            page.write_text(PAGES[kind](export.title, year, body_name, export.sections, model["shown"]), encoding="utf-8")
            pages.append(page)
            for n, (key, cells, at, j, moved) in enumerate(moves(model)):
                q = gen / f"{name}-{kind}-p{n + 1:03d}.html"
                q.write_text(PAGES[kind](export.title, year, body_name, export.sections, moved), encoding="utf-8")
                pages.append(q)
                tried.append((f"{name}-{kind}", page, key, cells, at, j, q))
            for n, (caption, columns, changed) in enumerate(orders(model)):
                q = gen / f"{name}-{kind}-o{n + 1:03d}.html"
                q.write_text(PAGES[kind](export.title, year, body_name, export.sections, {**model["shown"], **changed}), encoding="utf-8")
                pages.append(q)
                placed.append((f"{name}-{kind}", page, caption, columns, changed, q))
        texts = all_texts(pages, gen)
        out = {"moves": {}, "orders": {}}
        for base, page, key, cells, at, j, q in tried:
            e = out["moves"].setdefault(base, {}).setdefault(key, {"row": cells, "at": at, "same": {}})
            for form, text in texts[q].items():
                same = e["same"].setdefault(form, [])
                if text == texts[page][form]:
                    same.append(j)
        for base, page, caption, columns, changed, q in placed:
            same = sorted(form for form, text in texts[q].items() if text == texts[page][form])
            out["orders"].setdefault(base, []).append(
                {"caption": caption, "columns": columns, "values": changed, "same": same}
            )
        # The committed outputs must be what these tools write of the page.
        for (name, kind) in models(gen):
            page = gen / f"{name}-{kind}-p000.html"
            for form, text in texts[page].items():
                path = next(q for q in OUT.glob(f"{name}-{kind}-{form}.*") if q.suffix != ".rules")
                if tables_text(path.read_text(encoding="utf-8")) != text:
                    print(f"{path.name}: the tools now write other text: evidence may not hold", file=sys.stderr)
        EVIDENCE.write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    finally:
        if "ZFXXGK_KEEP" in os.environ:
            print(f"kept {gen}", file=sys.stderr)
        else:
            shutil.rmtree(gen, ignore_errors=True)


# ---- writing the corpus --------------------------------------------------------------

RULES = ["!S001", "!S002", "!S003", "!S004", "!S005", "!T301", "!T302", "!T303",
         "!T401", "!T402", "!T403", "!N001", "!N002"]


def write_truth(stem, keys, truth, lost, fires=()):
    """NAME.csv, and NAME.rules: no rule may fire, but the structure rule that a lost
    cell makes fire (it must: the text lacks the cell)."""
    with open(OUT / "expected" / f"{stem}.csv", "w", encoding="utf-8") as f:
        f.write("key,value\n")
        for k in keys:
            f.write(f"{k},{'?' if k in lost else truth[k]}\n")
    rules = [r[1:] if r[1:] in fires else r for r in RULES]
    (OUT / f"{stem}.rules").write_text("\n".join(rules) + "\n", encoding="utf-8")


def generate(gen: Path):
    """The generated reports under gen/gen, and the reader to export them."""
    run(["cargo", "build", "-q", "-p", "zfxxgk-cli"], cwd=ROOT)
    run(["cargo", "run", "-q", "--example", "gen_corpus", "--", str(gen / "gen"), "10"], cwd=ROOT)


def models(gen: Path):
    """(name, kind) → the page's model: its export, keys, what it shows, its truth."""
    out = {}
    for name, source in REPORTS:
        export, values, written = report_model(gen / "gen" / source)
        for kind in KINDS:
            shown, truth = marks_for(name, kind, values, written)
            out[name, kind] = {
                "base": f"{name}-{kind}", "export": export, "keys": list(values), "shown": shown, "truth": truth
            }
    return out


def write_truths(pages):
    """expected/NAME.csv of every output of the pages, from the model and the output's
    own text (`?` where LOST finds the cell lost)."""
    for (name, kind), model in pages.items():
        base = f"{name}-{kind}"
        outputs = sorted(p for p in OUT.glob(f"{base}-*") if p.suffix != ".rules")
        if not outputs:
            sys.exit(f"no output of {base} in {OUT}: run the script without --truth")
        for path in outputs:
            stem = path.name.split(".")[0]
            form = stem[len(base) + 1 :]
            lost, fires = lost_cells(path, form, model)
            write_truth(stem, model["keys"], model["truth"], lost, fires)
            by_reason = {}
            for k in model["keys"]:
                if k in lost:
                    by_reason.setdefault(lost[k], []).append(k)
            for reason, ks in by_reason.items():
                shown = " ".join(ks[:4]) + (f" and {len(ks) - 4} more" if len(ks) > 4 else "")
                print(f"{stem}: {len(ks)} lost ({shown}): {reason}")


def truth_only():
    """Rewrites expected/*.csv and *.rules of the committed outputs, from the generated
    model and the outputs' own text: no converter runs."""
    gen = Path(tempfile.mkdtemp(prefix="zfxxgk-forms-"))
    try:
        generate(gen)
        write_truths(models(gen))
    finally:
        shutil.rmtree(gen, ignore_errors=True)


def build():
    gen = Path(tempfile.mkdtemp(prefix="zfxxgk-forms-"))
    try:
        generate(gen)
        (OUT / "expected").mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("gen20*"):
            old.unlink()
        for old in (OUT / "expected").glob("gen20*"):
            old.unlink()
        inner = []
        for name, source in REPORTS:
            export, values, written = report_model(gen / "gen" / source)
            year = int(re.search(r"(\d{4})年", export.title).group(1))
            body_name = export.title.split(str(year))[0]
            for kind in KINDS:
                shown, truth = marks_for(name, kind, values, written)
                page_html = PAGES[kind](export.title, year, body_name, export.sections, shown)
                base = f"{name}-{kind}"
                page = gen / f"{base}.html"
                page.write_text(page_html, encoding="utf-8")
                outputs = []  # (form, ext, text or path)
                for form, ext, text in text_forms(page):
                    outputs.append((form, ext, text))
                pdf = gen / f"{base}-chromium.pdf"
                chromium_pdf(page, pdf, headers=kind == "cms")
                docx, lo_pdf = libreoffice(page, gen)
                for form, path in (("chromium", pdf), ("lo", lo_pdf)):
                    outputs.append((f"{form}-pdf", "pdf", path))
                    for mode, text in pdftotext(path):
                        outputs.append((f"{form}-{mode}", "txt", text))
                outputs.append(("lo-docx", "docx", docx))
                inner.append((page, OUT / f"{base}-innertext.txt"))
                outputs.append(("innertext", "txt", None))
                for form, ext, content in outputs:
                    stem = f"{base}-{form}"
                    if isinstance(content, str):
                        (OUT / f"{stem}.{ext}").write_text(content, encoding="utf-8")
                    elif content is not None:
                        shutil.copyfile(content, OUT / f"{stem}.{ext}")
        inner_texts(inner)
        evidence()
        write_truths(models(gen))
        write_versions()
    finally:
        if "ZFXXGK_KEEP" in os.environ:
            print(f"kept {gen}", file=sys.stderr)
        else:
            shutil.rmtree(gen, ignore_errors=True)


VERSIONS_MARK = "## Tool versions of the generated pages\n"


def write_versions():
    readme = README
    text = readme.read_text(encoding="utf-8")
    lines = "\n".join(f"- {n}: `{v}`" for n, v in versions())
    block = VERSIONS_MARK + "\nWritten by `scripts/converted-forms.py` when it last ran.\n\n" + lines + "\n"
    if VERSIONS_MARK in text:
        head, rest = text.split(VERSIONS_MARK, 1)
        tail = rest.split("\n## ", 1)
        text = head + block + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    readme.write_text(text, encoding="utf-8")


# ---- figures -------------------------------------------------------------------------


def read_csv(path: Path):
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(r.split(",", 1) for r in rows if "," in r)


def facts(path: Path):
    out = subprocess.run([str(ZFXXGK), "parse", str(path), "--format", "facts"], capture_output=True)
    if out.returncode != 0:
        # A file the reader could not open (a PDF without pdftotext) would count as
        # every cell unplaced: say so instead of writing that figure.
        sys.exit(f"{ZFXXGK} parse {path}: exit {out.returncode}\n{out.stderr.decode(errors='replace')}")
    got = {}
    for line in out.stdout.decode().splitlines()[1:]:
        parts = line.split(",", 2)
        if len(parts) == 3:
            got[parts[1]] = parts[2]
    return got


def form_of(stem: str) -> str:
    name, kind, form = stem.split("-", 2)
    return form


def figures():
    """Per form: files, cells recoverable, right, wrong, unplaced, invented, lost."""
    table = {}
    detail = []
    for path in sorted(OUT.glob("gen20*")):
        if path.suffix == ".rules":
            continue
        stem = path.name.split(".")[0]
        form = form_of(stem)
        expected = read_csv(OUT / "expected" / f"{stem}.csv")
        got = facts(path)
        t = table.setdefault(form, [0, 0, 0, 0, 0, 0, 0])
        t[0] += 1
        for k, v in expected.items():
            if v == "?":
                t[6] += 1
                if k in got:
                    detail.append(f"{stem}: {k}: lost, but read as {got[k]!r}")
                continue
            t[1] += 1
            if k not in got:
                t[4] += 1
            elif got[k] == v:
                t[2] += 1
            else:
                t[3] += 1
                detail.append(f"{stem}: {k}: expected {v!r}, got {got[k]!r}")
        for k in got:
            if k not in expected:
                t[5] += 1
                detail.append(f"{stem}: {k}: invented {got[k]!r}")
    return table, detail


def main():
    # The run without arguments rewrites the whole corpus: `--help` or a typo must
    # not start it.
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--figures", action="store_true", help="read the corpus back, write the figures")
    what.add_argument("--evidence", action="store_true", help="where an empty cell, or the order of a block of table 二, leaves no trace (needs the tools)")
    what.add_argument("--truth", action="store_true", help="rewrite expected/ from the committed outputs")
    parser.parse_args()
    if "--figures" in sys.argv:
        # The figures are of the reader as the tree now stands, never of an old build.
        run(["cargo", "build", "-q", "-p", "zfxxgk-cli"], cwd=ROOT)
        table, detail = figures()
        print("| form | files | recoverable | right | wrong | unplaced | invented | `?` |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for form, t in table.items():
            print(f"| {form} | " + " | ".join(str(x) for x in t) + " |")
        for d in detail:
            print(d, file=sys.stderr)
        return
    if "--evidence" in sys.argv:
        evidence()
        return
    if "--truth" in sys.argv:
        truth_only()
        return
    build()


if __name__ == "__main__":
    main()
