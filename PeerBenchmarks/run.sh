#!/usr/bin/env bash
# Times the studies' models in TensorFlow (CPU) with the same shapes, batch sizes and steps as our
# Benchmarks target. Creates its own virtual environment (PeerBenchmarks/.venv) on first use.
# Prints one line per measurement: `result <model> <phase> <value> <unit>`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=$here/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import tensorflow' 2>/dev/null; then
    echo "PeerBenchmarks: creating $venv with tensorflow-cpu 2.21.0 (once; about 600 MB)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check tensorflow-cpu==2.21.0 >&2
fi
# The same kernels and threads as ours: 2 intra-op threads, no oneDNN verbosity.
export TF_CPP_MIN_LOG_LEVEL=2
exec "$venv/bin/python" "$here/tensorflow_bench.py" "$@"
