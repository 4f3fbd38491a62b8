"""pg_trgm.py - the PostgreSQL pg_trgm peer: per-query latency from one session.

Usage: /usr/bin/python3 pg_trgm.py SOCKET_DIR QUERIES.tsv

Connects through the Unix socket in SOCKET_DIR (user and database
postgres) to the throwaway cluster bench/speed/run made, whose table
names(id, name) holds every name of the bundled index with a GIN trigram
index, prepares

  SELECT id, similarity(name, $1) AS s FROM names WHERE name % $1 ORDER BY s DESC LIMIT 5

and runs it once per query (the name column of QUERIES.tsv), first an
untimed pass to warm the caches, then a timed pass, each call timed with
time.perf_counter_ns() around execute and fetchall. Prints one JSON object:
{"queries", "qps", "mean_us", "p50_us", "p90_us", "p99_us", "max_us",
"with_results": queries that got a row, "names": rows in the table,
"similarity_threshold": pg_trgm's show_limit(), 0.3 by default}.
"""
import json
import sys
import time

import psycopg2

SQL = ("PREPARE q(text) AS SELECT id, similarity(name, $1) AS s FROM names "
       "WHERE name % $1 ORDER BY s DESC LIMIT 5")


def percentile(sorted_us, p):
    k = int(p * (len(sorted_us) - 1) + 0.5)
    return sorted_us[min(k, len(sorted_us) - 1)]


def main():
    sock, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        names = [line.rstrip("\n").split("\t")[0] for line in f if line.strip()]
    conn = psycopg2.connect(host=sock, dbname="postgres", user="postgres")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute(SQL)
    cur.execute("SELECT count(*) FROM names")
    nrows = cur.fetchone()[0]
    cur.execute("SELECT show_limit()")  # loads pg_trgm in this session too
    sim = float(cur.fetchone()[0])
    for name in names:  # warm-up
        cur.execute("EXECUTE q(%s)", (name,))
        cur.fetchall()
    lat = []
    with_results = 0
    for name in names:
        t = time.perf_counter_ns()
        cur.execute("EXECUTE q(%s)", (name,))
        rows = cur.fetchall()
        lat.append((time.perf_counter_ns() - t) / 1e3)
        with_results += bool(rows)
    conn.close()
    total = sum(lat)
    lat.sort()
    print(json.dumps({"queries": len(lat), "qps": round(len(lat) / (total / 1e6), 1),
                      "mean_us": round(total / len(lat), 1), "p50_us": round(percentile(lat, 0.50), 1),
                      "p90_us": round(percentile(lat, 0.90), 1), "p99_us": round(percentile(lat, 0.99), 1),
                      "max_us": round(lat[-1], 1), "with_results": with_results, "names": nrows,
                      "similarity_threshold": sim}))


if __name__ == "__main__":
    main()
