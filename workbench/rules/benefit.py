"""The common shape of a means-tested benefit's result (Kinderzuschlag, Wohngeld).

Both rules return a :class:`MeansTestedResult`, so the Leistungscheck can list, explain and
compare them alike: whether the family is entitled (``True``/``False``, or ``None`` when
an advisor has to check something the rule cannot decide), the monthly amount, the
reasons as message keys with arguments, the explanation as :class:`~workbench.explain.Step`
lines with their paragraphs, and the names of parameters whose values are not verified
("bitte prüfen").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from workbench.errors import CaseError
from workbench.explain import Arg, Explanation, Step
from workbench.i18n import format_date, format_money, format_value, text
from workbench.money import as_json_number
from workbench.parameters import ParameterSet
from workbench.rules.bgb import months_later


@dataclass(frozen=True)
class Reason:
    """Why a result is what it is: a message key of the catalog and its arguments."""

    key: str
    args: Mapping[str, Arg] = field(default_factory=dict)

    def text(self, language: str = "de") -> str:
        formatted = {k: format_value(v, language) for k, v in self.args.items()}
        return text(self.key, language, **formatted)


@dataclass(frozen=True)
class MeansTestedResult:
    """One benefit for one household and month.

    - ``benefit``: ``"kinderzuschlag"`` or ``"wohngeld"``.
    - ``month``: first day of the month computed for (for the Kinderzuschlag the first month
      of the Bewilligungszeitraum).
    - ``eligible``: ``True`` entitled, ``False`` not entitled, ``None`` to check (e.g. the
      family may be better off with Bürgergeld, or a plausibility check fails).
    - ``monthly``: the amount paid per month in euros as the law rounds it; 0 when not
      entitled. With ``eligible is None`` it is the amount that would be paid if the check
      succeeds.
    - ``reasons``: why (message keys + arguments), most important first.
    - ``explanation``: every step with its § citation.
    - ``unverified``: names of parameters used whose value is marked "(nicht verifiziert)".
    - ``check_buergergeld``: the family should be checked for Bürgergeld instead (income
      too low, or Kinderzuschlag and Wohngeld do not cover the need).
    - ``figures``: named intermediate figures (e.g. ``"einkommen_eltern"``), for tests,
      the orchestrator and comparisons with other calculators.
    - ``period``: the Bewilligungszeitraum (first and last day), where the law fixes one.
    """

    benefit: str
    month: date
    eligible: bool | None
    monthly: Decimal
    reasons: tuple[Reason, ...]
    explanation: tuple[Step, ...]
    unverified: tuple[str, ...]
    check_buergergeld: bool = False
    figures: Mapping[str, Decimal] = field(default_factory=dict)
    period: tuple[date, date] | None = None

    @property
    def to_check(self) -> bool:
        """Whether an advisor has to check something (eligibility open or values unverified)."""
        return self.eligible is None or bool(self.unverified)

    def explain(self, language: str = "de") -> str:
        """The result as readable lines: amount, reasons, numbered steps, "bitte prüfen"."""
        lines = [text(f"{self.benefit}.titel", language, month=format_date(self.month, language),
                      amount=format_money(self.monthly, language))]
        if self.period is not None:
            lines.append(text("leistung.zeitraum", language, first=format_date(self.period[0], language),
                              last=format_date(self.period[1], language)))
        lines += [f"- {reason.text(language)}" for reason in self.reasons]
        lines += [f"  {i}. {step.render(language)}" for i, step in enumerate(self.explanation, 1)]
        if self.unverified:
            lines.append(text("leistung.bitte_pruefen", language, names=", ".join(self.unverified)))
        return "\n".join(lines)

    def to_json(self, language: str = "de") -> dict[str, Any]:
        return {
            "benefit": self.benefit,
            "month": self.month.isoformat(),
            "eligible": self.eligible,
            "monthly": as_json_number(self.monthly),
            "reasons": [{"key": r.key, "text": r.text(language)} for r in self.reasons],
            "explanation": [s.render(language) for s in self.explanation],
            "unverified": list(self.unverified),
            "check_buergergeld": self.check_buergergeld,
            "period": None if self.period is None else [d.isoformat() for d in self.period],
        }


class UsedParameters:
    """Looks parameters up and remembers which of those used are marked unverified.

    Further parameter sets (``more``) answer the names the first one does not hold: the
    Kinderzuschlag reads its own values and those of the Grundsicherung it builds on.
    A value counts as unverified when its reference says "(nicht verifiziert)" and the
    parameter names no other check of its amounts (``values_checked_by``, ADR 0019).
    """

    MARK = "nicht verifiziert"

    def __init__(self, params: ParameterSet, on: date, *more: ParameterSet) -> None:
        self.params = params
        self.sets = (params, *more)
        self.on = on
        self._unverified: list[str] = []

    def _holder(self, name: str) -> ParameterSet:
        return next((s for s in self.sets if name in s), self.params)

    def __call__(self, name: str) -> Any:
        holder = self._holder(name)
        entry = holder.entry(name, self.on)
        if entry.valid_from in holder.parameter(name).unverified_from and name not in self._unverified:
            self._unverified.append(name)
        return entry.value

    def reference(self, name: str) -> str:
        return self._holder(name).reference(name, self.on)

    @property
    def unverified(self) -> tuple[str, ...]:
        return tuple(self._unverified)


@dataclass
class Computation:
    """What the steps of one benefit's computation record as they go, and the result they make.

    Each step of a rule (a function per step of the law) takes the computation, looks its
    parameters up through ``p``, records its explanation step in ``expl`` and its intermediate
    figures in ``figures``; the reasons collect why the result is what it is. Create it before
    the first parameter lookup: the explanation notes the unverified values looked up since it
    began (:mod:`workbench.parameter_tracking`).
    """

    benefit: str
    month: date
    p: UsedParameters
    expl: Explanation = field(default_factory=Explanation)
    reasons: list[Reason] = field(default_factory=list)
    figures: dict[str, Decimal] = field(default_factory=dict)
    period: tuple[date, date] | None = None
    """The Bewilligungszeitraum the result names, once a step has fixed it."""

    def result(self, eligible: bool | None, monthly: Decimal, buergergeld: bool = False) -> MeansTestedResult:
        """The :class:`MeansTestedResult` of what the steps recorded so far."""
        return MeansTestedResult(
            benefit=self.benefit, month=self.month, eligible=eligible, monthly=monthly, reasons=tuple(self.reasons),
            explanation=tuple(self.expl.steps), unverified=self.p.unverified, check_buergergeld=buergergeld,
            figures=dict(self.figures), period=self.period,
        )


def percent(share: Decimal) -> Decimal:
    """A share as percent for display: 0.45 → 45, 0.7124 → 71.24."""
    value = share * 100
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def as_decimal(value: Any) -> Decimal:
    """A parameter value as Decimal (YAML integers and decimals both are Decimal already)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def award_period(month: date, months: int) -> tuple[date, date]:
    """First and last day of ``months`` calendar months starting with the month of ``month``.

    The Bewilligungszeitraum of Kinderzuschlag (§ 6a Abs. 7 BKGG) and Wohngeld (§ 25 WoGG).
    """
    first = month.replace(day=1)
    return first, months_later(first, months) - timedelta(days=1)


def negative_amounts(amounts: Sequence[tuple[str, Decimal | None]], key: str) -> list[tuple[str, dict[str, object]]]:
    """The problem ``key`` (with ``field`` and ``value``) for every amount given below zero, in their order."""
    return [(key, {"field": name, "value": value}) for name, value in amounts if value is not None and value < 0]


def raise_problems(found: Sequence[tuple[str, Mapping[str, object]]], language: str) -> None:
    """Refuse unusable input: one :class:`~workbench.errors.CaseError` with a line per problem in ``language``.

    ``found`` holds message keys with their arguments, as the ``problems`` check of an input
    returns them; nothing happens when it is empty.
    """
    if found:
        raise CaseError([text(key, language, **{k: str(v) for k, v in args.items()}) for key, args in found])
