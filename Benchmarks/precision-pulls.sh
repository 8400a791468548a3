#!/usr/bin/env bash
# Is mixed precision safe for fracture? The main job's pre-cracked pull (silica1800, bks-wall + DSF, centre crack 2a/W = 1/3,
# protocol B, 1e10 1/s, 300 K, to e = 0.4) in double and in mixed precision (md/run --precision mixed: float32 pair terms,
# double sums), two velocity seeds each, the four stress-strain curves on one figure and their numbers in a table.
# Usage: bash Benchmarks/precision-pulls.sh [OUT]   (default out/precision; about 4 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-out/precision}
mkdir -p "$OUT"
dotnet build Cli -c Release -v q -nologo >/dev/null
FL="dotnet Cli/bin/Release/net10.0/fracturelab.dll"
curves=()
for seed in 1 2; do
  cat > "$OUT/pull-seed$seed.toml" <<TOML
[structure]
shipped = "silica1800"
[crack]
length_fraction = 0.3333333333333333
[tension]
protocol = "B"
max_strain = 0.4
[run]
seed = $seed
snapshot_every_strain = 0
dump_every_records = 0
TOML
  for p in double mixed; do
    [ -f "$OUT/$p-seed$seed/summary.json" ] || $FL run "$OUT/pull-seed$seed.toml" --precision $p --out "$OUT/$p-seed$seed" >/dev/null
    curves+=(--csv "$OUT/$p-seed$seed/stress_strain.csv=$p,seed$seed")
  done
done
$FL plot "${curves[@]}" --title "silica1800, 2a/W = 1/3, protocol B, 1e10 1/s, 300 K: double vs mixed" --out "$OUT/mixed_vs_double_stress_strain.png"
printf "%-14s %10s %10s %10s %10s %12s\n" run E_GPa sigma_max strain_pk e_fail W_f_J_m2
for seed in 1 2; do for p in double mixed; do
  python3 -c "
import json; d = json.load(open('$OUT/$p-seed$seed/summary.json'))
print(f\"{'$p-seed$seed':14s} {d['youngs_modulus_GPa']:10.2f} {d['strength_GPa']:10.2f} {d['strain_at_peak']:10.3f} {d['failure_strain'] or float('nan'):10.3f} {d['fracture_energy_J_m2'] or float('nan'):12.2f}\")"
done; done
