"""From the case to the values of a form's fields, and what the case does not have yet.

A map's ``source`` is a path into the case file (case-format JSON, the notation of
:func:`workbench.case.validation_problems`) in which roles stand for the people of this form:

- ``{applicant}``: the applying parent (``household.parents[i]``), ``{other}``: the other parent,
- ``{child}``: the child the form is about (an Anlage Kind's child; for Elterngeld the plan's child),
- ``{kid1}`` … ``{kid5}``: the children the form lists (born children, oldest first),
- ``{absent}``: for a household of one parent, the child's other parent living elsewhere
  (``household.other_parent``), when the case holds one,
- ``{other_home}``: the other parent's address — ``household.address`` when they live in the household,
  ``household.other_parent.address`` for an absent parent whose address the case holds, else no role
  (the column stays empty: never the applicant's address for a parent who lives elsewhere),
- ``{other_claimant}``: the other parent when the plan gives them months (NRW Formular 3 is only theirs then),
- ``{sib1}`` … ``{sib3}``: the siblings relevant for the Geschwisterbonus (:mod:`workbench.forms.family`).

A field whose role does not exist (no second parent, only two children) stays empty and is not missing. A path
that exists as a role but has no value is *missing* when the field is required: the wizard asks for it and writes it
to exactly that path. Computed sources start with ``=``: ``=today``, ``=plan.{applicant}.5`` (the kind of Lebensmonat
5 in the plan: basis/plus/bonus/none), ``=kids_count``, ``=birth_size`` (children of the child's birth, empty for one), ``=birth_other_names`` (the first names of
the other children of that birth), ``=child_number`` (the Anlage's running number), ``=holder_self.{applicant}``
(true when the parent's own account is given, without another holder), ``=bonus.count`` and
``=bonus.start`` (how many Partnerschaftsbonus months the plan holds, ``"2"``–``"4"``, and the
Lebensmonat of the first, § 4b BEEG; the parents take them together), ``=kinderfreibetraege.{applicant}``
(the parent's Kinderfreibetrag Zähler "0,5", "1" …; none for 0), ``=kindergeld_before.answer`` … (KG 1 Anlage Kind
question 4), ``=maternity.kasse`` … (the mother's Mutterschaftsleistungen, :mod:`workbench.forms.mutterschaft`),
and the family's sources of :mod:`workbench.forms.family` (``=further_children.count``, ``=claimants`` …).
A computed source ending in ``?`` is optional: empty when it has no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from collections.abc import Iterable
from typing import Any, Callable, Protocol, TypeVar

from workbench.case import CODE_KINDS, LEBENSMONATE, Case, dump_case, get_path
from workbench.forms import family, mutterschaft
from workbench.i18n import text

_ROLE = re.compile(r"\{(applicant|other|absent|other_home|other_claimant|child|kid[1-9]|had[1-9]|sib[1-9])\}")
MAX_KIDS = 9


@dataclass(frozen=True)
class Roles:
    """Who is who on one filled form: role name → case path (``household.parents[0]``)."""

    paths: dict[str, str]

    def resolve(self, source: str) -> str | None:
        """``{applicant}.personal.surname`` → ``household.parents[0].personal.surname``; None if a role is absent."""
        missing = False

        def replace(match: re.Match[str]) -> str:
            nonlocal missing
            path = self.paths.get(match.group(1))
            if path is None:
                missing = True
                return ""
            return path

        resolved = _ROLE.sub(replace, source)
        return None if missing else resolved


def kids_of(case: Case, which: str) -> list[int]:
    """Indexes of the children a form lists, oldest first: born children (``born``), all, or the born children
    no Kindergeld runs for yet (``new``: KG 1 applies with an Anlage Kind only for them, ADR 0027)."""
    indexed = sorted(enumerate(case.household.children), key=lambda pair: pair[1].birth_date)
    return [i for i, child in indexed if which == "all" or not child.expected and not (
        which == "new" and child.receives is not None and child.receives.kindergeld is not None)]


def kindergeld_running_for(case: Case, parent_id: str) -> list[int]:
    """Indexes of the children ``parent_id`` already receives Kindergeld for, oldest first (KG 1 section 5)."""
    indexed = sorted(enumerate(case.household.children), key=lambda pair: pair[1].birth_date)
    return [i for i, c in indexed
            if c.receives is not None and c.receives.kindergeld is not None and c.receives.kindergeld.parent == parent_id]


def roles_for(case: Case, applicant: str | None = None, child: str | None = None, kids: str = "born") -> Roles:
    """The roles of one form: the applicant (default the first parent), the other parent, the child, the kids."""
    parents = case.household.parents
    index = next((i for i, p in enumerate(parents) if p.id == applicant), 0) if applicant else 0
    paths = {"applicant": f"household.parents[{index}]"}
    others = [i for i in range(len(parents)) if i != index]
    if others:
        paths["other"] = f"household.parents[{others[0]}]"
        paths["other_home"] = "household.address"
        plan = case.elterngeld_plan
        if plan is not None and plan.months.get(parents[others[0]].id, "").strip("-"):
            paths["other_claimant"] = paths["other"]
    elif case.household.other_parent is not None:
        paths["absent"] = "household.other_parent"
        if case.household.other_parent.address is not None:
            paths["other_home"] = "household.other_parent.address"
    children = case.household.children
    if child is not None:
        child_index = next(i for i, c in enumerate(children) if c.id == child)
    else:
        plan_child = case.plan_child()
        child_index = next(i for i, c in enumerate(children) if c.id == plan_child.id)
    paths["child"] = f"household.children[{child_index}]"
    paths.update(family.sibling_paths(case, children[child_index]))
    for number, kid in enumerate(kids_of(case, kids)[:MAX_KIDS], 1):
        paths[f"kid{number}"] = f"household.children[{kid}]"
    for number, had in enumerate(kindergeld_running_for(case, parents[index].id)[:MAX_KIDS], 1):
        paths[f"had{number}"] = f"household.children[{had}]"
    return Roles(paths)


def _computed(source: str, case: Case, data: dict[str, Any], roles: Roles, today: date) -> Any:
    if source == "=today":
        return today.isoformat()
    if source == "=household_size":  # persons in the home (Mietbescheinigung 1.1)
        from workbench.forms.conditions import household_size

        return household_size(case)
    if source.startswith(("=further_children", "=claimants", "=married_to_other", "=lives_in_germany",
                          "=child_with_applicant")):
        return _family(source, case, roles)
    if source == "=kids_count":
        return sum(1 for key in roles.paths if key.startswith("kid"))
    if source in ("=birth_size", "=birth_other_names"):  # "Bei Mehrlingen: Anzahl / Vornamen" (ADR 0027)
        born = next(c for i, c in enumerate(case.household.children)
                    if roles.paths.get("child") == f"household.children[{i}]")
        others = [c for c in case.household.birth_of(born) if c is not born]
        if not others:
            return None
        if source == "=birth_size":
            return str(len(others) + 1)
        names = [c.personal.first_name for c in others if c.personal is not None and c.personal.first_name]
        return ", ".join(names) or None
    if source == "=child_number":
        child = roles.paths.get("child")
        kids = [path for key, path in sorted(roles.paths.items()) if key.startswith("kid")]
        return kids.index(child) + 1 if child in kids else None
    holder = re.fullmatch(r"=holder_self\.(\{\w+\})", source)
    if holder:
        parent_path = roles.resolve(holder.group(1))
        bank = get_path(data, f"{parent_path}.personal.bank") if parent_path else None
        return True if bank and not bank.get("holder") else None
    allowances = re.fullmatch(r"=kinderfreibetraege\.(\{\w+\})", source)
    if allowances:  # "Anzahl der Kinderfreibeträge" as printed on the tax card: 0,5 / 1 / 1,5; none for 0
        parent_path = roles.resolve(allowances.group(1))
        count = get_path(data, f"{parent_path}.income_before_birth.child_allowances") if parent_path else None
        number = Decimal(str(count or 0)).normalize()
        return f"{number:f}".replace(".", ",") if number > 0 else None
    related = re.fullmatch(r"=relation\.(\{\w+\})(?:\.(\{\w+\}))?", source)
    if related:  # KG 1 AnK 2, federal 3.B/4, NRW 2.1/3.1: whose child it is
        parent_path = roles.resolve(related.group(1))
        child_path = roles.resolve(related.group(2) or "{child}")
        if parent_path is None or child_path is None:
            return None
        kid = next(c for i, c in enumerate(case.household.children) if child_path == f"household.children[{i}]")
        absent = parent_path == "household.other_parent"
        return family.relation(case, kid, None if absent else get_path(data, parent_path + ".id"))
    before = re.fullmatch(r"=kindergeld_before\.(\w+)", source)
    if before:  # KG 1 AnK 4: Kindergeld already applied for or received (D10); unknown: empty, an open question
        answer = family.kindergeld_before(case, _role_child(case, roles))
        return (answer or {}).get(before.group(1)) or None
    maternity = re.fullmatch(r"=maternity\.(\w+)(?:\.(\{\w+\}))?", source)
    if maternity:  # federal 10., NRW 2.7.2/2.8.1: the mother's Mutterschaftsleistungen (workbench.forms.mutterschaft)
        parent_path = roles.resolve(maternity.group(2)) if maternity.group(2) else None
        if maternity.group(2) and parent_path is None:
            return None
        parent_id = get_path(data, parent_path + ".id") if parent_path else None
        return mutterschaft.value(case, _role_child(case, roles), maternity.group(1), parent_id)
    if source in ("=bonus.count", "=bonus.start"):
        return _bonus(case, source.endswith("count"))
    match = re.fullmatch(r"=plan\.(\{\w+\})\.(\d+)", source)
    if match:
        parent_path = roles.resolve(match.group(1))
        plan = case.elterngeld_plan
        if parent_path is None or plan is None:
            return None
        pid = get_path(data, parent_path + ".id")
        month = int(match.group(2))
        codes = plan.months.get(pid, "").ljust(LEBENSMONATE, "-")
        return CODE_KINDS[codes[month - 1]] if 1 <= month <= LEBENSMONATE else None
    raise ValueError(f"unknown computed source {source!r}")


def _family(source: str, case: Case, roles: Roles) -> Any:
    """The computed sources of :mod:`workbench.forms.family` (who lives where, who applies)."""
    child = _role_child(case, roles)
    applicant = case.household.parents[int(roles.paths["applicant"].split("[")[1].rstrip("]"))].id
    if source == "=further_children.count":
        count = len(family.further_children(case, child))
        return str(count) if count else None
    if source == "=further_children.any":
        return bool(family.further_children(case, child))
    if source == "=claimants":
        return family.claimants(case, applicant)
    if source == "=married_to_other":
        return family.married_to_other(case, applicant)
    if source == "=child_with_applicant":
        return family.child_with_applicant(child)
    return family.lives_in_germany(case)


def _role_child(case: Case, roles: Roles) -> Any:
    return next(c for i, c in enumerate(case.household.children)
                if roles.paths.get("child") == f"household.children[{i}]")


def _bonus(case: Case, count: bool) -> str | None:
    """The plan's Partnerschaftsbonus months (``+`` of either parent): their number or the first Lebensmonat."""
    plan = case.elterngeld_plan
    if plan is None:
        return None
    months = sorted({n for codes in plan.months.values() for n, code in enumerate(codes, 1) if code == "+"})
    if not months:
        return None
    return str(len(months)) if count else str(months[0])


