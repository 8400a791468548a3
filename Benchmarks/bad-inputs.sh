#!/usr/bin/env bash
# Bad-input sweep (issue 20): runs the command line on malformed files, misspelt keys, out-of-range values and
# exploding simulations, and classifies each result:
#   clean    - exit code != 0 and a one-line "error:" message (no stack trace, no "internal error")
#   internal - an internal error or a stack trace
#   silent   - exit code 0 (the bad input was accepted)
# Prints one line per case and "N cases: C clean errors, S silent accepts, I internal errors"; exits 1 unless all are clean.
#   Benchmarks/bad-inputs.sh
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build Cli -c Release -v q -nologo >/dev/null || exit 1
fl=(dotnet Cli/bin/Release/net10.0/fracturelab.dll)
w=$(mktemp -d /tmp/bad-inputs.XXXX)
data=Tests/Parity/Lammps/silica192.data
glass=Tests/Data/silica192-glass.data
sheet=Experiments/Examples/sepb/sheet.csv
clean=0; silent=0; internal=0; n=0

check() {  # check NAME -- ARGS...
  local name=$1; shift
  local err rc
  err=$("${fl[@]}" "$@" 2>&1 >/dev/null); rc=$?
  n=$((n + 1))
  if [ $rc -eq 0 ]; then silent=$((silent + 1)); echo "SILENT   $name"
  elif grep -qiE "internal error|   at [A-Za-z]|Unhandled exception" <<<"$err"; then internal=$((internal + 1)); echo "INTERNAL $name: $(head -c 300 <<<"$err" | tr '\n' ' ')"
  else clean=$((clean + 1)); echo "clean    $name: $(grep -m1 -E 'error|cancel|runaway' <<<"$err" | cut -c1-160)"; fi
}

ff() { printf '%s\n' "$@" > "$w/ff.toml"; echo "$w/ff.toml"; }
put() { local f=$w/$1; shift; printf '%s\n' "$@" > "$f"; echo "$f"; }
eval_ff() { check "$1" eval --data "$data" --forcefield "$2" --out "$w/e.json"; }

# --- LAMMPS data files
check "data: missing file" eval --data "$w/none.data" --forcefield bks --out "$w/e.json"
check "data: a folder" eval --data "$w" --forcefield bks --out "$w/e.json"
sed 's/^192 atoms/2000000000 atoms/' "$data" > "$w/huge.data"; check "data: 2e9 atoms in the header" eval --data "$w/huge.data" --forcefield bks --out "$w/e.json"
sed '/^Atoms/,$d' "$data" > "$w/noatoms.data"; check "data: no Atoms section" eval --data "$w/noatoms.data" --forcefield bks --out "$w/e.json"
sed '0,/xlo xhi/s/.* xlo xhi/0 1e300 xlo xhi/' "$data" > "$w/bigbox.data"; check "data: box of 1e300" eval --data "$w/bigbox.data" --forcefield bks --out "$w/e.json"
awk 'f&&NF>=6&&!d{$5="nan";d=1} /^Atoms/{f=1} {print}' "$data" > "$w/nan.data"; check "data: NaN coordinate" eval --data "$w/nan.data" --forcefield bks --out "$w/e.json"
head -c 3000 "$data" > "$w/cut.data"; check "data: truncated in Atoms" eval --data "$w/cut.data" --forcefield bks --out "$w/e.json"
awk 'f&&NF>=6&&!d{$2=7;d=1} /^Atoms/{f=1} {print}' "$data" > "$w/type.data"; check "data: atom type 7 of 2" eval --data "$w/type.data" --forcefield bks --out "$w/e.json"
awk 'f&&NF>=6&&c<2{$1=1;c++} /^Atoms/{f=1} {print}' "$data" > "$w/dup.data"; check "data: duplicate atom id" eval --data "$w/dup.data" --forcefield bks --out "$w/e.json"
: > "$w/empty.data"; check "data: empty file" eval --data "$w/empty.data" --forcefield bks --out "$w/e.json"

