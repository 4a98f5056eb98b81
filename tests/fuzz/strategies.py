"""Hypothesis strategies for whole cases: valid ones (as the pydantic model of workbench/case/model.py accepts them)
and broken ones (a valid case with one to three things changed), with dangerous text in every free-text field.

``valid_cases()`` follows the schema field by field (case-format.md); ``invalid_cases()`` mutates a valid case
anywhere in its tree. A new optional field of the case format only needs a line in ``_household`` or
``valid_cases`` to be fuzzed too.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

# Names that have broken other programs: markup, SQL, quotes, right-to-left, combining marks, 300 characters.
DANGEROUS_TEXT = [
    "<script>alert(1)</script>",
    '"; DROP TABLE versions; --',
    "Ölçü Şükrü-Ğüzel",
    "O'Brien \"Bobby\" Müller-Lüdenscheidt",
    "<img src=x onerror=alert(1)>",
    "{case_id} %s %(name)s {0}",
    "Zoë & Jürgen <b>fett</b> &amp; ß",
    "Ж" * 40 + " " + "ü" * 40,
    "A" * 300,
    "Anna\u200bMaria",  # a zero-width space
    "\u202eevilname",  # right-to-left override
    "e\u0301lodie",  # a combining accent
    "\\x00 \\n Zeile",
    "李小龍",
]
FREE_TEXT = st.sampled_from(DANGEROUS_TEXT) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)

MODELLED_BIRTHS = (date(2025, 1, 1), date(2027, 12, 31))
ID = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=10)
MONEY = st.integers(0, 15000) | st.integers(0, 1_500_000).map(lambda cents: cents / 100)  # decimals() is slow
SMALL_MONEY = st.integers(0, 4000) | st.integers(0, 400_000).map(lambda cents: cents / 100)
PLAN = st.text(alphabet="BP+-", max_size=32)
# Built once: a strategy made inside a composite is validated again on every draw (profiled: half the time).
KINDS = st.sampled_from(["employee", "minijob", "self_employed", "mixed", "none"])
ASSESSMENT_MONTHS = st.lists(st.sampled_from([f"2025-{m:02d}" for m in range(1, 13)]), min_size=1, max_size=12,
                             unique=True)
FACTOR = st.integers(500, 999).map(lambda milli: milli / 1000)
HEALTH = st.sampled_from(["statutory", "statutory_voluntary", "private", "none"])
CUTS = st.lists(st.integers(1, 32), max_size=4, unique=True)
CUTS_SMALL = st.lists(st.integers(1, 32), max_size=2, unique=True)
PARENT_BIRTHS = st.dates(date(1960, 1, 1), date(2008, 12, 31))
BIRTHS = st.dates(*MODELLED_BIRTHS)
WEEKS_EARLY = st.sampled_from([0, 0, 0, 6, 8, 12, 16])
LANGUAGES = st.sampled_from(["de", "en"])
CASE_IDS = ID | FREE_TEXT.filter(str.strip)


FLAGS = st.integers(0, 2**16 - 1)  # one draw for all yes/no choices of an object: far fewer draws per case
TAX_CLASS = st.integers(1, 6)
ALLOWANCES = st.integers(0, 6)
PROFIT = st.integers(0, 200000)
TAXABLE = st.integers(0, 400000)
HOURS = st.integers(0, 40)
CHILD_COUNT = st.integers(1, 4)
SIBLINGS = st.integers(0, 2)
SIBLING_GAP = st.integers(300, 5000)
TENTHS = st.integers(0, 9)


def _bit(flags: int, index: int) -> bool:
    return bool(flags >> index & 1)


@st.composite
def _income_before(draw: st.DrawFn) -> dict[str, Any]:
    kind, flags = draw(KINDS), draw(FLAGS)
    income: dict[str, Any] = {"kind": kind}
    if kind in ("employee", "minijob", "mixed"):
        if _bit(flags, 0):
            income["gross_monthly"] = draw(MONEY)
        else:
            months = draw(ASSESSMENT_MONTHS)
            income["gross_by_month"] = {m: draw(MONEY) for m in months}
    if kind in ("self_employed", "mixed"):
        income["annual_profit"] = draw(PROFIT)
    tax_class = draw(TAX_CLASS)
    income["tax_class"] = tax_class
    if tax_class == 4 and _bit(flags, 1):
        income["factor"] = draw(FACTOR)
    income["church_tax"] = _bit(flags, 2)
    income["child_allowances"] = draw(ALLOWANCES) / 2
    income["health_insurance"] = draw(HEALTH)
    income["pension_insured"] = _bit(flags, 3)
    income["unemployment_insured"] = _bit(flags, 4)
    return income


@st.composite
def _income_after(draw: st.DrawFn, small: bool) -> list[dict[str, Any]]:
    cuts = sorted(draw(CUTS_SMALL if small else CUTS))
    ranges = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        ranges.append({"from_month": start, "to_month": end, "gross_monthly": draw(SMALL_MONEY),
                       "hours_per_week": draw(HOURS)})
    return ranges


@st.composite
def _parent(draw: st.DrawFn, pid: str, names: bool, small: bool) -> dict[str, Any]:
    flags = draw(FLAGS)
    parent: dict[str, Any] = {"id": pid, "income_before_birth": draw(INCOME_BEFORE)}
    if names and _bit(flags, 0):
        parent["name"] = draw(FREE_TEXT)
    if names and _bit(flags, 1):
        parent["birth_date"] = draw(PARENT_BIRTHS).isoformat()
    if _bit(flags, 2):
        parent["taxable_income_last_year"] = draw(TAXABLE)
    parent["income_after_birth"] = draw(INCOME_AFTER[small])
    return parent


# composite strategies made once, not per draw (each new strategy object is validated again)
INCOME_BEFORE = _income_before()
INCOME_AFTER = {small: _income_after(small) for small in (False, True)}
PARENTS = {(pid, names, small): _parent(pid, names, small)
           for pid in ("A", "B") for names in (False, True) for small in (False, True)}


@st.composite
def valid_cases(draw: st.DrawFn, small: bool = False) -> dict[str, Any]:
    """A case-format dict that ``load_case`` accepts (the plan itself may break planning rules).

    ``small``: at most one range of income after the birth per parent (the optimizer's search
    grows with them; its exactness is tested in tests/test_optimizer.py, here only that it never crashes).
    """
    flags = draw(FLAGS)
    anonymous = draw(TENTHS) == 0
    pids = ["A", "B"][: 1 + _bit(flags, 0)]
    parents = [draw(PARENTS[pid, not anonymous, small]) for pid in pids]
    if _bit(flags, 1):
        parents[0]["maternity_benefit"] = True
    birth = draw(BIRTHS)
    children: list[dict[str, Any]] = [{"id": "K1", "birth_date": birth.isoformat(), "expected": _bit(flags, 2),
                                       "count": draw(CHILD_COUNT), "weeks_early": draw(WEEKS_EARLY),
                                       "disability": _bit(flags, 3)}]
    for index in range(draw(SIBLINGS)):
        older = birth - timedelta(days=draw(SIBLING_GAP))
        children.append({"id": f"S{index}", "birth_date": older.isoformat(), "disability": _bit(flags, 4 + index)})
    household: dict[str, Any] = {"married": _bit(flags, 6), "single_parent": len(pids) == 1 and _bit(flags, 7),
                                 "parents": parents, "children": children}
    if not anonymous and _bit(flags, 8):
        household["municipality"] = draw(FREE_TEXT)
    case: dict[str, Any] = {"format": "workbench-case/1", "case_id": draw(CASE_IDS),
                            "language": draw(LANGUAGES), "household": household}
    if draw(TENTHS) >= 2:
        case["elterngeld_plan"] = {"child": "K1", "months": {pid: draw(PLAN) for pid in pids}}
    if not anonymous and _bit(flags, 9):
        case["notes"] = draw(FREE_TEXT)
    if anonymous:
        case["anonymous"] = True
    return case


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**9, 10**9) | st.floats(allow_nan=False) | FREE_TEXT
    | st.sampled_from(["A", "K1", "2026-01-01", "2026-02-30", "employee", "basis", "BBPP+-", "workbench-case/1", "en",
                       -0.001, 1e300, 99999999.999, 10**20]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _mutate(raw: Any, data: st.DataObject) -> Any:
    """Replace, delete or add one entry somewhere in the tree."""
    if isinstance(raw, (dict, list)) and raw and data.draw(DESCEND):
        keys = sorted(raw) if isinstance(raw, dict) else list(range(len(raw)))
        key = keys[data.draw(INDEX) % len(keys)]
        raw[key] = _mutate(raw[key], data)
        return raw
    action = data.draw(ACTIONS)
    if action == "delete" and isinstance(raw, dict) and raw:
        keys = sorted(raw)
        del raw[keys[data.draw(INDEX) % len(keys)]]
        return raw
    if action == "add" and isinstance(raw, dict):
        raw[data.draw(KEYS)] = data.draw(JSON_VALUES)
        return raw
    return data.draw(JSON_VALUES)


VALID = valid_cases()
DATA = st.data()
MUTATIONS = st.integers(1, 3)
ACTIONS = st.sampled_from(["replace", "delete", "add"])
KEYS = st.text(max_size=8)
DESCEND = st.integers(0, 4)
INDEX = st.integers(0, 2**16)


@st.composite
def invalid_cases(draw: st.DrawFn) -> Any:
    """A valid case with one to three entries replaced, deleted or added (mostly invalid, sometimes still valid)."""
    data = draw(DATA)
    raw: Any = copy.deepcopy(draw(VALID))
    for _ in range(draw(MUTATIONS)):
        raw = _mutate(raw, data)
    return raw


def any_cases() -> st.SearchStrategy[Any]:
    """Valid and broken cases, about half each."""
    return VALID | invalid_cases()
