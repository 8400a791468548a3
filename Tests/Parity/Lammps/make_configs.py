#!/usr/bin/env python3
"""Writes the small random configurations of the LAMMPS parity suite (deterministic seed).

Random insertion at a target density with a minimum pair distance (SCIENCE.md §1 start step);
periodic minimum-image distances. Run by regenerate.sh; the outputs are committed.
"""
import math
import random

AMU_G = 1.66053906660e-24

def random_config(counts, masses, density, dmin, seed):
    rnd = random.Random(seed)
    mass = sum(n * masses[el] for el, n in counts) * AMU_G
    L = (mass / density * 1e24) ** (1 / 3)
    pts = []
    for el, n in counts:
        for _ in range(n):
            while True:
                p = [rnd.uniform(0, L) for _ in range(3)]
                ok = True
                for q in pts:
                    d2 = 0
                    for a in range(3):
                        d = p[a] - q[1][a]
                        d -= L * round(d / L)
                        d2 += d * d
                    if d2 < dmin * dmin:
                        ok = False
                        break
                if ok:
                    pts.append((el, p))
                    break
    return L, pts

def write_data(path, L, pts, elements, masses, charges):
    with open(path, "w") as f:
        f.write("FractureLab parity configuration (random insertion)\n\n")
        f.write(f"{len(pts)} atoms\n{len(elements)} atom types\n\n")
        for ax in "xyz":
            f.write(f"0.0 {L:.10f} {ax}lo {ax}hi\n")
        f.write("\nMasses\n\n")
        for t, el in enumerate(elements, 1):
            f.write(f"{t} {masses[el]} # {el}\n")
        f.write("\nAtoms # charge\n\n")
        for i, (el, p) in enumerate(pts, 1):
            f.write(f"{i} {elements.index(el) + 1} {charges[el]} {p[0]:.10f} {p[1]:.10f} {p[2]:.10f}\n")

M = {"Si": 28.0855, "O": 15.999, "Li": 6.94, "S": 32.06, "Ca": 40.078}
L, pts = random_config([("Si", 64), ("O", 128)], M, 2.2, 1.55, 1)
write_data("silica192.data", L, pts, ["Si", "O"], M, {"Si": 2.4, "O": -1.2})
L, pts = random_config([("Li", 64), ("Si", 16), ("S", 64)], M, 1.9, 1.9, 2)
write_data("lisis144.data", L, pts, ["Li", "Si", "S"], M, {"Li": 0.6, "Si": 2.4, "S": -1.2})
L, pts = random_config([("Ca", 24), ("Si", 24), ("O", 72)], M, 2.6, 1.55, 3)
write_data("casio120.data", L, pts, ["Ca", "Si", "O"], M, {"Ca": 1.2, "Si": 2.4, "O": -1.2})

# C0/r^12 of Pedone as a LAMMPS pair table (LAMMPS 20220106 has no pedone style): E and F = 12 C0 / r^13.
with open("pedone_r12.table", "w") as f:
    f.write("# C0/r^12 terms of Pedone 2006 for LAMMPS pair_style table (spline)\n")
    for name, c0 in [("CAO", 5.0), ("SIO", 1.0), ("OO", 22.0)]:
        n, rlo, rhi = 20000, 0.5, 5.5
        f.write(f"\n{name}\nN {n} R {rlo} {rhi}\n\n")
        for k in range(n):
            r = rlo + (rhi - rlo) * k / (n - 1)
            f.write(f"{k + 1} {r:.12f} {c0 / r**12:.17g} {12 * c0 / r**13:.17g}\n")
