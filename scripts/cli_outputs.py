"""Byte-identical check of the command line's outputs: the safety net of the package moves (issue 19).

    python scripts/cli_outputs.py dump OUT_DIR [--today 2026-07-01] [--cases PATTERN] [--commands NAME,…]
    python scripts/cli_outputs.py compare A B

``dump`` runs every command that prints a result (``elterngeld`` as JSON and with ``--explain``,
``optimize``, ``compare --json``, ``check``, ``mutterschutz``, ``elternzeit``, ``kita``, ``pflege``,
``vorsorge``) on every case: the worked examples of ``../shared/examples`` (their ``case`` part),
every case file under ``tests/`` (``tests/cases``, ``tests/forms``), the Kita, Pflege and Vorsorge
cases the tests build (``tests/test_care_case.py``) and ``docs/examples``; then the
case-independent ones (``schema``, ``forms list``, ``params check``). Each run is one file
``OUT_DIR/<case>/<command>.txt`` with the exit status, stdout and stderr, so a command that refuses
a case (a case without Mutterschutz part: exit 2 and its message) is checked as well as one that
answers. The commands run in this process (``workbench.cli.main``), not as subprocesses: the whole
dump takes well under a minute instead of several. "Today" is fixed (``$WORKBENCH_TODAY``,
:mod:`workbench.clock`; default 2026-07-01) so the outputs do not depend on the day they are made,
and the folder of the temporary case files and the checkout are written as ``<cases>`` and ``<repo>``
so two checkouts compare equal.

``compare A B`` names every file that is missing on one side or differs (with its first differing
line) and exits 1; when all files are equal it prints ``identical`` and exits 0.

Use it around a refactoring (docs/architecture.md): ``dump /tmp/before`` on the old commit,
``dump /tmp/after`` on the new one, ``compare /tmp/before /tmp/after``.
Exit status: 0 done / identical, 1 differences, 2 unusable arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's workbench, whichever venv runs the script
DEFAULT_TODAY = "2026-07-01"
CASE_COMMANDS: dict[str, list[str]] = {
    "elterngeld": ["elterngeld", "{case}"],
    "elterngeld-explain": ["elterngeld", "{case}", "--explain"],
    "optimize": ["optimize", "{case}"],
    "compare": ["compare", "{case}", "--json"],
    "check": ["check", "{case}"],
    "mutterschutz": ["mutterschutz", "{case}"],
    "elternzeit": ["elternzeit", "{case}"],
    "kita": ["kita", "{case}"],
    "pflege": ["pflege", "{case}"],
    "vorsorge": ["vorsorge", "{case}"],
    "zuzug": ["zuzug", "{case}"],
}
"""The commands run on each case: name of the output file → the arguments (``{case}``: the case file)."""
GLOBAL_COMMANDS: dict[str, list[str]] = {
    "schema": ["schema"],
    "forms-list": ["forms", "list"],
    "params-check": ["params", "check"],
}
"""The commands that read no case, run once (their outputs go to ``OUT_DIR/_global/``)."""


@dataclass(frozen=True)
class Case:
    """One case file to run the commands on: a label (the output folder) and the case as JSON."""

    label: str
    data: dict[str, object]


def _shared_dir() -> Path | None:
    from workbench.maintenance.paths import shared_dir

    return shared_dir()


def _label(path: Path, base: Path, prefix: str) -> str:
    return prefix + "-" + "-".join(path.relative_to(base).with_suffix("").parts)


def collect_cases() -> list[Case]:
    """Every example and test case, in a fixed order (shared examples, tests, docs/examples).

    A shared example is ``{"description", "case", "expected"}``; its ``case`` part is run. Files
    under ``tests/`` count when they are case files (``"format": "workbench-case/…"``); the YAML
    tables of ``tests/cases/elterngeld`` are not case files (their runner builds the cases). No file
    holds a Kita, Pflege or Vorsorge case, so the ones ``tests/test_care_case.py`` builds are added.
    """
    cases: list[Case] = []
    shared = _shared_dir()
    if shared is None:
        raise SystemExit("../shared not found: set WORKBENCH_SHARED to the folder with examples/")
    for path in sorted((shared / "examples").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("case"), dict):
            cases.append(Case(_label(path, shared / "examples", "shared"), data["case"]))
    for base, prefix in ((ROOT / "tests", "tests"), (ROOT / "docs" / "examples", "docs")):
        for path in sorted(base.rglob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and str(data.get("format", "")).startswith("workbench-case/"):
                cases.append(Case(_label(path, base, prefix), data))
    # no file holds a Kita, Pflege or Vorsorge case: the ones the tests build (tests/test_care_case.py)
    from tests.test_care_case import care_case, kita_case, vorsorge_case

    cases += [Case("tests-built-pflege", care_case()), Case("tests-built-kita", kita_case()),
              Case("tests-built-vorsorge", vorsorge_case())]
    return cases


@contextlib.contextmanager
def _fixed_environment(today: str, data_dir: Path) -> Iterator[None]:
    """The office's day fixed, a throw-away data folder, never the office's case store."""
    saved = {key: os.environ.get(key) for key in ("WORKBENCH_TODAY", "WORKBENCH_DATA", "WORKBENCH_STORE", "WORKBENCH_DEBUG")}
    os.environ.update({"WORKBENCH_TODAY": today, "WORKBENCH_DATA": str(data_dir)})
    os.environ.pop("WORKBENCH_STORE", None)
    os.environ.pop("WORKBENCH_DEBUG", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_cli(argv: Sequence[str]) -> tuple[int, str, str]:
    """``workbench ARGV`` in this process: exit status, stdout, stderr."""
    from workbench.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse refuses the arguments
            status = exc.code if isinstance(exc.code, int) else 2
    return status, out.getvalue(), err.getvalue()


def _record(status: int, stdout: str, stderr: str, replacements: dict[str, str]) -> str:
    text = f"exit {status}\n--- stdout\n{stdout}--- stderr\n{stderr}"
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def dump(out_dir: Path, today: str = DEFAULT_TODAY, cases: str = "*", commands: Sequence[str] | None = None) -> int:
    """Write every command's output on every case matching ``cases`` (a glob on the label) to ``out_dir``.

    The number of files written; ``commands`` limits the commands (names of :data:`CASE_COMMANDS`
    and :data:`GLOBAL_COMMANDS`; default all).
    """
    wanted = set(commands) if commands else set(CASE_COMMANDS) | set(GLOBAL_COMMANDS)
    unknown = wanted - set(CASE_COMMANDS) - set(GLOBAL_COMMANDS)
    if unknown:
        raise SystemExit(f"unknown commands: {', '.join(sorted(unknown))} (known: {', '.join([*CASE_COMMANDS, *GLOBAL_COMMANDS])})")
    import workbench

    if not Path(workbench.__file__).resolve().is_relative_to(ROOT):
        raise SystemExit(f"workbench is imported from {workbench.__file__}, not from this checkout {ROOT}")
    selected = [c for c in collect_cases() if fnmatch.fnmatch(c.label, cases)]
    written = 0
    with tempfile.TemporaryDirectory(prefix="cli-outputs-") as tmp:
        case_dir = Path(tmp) / "cases"
        case_dir.mkdir()
        replacements = {str(case_dir): "<cases>", str(ROOT): "<repo>"}
        with _fixed_environment(today, Path(tmp) / "data"):
            for name in sorted(wanted & set(GLOBAL_COMMANDS)):
                target = out_dir / "_global" / f"{name}.txt"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(_record(*run_cli(GLOBAL_COMMANDS[name]), replacements), encoding="utf-8")
                written += 1
            for case in selected:
                path = case_dir / f"{case.label}.json"
                path.write_text(json.dumps(case.data, ensure_ascii=False, indent=1), encoding="utf-8")
                folder = out_dir / case.label
                folder.mkdir(parents=True, exist_ok=True)
                for name, args in CASE_COMMANDS.items():
                    if name in wanted:
                        argv = [str(path) if arg == "{case}" else arg for arg in args]
                        (folder / f"{name}.txt").write_text(_record(*run_cli(argv), replacements), encoding="utf-8")
                        written += 1
    return written


def _files(folder: Path) -> dict[str, Path]:
    return {str(p.relative_to(folder)): p for p in sorted(folder.rglob("*")) if p.is_file()}


def compare(a: Path, b: Path) -> list[str]:
    """Every difference between two dumps: a file on one side only, or its first differing line."""
    left, right = _files(a), _files(b)
    problems = [f"only in {a}: {name}" for name in sorted(left.keys() - right.keys())]
    problems += [f"only in {b}: {name}" for name in sorted(right.keys() - left.keys())]
    for name in sorted(left.keys() & right.keys()):
        one, two = left[name].read_bytes(), right[name].read_bytes()
        if one == two:
            continue
        lines_a, lines_b = one.decode("utf-8", "replace").splitlines(), two.decode("utf-8", "replace").splitlines()
        number = next((i for i, (x, y) in enumerate(zip(lines_a, lines_b)) if x != y), min(len(lines_a), len(lines_b)))
        first = lines_a[number] if number < len(lines_a) else "(end of file)"
        second = lines_b[number] if number < len(lines_b) else "(end of file)"
        problems.append(f"differs: {name} line {number + 1}: {first.strip()!r} != {second.strip()!r}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cli_outputs.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    d = sub.add_parser("dump", help="write every command's output on every case to OUT_DIR")
    d.add_argument("out_dir", type=Path)
    d.add_argument("--today", default=DEFAULT_TODAY, help=f"the fixed day (WORKBENCH_TODAY; default {DEFAULT_TODAY})")
    d.add_argument("--cases", default="*", help="only cases whose label matches this glob (e.g. 'shared-elterngeld-ex-money-00*')")
    d.add_argument("--commands", default="", help="only these commands, comma-separated (default: all)")
    c = sub.add_parser("compare", help="report every file that differs between two dumps")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.action == "dump":
        if args.out_dir.exists() and any(args.out_dir.iterdir()):
            print(f"{args.out_dir} is not empty: dump into a new folder", file=sys.stderr)
            return 2
        start = time.perf_counter()
        commands = [name for name in args.commands.split(",") if name]
        count = dump(args.out_dir, args.today, args.cases, commands)
        print(f"{count} outputs in {args.out_dir} ({time.perf_counter() - start:.1f} s)")
        return 0
    for folder in (args.a, args.b):
        if not folder.is_dir():
            print(f"{folder} is not a folder of a dump", file=sys.stderr)
            return 2
    problems = compare(args.a, args.b)
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
