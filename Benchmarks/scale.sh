#!/usr/bin/env bash
# Memory and neighbor-list share of fracturelab md at growing sizes (issue 21, "scale on one machine"): the shipped
# silica1800 glass replicated to about 3 600, 97 200 and 1 036 800 atoms, BKS + DSF 10 Å, NVE at 300 K, a few steps, per
# back end. Prints atoms, steps, atom-steps/s, the peak resident memory of the process (VmHWM) and per atom, the marginal
# bytes per atom between the two largest sizes, the largest box that this marginal cost fits into the machine's memory,
# and the share of the run's wall time spent building the neighbor list (summary.json: neighbor_list_build_seconds).
# Usage: bash Benchmarks/scale.sh [simd|reference ...]   (default: simd reference; reference runs the two smaller sizes only)
set -euo pipefail
cd "$(dirname "$0")/.."
BACKENDS=${*:-"simd reference"}
dotnet build Cli -c Release -v q -nologo >/dev/null
FL="dotnet Cli/bin/Release/net10.0/fracturelab.dll"
work=$(mktemp -d)
MEM=$(awk '/MemTotal/ {print $2 * 1024}' /proc/meminfo)
echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), cpu family $(awk -F: '/cpu family/ {gsub(/ /,"",$2); print $2; exit}' /proc/cpuinfo), $(nproc) cores, $(python3 -c "print(f'{$MEM/2**30:.1f}')") GiB"
printf "%-10s %9s %6s %12s %12s %12s %10s\n" backend atoms steps atom-steps/s peak_MiB bytes/atom list_share
declare -A REP=([3600]="1 2 1" [97200]="3 6 3" [1036800]="8 9 8")
for b in $BACKENDS; do
  sizes="3600 97200 1036800"; [ "$b" = reference ] && sizes="3600 97200"
  prev_n=""; prev_mem=""
  for n in $sizes; do
    data=$work/s$n.data
    [ -f "$data" ] || python3 Benchmarks/lammps-md/replicate.py Mechanics/Data/silica1800.data "$data" ${REP[$n]}
    steps=$(( n >= 1000000 ? 10 : (n >= 90000 ? 20 : 200) )); [ "$b" = reference ] && steps=$(( steps / 4 ))
    rm -rf "$work/out"
    $FL md --data "$data" --forcefield bks --coulomb dsf --alpha 0.2 --coulomb-cutoff 10 --cutoff 10 --backend "$b" --steps $steps \
      --ensemble nve --temperature 300 --new-velocities --thermo $steps --out "$work/out" >/dev/null 2>&1
    read -r as mem per share < <(python3 -c "
import json; d = json.load(open('$work/out/summary.json'))
print(d['atom_steps_per_second'], d['peak_memory_bytes'], d['peak_memory_bytes_per_atom'], d['neighbor_list_build_seconds'] / d['wall_seconds'])")
    printf "%-10s %9d %6d %12.3g %12.0f %12.0f %10.3f\n" "$b" "$n" "$steps" "$as" "$(python3 -c "print($mem/2**20)")" "$per" "$share"
    if [ -n "$prev_n" ]; then
      marginal=$(python3 -c "print(($mem - $prev_mem) / ($n - $prev_n))")
      echo "#   $b marginal bytes/atom $prev_n -> $n: $(python3 -c "print(f'{$marginal:.0f}')"); largest box in $(python3 -c "print(f'{$MEM/2**30:.1f}')") GiB at that cost: $(python3 -c "print(f'{($MEM - $prev_mem + $prev_n * $marginal) / $marginal:.3g}')") atoms"
    fi
    prev_n=$n; prev_mem=$mem
  done
done
rm -rf "$work"
