"""Two registers of language: what the advisor reads and what the family takes home (ADR 0035).

The **advisor** register is precise: it cites the §, names values that could not be verified
("bitte prüfen") and may name the Satzung or the source to look up. The **family** register is the
same result in plain words for the sheet the family takes home: no internal ids or case paths, no
"bitte prüfen" or "nicht verifiziert" (where an amount is not known for sure, it says that the office
sets it), no "(s)"-plurals. Leichte Sprache (:mod:`workbench.report.leichte_sprache`) is a third way
of writing the family's sheet, chosen like a language (``de-LS``).

Every section builder of the report layer takes ``register=`` and picks its catalog keys with
:func:`say`: in the family register a key ``<key>.family`` replaces ``<key>`` where the catalog has
one, so the family's wording sits next to the advisor's in ``workbench/messages/*.yaml``.
:func:`family_sheet_problems` is the check the tests run over every family-facing text.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from workbench.i18n import catalog, text


class Register(str, Enum):
    """Who reads the text: the advisor (precise, with §, "bitte prüfen") or the family (plain)."""

    ADVISOR = "advisor"
    FAMILY = "family"


ADVISOR = Register.ADVISOR
FAMILY = Register.FAMILY

EASY_GERMAN = "de-LS"
"""The handout language code of Leichte Sprache (German; Netzwerk Leichte Sprache)."""
HANDOUT_LANGUAGES = ("de", "en", EASY_GERMAN)


def family_key(key: str, register: Register) -> str:
    """``<key>.family`` in the family register when the catalog has it, else ``key``."""
    if register is Register.FAMILY and f"{key}.family" in catalog():
        return f"{key}.family"
    return key


def say(key: str, language: str, register: Register = ADVISOR, **args: Any) -> str:
    """The catalog text of ``key`` in the wording of ``register`` (see :func:`family_key`)."""
    return text(family_key(key, register), language, **args)


def handout_language(value: str | None, default: str = "de") -> tuple[str, bool]:
    """``(catalog language, Leichte Sprache?)`` of a handout language: ``de-LS`` → ``("de", True)``."""
    if value is None:
        value = default
    if value.lower() in ("de-ls", "ls", "leichte sprache"):
        return "de", True
    return (value if value in ("de", "en") else "de"), False


# --- the law's citations leave the family's sheet (ADR 0035, amended) -----------------------------
_LAW = r"(?:SGB\s+[IVX]+\b|BGB\b|KiBiz\b|[A-Z][A-Za-zü]*[GO](?:/EU)?\b)"
_NUMBERS = (r"(?:[\s,]*(?:\(\d+[a-z]?\)|(?:Abs|Nr|No|Buchst)\.\s*\d*[a-z]?|(?:Satz|sentence)\s+\d+|\d+[a-z]?\b"
            r"|[–-](?=\s*\d)|(?:und|and|bis|to)(?=\s+\d)))*")
_ONE = r"§§?\s*\d+[a-z]?" + _NUMBERS
_CITES = (rf"{_ONE}(?:\s*,\s*{_ONE})*\s+{_LAW}"
          rf"(?:\s*(?:,|und|and|i\.\s*V\.\s*m\.)\s*{_ONE}(?:\s*,\s*{_ONE})*\s+{_LAW})*")
_BRACKETED = (
    (re.compile(rf"\s*\(\s*{_CITES}\s*\)"), ""),             # "Elterngeld (§ 3 Abs. 1 BEEG)." → "Elterngeld."
    (re.compile(rf"\(\s*{_CITES}\s*:\s*"), "("),              # "(§ 50 KiBiz: die zwei …)" → "(die zwei …)"
    (re.compile(rf"\s*[,;]\s*{_CITES}(?=\s*\))"), ""),        # "(1. Geburtstag, § 24 Abs. 2 SGB VIII)" → "(1. Geburtstag)"
    (re.compile(rf"\s*;\s*{_CITES}(?=\s*[.]?\s*$)"), ""),    # "…, Betreuungsbehörde; §§ 1358, 1816 BGB." → "…."
)


def without_citations(body: str) -> str:
    """``body`` without the law's citations where the catalog writes them as the advisor's annotation.

    The family's sheet reads the same sentence without the §: a citation in brackets after a clause
    ("(§ 7 Abs. 1 BEEG)"), at the end of a bracket ("(1. Geburtstag, § 24 Abs. 2 SGB VIII)"), before a colon
    that opens one ("(§ 50 KiBiz: die zwei …)") or after the last semicolon of a list of sources is dropped. A
    § inside a sentence ("nach § 32b EStG") is part of its wording: such a text has a ``.family`` variant, and
    :func:`family_sheet_problems` finds any that has none.
    """
    for pattern, replacement in _BRACKETED:
        body = pattern.sub(replacement, body)
    return body


# --- the check of the family's sheet -------------------------------------------------------------
_INTERNAL_ID = re.compile(r"\b(?:[A-Z]{2,5}-\d{6,8}(?:-[0-9A-F]{2,6})?|[A-Z]{2,5}-[A-Z0-9]{4,}(?:-[A-Z0-9]+)*)\b")
_CHILD_ID = re.compile(r"\bK\d{1,2}\b")
_PATH = re.compile(r"\bhousehold\.|\w\[\d+\]|\b[a-z]+_[a-z_]+\b")
_PLURAL = re.compile(r"[A-Za-zÄÖÜäöüß]\((?:s|e|n|en|er|es|r)\)")
_LAW_CITATION = re.compile(r"§|\bAbs\.\s*\d")
_CHECK = re.compile(r"bitte\s+(?:[^.!?\n]{0,80}\s)?prüfen|nicht\s+verifiziert|please\s+(?:[^.!?\n]{0,80}\s)?check"
                    r"|not\s+verified|to\s+be\s+checked", re.IGNORECASE)  # also "bitte mit dem Rechner … prüfen" (walk9 N8)
_ABBREVIATION = re.compile(r"\bmtl\.|\bmonatl\.|\bggf\.|\bzzgl\.")  # the family reads "im Monat", "falls nötig" (walk9 N8)
_WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_ENGLISH = frozenset("the and of to for with your you is are this that from by please month months child "
                     "children benefit amount office".split())
_GERMAN = frozenset("der die das und für mit ihr ihre ist sind nicht bitte monat kind kinder beim vom zum "
                    "wird werden oder auch".split())


def _sentences(body: str) -> list[str]:
    """Sentences and lines of ``body`` (a proper name in another language stays inside its sentence)."""
    return [s for s in re.split(r"(?<=[.!?:])\s+|\n", body) if s.strip()]


def _foreign(sentence: str, language: str) -> bool:
    """A sentence that reads as the other language: three or more of its function words, at most one of ours."""
    words = [w.lower() for w in _WORDS.findall(re.sub(r"„[^“]*“|\"[^\"]*\"|\([^)]*\)|https?://\S+", " ", sentence))]
    ours, theirs = (_GERMAN, _ENGLISH) if language == "de" else (_ENGLISH, _GERMAN)
    return sum(w in theirs for w in words) >= 3 and sum(w in ours for w in words) <= 1


def family_sheet_problems(body: str, language: str, case_ids: tuple[str, ...] = ()) -> list[str]:
    """What a text the family takes home must not contain, each as ``"<what>: <where>"``.

    Internal ids (case ids such as ``EG-20261125-3F2A``, child ids ``K1``), case paths
    (``household.parents[0]…``), "(s)"-plurals, "bitte prüfen"/"nicht verifiziert" (also "bitte mit … prüfen"),
    abbreviations ("mtl."), the law's citations ("§", "Abs. 1": the advisor's view keeps them) and sentences in
    the other language (English in German output, German in English output).
    """
    problems: list[str] = []
    for case_id in case_ids:
        if case_id and case_id in body:
            problems.append(f"case id: {case_id}")
    for label, pattern in (("internal id", _INTERNAL_ID), ("child id", _CHILD_ID), ("path", _PATH),
                           ("(s)-plural", _PLURAL), ("advisor's check", _CHECK), ("citation of the law", _LAW_CITATION),
                           ("abbreviation", _ABBREVIATION)):
        for match in pattern.finditer(body):
            start = max(0, match.start() - 40)
            problems.append(f"{label}: …{body[start:match.end() + 40]}…".replace("\n", " "))
    for sentence in _sentences(body):
        if _foreign(sentence, language):
            problems.append(f"other language: {sentence.strip()[:120]}")
    return problems


__all__ = ["ADVISOR", "EASY_GERMAN", "FAMILY", "HANDOUT_LANGUAGES", "Register", "family_key",
           "family_sheet_problems", "handout_language", "say", "without_citations"]
