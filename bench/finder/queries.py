"""Queries per request and database time for each target (run with manage.py shell).

Reads `label path` lines from $TARGETS; prints one JSON line per target: the number of queries
(cold: first request; warm: the same again) and, for the words search, EXPLAIN ANALYZE of every
query into $EXPLAIN.
"""

import json
import os
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client(HTTP_HOST="127.0.0.1")
with open(os.environ["TARGETS"]) as targets:
    lines = targets.read().split("\n")
explain = open(os.environ["EXPLAIN"], "w")  # noqa: SIM115 - written through the whole loop
for line in filter(None, lines):
    label, address = line.split()
    counts = []
    for _attempt in range(2):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(address)
            elapsed = time.perf_counter() - started
        counts.append(len(queries.captured_queries))
    db_ms = 0.0
    if label.startswith("words"):
        explain.write(f"# {address}\n\n")
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                plan = [row[0] for row in cursor.fetchall()]
                db_ms += float(plan[-1].split()[2])  # "Execution Time: N ms"
                explain.write(query["sql"] + "\n\n" + "\n".join(plan) + "\n\n")
    print(
        json.dumps(
            {
                "label": label,
                "path": address,
                "status": response.status_code,
                "queries_cold": counts[0],
                "queries_warm": counts[1],
                "bytes": len(response.content),
                "request_ms": round(elapsed * 1000, 1),
                "words_db_ms": round(db_ms, 1) if label.startswith("words") else None,
            }
        )
    )
explain.close()
