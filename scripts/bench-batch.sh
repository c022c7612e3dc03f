#!/usr/bin/env bash
# Batch benchmark: generates corpora of consistent reports (examples/gen_corpus.rs: all
# five layouts, a tenth in GBK, six years of each body, so that T305 pairs every
# report) and runs `zfxxgk parse --format csv-wide` and `zfxxgk check --format json`
# over each under GNU time, on each number of threads asked for. Each figure is the
# median of RUNS runs (the machine may be shared: medians, not means).
#
#   scripts/bench-batch.sh [-t THREADS] [-r RUNS] [-b BIN_DIR] [COUNT ...]
#
#   -t THREADS  thread counts, comma-separated (default 1,2); e.g. -t 1,2,4,8,16
#   -r RUNS     runs of each command (default 3)
#   -b BIN_DIR  use the `zfxxgk` and `gen_corpus` binaries in BIN_DIR instead of
#               building them (for a machine without the toolchain)
#   COUNT       reports per corpus (default 1000 10000)
#
# Prints a table of every run's median (seconds, ms per report, files/s, MB/s, peak
# RSS), then the ratios the batch goals are stated in: check time per report against
# the smallest corpus's (flat: within 25%), check against parse on the same reports
# (at most 1.5x), and each thread count's speed-up over one thread.
#
# Peak RSS needs GNU time (/usr/bin/time, Debian package `time`); without it the
# shell's own timer is used and RSS is left out. 100,000 reports take ~340 MB of disk
# under $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=1,2
runs=3
bin_dir=
while getopts "t:r:b:" opt; do
  case $opt in
    t) threads=$OPTARG ;;
    r) runs=$OPTARG ;;
    b) bin_dir=$OPTARG ;;
    *) sed -n '2,24p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
IFS=, read -r -a thread_list <<< "$threads"
if [ -n "$bin_dir" ]; then
  bin=$bin_dir/zfxxgk
  gen=$bin_dir/gen_corpus
else
  cargo build -q --release -p zfxxgk-cli -p zfxxgk --bins --example gen_corpus
  bin=target/release/zfxxgk
  gen=target/release/examples/gen_corpus
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results"
: > "$results"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '| command | reports | threads | MB | seconds | ms/report | files/s | MB/s | peak RSS (MB) |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${counts[@]}"; do
  dir="$work/c$n"
  "$gen" "$dir" "$n" 2>/dev/null
  mb=$(du -sb "$dir" | awk '{printf "%.1f", $1/1e6}')
  for t in "${thread_list[@]}"; do
    for cmd in parse check; do
      case $cmd in
        parse) args=(parse "$dir" --format csv-wide) ;;
        check) args=(check "$dir" --format json) ;;
      esac
      : > "$work/secs"; : > "$work/kb"
      for _ in $(seq "$runs"); do
        if [ -x /usr/bin/time ]; then
          /usr/bin/time -f '%e %M' -o "$work/time" "$bin" "${args[@]}" -j "$t" --no-progress -o /dev/null 2>/dev/null || true
          read -r secs kb < "$work/time"
        else
          TIMEFORMAT=%R
          secs=$( { time "$bin" "${args[@]}" -j "$t" --no-progress -o /dev/null 2>/dev/null || true; } 2>&1 )
          kb=0
        fi
        echo "$secs" >> "$work/secs"; echo "$kb" >> "$work/kb"
      done
      secs=$(median < "$work/secs")
      kb=$(median < "$work/kb")
      echo "$cmd $n $t $secs" >> "$results"
      awk -v c="zfxxgk $cmd" -v n="$n" -v t="$t" -v mb="$mb" -v s="$secs" -v kb="$kb" \
        'BEGIN { printf "| %s | %d | %d | %s | %.2f | %.3f | %.0f | %.1f | %.1f |\n", c, n, t, mb, s, 1000*s/n, n/s, mb/s, kb/1024 }'
    done
  done
done

echo
echo '| reports | threads | check / parse | check ms/report / the smallest corpus'"'"'s | parse speed-up over 1 thread | check speed-up over 1 thread |'
echo '|---:|---:|---:|---:|---:|---:|'
awk '
  { s[$1, $2, $3] = $4; if (!($2 in seen)) { seen[$2] = 1; order[++nc] = $2 } if (!($3 in tseen)) { tseen[$3] = 1; torder[++nt] = $3 } }
  END {
    first = order[1]
    for (i = 1; i <= nc; i++) for (j = 1; j <= nt; j++) {
      n = order[i]; t = torder[j]
      ratio = s["check", n, t] / s["parse", n, t]
      flat = (s["check", n, t] / n) / (s["check", first, t] / first)
      p1 = s["parse", n, 1]; c1 = s["check", n, 1]
      printf "| %d | %d | %.2f | %.2f | %s | %s |\n", n, t, ratio, flat, \
        (p1 ? sprintf("%.2fx", p1 / s["parse", n, t]) : "-"), (c1 ? sprintf("%.2fx", c1 / s["check", n, t]) : "-")
    }
  }' "$results"
