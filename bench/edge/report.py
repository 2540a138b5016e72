"""The edge benchmark's report, in Markdown, from results.json (`python report.py OUT`)."""

import json
import statistics
import sys
from pathlib import Path

PAGES = ("release", "home", "list")


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def rotation_table(results):
    runs = results["rotation"]["runs"]
    rps = {label: median(found, "rps") for label, found in runs.items()}
    floor = rps["floor_bare"]
    lines = [
        "| page (gzip / plain bytes) | served by | requests/s | p50 ms | p99 ms | ratio | "
        "cache hits / misses |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for page in PAGES:
        size = "{} / {}".format(*results["sizes"][page])
        static = rps[f"static_{page}"]
        for server, ratio, counters in (
            ("static", "", ""),
            ("varnish", f"**{rps[f'varnish_{page}'] / static:.2f}×** static", "varnish"),
            ("django", f"**{rps[f'django_{page}'] / floor:.2f}×** floor", "redis"),
        ):
            found = runs[f"{server}_{page}"]
            label = {
                "static": "nginx, the same bytes from a file",
                "varnish": "Varnish (hit)",
                "django": "node 1: gunicorn + Redis page cache",
            }[server]
            hits = (
                f"{sum(r[f'{counters}_hits'] for r in found)} / "
                f"{sum(r[f'{counters}_misses'] for r in found)}"
                if counters
                else ""
            )
            lines.append(
                f"| {page} ({size}) | {label} | {rps[f'{server}_{page}']:.0f} | "
                f"{median(found, 'p50'):.2f} | {median(found, 'p99'):.2f} | {ratio} | {hits} |"
            )
    found = runs["floor_bare"]
    lines.append(
        f"| /bare/ (20,480) | floor node: gunicorn, no page cache | {floor:.0f} | "
        f"{median(found, 'p50'):.2f} | {median(found, 'p99'):.2f} | 1.00× floor | |"
    )
    errors = {
        label: [(r["non_2xx"], r["socket_errors"]) for r in found]
        for label, found in runs.items()
        if any(r["non_2xx"] or r["socket_errors"] for r in found)
    }
    lines.append("")
    lines.append(f"Non-2xx answers or socket errors: {errors or 'none'}.")
    return lines


def ms(later, earlier):
    return "" if later is None or earlier is None else f"{(later - earlier) * 1000:.1f}"


def cycles_table(results):
    lines = [
        "| change | commit | purge received | purge applied | admin answered | "
        "home re-rendered (fetch) | new home served | release page (fetch) | "
        "new release page served | other purges (repeats of earlier changes) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for cycle in results["cycles"]:
        t0 = cycle["sent"]
        home, page = cycle["render_home"], cycle["render_page"]
        lines.append(
            f"| {cycle['action']} | {ms(cycle['commit'], t0)} | {ms(cycle['purge_sent'], t0)} | "
            f"{ms(cycle['purge_applied'], t0)} | {ms(cycle['answered'], t0)} | "
            f"{ms(home[0], t0)} → {ms(home[1], t0)} | {ms(cycle['served'].get('home'), t0)} | "
            f"{ms(page[0], t0)} → {ms(page[1], t0)} ({cycle['render_page_status']}) | "
            f"{ms(cycle['served'].get('page'), t0)} | "
            f"{', '.join(ms(at, t0) for at in cycle.get('other_purges', []))} |"
        )
    return lines


def spike_lines(results):
    spike = results["spike"]
    t0 = spike["started"]
    return [
        f"- wrk: {spike['requests_per_second']:.0f} requests/s over the run; answers by status: "
        f"{spike['by_status']}; load {spike['load'][0]:.2f} → {spike['load'][1]:.2f}",
        f"- unpublish sent at {spike['sent'] - t0:.3f} s; commit "
        f"+{ms(spike['commit'], spike['sent'])} ms; purge received "
        f"+{ms(spike['purge_sent'], spike['sent'])} ms, applied "
        f"+{ms(spike['purge_applied'], spike['sent'])} ms; admin answered "
        f"+{ms(spike['answered'], spike['sent'])} ms",
        f"- **stale answers (200 to a request sent after the purge was applied): "
        f"{spike['stale']}**; 200s to requests sent within the millisecond of the purge: "
        f"{spike['in_purge_ms']}; the last 200 was sent "
        f"{ms(spike['last_200'][0], spike['purge_applied'])} ms and received "
        f"{ms(spike['last_200'][1], spike['purge_applied'])} ms after the purge was applied",
        f"- 200s to requests sent between the commit and the purge: "
        f"{spike['between_commit_and_purge']}",
    ]


def markdown(results):
    load = results["rotation_load"]
    return "\n".join(
        [
            f"Rotation: {results['rounds']} rounds × {results['duration']} s per target, "
            f"medians; load {load[0]:.2f} → {load[1]:.2f}.",
            "",
            *rotation_table(results),
            "",
            "Publication cycles (ms after the admin's POST was sent; load "
            f"{results['cycles_load'][0]:.2f} → {results['cycles_load'][1]:.2f}):",
            "",
            *cycles_table(results),
            "",
            *spike_lines(results),
        ]
    )


if __name__ == "__main__":
    print(markdown(json.loads((Path(sys.argv[1]) / "results.json").read_text())))
