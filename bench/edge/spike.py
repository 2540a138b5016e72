"""The spike: wrk on the release page through Varnish for SECONDS s (spike.lua times every
answer), and the editor unpublishes the release at AT s in node 1's admin.

Stale answers are the 200s to requests sent after Varnish applied the purge (the Resp timestamp of
the PURGE request in its log): there must be none. The 200s to requests sent between the commit
(PostgreSQL's commit timestamp) and that moment are counted too: the window that purging at
commit leaves. (A hit that Varnish was delivering while the purge ran may still be received a
fraction of a millisecond after it: the last 200's times are reported.)
"""

import math
import os
import subprocess
import time

import vsl
from cycles import commit_time, set_status, warm

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(os.environ.get("SPIKE_SECONDS", 60))
AT = SECONDS // 2


def run(stack, editor, release, out):
    warm(stack, [release.path])
    log_path = out / "spike.vsl"
    log = stack.varnishlog(
        log_path, "-g", "vxid", "-q", 'ReqMethod eq "PURGE"', "-i", "Begin,ReqMethod,Timestamp"
    )
    time.sleep(1)
    load = [os.getloadavg()[0]]
    started = time.time()
    command = ["wrk", "-t4", "-c4", f"-d{SECONDS}s", "--latency", "-s", f"{HERE}/spike.lua"]
    wrk = subprocess.Popen(  # noqa: S603 - our own command line
        [*command, stack.cluster.url + release.path], stdout=subprocess.PIPE, text=True
    )
    time.sleep(AT)
    sent = set_status(editor, release, "unpublish")
    answered = time.time()
    text, _ = wrk.communicate()
    load.append(os.getloadavg()[0])
    (out / "spike.wrk.txt").write_text(text)
    time.sleep(1)
    log.terminate()
    log.wait()
    purge = next(p for p in vsl.purges(log_path.read_text()) if p.at("Start") >= sent)
    commit, applied = commit_time(release), purge.at("Resp")
    set_status(editor, release, "publish")  # as generated, for the next run

    answers = []  # (unix ms, status, count)
    last200 = (0, 0)
    for line in text.splitlines():
        if line.startswith("SENT "):
            _, ms, status, count = line.split()
            answers.append((int(ms), int(status), int(count)))
        elif line.startswith("LAST200 "):
            last200 = max(last200, tuple(int(us) / 1e6 for us in line.split()[1:]))
    by_status = {}
    for _ms, status, count in answers:
        by_status[status] = by_status.get(status, 0) + count
    ok = [(ms, count) for ms, status, count in answers if status == 200]
    return {
        "started": started,
        "sent": sent,
        "answered": answered,
        "commit": commit,
        "purge_sent": purge.at("Start"),
        "purge_applied": applied,
        "last_200": last200,
        "by_status": by_status,
        # sent in the whole milliseconds after the one in which the purge was applied
        "stale": sum(count for ms, count in ok if ms > math.floor(applied * 1000)),
        "in_purge_ms": sum(count for ms, count in ok if ms == math.floor(applied * 1000)),
        "between_commit_and_purge": sum(
            count for ms, count in ok if commit * 1000 <= ms + 1 and ms <= applied * 1000
        ),
        "per_second": per_second(answers, started),
        "load": load,
        "requests_per_second": float(
            next(line.split()[1] for line in text.splitlines() if line.startswith("Requests/sec"))
        ),
    }


def per_second(answers, started):
    table = {}
    for ms, status, count in answers:
        second = str(ms // 1000 - int(started))
        table.setdefault(second, {}).setdefault(str(status), 0)
        table[second][str(status)] += count
    return dict(sorted(table.items(), key=lambda item: int(item[0])))
