"""Interleaved comparison with Wagtail's reference site (wagtail/bakerydemo), page type against page type.

Both sites must already be served (e.g. each by gunicorn with 2 workers, DEBUG off, the portal with
PAGE_CACHE_SECONDS=0 so that pages are rendered). Every round requests each pair once, the two sites in
alternating order, so that a burst of load on the shared machine falls on both alike; the ratio of the
medians is what counts (docs/BENCHMARKS.md says how to set bakerydemo up):

    python benchmarks/compare.py http://127.0.0.1:8001 http://127.0.0.1:8002 [--rounds 30] [--json out.json]

The pairs below match the seeded corpus (`benchmarks/seed.py`) and bakerydemo's `load_initial_data`;
`--pairs pairs.json` replaces them ([["label", "/portal/path", "/reference/path"], …]).
"""

import argparse
import json
import os
import statistics
import time
import urllib.request

PAIRS = [
    ("home", "/", "/"),
    (
        "detail page (resource vs blog post)",
        "/ressources/ressource-de-reference-17/",
        "/blog/bread-circuses/",
    ),
    ("actor vs location", "/annuaire/acteur-de-reference-5/", "/locations/hof/"),
    (
        "dossier vs recipe (rich StreamField)",
        "/dossiers/dossier-thematique-3/",
        "/recipes/hot-cross-bun/",
    ),
    ("search", "/recherche/?q=evaluation", "/search/?q=bread"),
    ("filtered list vs breads index", "/ressources/?kind=rapport&theme=asile", "/breads/"),
    ("library list vs blog index", "/ressources/", "/blog/"),
    ("directory vs locations index", "/annuaire/", "/locations/"),
]


def fetch(base, path):
    """Milliseconds to read the whole answer (loopback: the server's time, plus a little)."""
    start = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=60) as response:
        response.read()
        status = response.status
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        raise RuntimeError(f"{base}{path} answered {status}")
    return elapsed


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def compare(portal, reference, pairs=PAIRS, rounds=30, warmup=3):
    timings = {label: ([], []) for label, _, _ in pairs}
    for _ in range(warmup):
        for _label, ours, theirs in pairs:
            fetch(portal, ours)
            fetch(reference, theirs)
    for number in range(rounds):
        for label, ours, theirs in pairs:
            first_ours = number % 2 == 0
            for site in (0, 1) if first_ours else (1, 0):
                base, path = (portal, ours) if site == 0 else (reference, theirs)
                timings[label][site].append(fetch(base, path))
    rows = []
    for label, ours, theirs in pairs:
        mine, ref = timings[label]
        rows.append(
            {
                "page": label,
                "portal_path": ours,
                "reference_path": theirs,
                "reference_median_ms": round(statistics.median(ref), 1),
                "portal_median_ms": round(statistics.median(mine), 1),
                "reference_p95_ms": round(percentile(ref, 0.95), 1),
                "portal_p95_ms": round(percentile(mine, 0.95), 1),
                "ratio": round(statistics.median(mine) / statistics.median(ref), 2),
            }
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("portal", help="base URL of the portal, e.g. http://127.0.0.1:8001")
    parser.add_argument("reference", help="base URL of bakerydemo, e.g. http://127.0.0.1:8002")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--pairs", help="a JSON file of [label, portal path, reference path]")
    parser.add_argument("--json", help="write the rows there too")
    args = parser.parse_args()
    pairs = PAIRS
    if args.pairs:
        with open(args.pairs, encoding="utf-8") as handle:
            pairs = [tuple(row) for row in json.load(handle)]
    load = os.getloadavg()
    rows = compare(args.portal.rstrip("/"), args.reference.rstrip("/"), pairs, args.rounds)
    print(f"{args.rounds} interleaved rounds; load average before: {load[0]:.2f} {load[1]:.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}\n")
    print("| page | reference ms (p95) | portal ms (p95) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['page']} | {row['reference_median_ms']} ({row['reference_p95_ms']}) |"
            f" {row['portal_median_ms']} ({row['portal_p95_ms']}) | {row['ratio']} |"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"load_average": load, "rows": rows}, handle, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
