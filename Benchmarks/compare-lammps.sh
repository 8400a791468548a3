#!/usr/bin/env bash
# Side-by-side MD throughput of FractureLab and LAMMPS 20220106 (Debian's lammps, 2 MPI ranks) on the same data
# files and force field: BKS silica (Buckingham 10 Å) with the Coulomb method given, NVE, 1 fs, at about 3 600,
# 28 800 and 97 200 atoms (the shipped silica1800 glass replicated). Prints atom-steps/s of both and the ratio, and
# the fraction of this machine's FP64 peak that FractureLab's pair kernel reaches. Both rates count the step loop only, as
# LAMMPS's Performance line does (its setup: first forces and neighbor build, left out; md's summary.json: loop_seconds,
# setup_seconds; before 2026-12-07 md's rate included the setup, which cost about 14 % at 97 200 atoms and 51 steps):
#   FLOP rate = atom-steps/s × (11 × list entries per atom + 154 × pairs within the cut-off per atom), both from md's
#   summary.json. Every entry of the half list (cut-off + 2 Å skin) costs its separation and r² (11 FLOPs); only the
#   entries inside the cut-off, packed per row, go through the pair arithmetic: sqrt and 1/r 2, Buckingham 60, DSF 68,
#   accumulation of forces, energies and virial 24 (counted in the kernel source; Wolf and the Ewald real space are
#   within a few), each add, multiply, FMA half, divide and sqrt counting one and each e^x counted as executed
#   (Mechanics/Numerics/Exponential.cs: 37, Estrin form). k-space work of pppm is not counted. Peak = cores × clock (/proc/cpuinfo)
#   × FP64 FLOPs/cycle: 32 on AMD Zen 5 (cpu family 26: two 512-bit FMA pipes, full width) and on other CPUs with
#   AVX-512, 16 on AMD Zen 4 (family 25: AVX-512 runs as two 256-bit halves) and on AVX2-only CPUs.
# Usage: bash Benchmarks/compare-lammps.sh [pppm|wolf|dsf] [sizes...]   e.g.  bash Benchmarks/compare-lammps.sh pppm 3600
#   REPEAT=n (default 1): run both codes n times per size, alternating, and print the medians (ratio of the medians)
#   and each code's range: on a shared machine whose speed drifts, one pair of runs is not a verdict.
#   pppm: FractureLab --coulomb pppm --kspace-accuracy 1e-5 vs LAMMPS buck/coul/long 10 + kspace_style pppm 1e-5
#   wolf: --coulomb wolf --alpha 0.25 vs born/coul/wolf 0.25 10;  dsf: --coulomb dsf --alpha 0.2 vs born/coul/dsf 0.2 10
#   PRECISION=mixed: FractureLab's pair terms in float32 (md --precision mixed; LAMMPS stays double, as Debian builds it).
#   The FLOP count and the peak stay FP64's, so "of peak" reads as the FP64-equivalent share.
set -euo pipefail
cd "$(dirname "$0")/.."
METHOD=${1:-pppm}; shift || true
SIZES=${*:-"3600 28800 97200"}
REPEAT=${REPEAT:-1}
PRECISION=${PRECISION:-double}
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
command -v lmp >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq lammps; }
command -v mpirun >/dev/null || { $SUDO apt-get install -y -qq openmpi-bin; }
dotnet build Cli -c Release -v q -nologo >/dev/null
FL="dotnet Cli/bin/Release/net10.0/fracturelab.dll"
work=$(mktemp -d)
declare -A REP=([3600]="1 2 1" [28800]="2 4 2" [97200]="3 6 3")
case $METHOD in
  pppm) FLC="--coulomb pppm --kspace-accuracy 1e-5 --coulomb-cutoff 10"; PAIR="pair_style buck/coul/long 10.0 10.0"; KSPACE="kspace_style pppm 1e-5";
        COEF=$'pair_coeff 1 1 0.0 1.0 0.0\npair_coeff 1 2 18003.7572 0.205205 133.5381\npair_coeff 2 2 1388.7730 0.362319 175.0' ;;
  wolf) FLC="--coulomb wolf --alpha 0.25 --coulomb-cutoff 10"; PAIR="pair_style born/coul/wolf 0.25 10.0 10.0"; KSPACE="";
        COEF=$'pair_coeff 1 1 0.0 1.0 0.0 0.0 0.0\npair_coeff 1 2 18003.7572 0.205205 0.0 133.5381 0.0\npair_coeff 2 2 1388.7730 0.362319 0.0 175.0 0.0' ;;
  dsf)  FLC="--coulomb dsf --alpha 0.2 --coulomb-cutoff 10"; PAIR="pair_style born/coul/dsf 0.2 10.0 10.0"; KSPACE="";
        COEF=$'pair_coeff 1 1 0.0 1.0 0.0 0.0 0.0\npair_coeff 1 2 18003.7572 0.205205 0.0 133.5381 0.0\npair_coeff 2 2 1388.7730 0.362319 0.0 175.0 0.0' ;;
  *) echo "method must be pppm, wolf or dsf" >&2; exit 2 ;;
