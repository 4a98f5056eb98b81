"""Backup of the case store while advisors keep saving: how long it takes and how long saves wait.

    python benchmarks/backup.py [--cases 4000] [--versions 5] [--rate 20] [--timeout 120]
                                [--methods steps64,onestep,vacuum_into,workbench] [--check]

Builds a store of ``--cases`` synthetic cases (benchmarks/cases.py, plus 2 KB of notes each)
with ``--versions`` versions each, starts a separate process that saves through
:class:`workbench.store.CaseStore` at ``--rate`` saves per second (real saves: validation,
``BEGIN IMMEDIATE``, ``synchronous=FULL``), and takes one backup per method while it runs:

* ``steps64``: ``Connection.backup(pages=64)``, what ``workbench backup`` did before ADR 0018 —
  every save by another connection restarts the copy from the first page;
* ``onestep``: ``Connection.backup(pages=-1)``, the whole file in one step (one read transaction);
* ``vacuum_into``: ``VACUUM INTO`` a new file (one read transaction, the copy rebuilt compactly);
* ``workbench``: :func:`workbench.store.backup.backup` as shipped (method, journal switch,
  integrity check, 0600 temp file and rename).

Reported per method: wall time of the backup (or "timeout"), the saves that completed during
it, and the save latency (median, 99th percentile, maximum) during the backup against the
saves before it — the time the backup held the writer. ``--check`` exits 1 when the shipped
``workbench`` backup does not finish within ``--timeout`` or a save waited longer than 1 s.
Results go to the terminal and to ``benchmarks/results/backup.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cases import generate_cases  # noqa: E402

from workbench.store import CaseStore  # noqa: E402
from workbench.store.records import family_names, now, search_key  # noqa: E402

NOTES = ("Beratung im Familienbüro: Einkommen vor der Geburt nach Lohnabrechnungen, Teilzeit ab dem "
         "neunten Lebensmonat besprochen, Unterlagen nachreichen. ") * 16  # about 2 KB of free text per case
MAX_WAIT_S = 1.0  # --check: no save may wait longer than this for the backup

SAVER = r"""
import json, random, sys, time
from pathlib import Path
from workbench.store import CaseStore
path, rate, out, ids = Path(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
store = CaseStore(path)
rng = random.Random(7)
times = []
next_at = time.perf_counter()
print("ready", flush=True)
try:
    while True:
        case_id = f"BENCH-{rng.randrange(ids):05d}"
        stored = store.open(case_id)
        data = dict(stored.data)
        data["notes"] = data.get("notes", "")[:1900] + f" Nachtrag {time.time():.3f}"
        start = time.perf_counter()
        store.save(data, expected_version=stored.version)
        end = time.perf_counter()
        times.append((time.time(), end - start))
        next_at += 1.0 / rate
        time.sleep(max(0.0, next_at - time.perf_counter()))
except KeyboardInterrupt:
    pass
out.write_text(json.dumps(times))
"""


def build_store(path: Path, cases: int, versions: int) -> None:
    """A store of ``cases`` synthetic cases with ``versions`` versions each (bulk insert, same columns as saves)."""
    CaseStore(path)  # the schema, WAL, auto_vacuum exactly as the workbench creates them
    rows: list[tuple[Any, ...]] = []
    payloads = generate_cases(cases, seed=20261207)
    with closing(sqlite3.connect(path)) as conn:
        for number, payload in enumerate(payloads):
            case_id = f"BENCH-{number:05d}"
            payload = payload | {"case_id": case_id, "notes": NOTES}
            family = family_names(payload)
            conn.execute("INSERT INTO cases (case_id, created_at) VALUES (?, ?)", (case_id, now()))
            data = json.dumps(payload, ensure_ascii=False)
            rows += [(case_id, v, now(), "bench", 1, family, search_key(case_id, family), data)
                     for v in range(1, versions + 1)]
        conn.executemany("INSERT INTO versions (case_id, version, saved_at, saved_by, complete, family, "
                         "search_key, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class TimedOut(Exception):
    """The backup did not finish within the timeout."""


def _steps(pages: int, timeout: float) -> Callable[[Path, Path], None]:
    def run(store: Path, target: Path) -> None:
        deadline = time.monotonic() + timeout

        def progress(_status: int, _remaining: int, _total: int) -> None:
            if time.monotonic() > deadline:
                raise TimedOut  # an exception in the callback aborts sqlite3_backup

        with closing(sqlite3.connect(store, timeout=30)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy, pages=pages, progress=progress)
    return run


def _vacuum_into(store: Path, target: Path) -> None:
    target.unlink()  # VACUUM INTO wants a new (or empty) file
    with closing(sqlite3.connect(store, timeout=30)) as source:
        source.execute("VACUUM INTO ?", (str(target),))


def _workbench(store: Path, target: Path) -> None:
    from workbench.store.backup import backup

    target.unlink()
    backup(store, target)


def measure(store: Path, work: Path, method: str, run: Callable[[Path, Path], None], rate: float,
            ids: int) -> dict[str, Any]:
    """One backup with ``run`` while a saver process saves at ``rate``; times and save latencies."""
    log = work / f"saves-{method}.json"
    saver = subprocess.Popen([sys.executable, "-c", SAVER, str(store), str(rate), str(log), str(ids)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert saver.stdout is not None
    saver.stdout.readline()
    time.sleep(3.0)  # saves before the backup: the baseline latency
    target = work / f"copy-{method}.sqlite"
    target.touch()
    begin = time.time()
    status = "ok"
    try:
        run(store, target)
    except TimedOut:
        status = "timeout"
    end = time.time()
    time.sleep(1.0)
    saver.send_signal(2)  # SIGINT: the saver writes its log and ends
    saver.wait(timeout=60)
    saver.stdout.close()
    saves = json.loads(log.read_text())
    before = [d for t, d in saves if t + d < begin]
    during = [d for t, d in saves if begin <= t <= end or begin <= t + d <= end]
    for leftover in work.glob(f"copy-{method}.sqlite*"):
        leftover.unlink()
    return {
        "method": method, "status": status, "seconds": round(end - begin, 2), "saves_during": len(during),
        "saves_per_s_during": round(len(during) / max(end - begin, 1e-9), 1),
        "wait_before_ms": _latencies(before), "wait_during_ms": _latencies(during),
    }


def _latencies(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return {"median": round(statistics.median(ordered) * 1000, 1), "p99": round(p99 * 1000, 1),
            "max": round(ordered[-1] * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=4000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--rate", type=float, default=20.0, help="saves per second during the backup")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a stepwise backup may take")
    parser.add_argument("--methods", default="steps64,onestep,vacuum_into,workbench")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    methods: dict[str, Callable[[Path, Path], None]] = {
        "steps64": _steps(64, args.timeout), "onestep": _steps(-1, args.timeout),
        "vacuum_into": _vacuum_into, "workbench": _workbench,
    }
    chosen = [m.strip() for m in args.methods.split(",") if m.strip()]
    random.seed(1)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="wb-backup-bench-") as folder:
        work = Path(folder)
        store = work / "cases.sqlite"
        t0 = time.perf_counter()
        build_store(store, args.cases, args.versions)
        size_mb = store.stat().st_size / 2**20
        print(f"store: {args.cases} cases x {args.versions} versions, {size_mb:.0f} MiB "
              f"(built in {time.perf_counter() - t0:.0f} s); saver at {args.rate:g} saves/s; "
              f"load average {os.getloadavg()[0]:.1f}")
        for method in chosen:
            result = measure(store, work, method, methods[method], args.rate, args.cases)
            results.append(result)
            during, before = result["wait_during_ms"], result["wait_before_ms"]
            print(f"{method:12} {result['status']:8} {result['seconds']:7.2f} s  saves during: "
                  f"{result['saves_during']:4} ({result['saves_per_s_during']:.1f}/s)  save wait ms "
                  f"median/p99/max during {during.get('median', '-')}/{during.get('p99', '-')}/{during.get('max', '-')}"
                  f"  before {before.get('median', '-')}/{before.get('p99', '-')}/{before.get('max', '-')}")
    out = ROOT / "benchmarks" / "results" / "backup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"cases": args.cases, "versions": args.versions, "size_mib": round(size_mb, 1),
                               "rate": args.rate, "results": results}, indent=2) + "\n")
    shipped = next((r for r in results if r["method"] == "workbench"), None)
    if shipped is not None:
        ok = shipped["status"] == "ok" and shipped["wait_during_ms"].get("max", 0) <= MAX_WAIT_S * 1000
        print(f"workbench backup under {args.rate:g} saves/s: {'PASS' if ok else 'FAIL'} "
              f"(finishes within {args.timeout:g} s, no save waits over {MAX_WAIT_S:g} s)")
        if args.check and not ok:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