# --- force fields
base='schema = "fracturelab.forcefield/1"
name = "t"
citation = "t"
[charges]
Si = 2.4
O = -1.2
[short_range]
cutoff = 5.5'
pair='[[pairs]]
elements = ["Si", "O"]
style = "buckingham"
A = 18003.7572
rho = 0.205205
C = 133.5381'
eval_ff "forcefield: misspelt section [coulumb]" "$(ff "$base" '[coulumb]' 'method = "dsf"' 'alpha = 0.2' 'cutoff = 10' "$pair")"
eval_ff "forcefield: misspelt key shift_energi" "$(ff "$base" 'shift_energi = true' "$pair")"
eval_ff "forcefield: unknown pair style" "$(ff "$base" "${pair/buckingham/buckinghm}")"
eval_ff "forcefield: no charges" "$(ff 'schema = "fracturelab.forcefield/1"' 'name = "t"' 'citation = "t"' '[short_range]' 'cutoff = 5.5' "$pair")"
eval_ff "forcefield: negative cut-off" "$(ff "${base/cutoff = 5.5/cutoff = -5}" "$pair")"
eval_ff "forcefield: unknown shipped name" "bks-wal"
eval_ff "forcefield: not TOML" "$(ff '[charges' 'Si = ')"

# --- md options
check "md: --threads -1" md --data "$data" --forcefield bks-wall --steps 10 --threads -1 --out "$w/md"
check "md: --steps -5" md --data "$data" --forcefield bks-wall --steps -5 --out "$w/md"
check "md: --dt 0" md --data "$data" --forcefield bks-wall --steps 10 --dt 0 --out "$w/md"
check "md: --ensemble nvx" md --data "$data" --forcefield bks-wall --steps 10 --ensemble nvx --out "$w/md"
check "md: --temperature -10" md --data "$data" --forcefield bks-wall --steps 10 --ensemble nvt --temperature -10 --out "$w/md"
check "md: --backend gpux" md --data "$data" --forcefield bks-wall --steps 10 --backend gpux --out "$w/md"
check "md: a 1 MB number" md --data "$data" --forcefield bks-wall --steps "$(head -c 1000000 /dev/zero | tr '\0' 9)" --out "$w/md"
check "md: --format xyzz" md --data "$data" --forcefield bks-wall --steps 10 --format xyzz --out "$w/md"
check "md: --resume with no checkpoint" md --data "$data" --forcefield bks-wall --steps 10 --resume --out "$w/md-none"
check "md: unminimized glass at dt 7 fs (explodes)" md --data "$data" --forcefield bks --steps 2000 --dt 7 --out "$w/md-dt7"
python3 - "$w/pair.data" <<'PY'
import sys
open(sys.argv[1], "w").write("two atoms 0.3 A apart\n\n2 atoms\n2 atom types\n\n0 20 xlo xhi\n0 20 ylo yhi\n0 20 zlo zhi\n\nMasses\n\n1 28.0855 # Si\n2 15.9994 # O\n\nAtoms # charge\n\n1 1 2.4 10 10 10\n2 2 -1.2 10.3 10 10\n")
PY
check "md: Si-O pair 0.3 Å apart, plain bks (runaway)" md --data "$w/pair.data" --forcefield bks --steps 1000 --out "$w/md-pair"
"${fl[@]}" md --data "$data" --forcefield bks-wall --minimize fire --steps 20 --checkpoint-every 10 --out "$w/md-ck" >/dev/null 2>&1
head -c 500 "$w/md-ck/checkpoint.bin" > "$w/cut.bin"; cp "$w/cut.bin" "$w/md-ck/checkpoint.bin"
check "md: truncated checkpoint on --resume" md --data "$data" --forcefield bks-wall --minimize fire --steps 40 --checkpoint-every 10 --resume --out "$w/md-ck"
check "md: resume with another force field" md --data "$data" --forcefield bks --steps 40 --resume --out "$w/md-ck"
check "md: output under /proc" md --data "$data" --forcefield bks-wall --steps 10 --out /proc/fracturelab

