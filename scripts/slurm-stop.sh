#!/usr/bin/env bash
# Stops the one-node cluster scripts/slurm-start.sh started: cancels its jobs (their job steps
# would outlive slurmd), then stops slurmd, slurmctld and, only if slurm-start.sh started it,
# munged, each by the pid in its pid file after checking the pid still runs that program. Nothing
# is stopped by name.
#
# Usage:  scripts/slurm-stop.sh           stop; keep logs and state in $SLURM_LOCAL_DIR
#         scripts/slurm-stop.sh --purge   also delete $SLURM_LOCAL_DIR and our slurm.conf
set -euo pipefail

dir=${SLURM_LOCAL_DIR:-/var/tmp/active-learning-slurm}
conf=/etc/slurm/slurm.conf
mark='# written by active-learning scripts/slurm-start.sh'
slurmctld=/usr/sbin/slurmctld slurmd=/usr/sbin/slurmd munged=/usr/sbin/munged
purge=0
case "${1:-}" in
--purge) purge=1 ;;
"") ;;
*) echo "usage: $0 [--purge]" >&2; exit 64 ;;
esac

say() { echo "slurm-stop: $*" >&2; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

running() {
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 1
    [ -n "$pid" ] && [ -e "/proc/$pid/exe" ] || return 1
    ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null || return 1
    [ "$($sudo readlink -f "/proc/$pid/exe" 2>/dev/null)" = "$(readlink -f "$2")" ]
}
halt() {
    if running "$1" "$2"; then
        local pid; pid=$(cat "$1")
        say "stopping $(basename "$2") (pid $pid)"
        $sudo kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 150); do running "$1" "$2" || break; sleep 0.1; done
        if running "$1" "$2"; then say "pid $pid ignored TERM; sending KILL"; $sudo kill -KILL "$pid" || true; fi
    elif [ -e "$1" ]; then
        say "$(basename "$2") is not running (stale pid file $1)"
    fi
    $sudo rm -f "$1"
}

ours=0
grep -qxF "$mark" "$conf" 2>/dev/null && ours=1

# 1. jobs, while our controller still answers
if [ $ours = 1 ] && running "$dir/run/slurmctld.pid" "$slurmctld"; then
    jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
    if [ -n "${jobs// /}" ]; then
        say "cancelling jobs $jobs"
        # shellcheck disable=SC2086  # one argument per job id
        $sudo scancel $jobs || true
        for _ in $(seq 100); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.1; done
    fi
fi

# 2. daemons, in the reverse of their start order
halt "$dir/run/slurmd.pid" "$slurmd"
halt "$dir/run/slurmctld.pid" "$slurmctld"
if [ -e "$dir/run/munged.pid" ]; then
    # Only the munged slurm-start.sh started, and only if it is still the one munge runs.
    if [ "$(cat "$dir/run/munged.pid")" = "$(cat /run/munge/munged.pid 2>/dev/null)" ]; then
        halt "$dir/run/munged.pid" "$munged"
    else
        say "munged was restarted by someone else since slurm-start.sh; leaving it running"
        $sudo rm -f "$dir/run/munged.pid"
    fi
fi

# 3. --purge
if [ $purge = 1 ]; then
    if [ $ours = 1 ]; then $sudo rm -f "$conf"; say "removed $conf"; fi
    $sudo rm -rf "$dir"; say "removed $dir"
fi
say "stopped"
