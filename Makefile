# The two commands of the README, plus the pieces they are made of. Each installs what it needs
# first (scripts/setup.sh is quiet and quick when everything is there).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.PHONY: report test setup bench docs

# Every notebook in its quick profile, then output/index.html.
report: setup
	scripts/run-notebooks.sh --profile quick

# The whole test suite, with OpenBLAS's fastest kernels for this CPU and its idle threads
# sleeping at once (as notebooks set them; see BLASKernels.swift).
test: setup
	OPENBLAS_CORETYPE=$$(scripts/blas-coretype) OPENBLAS_THREAD_TIMEOUT=$${OPENBLAS_THREAD_TIMEOUT:-12} swift test

# The DocC documentation of every library with a catalog (Sources/<Target>/<Target>.docc), into
# output/docs/<Target>/; fails on any DocC warning.
docs: setup
	scripts/docs.sh

setup:
	@scripts/setup.sh

# Our benchmark and TensorFlow's on the same models, side by side (output/bench/). The two take
# turns BENCH_ROUNDS times and each keeps its best: on this shared machine one side's figures
# moved by up to 70 % between runs minutes apart.
BENCH_ROUNDS ?= 2
bench: setup
	mkdir -p output/bench
	swift build -c release --product Benchmarks
	rm -f output/bench/ours.txt output/bench/tensorflow.txt
	for round in $$(seq $(BENCH_ROUNDS)); do \
		echo "# round $$round of $(BENCH_ROUNDS)" | tee -a output/bench/ours.txt output/bench/tensorflow.txt; \
		swift run -c release Benchmarks | tee -a output/bench/ours.txt; \
		PeerBenchmarks/run.sh | tee -a output/bench/tensorflow.txt; \
	done
	scripts/bench-compare.py output/bench/ours.txt output/bench/tensorflow.txt | tee output/bench/comparison.txt
