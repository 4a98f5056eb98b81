"""Fuzzing (hypothesis): generated valid and broken cases through the case model, every rule, the command line,
the store and the handout. Nothing may crash; every rejection is a clear message (docs/store.md, "Fuzzing").

Together the tests below generate more than 10,000 cases per run (``test_the_fuzz_budget_is_at_least_10000``).
Each test has a fixed seed and no example database (the same cases on every run, nothing written into
the repository); ``WORKBENCH_FUZZ_SCALE=10`` multiplies the numbers for a deeper local run, and
``WORKBENCH_FUZZ_SEED=N`` gives a different but reproducible set.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.fuzz.entry_points import RULES, Entry
from tests.test_case import PATH_LINE, PYDANTIC_WORDS
from tests.fuzz.strategies import any_cases, invalid_cases, valid_cases
from workbench.case import dump_case, load_case, migrate
from workbench.cli import main
from workbench.errors import CaseError, WorkbenchError
from workbench.store import CaseStore

SCALE = float(os.environ.get("WORKBENCH_FUZZ_SCALE", "1"))
SEED = int(os.environ.get("WORKBENCH_FUZZ_SEED", "0"))
FUZZ = settings(database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

# cases per run; profiled at about 3.5 ms (valid case + Elterngeld) to 40 ms (CLI) of CPU each, the optimizer
# and the handout far more: together about a minute of CPU time
LOAD_BROKEN, CLI_CASES, CLI_ARGS, STORE_CASES = 3000, 400, 250, 300
BUDGET = LOAD_BROKEN + CLI_CASES + CLI_ARGS + STORE_CASES + sum(e.examples for e in RULES)



def fuzz(name: str, strategy: st.SearchStrategy[Any], check: Callable[[Any], None], examples: int) -> int:
    """Run ``check`` on ``examples`` generated values (times WORKBENCH_FUZZ_SCALE); how many it saw.

    The seed comes from ``name`` (and WORKBENCH_FUZZ_SEED): every run generates the same values,
    and each test different ones.
    """
    seen = 0

    def body(value: Any) -> None:
        nonlocal seen
        seen += 1
        check(value)

    wanted = max(1, int(examples * SCALE))
    test = seed(zlib.crc32(name.encode()) ^ SEED)(settings(FUZZ, max_examples=wanted)(given(strategy)(body)))
    test()
    assert seen >= wanted, f"only {seen} of {wanted} cases were generated"
    return seen


def clear_message(error: WorkbenchError) -> None:
    """A rejection the user can act on: text, no traceback, no pydantic wording."""
    lines = error.messages if isinstance(error, CaseError) else [str(error)]
    assert lines and all(line.strip() for line in lines), repr(error)
    for line in lines:
        assert not any(word in line for word in PYDANTIC_WORDS), line


def test_the_fuzz_budget_is_at_least_10000_cases_per_run() -> None:
    assert BUDGET >= 10_000, BUDGET


def test_every_broken_case_is_refused_with_one_clear_line_per_problem_and_a_path() -> None:
    def check(raw: Any) -> None:
        try:
            load_case(raw)
        except CaseError as error:
            clear_message(error)
            for line in error.messages:
                assert PATH_LINE.match(line), line

    fuzz("load-broken", invalid_cases(), check, LOAD_BROKEN)


@pytest.mark.parametrize("entry", RULES, ids=[e.name for e in RULES])
def test_every_rule_computes_a_generated_case_or_says_clearly_why_not(entry: Entry) -> None:
    def check(raw: dict[str, Any]) -> None:
        case = load_case(raw)  # a generated valid case loads, and dumps back to the same case
        assert load_case(json.dumps(dump_case(case), ensure_ascii=False)) == case
        try:
            entry.run(case)
        except WorkbenchError as error:
            clear_message(error)

    fuzz(f"rule-{entry.name}", valid_cases(small=entry.small), check, entry.examples)


# compare and optimize run the optimizer, whose time grows with the case: they are fuzzed on small cases as
# rules (tests/fuzz/entry_points.py); here the command line's own handling of every kind of case file
COMMANDS = [["elterngeld"], ["elterngeld", "--explain"], ["elterngeld", "--language", "en", "--explain"],
            ["elterngeld", "--language", "en"], ["cases", "import"]]


def test_the_command_line_answers_every_case_file_with_a_result_or_exit_2_and_messages(tmp_path: Path) -> None:
    path = tmp_path / "fall.json"

    def check(value: tuple[Any, list[str]]) -> None:
        raw, command = value
        path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*command, str(path)])
        assert code in (0, 2), (code, err.getvalue())
        if code == 2:
            assert err.getvalue().strip() and "Traceback" not in err.getvalue(), err.getvalue()
        else:
            assert out.getvalue().strip()

    fuzz("cli-cases", st.tuples(any_cases(), st.sampled_from(COMMANDS)), check, CLI_CASES)


ARG_TOKENS = ["cases", "list", "show", "export", "import", "delete", "prune", "conflicts", "purge", "backup",
              "restore", "key", "rotate", "elterngeld", "optimize", "compare", "handout", "schema", "params",
              "--yes", "--json", "--version", "--limit", "--search", "--older-than", "--dry-run", "--force", "--top",
              "--language", "--all-versions", "-o", "0", "1", "3", "-1", "x", "2y", "de", "en", "fr", "ä", "",
              "<script>", "ex-1", "--decrypt", "--new-key-file"]


def test_random_command_lines_exit_with_a_status_and_a_message_never_a_traceback(tmp_path: Path) -> None:
    files = {"@case": tmp_path / "fall.json", "@out": tmp_path / "ausgabe", "@store": tmp_path / "s" / "c.sqlite",
             "@garbage": tmp_path / "kaputt.sqlite"}
    files["@case"].write_text(json.dumps({"format": "workbench-case/1"}), encoding="utf-8")
    files["@garbage"].write_text("kein SQLite " * 100, encoding="utf-8")
    tokens = st.sampled_from(ARG_TOKENS + list(files))

    def check(argv: list[str]) -> None:
        args = [str(files.get(a, a)) for a in argv]
        for index, arg in enumerate(args):
            if arg in ("-o", "--output", "--new-key-file") and index + 1 < len(args):
                args[index + 1] = str(files["@out"])  # never write outside the test's folder
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as stop:  # argparse: usage and a one-line error
                code = int(stop.code or 0)
        assert code in (0, 1, 2), (args, code, err.getvalue())
        assert "Traceback" not in err.getvalue() + out.getvalue(), args
        if code == 2:
            assert err.getvalue().strip(), args
        for leftover in (files["@out"],):
            if leftover.is_file():
                leftover.unlink()

    fuzz("cli-args", st.lists(tokens, max_size=6), check, CLI_ARGS)


def test_the_store_keeps_every_generated_case_or_draft_exactly_and_refuses_the_rest_clearly(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.sqlite")
    counter = iter(range(10**9))

    def check(raw: Any) -> None:
        case_id = f"fuzz-{next(counter)}"
        data = raw | {"case_id": case_id} if isinstance(raw, dict) else raw
        try:
            version = store.save(data, expected_version=None)
        except WorkbenchError as error:
            clear_message(error)
            return
        stored = store.open(case_id)
        assert stored.version == version == 1
        expected = migrate(json.loads(json.dumps(data, ensure_ascii=False)))  # the store reads /1 as /2
        if expected.get("anonymous") is True:
            from workbench.case import strip_identifying

            expected = strip_identifying(expected)
        assert stored.data == expected
        assert [s.case_id for s in store.list(search=case_id)] == [case_id]

    fuzz("store", any_cases(), check, STORE_CASES)
