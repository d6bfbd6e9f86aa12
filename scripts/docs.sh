#!/usr/bin/env bash
# Builds the DocC documentation of every library target that has a catalog (Sources/<Target>/
# *.docc) into output/docs/<Target>/, and fails if DocC warns about anything: a ``Symbol`` link
# that does not resolve, a documented parameter that does not exist, a malformed catalog. A new
# target's catalog is picked up by being there. Usage: scripts/docs.sh [TARGET ...]
#
# Read the result through a local server (the archives are laid out for static hosting):
#   python3 -m http.server -d output/docs 8000   # then http://localhost:8000/Learning/documentation/learning
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for catalog in Sources/*/*.docc; do
        [ -d "$catalog" ] || continue
        target=$(basename "$(dirname "$catalog")")
        [[ " ${targets[*]} " == *" $target "* ]] || targets+=("$target")
    done
fi
if [ ${#targets[@]} -eq 0 ]; then
    echo "docs: no documentation catalog under Sources/*/ (expected Sources/<Target>/<Target>.docc)" >&2
    exit 1
fi

mkdir -p output/docs
failed=()
for target in "${targets[@]}"; do
    echo "docs: building the documentation of $target"
    # --warnings-as-errors and the flags after it go to `docc convert`; the plugin may only write
    # where --allow-writing-to-directory lets it.
    if ! swift package --allow-writing-to-directory output/docs \
        generate-documentation --target "$target" \
        --warnings-as-errors --hosting-base-path "$target" --output-path "output/docs/$target"; then
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "docs: FAILED for ${failed[*]}: DocC reported the problems above ('error:' lines name" \
        "the file and line; a warning counts as an error here). Fix the doc comment or the catalog" \
        "and run scripts/docs.sh ${failed[*]}" >&2
    exit 1
fi
echo "docs: ${#targets[@]} catalogs built without a warning: ${targets[*]} (output/docs/<Target>/)"
