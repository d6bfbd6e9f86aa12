# The two commands of the README, plus the pieces they are made of. Each installs what it needs
# first (scripts/setup.sh is quiet and quick when everything is there).
.PHONY: report test setup notebooks bench

# Every notebook in its quick profile, then output/index.html.
report: setup
	scripts/run-notebooks.sh --profile quick

# The whole test suite, with OpenBLAS's fastest kernels for this CPU.
test: setup
	OPENBLAS_CORETYPE=$$(scripts/blas-coretype) swift test

setup:
	@scripts/setup.sh

# Our benchmark in release mode.
bench: setup
	swift run -c release Benchmarks