# --- run, study and campaign files
check "run: missing file" run "$w/none.toml" --out "$w/run"
check "run: not TOML" run "$(put r1.toml '[crack' 'kind = ')" --out "$w/run"
check "run: length_fraction 1.5" run "$(put r2.toml '[crack]' 'length_fraction = 1.5')" --out "$w/run"
check "run: misspelt key strain_rate" run "$(put r3.toml '[tension]' 'strain_rate = 1e9')" --out "$w/run"
check "run: protocol D" run "$(put r4.toml '[tension]' 'protocol = "D"')" --out "$w/run"
check "run: data file missing" run "$(put r5.toml '[structure]' "data = \"$w/none.data\"")" --out "$w/run"
check "run: misspelt section [tensoin]" run "$(put r6.toml '[tensoin]' 'max_strain = 0.1')" --out "$w/run"
check "run: strain rate -1" run "$(put r7.toml '[tension]' 'strain_rate_per_s = -1')" --out "$w/run"
check "toughness: method crack-lenght" toughness "$(put s1.toml '[study]' 'methods = ["crack-lenght"]')" --out "$w/t"
check "toughness: j-integral without dumps" toughness "$(put s2.toml '[study]' 'methods = ["j-integral"]' '[run]' 'dump_every_records = 0')" --out "$w/t"
check "toughness: edge crack" toughness "$(put s3.toml '[crack]' 'kind = "edge"')" --out "$w/t"
check "campaign: no composition" campaign "$(put c1.toml '[campaign]' 'replicas = 2')" --out "$w/c"
check "campaign: misspelt key shiped" campaign "$(put c2.toml '[[composition]]' 'label = "a"' 'shiped = "silica576"' 'forcefield = "bks"')" --out "$w/c"
check "campaign: replicas 0" campaign "$(put c3.toml '[campaign]' 'replicas = 0' '[[composition]]' 'label = "a"' 'shipped = "silica576"' 'forcefield = "bks"')" --out "$w/c"
check "campaign: two of shipped/data" campaign "$(put c4.toml '[[composition]]' 'label = "a"' 'shipped = "silica576"' "data = \"$glass\"" 'forcefield = "bks"')" --out "$w/c"

# --- dumps
"${fl[@]}" md --data "$data" --forcefield bks-wall --minimize fire --steps 40 --dump-every 10 --out "$w/traj" >/dev/null 2>&1
d=$w/traj/trajectory.dump
awk 'NR==4{$0="2000000000"} {print}' "$d" > "$w/huge.dump"; check "dump: 2e9 atoms in a frame" diffusion --dump "$w/huge.dump" --species Si --out "$w/dif"
awk 'NR==2{$0="abc"} {print}' "$d" > "$w/step.dump"; check "dump: timestep abc" diffusion --dump "$w/step.dump" --species Si --out "$w/dif"
sed 's/ITEM: ATOMS id type element q x y z/ITEM: ATOMS id type element q xx y z/' "$d" > "$w/nox.dump"; check "dump: no x column" diffusion --dump "$w/nox.dump" --species Si --out "$w/dif"
check "diffusion: species Xx" diffusion --dump "$d" --species Xx --out "$w/dif"
sed '0,/^-\?[0-9.e+-]* [0-9.e+-]*$/s//0 1e300/' "$d" > "$w/box.dump"; check "dump: box bound 1e300" structure "$w/box.dump" --out "$w/st"
check "structure: --units Si-Q" structure "$glass" --elements Si,O --units Si-Q --out "$w/st"
check "structure: --scattering neutronn" structure "$glass" --elements Si,O --scattering neutronn --out "$w/st"

# --- lab data
head -1 "$sheet" > /dev/null
python3 - "$sheet" "$w" <<'PY'
import sys, csv, os
src, w = sys.argv[1], sys.argv[2]
lines = [l for l in open(src) if not l.startswith("#")]
rows = list(csv.reader(lines))
h = rows[0]
def write(name, header, body):
    with open(os.path.join(w, name), "w", newline="") as f:
        cw = csv.writer(f); cw.writerow(header); cw.writerows(body)
i = h.index("W_mm")
write("nocol.csv", [c for c in h if c != "W_mm"], [[v for k, v in enumerate(r) if k != i] for r in rows[1:]])
ai = h.index("a1_mm")
bad = [list(rows[1])]
bad[0][ai] = bad[0][h.index("a2_mm")] = bad[0][h.index("a3_mm")] = str(float(bad[0][i]) * 1.2)
write("aw.csv", h, bad)
PY
check "sepb: sheet without W_mm" sepb "$w/nocol.csv" --out "$w/sepb"
check "sepb: a/W = 1.2 (crack longer than the beam)" sepb "$w/aw.csv" --out "$w/sepb"
printf 'load_N,indents,cracked_corners\n1,10,abc\n' > "$w/cr.csv"; check "crack-resistance: cracked_corners abc" crack-resistance "$w/cr.csv" --out "$w/cr"
printf 'key,KIc_MPa_sqrt_m\n' > "$w/sim.csv"; check "compare: experiment file missing" compare --sim "$w/sim.csv" --exp "$w/none.csv" --out "$w/cmp"
check "schema: unknown kind" schema forcefeld

echo "$n cases: $clean clean errors, $silent silent accepts, $internal internal errors"
[ $silent -eq 0 ] && [ $internal -eq 0 ]
