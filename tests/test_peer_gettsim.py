"""Peer tests: GETTSIM 1.3.1's published policy cases for Kinderzuschlag and Wohngeld.

The cases ship as YAML inside the ``gettsim`` wheel (``gettsim/tests_germany/policy_cases/
kinderzuschlag`` and ``.../wohngeld``). They are read from the installed package data
without importing gettsim (``make install`` installs it with ``--no-deps``: its numerical
dependencies are not needed to read YAML; ADR 0009). Each case is translated into our own
inputs and must agree within ±1 € (GETTSIM's own tolerances are tighter or looser per case;
we use ±1 € for all, except the one deviation listed in ``KNOWN_DEVIATIONS`` with its reason).

Every case file is either compared or listed in ``OUT_OF_SCOPE`` with its reason — a test
fails when a case file is neither, so nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.rules.benefit import MeansTestedResult
from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput, kinderzuschlag
from workbench.rules.wohngeld import WohngeldInput, WohngeldMember, wohngeld

GETTSIM_VERSION = "1.3.1"
TOLERANCE = Decimal(1)

# Kindergeld per child, § 66 Abs. 1 EStG (benefits.md § 0): GETTSIM computes it, the cases don't carry it.
KINDERGELD = {2023: Decimal(250), 2024: Decimal(250), 2025: Decimal(255), 2026: Decimal(259)}

_OLD_KIZ = "law year before 2023: not modelled (the issue asks 2025/2026; 2023/2024 are modelled for these peers only)"
_OLD_WG = "law year before 2023 (before Wohngeld-Plus): not modelled"

OUT_OF_SCOPE: dict[str, str] = {
    "kinderzuschlag/2013-01-01/hh_id_2.yaml": _OLD_KIZ,
    "kinderzuschlag/2016-01-01/hh_id_1.yaml": _OLD_KIZ,
    "kinderzuschlag/2016-01-01/hh_id_11.yaml": _OLD_KIZ,
    "kinderzuschlag/2016-01-01/hh_id_12.yaml": _OLD_KIZ,
    "kinderzuschlag/2016-01-01/hh_id_13.yaml": _OLD_KIZ,
    "kinderzuschlag/2016-01-01/hh_id_7.yaml": _OLD_KIZ,
    "kinderzuschlag/2017-01-01/hh_id_9.yaml": _OLD_KIZ,
    "kinderzuschlag/2019-01-01/hh_id_6.yaml": _OLD_KIZ,
    "kinderzuschlag/2020-01-01/hh_id_8.yaml": _OLD_KIZ,
    "kinderzuschlag/2021-01-01/hh_id_10.yaml": _OLD_KIZ,
    "kinderzuschlag/skip_2006/hh_id_4.yaml": _OLD_KIZ + "; GETTSIM skips it too",
    "kinderzuschlag/skip_2009/hh_id_3.yaml": _OLD_KIZ + "; GETTSIM skips it too",
    "kinderzuschlag/2023-01-01/test_child_income.yaml": (
        "made-up regression case for a pupil's wage: GETTSIM applies the § 11b (3) SGB II bands to it, "
        "while § 11b Abs. 2b SGB II keeps pupils' earnings up to 520 € free since 2023; our rule takes the "
        "child's countable income as input, so this would only test the translation"),
    "kinderzuschlag/2026-01-01/skip_couple_5_children_phase_out.yaml": (
        "GETTSIM cannot reproduce the kinderzuschlag.org calculator (issue #1125) and skips it; "
        "benefits.md § 3 says not to use it"),
    "wohngeld/2006-01-01/hh_id_15.yaml": _OLD_WG,
    "wohngeld/2006-01-01/hh_id_4.yaml": _OLD_WG,
    "wohngeld/2009-01-01/vermögen_zu_hoch.yaml": _OLD_WG,
    "wohngeld/2013-01-01/hh_id_2.yaml": _OLD_WG,
    "wohngeld/2013-01-01/hh_id_9.yaml": _OLD_WG,
    "wohngeld/2016-01-01/hh_id_1.yaml": _OLD_WG,
    "wohngeld/2018-01-01/hh_id_7.yaml": _OLD_WG,
    "wohngeld/2018-01-01/hh_id_8.yaml": _OLD_WG,
    "wohngeld/2018-01-01/vermögen_zu_hoch.yaml": _OLD_WG,
    "wohngeld/2019-01-01/hh_id_5.yaml": _OLD_WG,
    "wohngeld/2021-01-01/hh_id_10.yaml": _OLD_WG,
    "wohngeld/2023-01-01/hh_id_12.yaml": (
        "the case forces GETTSIM's wealth test to pass (provided vermögensgrenze_unterschritten) although "
        "61,000 € exceed the 60,000 € limit of WoGVwV 21.37; our rule refuses; its formula part equals hh_id_11"),
    "wohngeld/2025-01-01/mischhaushalt_mit_einer_sgb_ii_bg.yaml": (
        "Mischhaushalt (one couple on Bürgergeld, rent shared per head, § 6 Abs. 2, § 11 Abs. 3 WoGG) is not modelled"),
}

# Cases compared with a wider tolerance, with the reason and the tolerance used.
KNOWN_DEVIATIONS: dict[str, tuple[Decimal, str]] = {
    "kinderzuschlag/2026-01-01/couple_2_children_3k_net_income.yaml": (
        Decimal(3),
        "DGB result 239 €; we compute 242 € with the 2026 couple Wohnkostenanteil 71.24 % (15. Existenzminimum"
        "bericht); the DGB figure matches the 2025 share 70.64 %. GETTSIM needs ±3 € here too (issue #1125); "
        "the 2026 couple value is marked '(nicht verifiziert)' in params.yaml",
    ),
}

# Outputs of a case that are not figures of our rules (checked nowhere, listed here with why).
IGNORED_OUTPUTS = {
    "bürgergeld.bruttokaltmiete_m_bg": "Bürgergeld's rent share: our input already is the share (the translation computes it)",
    "bürgergeld.bruttokaltmiete_m_wthh": "Mischhaushalt (out of scope)",
    "wthh_id": "GETTSIM's grouping of persons",
    "wohngeld.anzahl_personen_wthh": "GETTSIM's grouping of persons",
    "bürgergeld.regelbedarf_m_bg": "the same figure as regelbedarf_m_wthh for these households",
}


def _policy_cases() -> Path:
    try:
        dist = distribution("gettsim")
    except PackageNotFoundError:  # pragma: no cover - make install provides it
        pytest.fail(f"gettsim=={GETTSIM_VERSION} is not installed: run `make install` (pip install --no-deps gettsim)")
    assert dist.version == GETTSIM_VERSION, f"GETTSIM {dist.version} installed, the peers are pinned to {GETTSIM_VERSION}"
    return Path(str(dist.locate_file("gettsim/tests_germany/policy_cases")))


def _case_files() -> list[str]:
    root = _policy_cases()
    return sorted(str(p.relative_to(root)) for folder in ("kinderzuschlag", "wohngeld")
                  for p in (root / folder).rglob("*.yaml"))


def _flat(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


@dataclass
class Case:
    """A GETTSIM policy case: its columns (one value per person), expected outputs, law date."""

    name: str
    on: date
    columns: dict[str, list[Any]]
    outputs: dict[str, list[Any]]

    @classmethod
    def load(cls, name: str) -> "Case":
        data = yaml.safe_load((_policy_cases() / name).read_text(encoding="utf-8"))
        columns: dict[str, list[Any]] = {}
        for part in ("provided", "assumed"):
            columns.update(dict(_flat(data["inputs"].get(part) or {})))
        return cls(name, date.fromisoformat(name.split("/")[1]), columns, dict(_flat(data["outputs"])))

    @property
    def size(self) -> int:
        return len(self.columns["p_id"])

    def col(self, key: str, default: Any = 0) -> list[Any]:
        return self.columns.get(key, [default] * self.size)

    def money(self, key: str, i: int) -> Decimal:
        return Decimal(str(self.col(key)[i]))

    def first(self, keys: tuple[str, ...], i: int) -> Decimal | None:
        for key in keys:
            if key in self.columns:
                return self.money(key, i)
        return None

    def households(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, hh in enumerate(self.col("hh_id", 0)):
            out.setdefault(int(hh), []).append(i)
        return out

    def compared_outputs(self, first: int) -> Iterator[tuple[str, list[Any], Any]]:
        """Every output the test compares (not in IGNORED_OUTPUTS): key, all values, the value of person ``first``."""
        for key, values in self.outputs.items():
            if key not in IGNORED_OUTPUTS:
                yield key, values, values[first]

    def is_child(self, i: int) -> bool:
        return int(self.col("kindergeld.p_id_empfänger", -1)[i]) != -1 or bool(
            self.col("kindergeld.ist_leistungsbegründendes_kind", False)[i])


def _close(ours: Decimal, theirs: Any, tolerance: Decimal = TOLERANCE) -> bool:
    return abs(ours - Decimal(str(theirs))) <= tolerance


# ---------------------------------------------------------------- Kinderzuschlag


def kiz_inputs(case: Case) -> tuple[KizInput, list[int]]:
    """The Kinderzuschlag household of the case (the parents receiving Kindergeld, their partner,
    the children) and the positions of its members."""
    pid = [int(p) for p in case.col("p_id")]
    receivers = {int(e) for e in case.col("kindergeld.p_id_empfänger", -1) if int(e) != -1}
    parents = [i for i in range(case.size) if pid[i] in receivers]
    for i in list(parents):
        for key in ("bürgergeld.p_id_einstandspartner", "familie.p_id_ehepartner"):
            partner = int(case.col(key, -1)[i])
            if partner != -1 and pid.index(partner) not in parents:
                parents.append(pid.index(partner))
    children = [i for i in range(case.size) if case.is_child(i)]
    adults = []
    for i in parents:
        gross = case.first(("kinderzuschlag.bruttoeinkommen_eltern_m", "bürgergeld.bruttoeinkommen_m",
                            "einnahmen.bruttolohn_m"), i) or Decimal(0)
        countable = case.first(("kinderzuschlag.nettoeinkommen_eltern_m",
                                "bürgergeld.nettoeinkommen_nach_abzug_freibetrag_m"), i)
        net = case.first(("bürgergeld.nettoeinkommen_vor_abzug_freibetrag_m",), i) or Decimal(0)
        adults.append(KizAdult(gross_earnings=gross, net_earnings=min(net, gross), countable_income=countable))
    kids = []
    for i in children:
        assert case.money("einnahmen.bruttolohn_m", i) == 0, "a child's wage is out of scope (see OUT_OF_SCOPE)"
        kids.append(KizChild(age=int(case.col("alter")[i]), kindergeld=KINDERGELD[case.on.year],
                             maintenance=case.money("unterhalt.tatsächlich_erhaltener_betrag_m", i),
                             uvg=case.money("unterhaltsvorschuss.betrag_m", i)))
    members = parents + children
    share = Decimal(len(members)) / case.size
    return KizInput(
        month=case.on, adults=tuple(adults), children=tuple(kids),
        rent_cold=(case.money("wohnen.bruttokaltmiete_m_hh", 0) * share).quantize(Decimal("0.01")),
        heating=(case.money("wohnen.heizkosten_m_hh", 0) * share).quantize(Decimal("0.01")),
        wealth=sum((case.money("vermögen", i) for i in members), Decimal(0)),
    ), members


def check_kiz(case: Case, res: MeansTestedResult, members: list[int], tolerance: Decimal) -> list[str]:
    problems = []
    for key, _values, expected in case.compared_outputs(members[0]):
        if key == "kinderzuschlag.anspruchshöhe_m_bg":
            ours = res.monthly
        elif key == "kinderzuschlag.basisbetrag_m_bg":
            ours = res.figures["basisbetrag"]
        else:
            problems.append(f"output {key} is not compared: map or ignore it")
            continue
        if not _close(ours, expected, tolerance):
            problems.append(f"{key}: GETTSIM {expected}, ours {ours}")
    return problems


# ---------------------------------------------------------------- Wohngeld


def wohngeld_inputs(case: Case, members: list[int]) -> WohngeldInput:
    out = []
    with_net = "wohngeld.einkommen_für_mindesteinkommen_m_wthh" in case.outputs
    net_total = Decimal(0)
    for i in members:
        child = case.is_child(i)
        after_wk = case.first(("einkommensteuer.einkünfte.aus_nichtselbstständiger_arbeit.einnahmen_nach_abzug_werbungskosten_y",), i)
        wage = case.money("einnahmen.bruttolohn_m", i)
        grundrente = (int(case.col("sozialversicherung.rente.grundrente.grundrentenzeiten_monate", 0)[i]) >= 396
                      and bool(case.col("sozialversicherung.rente.bezieht_rente", False)[i]))
        out.append(WohngeldMember(
            age=int(case.col("alter")[i]),
            gross_wage=after_wk / 12 if after_wk is not None else wage,
            werbungskosten=Decimal(0) if after_wk is not None else None,
            pension=case.money("einnahmen.renten.gesetzliche_m", i),
            maintenance=case.money("unterhalt.tatsächlich_erhaltener_betrag_m", i),
            uvg=case.money("unterhaltsvorschuss.betrag_m", i),
            pays_tax=case.money("einkommensteuer.betrag_y_sn", i) > 0,
            pays_health_insurance=case.money("sozialversicherung.kranken.beitrag.betrag_versicherter_m", i) > 0,
            pays_pension_insurance=case.money("sozialversicherung.rente.beitrag.betrag_versicherter_m", i) > 0,
            grundrente=grundrente, child=child,
            kindergeld=KINDERGELD[case.on.year] if child else Decimal(0),
        ))
        if with_net:
            # Bürgergeld's net income: wage − contributions − income tax (the tax of a joint
            # assessment is split between the spouses)
            spouses = 2 if int(case.col("familie.p_id_ehepartner", -1)[i]) != -1 else 1
            net_total += (wage - case.money("sozialversicherung.beiträge_versicherter_m", i)
                          - case.money("einkommensteuer.betrag_y_sn", i) / 12 / spouses)
    first = members[0]
    return WohngeldInput(
        month=case.on, members=tuple(out), rent_cold=case.money("wohnen.bruttokaltmiete_m_hh", first),
        heating=case.money("wohnen.heizkosten_m_hh", first), mietstufe=int(case.col("wohngeld.mietstufe_hh")[first]),
        wealth=sum((case.money("vermögen", i) for i in members), Decimal(0)),
        net_income=net_total.quantize(Decimal("0.01")) if with_net else None,
    )


def check_wohngeld(case: Case, res: MeansTestedResult, members: list[int]) -> list[str]:
    problems = []
    first = members[0]
    for key, values, expected in case.compared_outputs(first):
        if key == "wohngeld.anspruchshöhe_m_wthh":
            ok, ours = _close(res.monthly, expected), res.monthly
        elif key == "wohngeld.freibetrag_m":
            total = sum((Decimal(str(values[i])) for i in members), Decimal(0))
            ok, ours, expected = _close(res.figures["freibetraege"], total), res.figures["freibetraege"], total
        elif key == "wohngeld.einkommen_für_mindesteinkommen_m_wthh":
            ours = res.figures["plausibilitaet_verfuegbar"]
            ok = _close(ours, expected)
        elif key == "bürgergeld.regelbedarf_m_wthh":
            ours = res.figures["plausibilitaet_bedarf"]
            ok = _close(ours, expected)
        elif key == "wohngeld.mindesteinkommen_erreicht_wthh":
            ours = res.eligible is not None
            ok = ours == bool(expected)
        else:
            problems.append(f"output {key} is not compared: map or ignore it")
            continue
        if not ok:
            problems.append(f"{key} (household of person {first}): GETTSIM {expected}, ours {ours}")
    return problems


# ---------------------------------------------------------------- the tests

CASES = _case_files()
IN_SCOPE = [name for name in CASES if name not in OUT_OF_SCOPE]


def test_every_case_file_is_compared_or_listed_with_a_reason() -> None:
    assert CASES, "no GETTSIM policy cases found"
    stale = sorted(set(OUT_OF_SCOPE) - set(CASES))
    assert not stale, f"listed as out of scope but not shipped by GETTSIM {GETTSIM_VERSION}: {stale}"
    assert all(reason.strip() for reason in OUT_OF_SCOPE.values())
    # the summary the report quotes
    kiz = [n for n in IN_SCOPE if n.startswith("kinderzuschlag/")]
    wg = [n for n in IN_SCOPE if n.startswith("wohngeld/")]
    assert len(kiz) == 8 and len(wg) == 12, (kiz, wg)
    assert len(OUT_OF_SCOPE) == 27


@pytest.mark.parametrize("name", IN_SCOPE)
def test_gettsim_case_agrees_within_one_euro(name: str) -> None:
    case = Case.load(name)
    tolerance, _why = KNOWN_DEVIATIONS.get(name, (TOLERANCE, ""))
    problems: list[str] = []
    if name.startswith("kinderzuschlag/"):
        inp, members = kiz_inputs(case)
        problems += check_kiz(case, kinderzuschlag(inp), members, tolerance)
    else:
        for members in case.households().values():
            problems += check_wohngeld(case, wohngeld(wohngeld_inputs(case, members)), members)
    assert not problems, f"{name}: " + "; ".join(problems)
