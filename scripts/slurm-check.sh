#!/usr/bin/env bash
# End-to-end check of `--slurm` on the local one-node cluster (scripts/slurm-start.sh): submits
# the Tour notebook's quick profile as a 2-task job array plus its merge job, waits, and checks
# that both tasks and then the merge completed and that the merge wrote the report; then submits
# an array whose task 1 fails and checks that the merge job is cancelled, not left pending; then
# cancels a task in the middle of a unit, resubmits that index alone, and checks that it resumed the
# unit from its checkpoint and that the merge gives a single process's numbers; last, starts two
# processes on the same units at once and checks that each unit is computed once.
#
# Usage:  scripts/slurm-check.sh [output folder]   (default: output/slurm-check, made absolute)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/output/slurm-check}")
say() { echo "slurm-check: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# field JOB KEY: KEY of every record `scontrol -o show job JOB` prints, one a line.
field() { scontrol -o show job "$1" | grep -o "\b$2=[^ ]*" | cut -d= -f2; }
# settle JOB...: wait until none of the jobs is pending or running (up to 15 minutes).
settle() {
    for _ in $(seq 4500); do
        [ -z "$(squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null)" ] && return 0
        sleep 0.2
    done
    fail "jobs $* still queued after 15 minutes"
}
ids() { sed -n 's/.*submitted job array \([0-9]*\) .* merge job \([0-9]*\),.*/\1 \2/p'; }

"$root/scripts/slurm-start.sh"
cd "$root"
swift build -c release --product Tour >/dev/null
tour=$root/.build/release/Tour
rm -rf "$out"
mkdir -p "$out"

# 1. A 2-task array and its merge (two CPUs per task on this 2-CPU node run the tasks one after
# the other; shards take no study lock, so on a bigger node they run side by side).
started=$(now)
said=$("$tour" --profile quick --slurm 2 --output "$out/good" 2>&1) || fail "submitting: $said"
echo "$said"
read -r array merge < <(ids <<<"$said")
[ -n "$merge" ] || fail "no job ids in the submission's output"
settle "$array" "$merge"
say "array $array and merge $merge settled after $(since "$started") s"
for j in "$array" "$merge"; do scontrol -o show job "$j"; done | grep -o 'JobId=[0-9]* \|ArrayTaskId=[^ ]*\|JobName=[^ ]*\|JobState=[^ ]*\|StartTime=[^ ]*\|EndTime=[^ ]*' \
    | paste -sd' ' | sed 's/ JobId=/\nJobId=/g'
echo
[ "$(field "$array" JobState | sort -u)" = COMPLETED ] || fail "array $array: $(field "$array" JobState | paste -sd' ')"
[ "$(field "$merge" JobState)" = COMPLETED ] || fail "merge $merge: $(field "$merge" JobState)"
last_task_end=$(field "$array" EndTime | sort | tail -n 1)
merge_start=$(field "$merge" StartTime)
[[ ! "$merge_start" < "$last_task_end" ]] || fail "merge started $merge_start, before the last task ended ($last_task_end)"
report=$out/good/Tour/quick/index.html
[ -s "$report" ] || fail "the merge wrote no report at $report"
[ "$(stat -c %Y "$report")" -ge "$(date -d "$merge_start" +%s)" ] || fail "$report is older than the merge job"
ls "$out/good/Tour/quick/slurm"
"$tour" --profile quick --output "$out/good" --slurm-status
say "OK: both tasks completed, the merge started at $merge_start after the last task ended at $last_task_end and wrote $report"
# The merged report's numbers are a single process's: run the same command without --slurm.
"$tour" --profile quick --output "$out/one" >/dev/null 2>&1 || fail "the single-process run failed"
numbers() { grep -o 'margin  *[+-][0-9.]* points[^<]*\|Labels to reach[^<]*\|π ≈ [^<]*' "$1" | sort -u; }
[ -n "$(numbers "$report")" ] || fail "no results found in $report"
diff <(numbers "$report") <(numbers "$out/one/Tour/quick/index.html") >&2 \
    || fail "the merged report's numbers differ from a single process's"
grep -q 'shard 1/2, Slurm job' "$report" || fail "the report's table of units does not say where each ran"
say "OK: the merged report's numbers equal a single process's, and its table of units names shard and Slurm job"

# 2. A failing task: the merge must be cancelled, not left pending forever. Task 1 fails because
# its --data folder is gone when it starts: the jobs are submitted held (--slurm-option=--hold),
# task 0 is released and runs with the folder there, then the folder goes and task 1 is released.
ln -s "${ACTIVE_LEARNING_DATA:-$root/data}" "$out/data"   # Tour reads MNIST from it
started=$(now)
said=$("$tour" --profile quick --slurm 2 --slurm-option=--hold --data "$out/data" --output "$out/bad" 2>&1) \
    || fail "submitting: $said"
read -r array merge < <(ids <<<"$said")
scontrol release "$merge"   # it still waits for its dependency
scontrol release "${array}_0"
for _ in $(seq 600); do [ -z "$(squeue -h -j "${array}_0")" ] && break; sleep 0.1; done
rm "$out/data"
scontrol release "${array}_1"
settle "$array" "$merge"
say "array $array and merge $merge settled after $(since "$started") s"
for j in "$array" "$merge"; do scontrol -o show job "$j"; done | grep -o 'JobId=[0-9]* \|ArrayTaskId=[^ ]*\|JobState=[^ ]*\|Reason=[^ ]*\|ExitCode=[^ ]*' \
    | paste -sd' ' | sed 's/ JobId=/\nJobId=/g'
echo
states="$(field "${array}_0" JobState) $(field "${array}_1" JobState)"
[ "$states" = "COMPLETED FAILED" ] || fail "tasks 0 and 1 ended $states, not COMPLETED FAILED"
[ "$(field "$merge" JobState)" = CANCELLED ] || fail "merge $merge is $(field "$merge" JobState), not CANCELLED"
say "OK: task 1 failed, task 0 completed, and merge $merge was CANCELLED ($(field "$merge" Reason))"

# 3. A task cancelled in the middle of a unit, and that index alone resubmitted: it resumes the
# unit from the unit's checkpoint, and the merge then writes the numbers of a single process.
bayes=$root/.build/release/MNISTBayesianDropout
swift build -c release --product MNISTBayesianDropout >/dev/null
said=$("$bayes" --profile quick --slurm 2 --slurm-option=--hold --output "$out/cancel" 2>&1) || fail "submitting: $said"
read -r array merge < <(ids <<<"$said")
scancel "$merge"   # this check merges by hand after resubmitting
store=$out/cancel/MNISTBayesianDropout/quick/.cache/units
scontrol release "${array}_0"
for _ in $(seq 1200); do compgen -G "$store/*/*.checkpoint.json" >/dev/null && break; sleep 0.05; done
compgen -G "$store/*/*.checkpoint.json" >/dev/null || fail "task 0 saved no unit checkpoint within a minute"
scancel "${array}_0"
settle "${array}_0"
[ "$(field "${array}_0" JobState)" = CANCELLED ] || fail "task 0 is $(field "${array}_0" JobState), not CANCELLED"
say "task 0 of array $array cancelled in the middle of a unit"
script=$out/cancel/MNISTBayesianDropout/quick/slurm/MNISTBayesianDropout-quick.sbatch
again=$(sbatch --parsable --array=0 "$script" | cut -d';' -f1)
scontrol release "$again" "${array}_1"   # the script holds its jobs (--hold above)
settle "$again" "$array"
[ "$(field "$again" JobState)" = COMPLETED ] || fail "the resubmitted task $again is $(field "$again" JobState)"
log=$out/cancel/MNISTBayesianDropout/quick/slurm/MNISTBayesianDropout-quick-${again}_0
grep -q "Resumed from a checkpoint" "$log.out" "$log.err" \
    || fail "the resubmitted task did not resume a unit from its checkpoint ($log.out)"
"$bayes" --profile quick --output "$out/cancel" --merge >/dev/null 2>&1 || fail "the merge after the resubmitted task failed"
"$bayes" --profile quick --output "$out/bayes-one" >/dev/null 2>&1 || fail "the single-process run failed"
finals() { grep -o '[a-zA-Z ]*: final test accuracy [^<]*\|Acquired images to reach[^<]*' "$1" | sort -u; }
[ -n "$(finals "$out/bayes-one/MNISTBayesianDropout/quick/index.html")" ] || fail "no results in the single-process report"
diff <(finals "$out/cancel/MNISTBayesianDropout/quick/index.html") <(finals "$out/bayes-one/MNISTBayesianDropout/quick/index.html") >&2 \
    || fail "the merged report's numbers differ from a single process's"
say "OK: the resubmitted task $again resumed a unit from its checkpoint, and the merge gave a single process's numbers"

# 4. Two processes started at once on the same units (the same --shard 0/1, as two array tasks
# resubmitted by mistake would be): every unit is computed once, by one of them; the other skips
# it while its holder lives, and the numbers are a single process's.
rm -rf "$out/race"
"$bayes" --profile quick --shard 0/1 --output "$out/race" >"$out/race-a.log" 2>&1 &
first=$!
"$bayes" --profile quick --shard 0/1 --output "$out/race" >"$out/race-b.log" 2>&1 || fail "the second racing process failed"
wait "$first" || fail "the first racing process failed"
computed=$(cat "$out/race-a.log" "$out/race-b.log" | grep -c 'test accuracy at .* labels (')
units=$(grep -o '"units":\[[^]]*\]' "$out"/race/MNISTBayesianDropout/quick/.cache/units/*/manifest.json | grep -o '","\|\["' | wc -l)
[ "$computed" -eq "$units" ] || fail "$computed units computed by the two racing processes, for $units units"
say "the two racing processes computed $(grep -c 'test accuracy at .* labels (' "$out/race-a.log") and $(grep -c 'test accuracy at .* labels (' "$out/race-b.log") of the $units units"
"$bayes" --profile quick --output "$out/race" >/dev/null 2>&1 || fail "the run after the race failed"
diff <(finals "$out/race/MNISTBayesianDropout/quick/index.html") <(finals "$out/bayes-one/MNISTBayesianDropout/quick/index.html") >&2 \
    || fail "the numbers after the race differ from a single process's"
say "OK: racing processes computed every unit once, and the numbers are a single process's"
