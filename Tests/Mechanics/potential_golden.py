#!/usr/bin/env python3
"""Golden values of Tests/Mechanics/PotentialGoldenTests.cs: each pair term's energy U (eV) and F/r (eV/A^2) at one
separation, in 40-digit arithmetic with mpmath, from the published formulas (not from FractureLab's code).
    python3 Tests/Mechanics/potential_golden.py
"""
from mpmath import mp, mpf, exp, sqrt, erfc, pi, diff

mp.dps = 40
KE = mpf("14.399645")  # Coulomb constant of LAMMPS metal units, eV A / e^2 (as the DSF case)


def show(name, u, r):
    # F/r = -(dU/dr)/r, by 40-digit numerical differentiation of the formula
    f_over_r = -diff(u, r) / r
    print(f"{name}: r = {r}: U = {mp.nstr(u(r), 17)}, F/r = {mp.nstr(f_over_r, 17)}")


def buckingham(a, rho, c, d=0):
    return lambda r: a * exp(-r / rho) - c / r**6 + d / r**24


def morse_pedone(d0, alpha, r0, c0):
    return lambda r: d0 * (exp(-2 * alpha * (r - r0)) - 2 * exp(-alpha * (r - r0))) + c0 / r**12


def lennard_jones(eps, sigma):
    return lambda r: 4 * eps * ((sigma / r)**12 - (sigma / r)**6)


def core(b, n, d):
    return lambda r: b / r**n + d * r**2


def born(a, rho, sigma, c, d):
    # Born-Mayer-Huggins as LAMMPS pair born: A exp((sigma - r)/rho) - C/r^6 + D/r^8
    return lambda r: a * exp((sigma - r) / rho) - c / r**6 + d / r**8


def dsf(alpha, rc, qq):
    # Fennell & Gezelter, J. Chem. Phys. 124, 234104 (2006), Eq. 19: the damped shifted force pair energy
    def shifted(r):
        erfc_rc = erfc(alpha * rc) / rc
        force_rc = erfc(alpha * rc) / rc**2 + 2 * alpha / sqrt(pi) * exp(-(alpha * rc)**2) / rc
        return KE * qq * (erfc(alpha * r) / r - erfc_rc + force_rc * (r - rc))
    return shifted


show("Buckingham BKS Si-O", buckingham(mpf("18003.7572"), mpf("0.205205"), mpf("133.5381")), mpf("1.6"))
show("Buckingham BKS O-O", buckingham(mpf("1388.7730"), mpf("0.362319"), mpf("175.0")), mpf("2.6"))
show("Buckingham with r^-24 wall", buckingham(mpf("18003.7572"), mpf("0.205205"), mpf("133.5381"), mpf("29.0")), mpf("1.2"))
show("Morse-Pedone Si-O", morse_pedone(mpf("0.340554"), mpf("2.006700"), mpf("2.1"), mpf("1.0")), mpf("1.7"))
show("Lennard-Jones", lennard_jones(mpf("0.0104"), mpf("3.4")), mpf("3.5"))
show("core-Buckingham inside the core", core(mpf("46.462"), mpf("3.430"), mpf("-0.32605")), mpf("1.5"))
show("Born-Mayer-Huggins (the style's example term)", born(mpf("0.2637"), mpf("0.317"), mpf("2.34"), mpf("1.048"), mpf("0.499")), mpf("2.8"))
show("DSF alpha 0.2, rc 10, qq -2.88", dsf(mpf("0.2"), mpf("10.0"), mpf("-2.88")), mpf("3.0"))
