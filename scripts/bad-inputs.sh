#!/usr/bin/env bash
# Runs every bad input a user can give a notebook against the release binaries and prints a
# markdown table: the input, the exit status, what the run said (its `✗` line when a cell failed,
# else the first line it printed on standard error, else on standard output), and the seconds it
# took. None of them trains.
# Usage: scripts/bad-inputs.sh [BINARY_FOLDER]   (default .build/release; build it first with
# `swift build -c release`). The cases that mount a small tmpfs (a read-only and a full output
# folder) need root; without it they are listed as skipped.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "${1:-$root/.build/release}" && pwd)
for product in Tour MNISTBayesianDropout CIFARUncertaintyShare; do
    [ -x "$bin/$product" ] || { echo "bad-inputs: no $bin/$product; run \`swift build -c release\` first" >&2; exit 66; }
done
scratch=$(mktemp -d /tmp/bad-inputs.XXXXXX)
mounts=()
source="$root/Notebooks/Tour/main.swift"
cleanup() {
    [ -f "$source.aside" ] && mv "$source.aside" "$source"
    for point in "${mounts[@]}"; do umount "$point" 2>/dev/null; done
    rm -rf "$scratch"
}
trap cleanup EXIT

echo "| input | exit | what it said | seconds |"
echo "| --- | --- | --- | --- |"

