#!/usr/bin/env bash
# Prints FractureLab vs LAMMPS differences for every parity case (energy, max pressure, force RMS).
# Usage: bash compare.sh [path-to-fracturelab]   (default: dotnet run of the Cli project)
set -euo pipefail
cd "$(dirname "$0")"
FL=${1:-"dotnet run --project ../../../Cli -c Release --"}
tmp=$(mktemp -d)
run() { local case=$1; shift; $FL eval "$@" --out "$tmp/$case.json" --forces "$tmp/$case.csv" >/dev/null; }
run bks_dsf --data silica192.data --forcefield bks --erfc exact
run bks_wolf --data silica192.data --forcefield bks --coulomb wolf --alpha 0.25
run bks_ewald --data silica192.data --forcefield bks --coulomb ewald --coulomb-cutoff 10 --kspace-accuracy 1e-8
run lisis_ewald --data lisis144.data --forcefield lisis --kspace-accuracy 1e-8
run pedone_dsf --data casio120.data --forcefield pedone2006
run bks_pppm --data silica192.data --forcefield bks --coulomb pppm --coulomb-cutoff 10 --kspace-accuracy 1e-5
run lisis_pppm --data lisis144.data --forcefield lisis --coulomb pppm --kspace-accuracy 1e-5
python3 - "$tmp" <<'PY'
import csv, json, math, sys
tmp = sys.argv[1]
print(f"{'case':14s} {'energy rel':>10s} {'pressure/max':>12s} {'force RMS rel':>13s}")
for case in ["bks_dsf", "bks_wolf", "bks_ewald", "lisis_ewald", "pedone_dsf", "bks_pppm", "lisis_pppm"]:
    a, b = json.load(open(f"{tmp}/{case}.json")), json.load(open(f"{case}.reference.json"))
    de = abs(a["potential_energy_eV"] - b["potential_energy_eV"]) / abs(b["potential_energy_eV"])
    pm = max(abs(v) for v in b["pressure_GPa"].values())
    dp = max(abs(a["pressure_GPa"][k] - b["pressure_GPa"][k]) for k in b["pressure_GPa"]) / pm
    fa = {r["id"]: r for r in csv.DictReader(open(f"{tmp}/{case}.csv"))}
    num = den = 0.0
    for r in csv.DictReader(open(f"{case}.forces.csv")):
        for c in ("fx", "fy", "fz"):
            num += (float(fa[r["id"]][c]) - float(r[c])) ** 2; den += float(r[c]) ** 2
    print(f"{case:14s} {de:10.1e} {dp:12.1e} {math.sqrt(num / den):13.1e}")
PY
