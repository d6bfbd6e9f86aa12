#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine for the cluster tests and CI: installs Debian's
# slurmctld, slurmd, slurm-client and munge when missing, writes a configuration for localhost
# that needs neither systemd nor cgroups, starts munged, slurmctld and slurmd as plain background
# processes, and waits until the node is idle. Idempotent: when the cluster is already up with the
# same configuration it says so and returns at once. Stop it with scripts/slurm-stop.sh.
#
# Usage (as root, or with sudo available):  scripts/slurm-start.sh
# State, spool, logs and pid files go to $SLURM_LOCAL_DIR (default /var/tmp/active-learning-slurm),
# the configuration to /etc/slurm/slurm.conf (where sbatch, squeue and scontrol look for it),
# marked as ours; a configuration we did not write is left alone unless SLURM_LOCAL_FORCE=1.
# SLURM_LOCAL_CPUS advertises that many CPUs instead of what `slurmd -C` finds.
#
# Why the configuration looks as it does (facts checked on Debian bookworm, Slurm 22.05):
# - the default proctrack/cgroup fails without a usable cgroup hierarchy and drains the node, so
#   processes are tracked through /proc (proctrack/linuxproc) and no task or accounting-gather
#   plugin is loaded;
# - batch_sched_delay=0: otherwise the scheduler waits 3 s between short array tasks;
# - no accounting database: finished jobs stay visible to `scontrol show job` for MinJobAge s;
# - daemons write their pid files just after their command returns, so we wait for them.
set -euo pipefail

dir=${SLURM_LOCAL_DIR:-/var/tmp/active-learning-slurm}
conf=/etc/slurm/slurm.conf
mark='# written by active-learning scripts/slurm-start.sh'
node=localhost
timeout=${SLURM_LOCAL_TIMEOUT:-60}
slurmctld=/usr/sbin/slurmctld slurmd=/usr/sbin/slurmd munged=/usr/sbin/munged

say() { echo "slurm-start: $*" >&2; }
fail() { say "$*"; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
started=$(date +%s%N)

# running PIDFILE PROGRAM: the pid file names a live process running PROGRAM (a recycled pid
# running something else does not count).
running() {
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 1
    [ -n "$pid" ] && [ -e "/proc/$pid/exe" ] || return 1
    ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null || return 1
    [ "$($sudo readlink -f "/proc/$pid/exe" 2>/dev/null)" = "$(readlink -f "$2")" ]
}
# await PIDFILE PROGRAM: up to 10 s for the daemon's pid file.
await() {
    for _ in $(seq 100); do running "$1" "$2" && return 0; sleep 0.1; done
    fail "$(basename "$2") did not start (no live process in $1); see $dir/log/"
}
# halt PIDFILE PROGRAM: TERM, then KILL after 15 s, the process the pid file names.
halt() {
    if running "$1" "$2"; then
        local pid; pid=$(cat "$1")
        $sudo kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 150); do running "$1" "$2" || break; sleep 0.1; done
        running "$1" "$2" && $sudo kill -KILL "$pid" 2>/dev/null || true
    fi
    $sudo rm -f "$1"
}
munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
node_state() { sinfo -h -n "$node" -o %T 2>/dev/null | head -n 1; }

# --- 1. packages -------------------------------------------------------------------------------
need=()
for p in slurmctld slurmd slurm-client munge; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    # Without systemd the packages' maintainer scripts would try to start the daemons: forbid it.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
        $sudo chmod 755 /usr/sbin/policy-rc.d
        trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 2. configuration --------------------------------------------------------------------------
if [ -e "$conf" ] && ! grep -qxF "$mark" "$conf"; then
    [ "${SLURM_LOCAL_FORCE:-0}" = 1 ] || fail "$conf was not written by this script; set SLURM_LOCAL_FORCE=1 to replace it (a copy is kept)"
    $sudo cp -p "$conf" "$conf.before-slurm-start.$(date +%s)"
fi
if [ -n "${SLURM_LOCAL_CPUS:-}" ]; then
    # More CPUs than the machine has: slurmd must take the configured count, not the one it sees.
    hardware="CPUs=$SLURM_LOCAL_CPUS"; overrides="SlurmdParameters=config_overrides"
else
    hardware=$($slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //'); overrides=""
fi
$sudo mkdir -p /etc/slurm "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
wanted=$(cat <<EOF
$mark
# A one-node cluster on localhost for tests and CI: no cgroups, no accounting database.
ClusterName=local
SlurmctldHost=$node
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=5
MinJobAge=600
MailProg=/bin/true
$overrides
NodeName=$node NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
)

if [ "$(cat "$conf" 2>/dev/null)" = "$wanted" ] && munge_works \
    && running "$dir/run/slurmctld.pid" "$slurmctld" && running "$dir/run/slurmd.pid" "$slurmd"; then
    case "$(node_state)" in
    idle | mixed | allocated | completing) say "already up: node $node is $(node_state) (state in $dir)"; exit 0 ;;
    esac
fi
# Half started, or a different configuration: stop our daemons and start again.
halt "$dir/run/slurmd.pid" "$slurmd"
halt "$dir/run/slurmctld.pid" "$slurmctld"
printf '%s\n' "$wanted" | $sudo tee "$conf" >/dev/null
$sudo chmod 644 "$conf"

# --- 3. munge: use a munged that answers, else start one and remember it as ours ---------------
if ! munge_works; then
    if [ ! -s /etc/munge/munge.key ]; then
        say "creating /etc/munge/munge.key"
        $sudo install -d -o munge -g munge -m 0700 /etc/munge
        $sudo dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
        $sudo chown munge:munge /etc/munge/munge.key
        $sudo chmod 0400 /etc/munge/munge.key
    fi
    $sudo install -d -o munge -g munge -m 0755 /run/munge
    $sudo runuser -u munge -- "$munged" --pid-file=/run/munge/munged.pid
    await /run/munge/munged.pid "$munged"
    $sudo cp /run/munge/munged.pid "$dir/run/munged.pid"   # ours: slurm-stop.sh may stop it
    for _ in $(seq 50); do munge_works && break; sleep 0.1; done
    munge_works || fail "munged does not answer (see /var/log/munge/munged.log)"
fi

# --- 4. the Slurm daemons (they fork into the background and write their pid files) ------------
$sudo "$slurmctld" -c   # -c: a clean start, no drained node or jobs left from an earlier run
await "$dir/run/slurmctld.pid" "$slurmctld"
$sudo "$slurmd" -N "$node"
await "$dir/run/slurmd.pid" "$slurmd"

# --- 5. wait for the node ----------------------------------------------------------------------
deadline=$(($(date +%s) + timeout)); resumed=0
while :; do
    state=$(node_state || true)
    [ "$state" = idle ] && break
    case "$state" in
    *drain* | down* | fail* | inval*)
        [ $resumed = 1 ] || { $sudo scontrol update nodename="$node" state=resume || true; resumed=1; } ;;
    esac
    if [ "$(date +%s)" -ge $deadline ]; then
        tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
        fail "node $node is not idle after ${timeout} s (state '${state:-no answer}'); the daemons are left running for a look, scripts/slurm-stop.sh stops them"
    fi
    sleep 0.2
done
say "up in $(( ($(date +%s%N) - started) / 1000000 )) ms: node $node idle ($hardware), partition local, state in $dir"
