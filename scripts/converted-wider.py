#!/usr/bin/env python3
"""A wider check of the converted forms than the committed corpus: more reports, other
blank cells, the same converters, judged only on what must never happen.

`scripts/converted-forms.py` writes two reports as three kinds of web page and commits
what each converter makes of them, with a ground truth that says which cells a form
loses. That truth takes the evidence of re-printed pages and is costly to make, so the
committed corpus is small, and a reader tuned on it could still read a wrong value on
a report it has not seen. This script draws COUNT other generated reports
(`examples/gen_corpus.rs`, both editions), blanks cells of its own choosing in each
(zero cells of tables 三 and 四, so that every sum still holds, and cells of table 二;
written empty, `/`, `—` or `0`, as the corpus script does), writes each as the cms,
word and editor page of `converted-forms.py`, puts every page through the same
converters, reads every output with `zfxxgk parse --format facts`, and counts per form:

  right     cells read as the page shows them (a blank as blank, `0` as 0)
  unplaced  cells not read: no error here (this script does not know which cells a
            form truly loses), a figure to watch
  WRONG     a cell read as another value than the page's: never allowed
  INVENTED  a cell read that the report does not have: never allowed

and lists every WRONG and INVENTED cell with its file, kept under OUT. It exits 1 if
there is any. Needs the converters of `converted-forms.py` (chromium, LibreOffice,
poppler-utils, w3m, lynx, Debian and Python html2text, pandoc; innerText needs
playwright-core, looked for as there, and is skipped with a note when absent).

  python3 scripts/converted-wider.py COUNT SEED OUT [--bin PATH] [--no-lo] [--again] [-v]

COUNT reports are drawn, by SEED, from 200 generated ones; `--bin` is the zfxxgk to
judge (default target/release/zfxxgk, built first); `--no-lo` skips LibreOffice, the
slowest converter; `--again` judges the outputs already under OUT (its
manifest.json) with another build, running no converter; `-v` lists the unplaced cells
too. Run from the repository root.
"""

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
spec = importlib.util.spec_from_file_location("converted_forms", HERE / "converted-forms.py")
cf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cf)


def blanks(rng: random.Random, values: dict):
    """Eight cells to write blank: six zero cells of tables 三 and 四, two of table 二."""
    zeros = sorted(k for k, v in values.items() if k[:3] in ("t3.", "t4.") and v == "0")
    t2 = sorted(k for k in values if k.startswith("t2."))
    return rng.sample(zeros, min(6, len(zeros))) + rng.sample(t2, min(2, len(t2)))


def page_truth(kind: str, chosen, values: dict, written: dict):
    """What the page shows in each cell, and the truth, marks turning with the kind."""
    shown, truth = dict(written), dict(values)
    turn = cf.KINDS.index(kind)
    for i, key in enumerate(chosen):
        mark = cf.MARKS[(i + turn) % len(cf.MARKS)]
        shown[key] = mark
        truth[key] = "0" if mark == "0" else ""
    return shown, truth


def outputs_of(page: Path, work: Path, kind: str, use_lo: bool):
    """(form, path) of every converter's output of `page`, written under `work`."""
    base = page.stem
    for form, ext, text in cf.text_forms(page):
        path = work / f"{base}-{form}.{ext}"
        path.write_text(text, encoding="utf-8")
        yield form, path
    pdfs = [("chromium", work / f"{base}-chromium.pdf")]
    cf.chromium_pdf(page, pdfs[0][1], headers=kind == "cms")
    if use_lo:
        docx, lo_pdf = cf.libreoffice(page, work)
        yield "lo-docx", docx
        pdfs.append(("lo", lo_pdf))
    for name, pdf in pdfs:
        yield f"{name}-pdf", pdf
        for mode, text in cf.pdftotext(pdf):
            path = work / f"{base}-{name}-{mode}.txt"
            path.write_text(text, encoding="utf-8")
            yield f"{name}-{mode}", path


