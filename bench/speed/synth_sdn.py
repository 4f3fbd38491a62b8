"""synth_sdn.py - a synthetic sanctions list of N people in OFAC's legacy CSV layout.

Usage: /usr/bin/python3 synth_sdn.py NEGATIVES.csv OUT/sdn.csv N [SEED]

Writes N Person records the way OFAC's sdn.csv has them (no header, CRLF,
fields quoted, "-0- " for empty ones, a 0x1A byte after the last record),
so that `watchlist index` reads the file as an OFAC SDN set:

  ent_num,"LAST, First Middle","individual","SYNTH",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB dd Mon yyyy."

Names come from the people of negatives_global.csv (many cultures and
scripts): the first (and middle) name from one random row, the last name
from another row of the same nationality, so that names stay within one
culture. Dates of birth are uniform over 1940-2005. ent_num starts at
10,000,001, far above OFAC's own numbers, so that the file can be indexed
together with the bundled lists. The file is UTF-8. The same seed gives the
same file.
"""
import csv
import random
import sys
from collections import defaultdict

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FIRST_ENT_NUM = 10_000_001


def quote(s):
    return '"' + s.replace('"', '""') + '"'


def main():
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1000000
    rng = random.Random(seed)
    with open(src, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["first_name"].strip() and r["last_name"].strip()]
    by_country = defaultdict(list)
    for r in rows:
        by_country[r["nationality"]].append(r["last_name"].strip())
    empty = ",".join(["-0- "] * 7)
    with open(out, "w", encoding="utf-8", newline="") as f:
        buf = []
        for i in range(n):
            r = rng.choice(rows)
            last = rng.choice(by_country[r["nationality"]])
            given = r["first_name"].strip()
            if r["middle_name"].strip() and rng.random() < 0.5:
                given += " " + r["middle_name"].strip()
            dob = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(1940, 2005)}"
            buf.append(f'{FIRST_ENT_NUM + i},{quote(last + ", " + given)},"individual","SYNTH",{empty},'
                       f'{quote("DOB " + dob + ".")}\r\n')
            if len(buf) == 10000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
        f.write("\x1a")


if __name__ == "__main__":
    main()
