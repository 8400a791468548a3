#!/usr/bin/env bash
# Fuzz campaign of the readers (issue 20.5) with SharpFuzz and afl-fuzz (Debian: apt-get install afl++).
#   Benchmarks/fuzz/fuzz.sh [SECONDS_PER_TARGET (120)] [TARGET ...]
# Targets: data dump xyz forcefield run study campaign sepb curve cif (default: all). Seeds come from the test data and
# examples. Crashes (inputs that raised anything but the program's input error) are copied to Tests/Data/fuzz/TARGET/,
# where Tests/Reliability/FuzzRegressionTests reads them on every test run, and replayed once with their stack traces.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(data dump xyz forcefield run study campaign sepb curve cif)
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++"; exit 1; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine >/dev/null || exit 1
work=$(mktemp -d /tmp/fracturelab-fuzz.XXXX)
out=$work/bin
dotnet build Cli -c Release -v q -nologo >/dev/null || exit 1
dotnet publish Benchmarks/fuzz -c Release -o "$out" -v q -nologo >/dev/null || exit 1
cp -r "$out" "$work/plain"   # uninstrumented copy: replays crashes outside afl-fuzz (instrumented code needs its shared memory)
for dll in FractureLab.Mechanics.dll FractureLab.Fracture.dll FractureLab.Experiments.dll; do sharpfuzz "$out/$dll" >/dev/null || exit 1; done

seed() {  # seed TARGET: a small corpus of valid files
  local d=$work/in/$1; mkdir -p "$d"
  case $1 in
    data) cp Tests/Parity/Lammps/silica192.data Tests/Parity/Lammps/casio120.data "$d/" ;;
    dump) dotnet Cli/bin/Release/net10.0/fracturelab.dll md --data Tests/Parity/Lammps/silica192.data --forcefield bks-wall --minimize fire \
            --steps 4 --dump-every 2 --out "$work/md" >/dev/null 2>&1; head -c 20000 "$work/md/trajectory.dump" > "$d/a.dump" ;;
    xyz) dotnet Cli/bin/Release/net10.0/fracturelab.dll md --data Tests/Parity/Lammps/silica192.data --forcefield bks-wall --minimize fire \
            --steps 2 --dump-every 2 --format extxyz --out "$work/mdx" >/dev/null 2>&1; cp "$work/mdx/final.xyz" "$d/" ;;
    forcefield) cp Mechanics/ForceFields/Catalog/bks.toml Mechanics/ForceFields/Catalog/pedone2006.toml "$d/" ;;
    run) printf '[crack]\nlength_fraction = 0.3\n[tension]\nprotocol = "B"\nmax_strain = 0.2\n[run]\nrelax_ps = 1\n' > "$d/run.toml" ;;
    study) printf '[study]\ncrack_length_fractions = [0.2, 0.4]\nreplicas = 2\n[kfield]\nk_start = 0.2\n' > "$d/study.toml" ;;
    campaign) printf '[campaign]\nreplicas = 2\n[[composition]]\nlabel = "a"\nshipped = "silica576"\nforcefield = "bks"\n[diffusion]\ntemperatures_K = [600]\n' > "$d/c.toml" ;;
    sepb) cp Experiments/Examples/sepb/sheet.csv "$d/" ;;
    curve) cp Experiments/Examples/sepb/curves/S2_mts.csv "$d/" ;;
    cif) cp Tests/Data/crystals/*.cif "$d/" ;;
  esac
}

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
total_execs=0; total_crashes=0
for t in "${targets[@]}"; do
  seed "$t"; mkdir -p "$work/out"
  timeout $((seconds + 60)) afl-fuzz -i "$work/in/$t" -o "$work/out/$t" -t 10000 -m none -V "$seconds" -- "$(command -v dotnet)" "$out/fracturelab-fuzz.dll" "$t" >"$work/$t.log" 2>&1
  stats=$work/out/$t/default/fuzzer_stats
  execs=$(awk -F: '/^execs_done/{gsub(/ /,"",$2); print $2}' "$stats" 2>/dev/null); execs=${execs:-0}
  paths=$(awk -F: '/^corpus_count/{gsub(/ /,"",$2); print $2}' "$stats" 2>/dev/null)
  crashes=$(find "$work/out/$t/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  total_execs=$((total_execs + execs)); total_crashes=$((total_crashes + crashes))
  echo "$t: ${seconds} s, $execs executions, ${paths:-?} corpus entries, $crashes crashes"
  if [ "$crashes" -gt 0 ]; then
    # kept as regression inputs: Tests/Reliability/FuzzRegressionTests reads every file there with the target's reader
    mkdir -p "Tests/Data/fuzz/$t"
    k=$(find "Tests/Data/fuzz/$t" -type f | wc -l)
    for f in "$work/out/$t/default/crashes"/id:*; do cp "$f" "Tests/Data/fuzz/$t/crash-$(printf %03d $k).input"; k=$((k + 1)); done
    dotnet "$work/plain/fracturelab-fuzz.dll" "$t" --replay "$work/out/$t/default/crashes"/id:* | grep -v cleanly | head -40
  fi
  [ "$execs" -eq 0 ] && tail -20 "$work/$t.log"
done
echo "${#targets[@]} targets, $total_execs executions, $total_crashes crashes (work folder $work)"
[ "$total_crashes" -eq 0 ]
