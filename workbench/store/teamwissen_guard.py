"""What keeps family data out of the Teamwissen: personal numbers by pattern, the stored cases' people by name.

Teamwissen entries are the team's general knowledge (docs/teamwissen.md, ADR 0038): they have no case id
column and are stored unencrypted, beside the cases but never pointing at one. An entry is refused when
its text (question, answer, source) contains

- a Steuer-ID (11 digits that pass the check of § 139b AO, as :func:`workbench.case.tax_id_problem`),
- an IBAN that passes the ISO 13616 mod-97 check (:func:`workbench.case.iban_problem`),
- a Rentenversicherungsnummer (``12 150780 M 123``) or a Kindergeldnummer (``123FK456789``),
- a case id as the wizards give them (``EG-20261125-3F2A``) or the id of any stored case,
- a stored person's first name next to a surname of the same case (``Eva Müller``, ``Müller, Eva``),
- a stored person's date of birth together with a name of that case.

A first name or a surname alone is allowed: "Mai", "Klein" or "Lange" are words, and a rule about a
"Mutter namens Eva" names nobody. The check reads each case's latest version (decrypted in an
encrypted store) when an entry is saved; it never stores what it read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.case import iban_problem, tax_id_problem

TAX_ID = re.compile(r"(?<![\d])\d(?:[ /]?\d){10}(?![\d])")
IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}\b")
RENTENVERSICHERUNGSNUMMER = re.compile(r"\b\d{2}[ ]?\d{6}[ ]?[A-Za-z][ ]?\d{3}\b")
KINDERGELDNUMMER = re.compile(r"\b\d{3}[ ]?FK[ ]?\d{1,6}\b", re.IGNORECASE)
CASE_ID = re.compile(r"\b(?:EG|LC|MUTTERSCHUTZ|ELTERNZEIT|KI|PF|VO)-\d{8}-[0-9A-F]{4}\b", re.IGNORECASE)

FIRST_NAME_KEYS = ("name", "first_name", "person")
SURNAME_KEYS = ("surname", "birth_name")
BIRTH_KEYS = ("birth_date", "date_of_birth")


@dataclass
class KnownPeople:
    """The names and dates of birth of one stored case (read for the check only)."""

    case_id: str
    first_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    birth_dates: set[date] = field(default_factory=set)


def _fold(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold()


def _words(value: str) -> list[str]:
    return re.findall(r"\w+", _fold(value))


def people_of(case_id: str, data: Any) -> KnownPeople:
    """Every first name, surname and date of birth anywhere in a case (parents, children, carers, Vollmacht)."""
    known = KnownPeople(case_id)
    for node in _dicts(data):
        for key in FIRST_NAME_KEYS:
            if isinstance(node.get(key), str) and node[key].strip():
                known.first_names.update(_words(node[key]))
        for key in SURNAME_KEYS:
            if isinstance(node.get(key), str) and node[key].strip():
                known.surnames.update(_words(node[key]))
        for key in BIRTH_KEYS:
            try:
                known.birth_dates.add(date.fromisoformat(str(node.get(key))))
            except ValueError:
                pass
    return known


def _dicts(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _dicts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _dicts(value)


def _date_spellings(day: date) -> tuple[str, ...]:
    return (day.isoformat(), f"{day:%d.%m.%Y}", f"{day.day}.{day.month}.{day.year}", f"{day:%d.%m.%y}")


def pattern_problem(value: str) -> str | None:
    """The message key (``teamwissen.personal.*``) of a personal number in ``value``; None if there is none."""
    for match in TAX_ID.finditer(value):
        if tax_id_problem(re.sub(r"\D", "", match.group(0))) is None:
            return "teamwissen.personal.tax_id"
    for match in IBAN.finditer(value):
        if iban_problem(match.group(0)) is None:
            return "teamwissen.personal.iban"
    if RENTENVERSICHERUNGSNUMMER.search(value):
        return "teamwissen.personal.rvnr"
    if KINDERGELDNUMMER.search(value):
        return "teamwissen.personal.kindergeldnummer"
    if CASE_ID.search(value):
        return "teamwissen.personal.case_id"
    return None


def case_problem(value: str, people: Iterable[KnownPeople]) -> str | None:
    """The message key of a stored case's id, a person's full name or date of birth in ``value``; None if none."""
    words = _words(value)
    pairs = set(zip(words, words[1:], strict=False))
    present = set(words)
    folded = _fold(value)
    for known in people:
        if _fold(known.case_id) in folded and re.search(rf"(?<![\w-]){re.escape(_fold(known.case_id))}(?![\w-])", folded):
            return "teamwissen.personal.case_id"
        if any((a, b) in pairs or (b, a) in pairs for a in known.first_names for b in known.surnames):
            return "teamwissen.personal.name"
        named = present & (known.first_names | known.surnames)
        if named and any(s in value for day in known.birth_dates for s in _date_spellings(day)):
            return "teamwissen.personal.birth_date"
    return None