esac
FLC="$FLC --precision $PRECISION"
FLOPS_PER_ENTRY=11; FLOPS_PER_PAIR=154
MHZ=$(awk -F: '/cpu MHz/ {print $2; exit}' /proc/cpuinfo)
FAMILY=$(awk -F: '/cpu family/ {gsub(/ /, "", $2); print $2; exit}' /proc/cpuinfo)
VENDOR=$(awk -F: '/vendor_id/ {gsub(/ /, "", $2); print $2; exit}' /proc/cpuinfo)
if grep -qw avx512f /proc/cpuinfo && ! { [ "$VENDOR" = AuthenticAMD ] && [ "$FAMILY" = 25 ]; }; then PER_CYCLE=32; else PER_CYCLE=16; fi
PEAK=$(python3 -c "print($(nproc) * $MHZ * 1e6 * $PER_CYCLE)")
echo "# FractureLab pair precision: $PRECISION"
echo "# peak: $(nproc) cores x ${MHZ} MHz x $PER_CYCLE FP64 FLOPs/cycle (${VENDOR} family ${FAMILY}) = $(python3 -c "print(f'{$PEAK/1e9:.1f}')") GFLOP/s; $FLOPS_PER_ENTRY FLOPs per list entry, $FLOPS_PER_PAIR per pair within the cut-off"
printf "%-8s %8s %8s %16s %16s %8s %10s %10s %10s %s\n" method atoms steps "FractureLab a-s/s" "LAMMPS a-s/s" ratio "entries/at" "pairs/at" "of peak" "runs: FractureLab range, LAMMPS range"
median() { python3 -c "import statistics,sys; print(statistics.median(float(v) for v in sys.argv[1:]))" "$@"; }
range() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(f'{min(v):.3g}-{max(v):.3g}')" "$@"; }
for n in $SIZES; do
  [[ -n "${REP[$n]:-}" ]] || { echo "size $n: choose 3600, 28800 or 97200" >&2; exit 2; }
  data=$work/silica$n.data
  python3 Benchmarks/lammps-md/replicate.py Mechanics/Data/silica1800.data "$data" ${REP[$n]}
  steps=$(( 5000000 / n )); (( steps < 50 )) && steps=50
  cat > "$work/in.$n" <<LMP
units metal
atom_style charge
boundary p p p
read_data $data
$PAIR
$COEF
$KSPACE
neighbor 2.0 bin
timestep 0.001
velocity all create 300 12345 mom yes rot yes dist gaussian
fix 1 all nve
thermo $steps
run $steps
LMP
  fls=(); lmps=()
  for ((r = 1; r <= REPEAT; r++)); do
    rm -rf "$work/fl$n"
    $FL md --data "$data" --forcefield bks $FLC --cutoff 10 --steps $steps --ensemble nve --temperature 300 --new-velocities --thermo $steps --out "$work/fl$n" >/dev/null 2>&1
    fls+=("$(python3 -c "import json;print(json.load(open('$work/fl$n/summary.json'))['atom_steps_per_second'])")")
    (cd "$work" && mpirun --allow-run-as-root -np 2 lmp -in "in.$n" -log "log.$n" -screen none)
    tps=$(grep -m1 "^Performance:" "$work/log.$n" | sed -E 's/.* ([0-9.]+) timesteps\/s.*/\1/')
    lmps+=("$(python3 -c "print($tps * $n)")")
  done
  entries=$(python3 -c "import json;print(json.load(open('$work/fl$n/summary.json'))['neighbor_list_entries_per_atom'])")
  pairs=$(python3 -c "import json;print(json.load(open('$work/fl$n/summary.json'))['pairs_within_cutoff_per_atom'])")
  fl=$(median "${fls[@]}"); lmp_as=$(median "${lmps[@]}")
  printf "%-8s %8d %8d %16.3g %16.3g %8.2f %10.1f %10.1f %10.3f %s\n" "$METHOD" "$n" "$steps" "$fl" "$lmp_as" "$(python3 -c "print($fl / $lmp_as)")" \
    "$entries" "$pairs" "$(python3 -c "print($fl * ($entries * $FLOPS_PER_ENTRY + $pairs * $FLOPS_PER_PAIR) / $PEAK)")" "$REPEAT: $(range "${fls[@]}"), $(range "${lmps[@]}")"
done
rm -rf "$work"
