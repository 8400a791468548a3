#!/usr/bin/env python3
"""Writes cs320.full.data (LAMMPS atom_style full with one core-shell bond per O) from cs320.data, the 192-atom silica
test box with shells added by `fracturelab add-shells --data silica192.data --forcefield cs_test.toml --displacement 0.05
--seed 7 --out cs320.data`. Each shell (type 3) is bonded to the nearest O core (type 2), minimum image."""
import math

lines = open("cs320.data").read().splitlines()
box = [tuple(map(float, l.split()[:2])) for l in lines if l.endswith(("xlo xhi", "ylo yhi", "zlo zhi"))]
L = [hi - lo for lo, hi in box]
i = next(k for k, l in enumerate(lines) if l.startswith("Atoms"))
atoms = []
for l in lines[i + 2:]:
    if not l.strip():
        break
    f = l.split()
    atoms.append((int(f[0]), int(f[1]), float(f[2]), float(f[3]), float(f[4]), float(f[5])))
masses = [l for l in lines[lines.index("Masses") + 2:lines.index("Masses") + 5]]
cores = [a for a in atoms if a[1] == 2]
shells = [a for a in atoms if a[1] == 3]

def dist(a, b):
    s = 0.0
    for k in range(3):
        d = a[3 + k] - b[3 + k]
        d -= L[k] * round(d / L[k])
        s += d * d
    return math.sqrt(s)

bonds = []
for s in shells:
    c = min(cores, key=lambda c: dist(c, s))
    bonds.append((c[0], s[0]))
assert len({c for c, _ in bonds}) == len(cores), "every core one shell"
mol = {c: n + 1 for n, (c, _) in enumerate(bonds)}
mol.update({s: mol[c] for c, s in bonds})
with open("cs320.full.data", "w") as out:
    out.write("FractureLab core-shell parity configuration (cs320.data with bonds, atom_style full)\n\n")
    out.write(f"{len(atoms)} atoms\n3 atom types\n{len(bonds)} bonds\n1 bond types\n\n")
    for (lo, hi), ax in zip(box, "xyz"):
        out.write(f"{lo} {hi} {ax}lo {ax}hi\n")
    out.write("\nMasses\n\n" + "\n".join(masses) + "\n\nAtoms # full\n\n")
    for a in atoms:
        out.write(f"{a[0]} {mol.get(a[0], 0)} {a[1]} {a[2]} {a[3]!r} {a[4]!r} {a[5]!r}\n")
    out.write("\nBonds\n\n")
    for n, (c, s) in enumerate(bonds):
        out.write(f"{n + 1} 1 {c} {s}\n")
