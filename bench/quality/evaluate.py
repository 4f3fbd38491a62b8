"""evaluate.py - the quality figures of bench/quality/run, from its batch outputs.

Usage: /usr/bin/python3 evaluate.py WORKDIR RESULTS.json PAIRS_BIN CASES.csv

WORKDIR holds what run wrote: positives.jsonl, perturbed.jsonl and
negatives.jsonl (`watchlist batch` output at the default threshold and
limit, so every result scoring >= 0.5 x default is there), un_names.tsv
(`dump_names` of the index: entity id<TAB>name) and threshold.txt (the
default threshold, read from include/watchlist.h).

Definitions, at a threshold t:
  found (any UN)  some result with score >= t has source un_sc_sanctions;
  found (right)   the best-scoring UN result, with score >= t, is the right
                  person: its caption or one of its names (name, alias,
                  weakAlias, previousName) equals the unperturbed query name
                  after case folding and collapsing spaces (the positives
                  have no ids);
  false positive  a negative with any result (any source) scoring >= t.
The sweep is exact from one run: a lower threshold changes neither the
scores nor the top results that score >= 0.60.

The nomenklatura pairs are scored by PAIRS_BIN (bench/quality/pairs.c:
wl_name_align on both normalised names); a pair is predicted a match when
its score >= t. Reported at the default threshold and at the threshold of
best accuracy.

Prints the tables and writes every figure, with examples of misses and of
false positives, to RESULTS.json; also writes misses.tsv and
false_positives.tsv (every one, at the default threshold) to WORKDIR.
"""
import csv
import json
import os
import random
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

UN = "un_sc_sanctions"
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
SWEEP = [round(0.60 + 0.05 * i, 2) for i in range(8)]
KINDS = ["typo1", "typo2", "swap", "comma", "drop", "join", "split", "initial", "cyrillic", "arabic"]


def fold(s):
    return " ".join(s.casefold().split())


def compact(match):
    props = match.get("properties") or {}
    names = {fold(match.get("caption") or "")}
    for p in NAME_PROPS:
        names.update(fold(v) for v in props.get(p, []))
    return {"id": match["id"], "source": match["source"], "caption": match.get("caption"),
            "score": match["score"], "names": names,
            "explanation": (match.get("explanation") or {}).get("name", {}).get("detail", "")}


