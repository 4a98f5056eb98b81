"""The result of an Elterngeld computation: amounts per parent and month, violations, explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from workbench.explain import Explanation
from workbench.i18n import format_date, format_money, text
from workbench.money import as_json_number
from workbench.parameter_tracking import (
    ProvisionalValue, UnverifiedValue, provisional_json, provisional_note, unverified_note,
)
from workbench.rules.elterngeld.netto import Netto
from workbench.rules.elterngeld.plan import Violation


@dataclass(frozen=True)
class Monatsbetrag:
    """Elterngeld of one parent in one Lebensmonat."""

    month: int
    kind: str
    start: date
    end: date
    amount: Decimal
    geschwisterbonus: Decimal
    mehrlingszuschlag: Decimal
    maternity: bool = False
    income_gross: Decimal = Decimal(0)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "month": self.month, "kind": self.kind, "amount": as_json_number(self.amount),
            "geschwisterbonus": as_json_number(self.geschwisterbonus),
            "mehrlingszuschlag": as_json_number(self.mehrlingszuschlag),
            "from": self.start.isoformat(), "to": self.end.isoformat(),
        }
        if self.maternity:
            out["maternity"] = True
        if self.income_gross:
            out["income_gross"] = as_json_number(self.income_gross)
        return out


@dataclass
class ElternteilErgebnis:
    """Elterngeld of one parent: pre-birth income, rate, monthly amounts, explanation."""

    parent_id: str
    name: str | None
    netto: Netto
    ersatzrate: Decimal | None
    basis_monthly: Decimal
    plus_monthly: Decimal
    months: list[Monatsbetrag]
    explanation: Explanation

    @property
    def total(self) -> Decimal:
        return sum((m.amount for m in self.months), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "netto_before": None if self.netto.netto_before is None else as_json_number(self.netto.netto_before),
            "elterngeld_netto": as_json_number(self.netto.elterngeld_netto),
            "ersatzrate": None if self.ersatzrate is None else float(self.ersatzrate),
            "basis_monthly": as_json_number(self.basis_monthly),
            "plus_monthly": as_json_number(self.plus_monthly),
            "months": [m.to_json() for m in self.months],
            "total": as_json_number(self.total),
        }


@dataclass
class ElterngeldResult:
    """Everything `workbench elterngeld` reports for a case."""

    language: str
    birth: date
    parents: dict[str, ElternteilErgebnis]
    violations: list[Violation]
    notes: list[str] = field(default_factory=list)  # message keys of workbench/messages
    provisional: tuple[ProvisionalValue, ...] = ()    # latest known values used after their update was due
    unverified: tuple[UnverifiedValue, ...] = ()      # values marked "(nicht verifiziert)": "bitte prüfen"
    taken_in: bool = False  # ``birth`` is the day an adopted child was taken in (§ 1 Abs. 3 Satz 2 BEEG)

    @property
    def valid(self) -> bool:
        return not self.violations

    @property
    def total(self) -> Decimal:
        return sum((p.total for p in self.parents.values()), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        """The output contract of case-format.md ("Results on the command line")."""
        return {
            "valid": self.valid,
            "violations": [v.to_json(self.language) for v in self.violations],
            "parents": {pid: p.to_json() for pid, p in self.parents.items()},
            "total": as_json_number(self.total),
            "notes": [text(key, self.language) for key in self.notes],
            "provisional_note": provisional_note(self.provisional, self.language),
            "provisional": provisional_json(self.provisional),
            "unverified": sorted({f"{v.benefit}.{v.name}" for v in self.unverified}),
        }

    def explain(self, language: str | None = None) -> str:
        """A readable explanation: per parent every step with its paragraph, then the plan check."""
        lang = language or self.language
        lines = [text("ergebnis.titel_aufnahme" if self.taken_in else "ergebnis.titel", lang,
                      birth=format_date(self.birth, lang))]
        lines += [note for note in (provisional_note(self.provisional, lang), unverified_note(self.unverified, lang)) if note]
        lines.append("")
        for pid, p in self.parents.items():
            who = f"{p.name} ({pid})" if p.name else pid
            lines.append(text("ergebnis.elternteil", lang, parent=who))
            lines += [f"  {i}. {line}" for i, line in enumerate(p.explanation.render(lang), 1)]
            lines.append("  " + text("ergebnis.monate", lang))
            for m in p.months:
                extra = []
                if m.geschwisterbonus:
                    extra.append(text("ergebnis.mit_geschwisterbonus", lang, amount=format_money(m.geschwisterbonus, lang)))
                if m.mehrlingszuschlag:
                    extra.append(text("ergebnis.mit_mehrlingszuschlag", lang, amount=format_money(m.mehrlingszuschlag, lang)))
                if m.maternity:
                    extra.append(text("ergebnis.mutterschutz", lang))
                lines.append(
                    f"    LM {m.month:>2} ({format_date(m.start, lang)}–{format_date(m.end, lang)}) "
                    f"{text('art.' + m.kind, lang):<22} {format_money(m.amount, lang):>12}"
                    + (f"  ({'; '.join(extra)})" if extra else "")
                )
            lines.append("  " + text("ergebnis.summe_elternteil", lang, amount=format_money(p.total, lang)))
            lines.append("")
        lines.append(text("ergebnis.summe", lang, amount=format_money(self.total, lang)))
        if self.violations:
            lines.append(text("ergebnis.ungueltig", lang))
            for v in self.violations:
                months = ", ".join(str(m) for m in v.months)
                lines.append(f"  - {v.message(lang)}" + (f" [LM {months}]" if months else ""))
        else:
            lines.append(text("ergebnis.gueltig", lang))
        lines += [f"* {text(key, lang)}" for key in self.notes]
        return "\n".join(lines)


def month_ranges(months: list[int]) -> str:
    """Lebensmonate as the explanations write them: ``[1, 2, 3, 7]`` → ``1–3, 7`` (also used by the optimizer)."""
    parts: list[str] = []
    for m in months:
        if parts and parts[-1].split("–")[-1] == str(m - 1):
            parts[-1] = parts[-1].split("–")[0] + f"–{m}"
        else:
            parts.append(str(m))
    return ", ".join(parts)
