#!/usr/bin/env python3
"""Writes tests/corpus/converted/: a real report's web page put through the text
converters our users run, with the ground truth of each output.

The page is ../shared/corpus/real/pingtan-2023.html, cut to its article (the
report itself, <div class=TRS_Editor>) and without inline styles, so that the
outputs stay small. Two pages are
converted: the article as published, and a variant that a CMS could have written,
with <h2> section headings and table 四 as three small tables, one per group, each
under an <h3> heading (issue 17, point 7). Each goes through:

  w3m -dump -cols 200       box-drawn tables (┌─┬─┐)
  python -m html2text       pipe rows without outer pipes (规章| 0| 0| 0)
  pandoc -t gfm             markdown pipe tables, raw <table> HTML where a table
                            has merged cells
  lynx -dump -nolist        one cell per paragraph, centred, blank lines between

No form loses a cell of this report, so every output's ground truth is the page's
own (../shared/corpus/real/expected/pingtan-2023.csv, read by hand), and its rules
file says that no consistency rule may fire. The tool versions are written to
tests/corpus/converted/README.md. Outputs are committed: the tests need none of the
tools. Run from the repository root: python3 scripts/converted-corpus.py
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "real"
OUT = ROOT / "tests" / "corpus" / "converted"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>
{article}
</body></html>
"""

TITLE = "平潭综合实验区2023年度政府信息公开工作年度报告"


def article(html: str) -> str:
    """The report's article: the TRS_Editor div, whose content is one line, without
    its inline styles (which make pandoc's raw HTML tables five times longer)."""
    m = re.search(r"<div class=TRS_Editor>(.*?)</div>", html, re.S)
    if not m:
        sys.exit("no <div class=TRS_Editor> in the page")
    return re.sub(r' style="[^"]*"', "", m.group(1))


def split_t4(body: str) -> str:
    """Section headings as <h2>, and table 四 as three tables under <h3> headings."""
    body = re.sub(
        r"<p><strong>(&nbsp;)?([一二三四五六]、[^<]*)</strong>(&nbsp;)?</p>",
        r"<h2>\2</h2>",
        body,
    )
    start = body.index("<h2>四、")
    t4_start = body.index("<table", start)
    t4_end = body.index("</table>", t4_start) + len("</table>")
    table = body[t4_start:t4_end]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", table, re.S)
    values = [re.sub(r"<[^>]+>", "", c).strip() for c in cells][-15:]
    if len(values) != 15 or not all(v.isdigit() for v in values):
        sys.exit(f"table 四's last row is not fifteen numbers: {values}")
    header = "".join(
        f"<th>{c}</th>" for c in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    )
    groups = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
    small = []
    for g, name in enumerate(groups):
        row = "".join(f"<td>{v}</td>" for v in values[g * 5 : g * 5 + 5])
        small.append(
            f'<h3>{name}</h3><table border="1"><tr>{header}</tr><tr>{row}</tr></table>'
        )
    return body[:t4_start] + "".join(small) + body[t4_end:]


def run(cmd: list[str], page: Path) -> str:
    out = subprocess.run(cmd + [str(page)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def version(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().splitlines()[0]


CONVERTERS = [
    ("w3m", "txt", ["w3m", "-dump", "-T", "text/html", "-cols", "200", "-O", "UTF-8"]),
    ("html2text", "md", [sys.executable, "-m", "html2text"]),
    ("pandoc-gfm", "md", ["pandoc", "-f", "html", "-t", "gfm"]),
    (
        "lynx",
        "txt",
        ["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8"],
    ),
]

VERSIONS = [
    ("w3m", ["w3m", "-version"]),
    ("html2text (Python)", [sys.executable, "-m", "html2text", "--version"]),
    ("pandoc", ["pandoc", "--version"]),
    ("lynx", ["lynx", "-version"]),
]


def main() -> None:
    html = (SHARED / "pingtan-2023.html").read_text(encoding="utf-8")
    body = article(html)
    pages = {
        "pingtan-2023": body,
        "pingtan-2023-t4split": split_t4(body),
    }
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    truth = SHARED / "expected" / "pingtan-2023.csv"
    rules = SHARED / "pingtan-2023.rules"
    tmp = tempfile.TemporaryDirectory()
    work = Path(tmp.name)
    for name, article_html in pages.items():
        page = work / f"{name}.html"
        page.write_text(PAGE.format(title=TITLE, article=article_html), encoding="utf-8")
        for tool, ext, cmd in CONVERTERS:
            stem = f"{name}-{tool}"
            (OUT / f"{stem}.{ext}").write_text(run(cmd, page), encoding="utf-8")
            shutil.copyfile(truth, OUT / "expected" / f"{stem}.csv")
            shutil.copyfile(rules, OUT / f"{stem}.rules")
    tmp.cleanup()
    lines = [f"- {label}: `{version(cmd)}`" for label, cmd in VERSIONS]
    readme = OUT / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    marker = "## Tool versions\n"
    head = text.split(marker)[0] if marker in text else text
    readme.write_text(head + marker + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
