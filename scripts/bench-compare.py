#!/usr/bin/env python3
"""Sets our benchmark beside TensorFlow's: reads two files of `result <model> <phase> <value>
<unit>` lines and prints a table, then one `ratio <model> <phase> <X.XX>` line per phase both
measured. A ratio above 1 means we are faster (images/s divided, or seconds inverted).

A file may hold several rounds (`make bench` alternates ours and TensorFlow's); each side keeps
its best value per phase, the most images/s or the fewest seconds, so that a slow spell on a
shared machine during one side's round does not decide the ratio."""
import sys


def read(path):
    results = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 5 and parts[0] == "result":
                key, value, unit = (parts[1], parts[2]), float(parts[3]), parts[4]
                if key in results:
                    best = results[key][0]
                    value = max(value, best) if unit.endswith("/s") else min(value, best)
                results[key] = (value, unit)
    return results


def main(ours_path, theirs_path):
    ours, theirs = read(ours_path), read(theirs_path)
    print(f"{'model':<25} {'phase':<14} {'ours':>12} {'TensorFlow':>12} {'unit':<9} {'ratio':>6}")
    ratios = []
    for key, (value, unit) in ours.items():
        other = theirs.get(key)
        if other is None:
            print(f"{key[0]:<25} {key[1]:<14} {value:>12.4g} {'-':>12} {unit:<9} {'-':>6}")
            continue
        ratio = value / other[0] if unit.endswith("/s") else other[0] / value
        ratios.append((key, ratio))
        print(f"{key[0]:<25} {key[1]:<14} {value:>12.4g} {other[0]:>12.4g} {unit:<9} {ratio:>6.2f}")
    print()
    for (model, phase), ratio in ratios:
        print(f"ratio {model} {phase} {ratio:.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bench-compare.py OURS.txt TENSORFLOW.txt")
    main(sys.argv[1], sys.argv[2])
