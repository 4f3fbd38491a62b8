"""perturb.py - deterministic perturbations of the UN positives (bench/quality).

Usage: /usr/bin/python3 perturb.py POSITIVES.csv OUT.csv [SEED]

Reads the positives (full_name, date_of_birth, nationality, ...) and writes
one CSV row per perturbation that applies to a name, with the columns
`qid,kind,full_name,orig_name,date_of_birth,nationality`, which
`watchlist batch` reads (full_name is the query; the other fields pass
through). The same seed gives the same file; each name and kind has its
own generator (seeded with seed, row number and kind). Kinds:

  typo1      one typo (substitute, insert, delete or transpose a letter) in
             one token of >= 4 letters
  typo2      two typos, in two different tokens of >= 4 letters, in a long
             name (>= 15 letters)
  swap       two tokens swapped
  comma      "LAST, First ..." (the last token first, then a comma)
  drop       a middle token dropped (names of >= 3 tokens)
  join       two adjacent tokens joined
  split      one token of >= 6 letters split in two (each part >= 2 letters)
  initial    the first token reduced to its initial ("A. SALEK")
  cyrillic   ICU "Latin-Cyrillic" of the name in title case
  arabic     ICU "Latin-Arabic" of the name

Needs Debian's python3-icu (run with /usr/bin/python3).
"""
import csv
import random
import string
import sys

import icu

KINDS = ["typo1", "typo2", "swap", "comma", "drop", "join", "split", "initial", "cyrillic", "arabic"]


def letters(tok):
    return sum(1 for ch in tok if ch.isalpha())


def typo(tok, rng):
    """One random edit at letters of tok, keeping the token's case."""
    pos = [i for i, ch in enumerate(tok) if ch.isalpha()]
    upper = tok.upper() == tok

    def letter(avoid=""):
        pool = [c for c in string.ascii_lowercase if c not in avoid.lower()]
        c = rng.choice(pool)
        return c.upper() if upper else c

    ops = ["sub", "ins", "del", "swap"]
    rng.shuffle(ops)
    for op in ops:
        if op == "sub":
            i = rng.choice(pos)
            return tok[:i] + letter(tok[i]) + tok[i + 1:]
        if op == "ins":
            i = rng.choice(pos + [pos[-1] + 1])
            return tok[:i] + letter() + tok[i:]
        if op == "del":
            i = rng.choice(pos)
            return tok[:i] + tok[i + 1:]
        if op == "swap":
            adj = [i for i in pos if i + 1 < len(tok) and tok[i + 1].isalpha()
                   and tok[i].lower() != tok[i + 1].lower()]
            if adj:
                i = rng.choice(adj)
                return tok[:i] + tok[i + 1] + tok[i] + tok[i + 2:]
    return None


def perturb(kind, name, rng, to_cyrillic, to_arabic):
    """The perturbed name, or None when the kind does not apply to this name."""
    toks = name.split()
    n = len(toks)
    long_toks = [i for i, t in enumerate(toks) if letters(t) >= 4]
    if kind == "typo1":
        if not long_toks:
            return None
        i = rng.choice(long_toks)
        toks[i] = typo(toks[i], rng)
        return " ".join(toks)
    if kind == "typo2":
        if len(long_toks) < 2 or sum(letters(t) for t in toks) < 15:
            return None
        for i in rng.sample(long_toks, 2):
            toks[i] = typo(toks[i], rng)
        return " ".join(toks)
    if kind == "swap":
        if n < 2:
            return None
        i, j = rng.sample(range(n), 2)
        toks[i], toks[j] = toks[j], toks[i]
        return " ".join(toks)
    if kind == "comma":
        if n < 2:
            return None
        return toks[-1] + ", " + " ".join(toks[:-1])
    if kind == "drop":
        if n < 3:
            return None
        del toks[rng.randrange(1, n - 1)]
        return " ".join(toks)
    if kind == "join":
        if n < 2:
            return None
        i = rng.randrange(n - 1)
        toks[i:i + 2] = [toks[i] + toks[i + 1]]
        return " ".join(toks)
    if kind == "split":
        cand = [i for i, t in enumerate(toks) if t.isalpha() and len(t) >= 6]
        if not cand:
            return None
        i = rng.choice(cand)
        at = rng.randrange(2, len(toks[i]) - 1)
        toks[i:i + 1] = [toks[i][:at], toks[i][at:]]
        return " ".join(toks)
    if kind == "initial":
        if n < 2 or not toks[0][0].isalpha():
            return None
        toks[0] = toks[0][0] + "."
        return " ".join(toks)
    if kind == "cyrillic":
        return to_cyrillic.transliterate(name.lower().title())
    if kind == "arabic":
        return to_arabic.transliterate(name)
    raise ValueError(kind)


def main():
    src, out = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20240325
    to_cyrillic = icu.Transliterator.createInstance("Latin-Cyrillic")
    to_arabic = icu.Transliterator.createInstance("Latin-Arabic")
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["qid", "kind", "full_name", "orig_name", "date_of_birth", "nationality"])
        for row_no, row in enumerate(rows, 1):
            name = row["full_name"].strip()
            for kind in KINDS:
                # One generator per name and kind: adding a kind changes no other row.
                rng = random.Random(f"{seed}:{row_no}:{kind}")
                p = perturb(kind, name, rng, to_cyrillic, to_arabic)
                if p is None or p == name:
                    continue
                w.writerow([f"{row_no}:{kind}", kind, p, name, row["date_of_birth"], row["nationality"]])


if __name__ == "__main__":
    main()