SEX_DE = {"female": "weiblich", "male": "männlich", "diverse": "divers", "unspecified": "ohne Angabe"}


def _date(value: Any) -> str:
    return date.fromisoformat(str(value)).strftime("%d.%m.%Y")


def _slice(spec: str) -> Callable[[Any], str]:
    start, _, end = spec.partition(":")
    return lambda value: str(value)[int(start or 0):int(end) if end else None]


FORMATTERS: dict[str, Callable[[Any], str]] = {
    "date": _date,
    "date_digits": lambda value: date.fromisoformat(str(value)).strftime("%d%m%Y"),  # one digit per box (Tag Monat Jahr)
    "sex": lambda value: SEX_DE.get(str(value), str(value)),
    "upper": lambda value: str(value).upper(),
    "year_before": lambda value: str(date.fromisoformat(str(value)).year - 1),  # "Kalenderjahr vor der Geburt"
    "iban_groups": lambda value: " ".join(str(value)[i:i + 4] for i in range(0, len(str(value)), 4)),
}


def format_value(name: str | None, values: list[Any]) -> str:
    """The text a field shows: one source formatted, or several joined (``name``: ``"surname, first"``; ``join``: space)."""
    if name is None:
        return " ".join(str(v) for v in values)
    if name == "name":  # Familienname, Vorname
        return ", ".join(str(v) for v in values)
    if name == "street":  # Straße Hausnummer[, Adresszusatz]
        return ", ".join(part for part in (" ".join(str(v) for v in values[:2]), *map(str, values[2:])) if part)
    if name == "line":  # the given parts, comma-separated (Straße, Adresszusatz)
        return ", ".join(str(v) for v in values if v)
    if name == "holder":  # Kontoinhaber: the given holder, else the parent (first source: the IBAN, as a guard)
        return str(values[1]) if values[1] else f"{values[2]} {values[3]}"
    if name == "place":  # PLZ Ort
        return " ".join(str(v) for v in values)
    if name == "address":  # Straße Hausnummer, [Adresszusatz, ]PLZ Ort
        street, number, postcode, city = (str(v) for v in values[:4])
        addition = "".join(f"{v}, " for v in values[4:] if v)
        return f"{street} {number}, {addition}{postcode} {city}"
    if name == "name_address":  # Familienname, Vorname / Straße Hausnummer, [Adresszusatz, ]PLZ Ort (multiline fields)
        surname, first, street, number, postcode, city = (str(v) for v in values[:6])
        addition = "".join(f"{v}, " for v in values[6:] if v)
        return f"{surname}, {first}\n{street} {number}, {addition}{postcode} {city}"
    if name == "date_place":  # Geburtsdatum, Geburtsort
        return f"{_date(values[0])}, {values[1]}"
    if name == "place_date":  # Ort, Datum
        return f"{values[0]}, {_date(values[1])}"
    if name.startswith("slice:"):
        return _slice(name[6:])(values[0])
    if name in FORMATTERS:
        return FORMATTERS[name](values[0])
    raise ValueError(f"unknown format {name!r}")