# row DESCRIPTION COMMAND...: runs the command with a 60 s limit and prints its table row.
row() {
    local description=$1
    shift
    local start end status line
    start=$(date +%s.%N)
    timeout 60 "$@" >"$scratch/out" 2>"$scratch/err" </dev/null
    status=$?
    end=$(date +%s.%N)
    # progress bars redraw with \r and colour with escapes: lines of text only
    for stream in err out; do
        tr '\r' '\n' <"$scratch/$stream" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' >"$scratch/$stream.text"
    done
    line=$(cat "$scratch/err.text" "$scratch/out.text" | grep -m1 '✗' ||
        grep -m1 -v '^[[:space:]]*$' "$scratch/err.text" || grep -m1 -v '^[[:space:]]*$' "$scratch/out.text")
    line=${line//|/\\|}
    [ "$status" = 124 ] && line="TIMED OUT after 60 s: $line"
    printf '| %s | %s | %s | %.1f |\n' "$description" "$status" "${line:0:300}" "$(echo "$end - $start" | bc)"
}

study="$bin/MNISTBayesianDropout"
out="$scratch/output"

row "unknown flag \`--bogus\`" "$study" --output "$out" --bogus
row "unknown profile \`--profile nope\`" "$study" --output "$out" --profile nope
row "\`--profile\` without a value" "$study" --output "$out" --profile
row "\`--trials 0\`" "$study" --output "$out" --trials 0
row "\`--trials -1\`" "$study" --output "$out" --trials -1
row "\`--trials 99999999999999999999\`" "$study" --output "$out" --trials 99999999999999999999
row "\`--epochs 5\` (no notebook has the flag)" "$study" --output "$out" --epochs 5
row "\`--seed -1\`" "$study" --output "$out" --seed -1
row "a stray argument \`quick\`" "$study" --output "$out" quick
row "CIFAR notebook, missing \`--data /nonexistent\`" "$bin/CIFARUncertaintyShare" --output "$out" --data /nonexistent
row "CIFAR notebook, \`--data\` naming a file" "$bin/CIFARUncertaintyShare" --output "$out" --data /etc/hostname

# MNIST through the data folder the loaders read ($ACTIVE_LEARNING_DATA, which --data sets).
mnist="$root/data/mnist"
damaged() {  # damaged NAME: a copy of MNIST's folder in $scratch/NAME/mnist
    mkdir -p "$scratch/$1/mnist"
    cp "$mnist"/*-ubyte "$scratch/$1/mnist/"
    echo "$scratch/$1"
}
folder=$(damaged truncated)
head -c 1000 "$mnist/train-images-idx3-ubyte" >"$folder/mnist/train-images-idx3-ubyte"
row "MNIST train images cut to 1 000 bytes" "$study" --output "$out" --data "$folder"
folder=$(damaged magic)
printf '\x00\x00\x08\x01' | dd of="$folder/mnist/t10k-images-idx3-ubyte" bs=1 count=4 conv=notrunc status=none
row "MNIST test images with a labels file's magic number" "$study" --output "$out" --data "$folder"
folder=$(damaged labels)
printf '\x2a' | dd of="$folder/mnist/train-labels-idx1-ubyte" bs=1 seek=8 count=1 conv=notrunc status=none
row "MNIST train label 42 in a 10-class file" "$study" --output "$out" --data "$folder"
folder=$(damaged missing)
rm "$folder/mnist/t10k-labels-idx1-ubyte"
row "MNIST test labels missing" "$study" --output "$out" --data "$folder"
mkdir -p "$scratch/empty"
row "an empty \`--data\` folder (no MNIST at all)" "$study" --output "$out" --data "$scratch/empty"

row "\`--output\` under /proc (cannot be created)" "$study" --output /proc/bad-inputs
row "\`--output\` naming a file" "$study" --output /etc/hostname
row "\`--output ''\`" "$study" --output ''
row "\`--data ''\`" "$study" --output "$out" --data ''

if mkdir -p "$scratch/readonly" && mount -t tmpfs -o ro,size=1m tmpfs "$scratch/readonly" 2>/dev/null; then
    mounts+=("$scratch/readonly")
    row "\`--output\` on a read-only file system" "$study" --output "$scratch/readonly"
else
    echo "| \`--output\` on a read-only file system | skipped | mounting a tmpfs needs root | |"
fi

# A full disk after a good run: every file of the good report and cache must come through
# unchanged (a rerun with another seed may add cache entries of its own, where there is room).
if mkdir -p "$scratch/full" && mount -t tmpfs -o size=2m tmpfs "$scratch/full" 2>/dev/null; then
    mounts+=("$scratch/full")
    "$bin/Tour" --profile quick --output "$scratch/full" >/dev/null 2>&1
    (cd "$scratch/full" && find Tour -type f ! -name .lock -exec sha256sum {} +) >"$scratch/good.sha256"
    kept() {
        if (cd "$scratch/full" && sha256sum --quiet -c "$scratch/good.sha256" >/dev/null 2>&1); then
            echo "unchanged ($(wc -l <"$scratch/good.sha256") files compared by sha256)"
        else
            echo "CHANGED: $(cd "$scratch/full" && sha256sum --quiet -c "$scratch/good.sha256" 2>&1 | head -3 | tr '\n' ' ')"
        fi
    }
    dd if=/dev/zero of="$scratch/full/filler" bs=4k status=none 2>/dev/null
    row "Tour \`--seed 7\` into a full tmpfs holding a good report" "$bin/Tour" --profile quick --seed 7 --output "$scratch/full"
    echo "| (after it: the earlier report, figures and cache) | | $(kept) | |"
    # Nearly full: room for the run's first report, not for its last.
    truncate -s "-$((16 * 1024))" "$scratch/full/filler"
    row "Tour \`--seed 7\` into the same tmpfs with 16 KiB free" "$bin/Tour" --profile quick --seed 7 --output "$scratch/full"
    echo "| (after it: the earlier report, figures and cache) | | $(kept) | |"
    rm -f "$scratch/full/filler"
else
    echo "| Tour into a full tmpfs | skipped | mounting a tmpfs needs root | |"
fi

# Two runs of one study into one folder: the second starts while the first holds the lock.
"$study" --profile quick --output "$scratch/twice" >/dev/null 2>&1 &
first=$!
for _ in $(seq 100); do [ -s "$scratch/twice/MNISTBayesianDropout/quick/.lock" ] && break; sleep 0.1; done
row "a second run of a study while the first runs (same \`--output\`)" "$study" --profile quick --output "$scratch/twice"
# Then Ctrl-C for the first: a partial report marked as such. (A background job starts with SIGINT
# ignored until the runtime installs its handler, so give it that moment.)
sleep 2
start=$(date +%s.%N)
kill -INT "$first" 2>/dev/null
wait "$first"
status=$?
marking=$(grep -o '<p class="status interrupted">.*</p>' "$scratch/twice/MNISTBayesianDropout/quick/index.html" |
    sed 's/<[^>]*>//g' | head -1)
printf '| SIGINT to the first run, 2 s in | %s | report: %s | %.1f |\n' "$status" "${marking//|/\\|}" \
    "$(echo "$(date +%s.%N) - $start" | bc)"

# A notebook whose own source cannot be read: Tour with its main.swift moved aside for a moment.
if [ -f "$source" ] && mv "$source" "$source.aside"; then
    row "Tour with its main.swift gone (runs, cache off)" "$bin/Tour" --profile quick --output "$out"
    mv "$source.aside" "$source"
fi
