#!/usr/bin/env bash
# Runs a libFuzzer target for a given time. Usage: scripts/fuzz.sh TARGET [SECONDS]
# TARGET is a Fuzz/ folder's product (FuzzDataParsers, FuzzNotebookSource). Findings (crash-*,
# leak-*, timeout-* files) land in output/fuzz/TARGET/; its corpus grows in the same folder.
# (lld links it: gold fails on the sanitized objects.) Replay a finding with the normal build:
# swift run TARGET output/fuzz/TARGET/crash-...
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
out=output/fuzz/$target
mkdir -p "$out/corpus"
seeds=Fuzz/${target#Fuzz}/seeds
[ -d "$seeds" ] && cp -n "$seeds"/* "$out/corpus/" 2>/dev/null || true
# libFuzzer reports crashes itself; Swift's backtracer would also start, and under ASan it can
# hang holding this script's descriptors (and any flock around it).
SWIFT_BACKTRACE=enable=no "$scratch/release/$target" "$out/corpus" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=4096 -timeout=10 -artifact_prefix="$out/" -print_final_stats=1
