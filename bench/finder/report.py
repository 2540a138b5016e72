"""The figures of one run as the Markdown table of bench/README.md: python3 report.py OUT_DIR."""

import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
results = json.loads((out / "results.json").read_text())
queries = {}
for line in (out / "queries.jsonl").read_text().splitlines():
    row = json.loads(line)
    queries[row["label"]] = row


def find(group, name):
    return next(r for r in results if r["group"] == group and r["name"] == name)


wagtail = find("wagtail-postgres", "a_index")["rps_median"]
news = find("wagtail-postgres", "c_detail")["rps_median"]
floor = find("extra", "bare")["rps_median"]
print(
    f"| target | requests/s | p50 ms | p99 ms | SQL per request, warm (cold) | × Wagtail listing "
    f"({wagtail:.0f}/s) | × Wagtail news page ({news:.0f}/s) | × floor ({floor:.0f}/s) |"
)
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for r in results:
    if r["group"] == "extra":
        mode, _, label = r["name"].partition("_")
        counted = queries.get(label, {})
        sql = {
            "nocache": f"{counted.get('queries_warm', '?')} ({counted.get('queries_cold', '?')})",
            "cached": "0",
        }.get(mode, "0")
        name = r["name"] if mode != "bare" else "bare 20 KB Django view (the floor)"
    else:
        name = f"{r['group']} {r['name']}"
        sql = f"{r['queries_warm']} ({r['queries_cold']})"
    print(
        f"| {name} | {r['rps_median']:,.0f} | {r['p50_ms_median']:.1f} | "
        f"{r['p99_ms_median']:.1f} | {sql} | {r['rps_median'] / wagtail:.1f} | "
        f"{r['rps_median'] / news:.2f} | {r['rps_median'] / floor:.2f} |"
    )
for label in ("words", "words_broad"):
    words = queries.get(label, {})
    print(
        f"\n{label} ({words.get('path')}) at the database: {words.get('words_db_ms')} ms for "
        "all its queries (EXPLAIN ANALYZE execution times added up; see explain.txt)."
    )
