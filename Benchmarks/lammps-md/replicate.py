#!/usr/bin/env python3
"""Replicates a LAMMPS data file (atom_style charge, orthorhombic) nx x ny x nz times: replicate.py IN OUT nx ny nz."""
import sys

src, dst, nx, ny, nz = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
lines = open(src).read().splitlines()
lo, hi = [0.0] * 3, [0.0] * 3
for l in lines:
    t = l.split()
    for a, ax in enumerate("xyz"):
        if len(t) >= 4 and t[2] == f"{ax}lo":
            lo[a], hi[a] = float(t[0]), float(t[1])
L = [hi[a] - lo[a] for a in range(3)]
k = next(i for i, l in enumerate(lines) if l.split()[:1] == ["Atoms"])
masses = next(i for i, l in enumerate(lines) if l.split()[:1] == ["Masses"])
ntypes = next(int(l.split()[0]) for l in lines if l.endswith("atom types"))
atoms = []
for l in lines[k + 1:]:
    t = l.split()
    if not t:
        if atoms:
            break
        continue
    if not t[0].lstrip("-").isdigit():
        break
    atoms.append(t)
out = [f"replicated {nx}x{ny}x{nz} from {src}", "", f"{len(atoms) * nx * ny * nz} atoms", f"{ntypes} atom types",
       f"{lo[0]} {lo[0] + nx * L[0]} xlo xhi", f"{lo[1]} {lo[1] + ny * L[1]} ylo yhi", f"{lo[2]} {lo[2] + nz * L[2]} zlo zhi", "", "Masses", ""]
out += [l for l in lines[masses + 1:masses + 2 + ntypes] if l.strip()] + ["", "Atoms # charge", ""]
n = 0
for i in range(nx):
    for j in range(ny):
        for m in range(nz):
            for t in atoms:
                n += 1
                x, y, z = float(t[3]) + i * L[0], float(t[4]) + j * L[1], float(t[5]) + m * L[2]
                out.append(f"{n} {t[1]} {t[2]} {x!r} {y!r} {z!r}")
open(dst, "w").write("\n".join(out) + "\n")
