#!/usr/bin/env bash
# Fault injection (issue 20.6) for longer runs than the tests': starts `md`, `run` and `campaign`, kills each with
# SIGKILL at random moments (several times), resumes with --resume until it finishes, and compares every output file
# with an uninterrupted run. Prints one line per case and a summary "K kills, R resumes, N cases identical, M differ".
#   Benchmarks/fault-injection.sh [KILLS_PER_CASE (3)] [SEED (1)]
set -uo pipefail
cd "$(dirname "$0")/.."
kills=${1:-3}; RANDOM=${2:-1}
dotnet build Cli -c Release -v q -nologo >/dev/null || exit 1
fl=(dotnet Cli/bin/Release/net10.0/fracturelab.dll)
work=$(mktemp -d /tmp/fault-injection.XXXX)
glass=Tests/Data/silica192-glass.data
total_kills=0; total_resumes=0; same=0; differ=0

# start the command, kill it (whole process group) after a random 0.5-4 s; returns 0 if it was killed, 1 if it finished
kill_randomly() {
  setsid "${fl[@]}" "$@" >/dev/null 2>&1 &
  local pid=$! wait_ms=$((500 + RANDOM % 3500)) t=0
  while [ $t -lt $wait_ms ] && kill -0 $pid 2>/dev/null; do sleep 0.05; t=$((t + 50)); done
  if kill -0 $pid 2>/dev/null; then kill -9 -- -$pid 2>/dev/null; wait $pid 2>/dev/null; return 0; fi
  wait $pid 2>/dev/null; return 1
}

# compare two output folders: every table, dump and data file byte for byte (checkpoints aside), every summary.json
# without its timing keys; prints the files that differ
compare() {
  local a=$1 b=$2 bad="" f
  while IFS= read -r f; do cmp -s "$a/$f" "$b/$f" || bad="$bad $f"; done < <(cd "$a" && find . -path ./checkpoint -prune -o -path '*/checkpoint' -prune -o \( -name '*.csv' -o -name '*.dump' -o -name '*.data' \) -print | sed 's|^\./||')
  while IFS= read -r f; do
    python3 - "$a/$f" "$b/$f" <<'PY' || bad="$bad $f"
import json, sys
def clean(o):
    if isinstance(o, dict): return {k: clean(v) for k, v in o.items() if not any(w in k for w in ("wall", "seconds", "per_second", "elapsed", "this_invocation"))}
    if isinstance(o, list): return [clean(v) for v in o]
    return o
a, b = (clean(json.load(open(p))) for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
  done < <(cd "$a" && find . -name summary.json | sed 's|^\./||')
  echo "$bad"
}

run_case() {
  local name=$1; shift
  local ref=$work/$name.ref out=$work/$name.killed k=0 r=0
  "${fl[@]}" "$@" --out "$ref" >/dev/null 2>&1 || { echo "$name: the uninterrupted run failed"; differ=$((differ + 1)); return; }
  kill_randomly "$@" --out "$out" && k=$((k + 1))
  while [ $k -lt "$kills" ]; do
    if kill_randomly "$@" --out "$out" --resume; then k=$((k + 1)); r=$((r + 1)); else r=$((r + 1)); break; fi
  done
  "${fl[@]}" "$@" --out "$out" --resume >/dev/null 2>&1; r=$((r + 1))
  local bad; bad=$(compare "$ref" "$out")
  local n; n=$(cd "$ref" && find . -path '*checkpoint' -prune -o \( -name '*.csv' -o -name '*.dump' -o -name '*.data' -o -name summary.json \) -print | wc -l)
  total_kills=$((total_kills + k)); total_resumes=$((total_resumes + r))
  if [ -z "$bad" ]; then same=$((same + 1)); echo "$name: $k kills, $r resumes: all $n tables, dumps, data and summary files identical";
  else differ=$((differ + 1)); echo "$name: $k kills, $r resumes: DIFFER in$bad (folders in $work)"; fi
}

cat > "$work/run.toml" <<TOML
[structure]
data = "$PWD/$glass"
elements = "Si,O"
[tension]
max_strain = 0.4
record_every_strain = 0.002
[run]
relax_ps = 1
snapshot_every_strain = 0
dump_every_records = 10
TOML
cat > "$work/campaign.toml" <<TOML
[campaign]
replicas = 2
strain_rates_per_s = [1e10]
base = "$work/run.toml"
[[composition]]
label = "silica192"
data = "$PWD/$glass"
elements = "Si,O"
forcefield = "bks-wall"
TOML

run_case md md --data Tests/Parity/Lammps/silica192.data --forcefield bks-wall --minimize fire \
  --ensemble nvt --temperature 2000 --steps 40000 --thermo 10 --dump-every 500 --checkpoint-every 200 --threads 1
run_case run run "$work/run.toml" --threads 1
run_case campaign campaign "$work/campaign.toml" --jobs 1
echo "$total_kills kills, $total_resumes resumes, $same cases identical, $differ differ"
[ $differ -eq 0 ]
