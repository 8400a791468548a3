#!/usr/bin/env python3
"""Writes the SYNTHETIC example SEPB set in sepb/ (sheet + load-displacement curves in three export layouts).

Not measured data: each specimen's peak load is P = K*B*sqrt(W)/Y*(a/W) for a K drawn around 0.76 MPa m^0.5
(the thesis' SEPB value for 38LiBP glass, Table 4-1), so that `fracturelab sepb` has something realistic to
reduce. Curves: a seating toe, a stiff closed-crack line, the re-opening knee at ~35 % of P_max (To et al.
2018), a softer line to P_max, then an unstable drop (or, for S9, a stable decline). Run from this folder.
"""
import math, random

random.seed(1421)

def g(a): return 3 * math.sqrt(a) / (2 * (1 - a) ** 1.5)
def f3(a): return (1.99 - a * (1 - a) * (2.15 - 3.93 * a + 2.7 * a * a)) / (1 + 2 * a)
def f4(a): return 1.9887 - 1.326 * a - (3.49 - 0.68 * a + 1.35 * a * a) * a * (1 - a) / (1 + a) ** 2
def ystar(loading, a, S, Si, W): return (S / W * g(a) * f3(a)) if loading == "3pt" else ((S - Si) / W * g(a) * f4(a))

def curve(pmax, stable=False, step=0.0004):
    """(displacement mm, load N) samples."""
    k1, k2, knee = 420.0, 300.0, 0.35 * pmax
    pts, d, p = [], 0.0, 0.0
    while p < pmax:
        if d < 0.004: p = 40 * d * d / 0.004          # seating toe
        else:
            p0 = 40 * 0.004
            dk = 0.004 + (knee - p0) / k1
            p = p0 + k1 * (d - 0.004) if d < dk else knee + k2 * (d - dk)
        pts.append((d, min(p, pmax) + random.gauss(0, 0.015)))
        d += step
    pts[-1] = (pts[-1][0], pmax)
    if stable:
        for i in range(1, 40):
            pts.append((pts[-1][0] + step, pmax * (1 - i / 40) ** 1.5 + random.gauss(0, 0.015)))
    else:
        pts.append((pts[-1][0] + step, 0.21))
        pts.append((pts[-1][0] + step, 0.02))
    return pts

specimens = [
    # id, loading, B, W, S, Si, readings, curve layout (None: Pmax in the sheet)
    ("S1", "3pt", 3.02, 4.01, 16.0, None, (1.82, 1.86, 1.84), "bluehill"),
    ("S2", "3pt", 2.98, 3.99, 16.0, None, (1.95, 1.99, 1.97), "mts"),
    ("S3", "3pt", 3.01, 4.02, 16.0, None, (2.10, 2.14, 2.09), "plain_kN"),
    ("S4", "3pt", 3.00, 4.00, 16.0, None, (1.71, 1.74, 1.73), None),
    ("S5", "3pt", 3.03, 3.98, 16.0, None, (2.21, 2.25, 2.23), None),
    ("S6", "4pt", 3.00, 4.01, 40.0, 20.0, (1.90, 1.93, 1.92), None),
    ("S7", "3pt", 2.99, 4.00, 16.0, None, (1.19, 1.21, 1.20), None),   # a/W = 0.30: invalid
    ("S8", "3pt", 3.01, 4.01, 16.0, None, (1.70, 1.98, 1.82), None),   # readings 15 % apart: invalid
    ("S9", "3pt", 3.02, 4.00, 16.0, None, (1.88, 1.90, 1.86), "plain_lbf_stable"),
]

rows = ["# SYNTHETIC example set (see make_sepb_example.py); glass 38LiBP, K_Ic drawn around 0.76 MPa m^0.5",
        "id,loading,B_mm,W_mm,S_mm,Si_mm,a1_mm,a2_mm,a3_mm,Pmax_N,curve,glass,x_Li2O_mol_pct,operator"]
for sid, loading, B, W, S, Si, reads, layout in specimens:
    a = sum(reads) / 3 / W
    K = random.gauss(0.76, 0.03) * 1e6                     # Pa m^0.5
    P = K * (B * 1e-3) * math.sqrt(W * 1e-3) / ystar(loading, a, S, Si or 0.0, W)
    pts = curve(P, stable=layout == "plain_lbf_stable") if layout else None
    cfile = ""
    if layout == "bluehill":
        cfile = "curves/Specimen_RawData_1.csv"
        with open(cfile, "w", newline="") as f:
            f.write('"Sample name : 38LiBP SEPB"\r\n"Specimen : 1"\r\n"Test date : 2024-03-12"\r\n\r\n')
            f.write('"Time","Extension","Load"\r\n"(s)","(mm)","(N)"\r\n')
            for i, (d, p) in enumerate(pts):
                f.write(f'"{i * 0.048:.5f}","{d:.5f}","{p:.5f}"\r\n')
    elif layout == "mts":
        cfile = "curves/S2_mts.csv"
        with open(cfile, "w") as f:
            f.write("MTS TestSuite,,\nTest Run Name:,S2,\nSpecimen:,38LiBP SEPB S2,\n\n")
            f.write("Time,Crosshead,Force\nsec,mm,kN\n")
            for i, (d, p) in enumerate(pts):
                f.write(f"{i * 0.048:.4f},{d:.6f},{p / 1000:.7f}\n")
    elif layout == "plain_kN":
        cfile = "curves/S3_plain.csv"
        with open(cfile, "w") as f:
            f.write("Displacement (mm);Load (kN)\n")
            for d, p in pts:
                f.write(f"{d:.6f};{p / 1000:.7f}\n")
    elif layout == "plain_lbf_stable":
        cfile = "curves/S9_stable.csv"
        with open(cfile, "w") as f:
            f.write("deflection,load\nin,lbf\n")
            for d, p in pts:
                f.write(f"{d / 25.4:.8f},{p / 4.4482216152605:.6f}\n")
    pcol = "" if layout else f"{P:.3f}"
    rows.append(f"{sid},{loading},{B},{W},{S},{'' if Si is None else Si},{reads[0]},{reads[1]},{reads[2]},{pcol},{cfile},38LiBP,38,AB")

with open("sheet.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
