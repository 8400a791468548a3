#!/usr/bin/env python3
"""Coefficients of ScaledErfcPolynomial.cs (run: python3 Mechanics/Coulomb/ScaledErfcPolynomial.fit.py).

erfc(x) = e^(-x^2) * t * P(t),  t = 1/(1 + p x),  p = 0.3, for x >= 0 (t in (0, 1]).
g(t) = erfc(x) e^(x^2) / t is smooth on [0, 1] with g(0) = p/sqrt(pi) (the asymptote erfc(x) e^(x^2) ~ 1/(x sqrt(pi))).
P is the degree-20 interpolant of g at the 21 Chebyshev points of the first kind on [0, 1] (s = 2t - 1), computed in
60-digit arithmetic (mpmath), converted to monomials in t and rounded to double. Prints the coefficients and the
largest relative error of e^(-x^2) t P(t), evaluated in double as the C# code does (Estrin's scheme, math.exp),
against mpmath's erfc on 20 001 points of [0, 6] and of [0, 26] (beyond 26 erfc < 1e-295 and e^(-x^2) is subnormal).
"""
import math
import mpmath as mp

mp.mp.dps = 60
P, N = mp.mpf("0.3"), 20


def g(t):
    if t == 0:
        return P / mp.sqrt(mp.pi)
    x = (1 / t - 1) / P
    return mp.erfc(x) * mp.exp(x * x) / t


nodes = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / (N + 1)) for k in range(N + 1)]
values = [g((s + 1) / 2) for s in nodes]
cheb = [2 * mp.fsum(values[k] * mp.cos(j * mp.pi * (k + mp.mpf(1) / 2) / (N + 1)) for k in range(N + 1)) / (N + 1)
        for j in range(N + 1)]
cheb[0] /= 2
# T_j(2t - 1) as monomials in t, by T_{j+1} = 2 s T_j - T_{j-1}.
T = [[mp.mpf(1)], [mp.mpf(-1), mp.mpf(2)]]
for j in range(2, N + 1):
    nxt = [mp.mpf(0)] * (j + 1)
    for i, v in enumerate(T[-1]):
        nxt[i] -= 2 * v
        nxt[i + 1] += 4 * v
    for i, v in enumerate(T[-2]):
        nxt[i] -= v
    T.append(nxt)
mono = [mp.mpf(0)] * (N + 1)
for j in range(N + 1):
    for i, v in enumerate(T[j]):
        mono[i] += cheb[j] * v
c = [float(m) for m in mono]


def estrin(t):
    fma = lambda a, b, d: a * b + d  # Python has no FMA; the difference is far below the reported error
    t2 = t * t; t4 = t2 * t2; t8 = t4 * t4; t16 = t8 * t8
    a = [fma(c[2 * k + 1], t, c[2 * k]) for k in range(10)] + [c[20]]
    b = [fma(a[2 * k + 1], t2, a[2 * k]) for k in range(5)] + [a[10]]
    d = [fma(b[2 * k + 1], t4, b[2 * k]) for k in range(3)]
    return fma(d[2], t16, fma(d[1], t8, d[0]))


for k, v in enumerate(c):
    print(f"c{k} = {v!r}")
for xmax in (6, 26):
    worst = max(abs(mp.mpf(math.exp(-x * x) * t * estrin(t)) / mp.erfc(x) - 1)
                for x in (i / 20000 * xmax for i in range(20001)) for t in [1 / (1 + 0.3 * x)])
    print(f"max relative error on [0, {xmax}]: {float(worst):.2e}")