@dataclass(frozen=True)
class Missing:
    """A value the form needs and the case does not have: the case path and a German/English label."""

    path: str
    label: str


@dataclass
class Resolved:
    """A source list resolved against the case: the values (None where missing) and their paths."""

    values: list[Any]
    paths: list[str | None]
    absent_role: bool

    @property
    def complete(self) -> bool:
        return not self.absent_role and all(v is not None for v in self.values)


def resolve(sources: str | list[str], case: Case, data: dict[str, Any], roles: Roles, today: date) -> Resolved:
    """Look up every source of a field."""
    values: list[Any] = []
    paths: list[str | None] = []
    absent = False
    for source in [sources] if isinstance(sources, str) else sources:
        if source.startswith("="):  # computed; "=…?" is optional: empty when there is nothing
            value = _computed(source.rstrip("?"), case, data, roles, today)
            values.append("" if value is None and source.endswith("?") else value)
            paths.append(None)
            continue
        optional = source.endswith("?")  # e.g. an address addition: printed when given, never missing
        path = roles.resolve(source.rstrip("?"))
        if path is None:
            absent = absent or not optional
            values.append("" if optional else None)
            paths.append(None)
            continue
        value = get_path(data, path)
        values.append("" if optional and value is None else value)
        paths.append(path)
    return Resolved(values, paths, absent)