def convert(count, seed, out: Path, use_lo: bool):
    """Draws the reports, writes their pages, runs the converters: the manifest of
    every output, its form and its page's truth, written to OUT/manifest.json."""
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    gen = out / "gen"
    if not gen.exists():
        cf.run(["cargo", "run", "-q", "--release", "--example", "gen_corpus", "--", str(gen), "200"], cwd=ROOT)
    sources = sorted(gen.rglob("*.txt")) + sorted(gen.rglob("*.md"))
    rng = random.Random(seed)
    drawn = rng.sample(sources, min(count, len(sources)))
    core = cf.PLAYWRIGHT_DIR / "node_modules" / "playwright-core"
    manifest, inner = [], []
    for source in drawn:
        export, values, written = cf.report_model(source)
        year = int(cf.re.search(r"(\d{4})年", export.title).group(1))
        body_name = export.title.split(str(year))[0]
        chosen = blanks(rng, values)
        for kind in cf.KINDS:
            shown, truth = page_truth(kind, chosen, values, written)
            page = work / f"{source.stem}-{kind}.html"
            page.write_text(cf.PAGES[kind](export.title, year, body_name, export.sections, shown), encoding="utf-8")
            for form, path in outputs_of(page, work, kind, use_lo):
                manifest.append({"form": form, "path": str(path), "truth": truth})
            if core.exists():
                inner.append((page, work / f"{page.stem}-innertext.txt"))
                manifest.append({"form": "innertext", "path": str(inner[-1][1]), "truth": truth})
    if inner:
        cf.inner_texts(inner)
    else:
        print(f"innertext skipped: no playwright-core under {cf.PLAYWRIGHT_DIR}", file=sys.stderr)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return manifest


def main():
    parser = argparse.ArgumentParser(usage=next(l.strip() for l in __doc__.splitlines() if "wider.py COUNT" in l))
    parser.add_argument("count", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--bin", type=Path)
    parser.add_argument("--no-lo", action="store_true")
    parser.add_argument("--again", action="store_true", help="judge OUT's outputs again, running no converter")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the unplaced cells too")
    a = parser.parse_args()
    out = a.out.resolve()
    binary = a.bin.resolve() if a.bin else ROOT / "target" / "release" / "zfxxgk"
    if not a.bin:
        cf.run(["cargo", "build", "-q", "--release", "-p", "zfxxgk-cli"], cwd=ROOT)
    cf.ZFXXGK = binary
    if a.again:
        if not (out / "manifest.json").exists():
            sys.exit(f"{out / 'manifest.json'}: absent; run once without --again")
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    else:
        manifest = convert(a.count, a.seed, out, not a.no_lo)
    tally, bad = {}, []
    for entry in manifest:
        judge(tally, bad, entry["form"], Path(entry["path"]), entry["truth"])
    print("| form | files | cells | right | unplaced | WRONG | INVENTED |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for form, t in sorted(tally.items()):
        print(f"| {form} | " + " | ".join(str(x) for x in t) + " |")
    for line in bad:
        if a.verbose or not line.startswith("unplaced"):
            print(line)
    sys.exit(1 if any(not line.startswith("unplaced") for line in bad) else 0)


def judge(tally, bad, form, path, truth):
    got = cf.facts(path)
    t = tally.setdefault(form, [0, 0, 0, 0, 0, 0])
    t[0] += 1
    for key, value in truth.items():
        t[1] += 1
        if key not in got:
            t[3] += 1
            bad.append(f"unplaced {path.name}: {key} ({value!r})")
        elif got[key] == value:
            t[2] += 1
        else:
            t[4] += 1
            bad.append(f"WRONG {path.name}: {key}: the page shows {value!r}, read {got[key]!r}")
    for key in got:
        if key not in truth:
            t[5] += 1
            bad.append(f"INVENTED {path.name}: {key}: read {got[key]!r}")


if __name__ == "__main__":
    main()
