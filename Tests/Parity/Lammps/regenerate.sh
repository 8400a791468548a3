#!/usr/bin/env bash
# Regenerates the LAMMPS reference outputs of the parity suite with Debian's LAMMPS 20220106.
# Usage: bash regenerate.sh   (installs the lammps package if missing; run from any folder)
set -euo pipefail
cd "$(dirname "$0")"
command -v lmp >/dev/null || { apt-get update -qq && apt-get install -y -qq lammps; }
python3 make_configs.py
for deck in in.*.lmp; do
  case=${deck#in.}; case=${case%.lmp}
  lmp -in "$deck" -log "$case.log" -screen none
  python3 - "$case" <<'PY'
import json, sys
case = sys.argv[1]
lines = open(f"{case}.log").read().splitlines()
k = next(i for i, l in enumerate(lines) if l.split()[:2] == ["Step", "PotEng"])
v = [float(x) for x in lines[k + 1].split()]
bar_to_gpa = 1e-4
ref = {"lammps_version": "20220106", "case": case, "potential_energy_eV": v[1],
       "pressure_GPa": dict(zip(["xx", "yy", "zz", "xy", "xz", "yz"], [p * bar_to_gpa for p in v[2:8]]))}
json.dump(ref, open(f"{case}.reference.json", "w"), indent=1)
d = open(f"{case}.dump").read().splitlines()
h = d.index(next(l for l in d if l.startswith("ITEM: ATOMS")))
with open(f"{case}.forces.csv", "w") as f:
    f.write("id,fx,fy,fz\n")
    for l in d[h + 1:]:
        f.write(",".join(l.split()) + "\n")
PY
  echo "$case: $(grep -o '"potential_energy_eV": [^,]*' "$case.reference.json")"
done

# Per-atom energy (compute pe/atom) of bks_dsf, and Voronoi volumes (compute voronoi/atom) of random periodic points.
lmp -in peatom.bks_dsf.lmp -log none -screen none
{ echo id,c_pe; awk 'NR>9{print $1","$2}' bks_dsf.peatom.dump; } > bks_dsf.peatom.csv && rm bks_dsf.peatom.dump
lmp -in in.voronoi -log none -screen none
echo "bks_dsf.peatom.csv, voronoi250.lammps.dump rewritten"

# core-shell case (issue 23.3): shells added by our own builder, bonds written by make_cs_case.py, LAMMPS CORESHELL
dotnet run --project ../../../Cli -c Release -- add-shells --data silica192.data --forcefield cs_test.toml --displacement 0.05 --seed 7 --out cs320.data
python3 make_cs_case.py
lmp -in in.cs_dsf.lmp -log cs_dsf.log
python3 - <<'PY'
import json
log = open("cs_dsf.log").read().splitlines()
i = next(k for k, l in enumerate(log) if l.strip().startswith("Step"))
v = [float(x) for x in log[i + 1].split()]
json.dump({"lammps_version": "20220106", "case": "cs_dsf", "potential_energy_eV": v[1], "bond_energy_eV": v[2],
           "pressure_GPa": dict(zip(["xx", "yy", "zz", "xy", "xz", "yz"], [x * 1e-4 for x in v[5:11]]))}, open("cs_dsf.reference.json", "w"), indent=1)
d = open("cs_dsf.dump").read().splitlines()
j = next(k for k, l in enumerate(d) if l.startswith("ITEM: ATOMS"))
open("cs_dsf.forces.csv", "w").write("id,fx,fy,fz\n" + "".join(",".join(l.split()) + "\n" for l in d[j + 1:]))
PY
rm -f cs_dsf.dump

# the force field of an emitted core-shell deck (campaign --emit-lammps on cs320.data under cs_test.toml), run by LAMMPS:
# the emitted table and data file are copied here, the deck's lines from pair_style to thermo_modify go into emitted.cs_dsf.lmp
emit=$(mktemp -d)
printf '[crack]\nlength_fraction = 0.3\nopening_A = 3.0\n[tension]\nmax_strain = 0.02\ntimestep_fs = 0.2\n[run]\nrelax_ps = 0.1\n' > "$emit/base.toml"
printf '[campaign]\nstrain_rates_per_s = [5e10]\nprotocols = ["B"]\nbase = "base.toml"\n[[composition]]\nlabel = "cs"\ndata = "%s"\nforcefield = "%s"\n' \
  "$PWD/cs320.data" "$PWD/cs_test.toml" > "$emit/c.toml"
dotnet run --project ../../../Cli -c Release -- campaign "$emit/c.toml" --out "$emit/out" --emit-lammps "$emit/lmp"
cp "$emit/lmp/cs/B-5e10/r1/ff.table" cs_emitted.table
cp "$emit/lmp/cs/B-5e10/r1/glass.data" cs_emitted.data
{ sed -n '1,8p' emitted.cs_dsf.lmp
  sed -n '/^pair_style/,/^thermo_modify/p' "$emit/lmp/cs/B-5e10/r1/in.precracked.lmp" | sed 's/ ff.table / cs_emitted.table /'
  sed -n '/^compute pv/,$p' emitted.cs_dsf.lmp; } > "$emit/deck" && mv "$emit/deck" emitted.cs_dsf.lmp
lmp -in emitted.cs_dsf.lmp -log cs_emitted.log -screen none
python3 - <<'PY'
import json
log = open("cs_emitted.log").read().splitlines()
i = next(k for k, l in enumerate(log) if l.strip().startswith("Step"))
v = [float(x) for x in log[i + 1].split()]
json.dump({"lammps_version": "20220106", "case": "cs_emitted", "potential_energy_eV": v[1], "bond_energy_eV": v[2],
           "coulomb_energy_eV": v[3], "short_range_energy_eV": v[4],
           "pressure_GPa": dict(zip(["xx", "yy", "zz", "xy", "xz", "yz"], [x * 1e-4 for x in v[5:11]]))}, open("cs_emitted.reference.json", "w"), indent=1)
d = open("cs_emitted.dump").read().splitlines()
j = next(k for k, l in enumerate(d) if l.startswith("ITEM: ATOMS"))
open("cs_emitted.forces.csv", "w").write("id,fx,fy,fz\n" + "".join(",".join(l.split()) + "\n" for l in d[j + 1:]))
PY
rm -rf cs_emitted.dump cs_emitted.table cs_emitted.log "$emit"
echo "cs_emitted: $(grep -o '"potential_energy_eV": [^,]*' cs_emitted.reference.json)"