class Sourced(Protocol):
    """What :func:`resolve_specs` needs of a map entry (a field or an overlay entry)."""

    @property
    def source(self) -> str | list[str]: ...

    @property
    def required(self) -> bool: ...


S = TypeVar("S", bound=Sourced)


def resolve_specs(specs: Iterable[S], case: Case, data: dict[str, Any], roles: Roles, today: date,
                  language: str = "de") -> tuple[list[tuple[S, list[Any]]], list[Missing]]:
    """The values of every entry whose sources all have one, and what the required others lack.

    An entry whose role does not exist (no second parent) is in neither list: it stays empty.
    Each missing case path is listed once, with its label in ``language``.
    """
    complete: list[tuple[S, list[Any]]] = []
    missing: list[Missing] = []
    listed: set[str] = set()
    for spec in specs:
        when = getattr(spec, "when", None)
        if when is not None and roles.resolve(when) is None:
            continue  # a page for a person the case does not have (NRW Formular 3 without the other parent's months)
        resolved = resolve(spec.source, case, data, roles, today)
        if resolved.absent_role:
            continue
        if resolved.complete:
            complete.append((spec, resolved.values))
        elif spec.required:
            for path, value in zip(resolved.paths, resolved.values):
                if path is not None and value is None and path not in listed:
                    listed.add(path)
                    missing.append(Missing(path, label_for(path, data, language)))
    return complete, missing


