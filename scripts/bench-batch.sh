#!/usr/bin/env bash
# Batch benchmark: generates corpora of consistent reports (examples/gen_corpus.rs) and
# runs `zfxxgk parse|check` over each, printing files/s, MB/s and peak memory, so that a
# larger corpus shows the same peak memory.
#
#   scripts/bench-batch.sh [COUNT ...]        default: 1000 10000
#
# Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
cargo build -q --release -p zfxxgk-cli -p zfxxgk --bins --example gen_corpus
bin=target/release/zfxxgk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '| command | reports | MB | seconds | files/s | MB/s | peak RSS (MB) |\n|---|---:|---:|---:|---:|---:|---:|\n'
for n in "${counts[@]}"; do
  dir="$work/c$n"
  target/release/examples/gen_corpus "$dir" "$n" 2>/dev/null
  mb=$(du -sb "$dir" | awk '{printf "%.1f", $1/1e6}')
  for cmd in "parse --format csv-wide -o $work/out.csv" "check --format json -o $work/out.json"; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" ${cmd%% *} "$dir" ${cmd#* } --no-progress 2>/dev/null >/dev/null || true
    read -r secs kb < "$work/time"
    awk -v c="zfxxgk ${cmd%% -o*}" -v n="$n" -v mb="$mb" -v s="$secs" -v kb="$kb" \
      'BEGIN { printf "| `%s` | %d | %s | %.2f | %.0f | %.1f | %.1f |\n", c, n, mb, s, n/s, mb/s, kb/1024 }'
  done
done
