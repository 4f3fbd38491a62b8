"""summarise.py - the summary table of bench/speed/run, and results.json.

Usage: /usr/bin/python3 summarise.py WORKDIR NQUERIES NSYNTH RESULTS.json

Reads what run left in WORKDIR: latency_{bundled,1m}.json (latency.c),
pg_trgm.json (pg_trgm.py), build_{bundled,1m}.json and
batch_{bundled,1m}.json (hyperfine exports), size_{bundled,1m}.txt and
info_{bundled,1m}.json, loadavg_{start,end}.txt, others_cpu.txt (CPU seconds
that other work on the machine took during the run, and the run's wall time); prints the table with the ratios the targets are about
(watchlist / pg_trgm queries per second, 1M / bundled latency) and writes
every figure to RESULTS.json.
"""
import json
import os
import subprocess
import sys


def load(work, name):
    with open(os.path.join(work, name), encoding="utf-8") as f:
        return json.load(f)


def hyper(work, name):
    """hyperfine export -> [{"command", "mean_s", "stddev_s", "min_s", "max_s"}]."""
    return [{"command": r["command"], "mean_s": r["mean"], "stddev_s": r.get("stddev") or 0.0,
             "min_s": r["min"], "max_s": r["max"], "runs": len(r["times"])}
            for r in load(work, name)["results"]]


def size(work, name):
    with open(os.path.join(work, name)) as f:
        return int(f.read().strip())


def git_describe():
    """The commit measured ("-dirty" when the work tree had changes), or $BENCH_SOURCE when set
    (a run on an exported tree that is no git work tree)."""
    if os.environ.get("BENCH_SOURCE"):
        return os.environ["BENCH_SOURCE"]
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    work, nq, nsynth, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    lb, l1 = load(work, "latency_bundled.json"), load(work, "latency_1m.json")
    pg = load(work, "pg_trgm.json")
    bb, b1 = hyper(work, "build_bundled.json")[0], hyper(work, "build_1m.json")[0]
    batch_b, batch_1 = hyper(work, "batch_bundled.json"), hyper(work, "batch_1m.json")
    for b in batch_b + batch_1:
        b["qps"] = nq / b["mean_s"]
    loadavg = {}
    for when in ("start", "end"):
        with open(os.path.join(work, f"loadavg_{when}.txt")) as f:
            loadavg[when] = [float(x) for x in f.read().split()]
    with open(os.path.join(work, "others_cpu.txt")) as f:
        others_s, wall_s = (float(x) for x in f.read().split())
    r = {
        "source": git_describe(),
        "run_wall_s": wall_s,
        "others_cpu_s": others_s,
        "others_cpus_on_average": others_s / wall_s,
        "queries": nq,
        "cpus": os.cpu_count(),
        "loadavg_1_5_15min": loadavg,
        "synthetic_people": nsynth,
        "bundled": {"entities": load(work, "info_bundled.json")["entities"],
                    "build_s": bb["mean_s"], "build_runs": bb["runs"], "index_bytes": size(work, "size_bundled.txt"),
                    "latency": lb, "batch_threads_1": batch_b[0], "batch_threads_2": batch_b[1]},
        "pg_trgm": pg,
        "scale_1m": {"entities": load(work, "info_1m.json")["entities"], "build_s": b1["mean_s"], "index_bytes": size(work, "size_1m.txt"),
                     "latency": l1, "batch_threads_1": batch_1[0], "batch_threads_2": batch_1[1]},
        "ratios": {
            "watchlist_over_pg_trgm_qps": lb["qps"] / pg["qps"],
            "pg_trgm_over_watchlist_p50": pg["p50_us"] / lb["p50_us"],
            "latency_1m_over_bundled_p50": l1["p50_us"] / lb["p50_us"],
            "latency_1m_over_bundled_p99": l1["p99_us"] / lb["p99_us"],
            "latency_1m_over_bundled_mean": l1["mean_us"] / lb["mean_us"],
        },
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(r, f, indent=1)
        f.write("\n")

    mb = lambda n: f"{n / 1e6:.1f} MB"
    print(f"\n== Speed: {nq} queries (half perturbed UN positives, half negatives) ==")
    print(f"{'what':<46}{'queries/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    row = lambda label, qps, p50, p99, mx: print(
        f"{label:<46}{qps:>11.0f}{p50 / 1e3:>9.3f}{p99 / 1e3:>9.3f}{mx / 1e3:>9.3f}")
    row("watchlist, bundled index, 1 thread (API)", lb["qps"], lb["p50_us"], lb["p99_us"], lb["max_us"])
    row(f"pg_trgm, same {pg['names']} names, 1 session", pg["qps"], pg["p50_us"], pg["p99_us"], pg["max_us"])
    row(f"watchlist, bundled + {nsynth:,} synthetic, 1 thread", l1["qps"], l1["p50_us"], l1["p99_us"], l1["max_us"])
    print(f"{'batch (wall time, JSON output)':<46}{'queries/s':>11}{'wall s':>9}")
    for label, b in (("bundled, --threads 1", batch_b[0]), ("bundled, --threads 2", batch_b[1]),
                     (f"{nsynth:,} synthetic, --threads 1", batch_1[0]),
                     (f"{nsynth:,} synthetic, --threads 2 (all cores)", batch_1[1])):
        print(f"{'  ' + label:<46}{b['qps']:>11.0f}{b['mean_s']:>9.2f}")
    print(f"{'index':<46}{'entities':>11}{'build s':>9}{'size':>11}")
    for label, x in (("  bundled lists", r["bundled"]),
                     ("  bundled + " + format(nsynth, ",") + " synthetic people", r["scale_1m"])):
        print(f"{label:<46}{x['entities']:>11}{x['build_s']:>9.2f}{mb(x['index_bytes']):>11}")
    q = r["ratios"]
    print(f"watchlist / pg_trgm queries per second: {q['watchlist_over_pg_trgm_qps']:.1f}x "
          f"(target >= 100x); pg_trgm p50 / watchlist p50: {q['pg_trgm_over_watchlist_p50']:.1f}x")
    print(f"p99, bundled: {lb['p99_us'] / 1e3:.3f} ms (target <= 1 ms); "
          f"{nsynth:,} / bundled latency: p50 {q['latency_1m_over_bundled_p50']:.2f}x, "
          f"p99 {q['latency_1m_over_bundled_p99']:.2f}x (target <= 3x)")
    print(f"other work on the machine took {others_s:.0f} CPU s in the {wall_s:.0f} s of the run "
          f"({others_s / wall_s:.2f} of {os.cpu_count()} CPUs on average); load average at start "
          f"{loadavg['start']}, at end {loadavg['end']}")
    if others_s / wall_s > 0.1:
        print("WARNING: the machine was not quiet; the figures are lower than they would be")


if __name__ == "__main__":
    main()
