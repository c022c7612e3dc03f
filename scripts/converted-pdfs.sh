#!/usr/bin/env bash
# Writes the PDFs of tests/corpus/converted/: generated reports of both template
# editions as web pages, with blank cells written as nothing, "/" and "—", printed to
# PDF by Debian's chromium (headless, Noto CJK fonts); the ground truth in expected/ is what the web page reads as (the HTML path reads
# generated pages exactly, tests/roundtrip.rs), blank cells blank.
#
#   apt-get install -y chromium fonts-noto-cjk poppler-utils
#   scripts/converted-pdfs.sh            # rewrites tests/corpus/converted/chromium-*
#
# The outputs are committed, so tests need none of these tools; tool versions go in
# tests/corpus/converted/README.md by hand when they change.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/corpus/converted
mkdir -p "$out/expected"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build -q -p zfxxgk-cli
zfxxgk=target/debug/zfxxgk
cargo run -q --example gen_corpus -- "$work/gen" 10 >/dev/null

# name, whether chromium prints its header and footer (yes/no), generated report,
# then the cells made blank: KEY=MARK with MARK one of empty, / and —; or the cells
# made narrow, KEY@W: the number kept, in a box W em wide that breaks it anywhere
# (word-break: break-all), so that it wraps inside its cell (a digit of Noto Sans CJK
# is about 0.55 em wide: 0.6 holds one digit a line, 1.2 two).
write() {
  local name=$1 headers=$2 source=$3
  shift 3
  cp "$source" "$work/$name.txt"
  # Run from the work folder, so that the page names the file, not a path.
  (cd "$work" && "$OLDPWD/$zfxxgk" parse "$name.txt" --format html) >"$work/$name.html"
  python3 - "$work/$name.html" "$@" <<'EOF'
import re, sys
path, blanks = sys.argv[1], sys.argv[2:]
html = open(path, encoding="utf-8").read()
for spec in blanks:
    if "@" in spec:
        key, wide = spec.split("@", 1)
        box = '<div style="width:%sem;word-break:break-all;margin-left:auto">' % wide
        html, n = re.subn(r'(<td class="number" title="%s">)([^<]*)(</td>)' % re.escape(key),
                          lambda m: m.group(1) + box + m.group(2) + "</div>" + m.group(3), html)
    else:
        key, mark = spec.split("=", 1)
        html, n = re.subn(r'(<td class="number" title="%s">)[^<]*(</td>)' % re.escape(key),
                          lambda m: m.group(1) + mark + m.group(2), html)
    assert n == 1, (key, n)
open(path, "w", encoding="utf-8").write(html)
EOF
  local flags=(--headless --no-sandbox --disable-gpu)
  [ "$headers" = yes ] || flags+=(--no-pdf-header-footer)
  chromium "${flags[@]}" --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" 2>/dev/null
  cp "$work/$name.pdf" "$out/$name.pdf"
  { echo "key,value"; "$zfxxgk" parse "$work/$name.html" --format facts | tail -n +2 | cut -d, -f2-; } \
    >"$out/expected/$name.csv"
}

# 2019 edition: blanks first in a row, inside a row, at the end of a row, in table 二
# and at the start of table 四.
write chromium-2019 no "$work/gen/2019/body00000-2019.txt" \
  t2.regulations.published= \
  t3.new_received.natural_person= \
  t3.granted.research=/ \
  t3.granted.public_interest= \
  t3.partly_granted.total=— \
  t3.withheld.state_secret.commercial= \
  t3.withheld.state_secret.research= \
  t3.carried_forward.other_org= \
  t4.review.upheld= \
  t4.litigation_direct.pending=/
# 2021 edition, with the page's own print header and footer (date, title, address,
# page x/y) that the reader leaves out.
write chromium-2024 yes "$work/gen/2024/body00000-2024.txt" \
  t2.regulations.repealed= \
  t2.normative_documents.issued=— \
  t3.new_received.commercial= \
  t3.carried_over.natural_person= \
  t3.granted.total=/ \
  t3.unavailable.not_held.legal_services= \
  t3.other.no_correction.natural_person= \
  t4.review.upheld= \
  t4.review.corrected= \
  t4.litigation_after_review.total=
# The 2019 report again, three numbers wrapped inside narrow cells: 184 one digit a
# line (first column of table 三), 201 two digits a line (20 over 1, last column of the
# same row) and 207 one digit a line in table 二. The reader joins each wrapped cell's
# digits on its row's line (crates/zfxxgk-input/src/words.rs), so the ground truth is the page's.
write chromium-2019-wrapped no "$work/gen/2019/body00000-2019.txt" \
  t3.new_received.natural_person@0.6 \
  t3.new_received.total@1.2 \
  t2.regulations.published@0.6
