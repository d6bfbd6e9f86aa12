#!/usr/bin/env bash
# Builds every notebook in release mode and runs each with the given flags (default: the quick
# profile), then checks that each wrote its report. Exits non-zero if any notebook failed or left
# no report; the others still run. Usage: scripts/run-notebooks.sh [--profile quick] [NAME ...]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

flags=()
names=()
while [ $# -gt 0 ]; do
    case "$1" in
        --*) flags+=("$1" "$2"); shift 2 ;;
        *) names+=("$1"); shift ;;
    esac
done
[ ${#flags[@]} -gt 0 ] || flags=(--profile quick)
# The standard profile's report is output/<Study>/index.html, the others' output/<Study>/<profile>/.
profile=standard
for ((i = 0; i < ${#flags[@]}; i += 2)); do
    [ "${flags[i]}" = --profile ] && profile=${flags[i+1]}
done
subfolder=""
[ "$profile" = standard ] || subfolder="/$profile"
if [ ${#names[@]} -eq 0 ]; then
    for dir in Notebooks/*/; do
        [ -f "$dir/main.swift" ] && names+=("$(basename "$dir")")
    done
fi
if [ ${#names[@]} -eq 0 ]; then
    echo "run-notebooks: no notebooks under Notebooks/" >&2
    exit 0
fi

for name in "${names[@]}"; do
    swift build -c release --product "$name" || { echo "run-notebooks: release build of $name failed" >&2; exit 1; }
done
bin=$(swift build -c release --show-bin-path)

failed=()
for name in "${names[@]}"; do
    echo "== $name ${flags[*]}"
    start=$(date +%s)
    report=output/$name$subfolder/index.html
    before=$(stat -c %Y "$report" 2>/dev/null || echo 0)
    if ! "$bin/$name" "${flags[@]}" --output output; then
        failed+=("$name (a cell failed or the run stopped)")
    elif [ ! -f "$report" ] || [ "$(stat -c %Y "$report")" -lt "$before" ]; then
        failed+=("$name (no report at $report)")
    fi
    echo "== $name: $(( $(date +%s) - start )) s"
done

if [ ${#failed[@]} -gt 0 ]; then
    printf 'run-notebooks: failed: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "run-notebooks: all ${#names[@]} reports written; open output/index.html"