def ticks(value: Any, equals: str | bool | int | list[str]) -> bool:
    """Whether a case value ticks a box: any value for ``equals: "*"``, one of a list, else exactly ``equals``."""
    if isinstance(equals, list):
        return value in equals
    return value is not None if equals == "*" else bool(value == equals)


def label_for(path: str, data: dict[str, Any], language: str) -> str:
    """``household.parents[0].personal.tax_id`` → ``Steuer-ID – Eva`` (the field's name and whose it is)."""
    match = re.match(r"(household\.(parents|children)\[(\d+)\])(?:\.personal)?\.?(.*)", path)
    if match is None:
        leaf = path.split(".")[-1]
        return text(f"forms.data.{path.replace('.', '_')}", language) if leaf else path
    owner_path, kind, index, rest = match.groups()
    key = "forms.data." + (rest.replace(".", "_") or "name")
    if kind == "children" and rest == "birth_date":
        key = "forms.data.child_birth_date"
    owner = get_path(data, owner_path) or {}
    if kind == "parents":
        who = owner.get("name") or text("forms.parent_id", language, id=owner.get("id", "?"))
    else:
        personal = owner.get("personal") or {}
        # "1. Kind", not the case's internal id "Kind K1" (walk9): the advisor asks the family by it
        who = personal.get("first_name") or text("forms.child_number", language, n=int(index) + 1)
    return f"{text(key, language)} – {who}"


def case_data(case: Case) -> dict[str, Any]:
    """The case as case-format JSON, the form of the data the sources read.

    A self-employed parent's insurance flags the case never stated are not in it
    (:func:`workbench.case.dump_case`): the NRW sheet for the self-employed asks for them instead
    of ticking "pflichtversichert" from an employee's defaults.
    """
    return dump_case(case)


__all__ = ["FORMATTERS", "Missing", "Resolved", "Roles", "case_data", "format_value", "kids_of", "label_for",
           "resolve", "roles_for"]
