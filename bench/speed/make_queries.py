"""make_queries.py - the query set of the speed benchmark.

Usage: /usr/bin/python3 make_queries.py PERTURBED.csv NEGATIVES.csv OUTDIR [N] [SEED]

Draws N queries (default 2,000) with a fixed seed: half from the perturbed
UN positives (bench/quality/perturb.py output: every kind of perturbation,
Cyrillic and Arabic script included), half from the negatives (people on no
list, in many scripts), shuffled together. Writes them twice, the same
queries in the same order:

  OUTDIR/queries.tsv  name<TAB>date of birth<TAB>nationality (latency.c, pg_trgm)
  OUTDIR/queries.csv  full_name,date_of_birth,nationality with a header (watchlist batch)
"""
import csv
import random
import sys


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [(r["full_name"], r["date_of_birth"], r["nationality"]) for r in csv.DictReader(f)]


def main():
    pert_path, neg_path, out = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 2000
    rng = random.Random(seed)
    pert, neg = read(pert_path), read(neg_path)
    queries = rng.sample(pert, n // 2) + rng.sample(neg, n - n // 2)
    rng.shuffle(queries)
    clean = lambda s: " ".join(s.replace("\t", " ").split())
    with open(f"{out}/queries.tsv", "w", encoding="utf-8") as f:
        for q in queries:
            f.write("\t".join(clean(x) for x in q) + "\n")
    with open(f"{out}/queries.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["full_name", "date_of_birth", "nationality"])
        w.writerows([[clean(x) for x in q] for q in queries])


if __name__ == "__main__":
    main()