def read_batch(path):
    """[(input, [compact match, ...], warnings)], in input order."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if "error" in o:
                raise SystemExit(f"evaluate: {path}: batch error: {o['error']}")
            out.append((o["input"], [compact(m) for m in o["matches"]], o.get("warnings", [])))
    return out


def best_un(matches):
    un = [m for m in matches if m["source"] == UN]
    return max(un, key=lambda m: m["score"]) if un else None


def judge(matches, orig, t):
    """(found any UN, found right) at threshold t."""
    b = best_un(matches)
    if not b or b["score"] < t:
        return False, False
    return True, fold(orig) in b["names"]


def script_of(name):
    """The main non-Latin script of a name, else Latin."""
    counts = Counter()
    for ch in name:
        if ch.isalpha():
            counts[unicodedata.name(ch, "UNKNOWN").split()[0]] += 1
    if not counts:
        return "none"
    s = counts.most_common(1)[0][0]
    return {"CJK": "Han", "HANGUL": "Hangul"}.get(s, s.title())


def best(matches):
    return max(matches, key=lambda m: m["score"]) if matches else None


def describe(m):
    if not m:
        return "(no result)"
    return f"{m['caption']} [{m['source']}] {m['score']:.3f}"


def recall_block(items, t):
    """items: [(orig name, matches)] -> {n, any, right} at t."""
    n = len(items)
    a = r = 0
    for orig, matches in items:
        fa, fr = judge(matches, orig, t)
        a += fa
        r += fr
    return {"n": n, "found_any": a, "found_right": r,
            "recall_any": a / n if n else None, "recall_right": r / n if n else None}


def pair_metrics(rows, t):
    tp = sum(1 for r in rows if r["score"] >= t and r["is_match"])
    fp = sum(1 for r in rows if r["score"] >= t and not r["is_match"])
    fn = sum(1 for r in rows if r["score"] < t and r["is_match"])
    tn = len(rows) - tp - fp - fn
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"threshold": t, "accuracy": (tp + tn) / len(rows), "precision": prec, "recall": rec,
            "f1": f1, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def run_pairs(pairs_bin, cases_path):
    with open(cases_path, newline="", encoding="utf-8") as f:
        cases = list(csv.DictReader(f))
    clean = lambda s: " ".join(s.replace("\t", " ").split())
    feed = "".join(f"{c['schema']}\t{clean(c['name1'])}\t{clean(c['name2'])}\n" for c in cases)
    res = subprocess.run([pairs_bin], input=feed, capture_output=True, text=True, check=True)
    lines = res.stdout.splitlines()
    if len(lines) != len(cases):
        raise SystemExit(f"evaluate: pairs printed {len(lines)} lines for {len(cases)} pairs")
    rows = []
    for c, line in zip(cases, lines):
        score, n1, n2 = (line.split("\t") + ["", ""])[:3]
        rows.append({"schema": c["schema"], "name1": c["name1"], "name2": c["name2"],
                     "norm1": n1, "norm2": n2, "score": float(score),
                     "is_match": c["is_match"].strip().lower() == "true",
                     "group": c["case_group"], "quality": c.get("quality", "")})
    return rows


def pct(x, digits=2):
    return "n/a" if x is None else f"{100 * x:.{digits}f}%"


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
    work, results_path, pairs_bin, cases_path = sys.argv[1:5]
    default = float(open(f"{work}/threshold.txt").read().strip())
    thresholds = sorted(set(SWEEP + [default]))

    pos = read_batch(f"{work}/positives.jsonl")
    pert = read_batch(f"{work}/perturbed.jsonl")
    neg = read_batch(f"{work}/negatives.jsonl")

    un_names = defaultdict(set)
    with open(f"{work}/un_names.tsv", encoding="utf-8") as f:
        for line in f:
            ent, _, name = line.rstrip("\n").partition("\t")
            if ent.startswith("un-"):
                un_names[fold(name)].add(ent)

    pos_items = [(inp["full_name"], m) for inp, m, _ in pos]
    resolvable = sum(1 for name, _ in pos_items if fold(name) in un_names)
    by_kind = defaultdict(list)
    for inp, m, _ in pert:
        by_kind[inp["kind"]].append((inp["orig_name"], m, inp["full_name"]))
    pert_items = [(o, m) for k in KINDS for o, m, _ in by_kind[k]]
    neg_items = [m for _, m, _ in neg]
    warnings = Counter()
    for _, _, w in pos + pert + neg:
        for x in w:
            warnings["date" if x.startswith("date") else "country"] += 1

    sweep = []
    for t in thresholds:
        fps = sum(1 for m in neg_items if any(x["score"] >= t for x in m))
        row = {"threshold": t,
               "positives": recall_block(pos_items, t),
               "perturbed": recall_block(pert_items, t),
               "perturbed_by_kind": {k: recall_block([(o, m) for o, m, _ in by_kind[k]], t) for k in KINDS},
               "negatives": {"n": len(neg_items), "false_positives": fps, "fpr": fps / len(neg_items)}}
        sweep.append(row)
    at_default = next(r for r in sweep if r["threshold"] == default)

    # Examples at the default threshold.
    rng = random.Random(7)
    worst = sorted(KINDS, key=lambda k: at_default["perturbed_by_kind"][k]["recall_right"])
    miss_examples = {}
    all_misses = []
    for k in KINDS:
        misses = []
        for orig, m, q in by_kind[k]:
            fa, fr = judge(m, orig, default)
            if not fr:
                b = best_un(m)
                misses.append({"query": q, "expected": orig,
                               "why": "wrong UN entity" if fa else "no UN match >= threshold",
                               "best_un": describe(b), "best_any": describe(best(m)),
                               "detail": b["explanation"] if b else ""})
        all_misses += [(k, x) for x in misses]
        miss_examples[k] = rng.sample(misses, min(5, len(misses)))
    clean_misses = []
    for name, m in pos_items:
        fa, fr = judge(m, name, default)
        if not fr:
            b = best_un(m)
            clean_misses.append({"query": name, "why": "wrong UN entity" if fa else "no UN match >= threshold",
                                 "best_un": describe(b), "best_any": describe(best(m)),
                                 "resolvable": fold(name) in un_names})
    fp_list = []
    for inp, m, _ in neg:
        top = best(m)
        if top and top["score"] >= default:
            fp_list.append({"query": inp["full_name"], "dob": inp.get("date_of_birth", ""),
                            "nationality": inp.get("nationality", ""), "script": script_of(inp["full_name"]),
                            "match": top["caption"], "id": top["id"], "source": top["source"],
                            "score": top["score"], "detail": top["explanation"]})
    fp_list.sort(key=lambda x: -x["score"])
    fp_scripts = Counter(x["script"] for x in fp_list)
    neg_scripts = Counter(script_of(inp["full_name"]) for inp, _, _ in neg)

    with open(f"{work}/misses.tsv", "w", encoding="utf-8") as f:
        f.write("kind\tquery\texpected\twhy\tbest_un\tbest_any\n")
        for name_kind, x in [("clean", c) for c in clean_misses] + all_misses:
            f.write("\t".join([name_kind, x["query"], x.get("expected", x["query"]), x["why"],
                               x["best_un"], x["best_any"]]) + "\n")
    with open(f"{work}/false_positives.tsv", "w", encoding="utf-8") as f:
        f.write("score\tquery\tdob\tnationality\tscript\tmatch\tid\tdetail\n")
        for x in fp_list:
            f.write(f"{x['score']:.3f}\t{x['query']}\t{x['dob']}\t{x['nationality']}\t{x['script']}\t"
                    f"{x['match']}\t{x['id']}\t{x['detail']}\n")

    # Name pairs.
    pairs = run_pairs(pairs_bin, cases_path)
    grid = sorted(set([round(0.01 * i, 2) for i in range(30, 100)] + [default]))
    pair_sweep = [pair_metrics(pairs, t) for t in grid]
    pair_best = max(pair_sweep, key=lambda r: (r["accuracy"], r["f1"], -abs(r["threshold"] - default)))
    pair_default = pair_metrics(pairs, default)
    by_schema = {}
    for s in sorted({p["schema"] for p in pairs}):
        sub = [p for p in pairs if p["schema"] == s]
        by_schema[s] = {"n": len(sub), **{k: v for k, v in pair_metrics(sub, default).items() if k != "threshold"}}
    pair_fp = sorted([p for p in pairs if p["score"] >= default and not p["is_match"]], key=lambda p: -p["score"])
    pair_fn = sorted([p for p in pairs if p["score"] < default and p["is_match"]], key=lambda p: p["score"])
    ex = lambda p: {k: p[k] for k in ("schema", "name1", "name2", "norm1", "norm2", "score")}

    results = {
        "source": git_describe(),
        "default_threshold": default,
        "queries": {"positives": len(pos_items), "perturbed": len(pert_items), "negatives": len(neg_items),
                    "perturbed_by_kind": {k: len(by_kind[k]) for k in KINDS},
                    "positives_with_an_equal_un_name": resolvable,
                    "qualifiers_dropped_by_batch": dict(warnings)},
        "at_default": at_default,
        "sweep": sweep,
        "worst_kinds": worst[:3],
        "miss_examples": miss_examples,
        "clean_misses": clean_misses,
        "false_positive_examples": fp_list[:5],
        "false_positives_by_script": {s: {"false_positives": fp_scripts[s], "negatives": neg_scripts[s]}
                                      for s in sorted(neg_scripts, key=lambda s: -fp_scripts[s])},
        "pairs": {"n": len(pairs), "matches": sum(p["is_match"] for p in pairs), "at_default": pair_default,
                  "best": pair_best, "by_schema_at_default": by_schema,
                  "false_matches_at_default": [ex(p) for p in pair_fp[:5]],
                  "missed_matches_at_default": [ex(p) for p in pair_fn[:5]],
                  "sweep": pair_sweep},
    }
    with open(results_path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print_tables(results, thresholds)


def print_tables(r, thresholds):
    d = r["default_threshold"]
    a = r["at_default"]
    q = r["queries"]
    print(f"\n== Quality at the default threshold {d:.2f} ==")
    print(f"{'set':<34}{'n':>7}{'recall any UN':>15}{'recall right':>14}{'FPR':>10}")
    p = a["positives"]
    print(f"{'UN positives (clean)':<34}{p['n']:>7}{pct(p['recall_any']):>15}{pct(p['recall_right']):>14}{'':>10}")
    for k in KINDS:
        b = a["perturbed_by_kind"][k]
        print(f"{'  perturbed: ' + k:<34}{b['n']:>7}{pct(b['recall_any']):>15}{pct(b['recall_right']):>14}")
    p = a["perturbed"]
    print(f"{'perturbed, pooled':<34}{p['n']:>7}{pct(p['recall_any']):>15}{pct(p['recall_right']):>14}")
    n = a["negatives"]
    print(f"{'negatives (global)':<34}{n['n']:>7}{'':>15}{'':>14}{pct(n['fpr'], 3):>10}"
          f"  ({n['false_positives']} false positives)")
    print(f"  positives whose name equals a UN name in the index: {q['positives_with_an_equal_un_name']}"
          f" of {q['positives']}; qualifiers dropped by batch: {q['qualifiers_dropped_by_batch'] or 'none'}")
    for x in r["clean_misses"]:
        print(f"  missed positive {x['query']!r}: {x['why']}; best: {x['best_any']}"
              + ("" if x["resolvable"] else " (no UN name in the bundled list equals it)"))

    print("\n== Threshold sweep ==")
    print(f"{'threshold':>9}{'clean any':>11}{'clean right':>13}{'pert any':>10}{'pert right':>12}"
          f"{'FPR':>9}{'FPs':>6}")
    for row in r["sweep"]:
        mark = " <- default" if row["threshold"] == d else ""
        print(f"{row['threshold']:>9.2f}{pct(row['positives']['recall_any']):>11}"
              f"{pct(row['positives']['recall_right']):>13}{pct(row['perturbed']['recall_any']):>10}"
              f"{pct(row['perturbed']['recall_right']):>12}{pct(row['negatives']['fpr'], 3):>9}"
              f"{row['negatives']['false_positives']:>6}{mark}")
    print("\n   recall (right) by perturbation and threshold")
    print(f"{'kind':>10}" + "".join(f"{t:>8.2f}" for t in thresholds))
    for k in KINDS:
        print(f"{k:>10}" + "".join(
            f"{pct(row['perturbed_by_kind'][k]['recall_right'], 1):>8}" for row in r["sweep"]))

    pr = r["pairs"]
    print(f"\n== Name pairs (nomenklatura, {pr['n']} pairs, {pr['matches']} matches): wl_name_align ==")
    print(f"{'threshold':>18}{'accuracy':>10}{'precision':>11}{'recall':>9}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}")
    for label, m in (("default", pr["at_default"]), ("best accuracy", pr["best"])):
        print(f"{label + ' ' + format(m['threshold'], '.2f'):>18}{pct(m['accuracy'], 1):>10}"
              f"{pct(m['precision'], 1):>11}{pct(m['recall'], 1):>9}{m['f1']:>7.3f}"
              f"{m['tp']:>5}{m['fp']:>5}{m['fn']:>5}{m['tn']:>5}")
    for s, m in pr["by_schema_at_default"].items():
        print(f"{'  ' + s:>18}{pct(m['accuracy'], 1):>10}{pct(m['precision'], 1):>11}{pct(m['recall'], 1):>9}"
              f"{m['f1']:>7.3f}{m['tp']:>5}{m['fp']:>5}{m['fn']:>5}{m['tn']:>5}")

    print(f"\n== Examples at {d:.2f} ==")
    for k in r["worst_kinds"]:
        b = a["perturbed_by_kind"][k]
        print(f"misses, {k} (recall right {pct(b['recall_right'])}):")
        for x in r["miss_examples"][k]:
            print(f"  {x['query']!r} (is {x['expected']!r}): {x['why']}; best UN: {x['best_un']}")
    print("false positives (highest scores):")
    for x in r["false_positive_examples"]:
        print(f"  {x['query']!r} -> {x['match']} ({x['id']}) {x['score']:.3f}: {x['detail']}")
    print("false positives by script of the query: " + ", ".join(
        f"{s} {v['false_positives']}/{v['negatives']}" for s, v in r["false_positives_by_script"].items()
        if v["false_positives"]))


if __name__ == "__main__":
    main()
