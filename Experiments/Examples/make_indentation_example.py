#!/usr/bin/env python3
"""Writes the SYNTHETIC crack-resistance example indentation/cr_38LiBP.csv.

Not measured data: at each Vickers load, 10 indents whose 40 corners crack with probability
p = 1/(1 + exp(-(ln P - ln 0.68)/0.45)) (binomial draws), 0.68 N being the thesis' CR of 38LiBP glass.
"""
import math, random

random.seed(2010)
loads = [0.098, 0.245, 0.49, 0.98, 1.96, 2.94]
with open("indentation/cr_38LiBP.csv", "w") as f:
    f.write("# SYNTHETIC example (see make_indentation_example.py): logistic in ln P, P50 = 0.68 N\n")
    f.write("load_N,indents,cracked_corners\n")
    for P in loads:
        p = 1 / (1 + math.exp(-(math.log(P) - math.log(0.68)) / 0.45))
        c = sum(random.random() < p for _ in range(40))
        f.write(f"{P},10,{c}\n")
