"""Issue 19 item 3: one Grundsicherung module for the SGB II values that KiZ, Wohngeld and the
Bürgergeld comparison use – one entry, one citation each, the amounts of the law."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from workbench.maintenance.changes import Setting, compare
from workbench.maintenance.reformen import load_reform
from workbench.maintenance.families import affected_benefits, load_families
from workbench.parameters import parameter_files, parse_parameter_file
from workbench.rules import grundsicherung as gs
from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput, kinderzuschlag
from workbench.rules.grundsicherung.buergergeld import Bedarfsgemeinschaft, Erwachsener, Kind, buergergeld
from workbench.rules.wohngeld import WohngeldInput, WohngeldMember, wohngeld

SGB2_NAMES = {"regelbedarf_m", "mehrbedarf_alleinerziehende", "mehrbedarf_alleinerziehend", "mehrbedarf_schwangerschaft",
              "erwerbstaetigenfreibetrag", "versicherungspauschale_m", "vermoegensfreibetrag"}


def test_the_sgb2_values_live_only_in_the_grundsicherung_file() -> None:
    holders = {b: set(parse_parameter_file(b, p).parameters) & SGB2_NAMES for b, p in parameter_files().items()}
    assert {b for b, names in holders.items() if names} == {"grundsicherung"}


@pytest.mark.parametrize(("on", "stufen", "citation"), [
    (date(2023, 3, 1), (502, 451, 402, 420, 348, 318), "Bürgergeld-Gesetzes v. 16.12.2022 (BGBl. 2022 I S. 2328)"),
    (date(2024, 3, 1), (563, 506, 451, 471, 390, 357), "RBSFV 2024 v. 24.10.2023 (BGBl. 2023 I Nr. 287"),
    (date(2025, 3, 1), (563, 506, 451, 471, 390, 357), "RBSFV 2025 v. 18.10.2024 (BGBl. 2024 I Nr. 312)"),
    (date(2026, 3, 1), (563, 506, 451, 471, 390, 357), "RBSFV 2026 v. 17.10.2025 (BGBl. 2025 I Nr. 243)"),
])
def test_regelbedarfsstufen_by_year_with_the_ordinance_that_set_them(on: date, stufen: tuple[int, ...],
                                                                     citation: str) -> None:
    table = gs.P.value("regelbedarf_m", on)
    assert tuple(table[f"rbs_{i}"] for i in range(1, 7)) == tuple(D(v) for v in stufen)
    assert citation in gs.P.reference("regelbedarf_m", on)


def test_2025_and_2026_are_nullrunden_under_the_besitzschutz_of_28a_abs_5_sgb_xii() -> None:
    for year in (2025, 2026):
        assert "§ 28a Abs. 5 SGB XII" in gs.P.reference("regelbedarf_m", date(year, 1, 1))
        assert gs.P.value("regelbedarf_m", date(year, 1, 1)) == gs.P.value("regelbedarf_m", date(2024, 1, 1))


def test_only_the_2024_gazette_number_is_unverified_and_the_amounts_are_checked_elsewhere() -> None:
    param = gs.P.parameter("regelbedarf_m")
    assert "nicht verifiziert" in gs.P.reference("regelbedarf_m", date(2024, 1, 1))
    assert param.values_checked_by and "563/506/451/471/390/357" in param.values_checked_by
    assert param.unverified_from == frozenset()  # so no result asks to check the Regelbedarfe
    p = gs.lookup(date(2024, 6, 1))
    p("regelbedarf_m")
    assert p.unverified == ()


@pytest.mark.parametrize(("ages", "share", "amount"), [
    ([3], "0.36", "202.68"),            # one child under 7: 36 %
    ([8, 12], "0.36", "202.68"),        # two children under 16: 36 %
    ([8, 10, 12], "0.36", "202.68"),    # three under 16: 36 % (3 × 12 % is the same)
    ([8, 10, 12, 14], "0.48", "270.24"),  # four: 12 % each beats the 36 % rule, which needs 2 or 3
    ([1, 3, 5, 7, 9, 11], "0.60", "337.80"),  # six: 72 % capped at 60 %
    ([10], "0.12", "67.56"),            # one child of 10: 12 %
    ([19], "0", "0.00"),                # no minor child
])
def test_mehrbedarf_alleinerziehende_21_abs_3_sgb2(ages: list[int], share: str, amount: str) -> None:
    assert gs.mehrbedarf_alleinerziehende(ages, gs.lookup(date(2026, 3, 1))) == (D(share), D(amount))


def test_mehrbedarf_schwangerschaft_21_abs_2_sgb2_from_the_13th_week() -> None:
    p = gs.lookup(date(2026, 3, 1))
    assert gs.mehrbedarf_schwangerschaft(D(563), 12, p) == D(0)  # not yet: "nach der zwölften Woche"
    assert gs.mehrbedarf_schwangerschaft(D(563), 13, p) == D("95.71")  # 17 % of Stufe 1
    assert gs.mehrbedarf_schwangerschaft(D(506), 30, p) == D("86.02")  # of Stufe 2 for a partner


def test_erwerbstaetigenfreibetrag_before_and_after_the_buergergeld_reform() -> None:
    june, july = gs.lookup(date(2023, 6, 1)), gs.lookup(date(2023, 7, 1))
    # § 11b Abs. 3 a. F.: 100 + 20 % of 900 + 10 % of 200
    assert gs.erwerbstaetigen_absetzbetrag(D(1200), False, june) == D(300)
    # since 1 July 2023: 100 + 20 % of 420 + 30 % of 480 + 10 % of 200
    assert gs.erwerbstaetigen_absetzbetrag(D(1200), False, july) == D(348)
    assert gs.erwerbstaetigen_absetzbetrag(D(1600), True, july) == D(378)  # 10 % up to 1,500 with a child
    assert gs.erwerbstaetigen_absetzbetrag(D(80), False, july) == D(80)  # at most the earnings
    assert gs.erwerbstaetigen_absetzbetrag(D(0), True, july) == D(0)


def test_freibetraege_of_11b_abs_1_nr_3_and_12_abs_4_sgb2() -> None:
    p = gs.lookup(date(2026, 3, 1))
    assert gs.versicherungspauschale(D(200), p) == D(170)
    assert gs.versicherungspauschale(D(20), p) == D(0)
    assert gs.vermoegensfreibetrag(4, p) == D(40000) + 3 * D(15000)


def test_kdu_per_head_and_regelbedarfsstufe_by_age() -> None:
    assert gs.kopfanteil(D(900), 3) == D(300)
    assert [gs.regelbedarfsstufe_kind(a) for a in (0, 5, 6, 13, 14, 17, 18, 24)] == [
        "rbs_6", "rbs_6", "rbs_5", "rbs_5", "rbs_4", "rbs_4", "rbs_3", "rbs_3"]


def test_kiz_wohngeld_and_the_buergergeld_comparison_count_the_same_need() -> None:
    """A single parent with a child of 3 in 2026: 563 + 357 + 36 % of 563 = 1,122.68 € before rent."""
    on = date(2026, 3, 1)
    kiz = kinderzuschlag(KizInput(month=on, adults=(KizAdult(gross_earnings=D(1500), net_earnings=D(1150)),),
                                  children=(KizChild(3, D(259)),), rent_cold=D(500), heating=D(80)))
    steps = {s.key: s.value for s in kiz.explanation}
    assert steps["kinderzuschlag.regelbedarf_eltern"] + steps["kinderzuschlag.mehrbedarf"] == D("765.68")
    vergleich = buergergeld(Bedarfsgemeinschaft([Erwachsener(D(1500), D(1150))], [Kind(3, D(259))], D(500), D(80)), on)
    assert vergleich.need == D("1122.68") + D(580)
    wg = wohngeld(WohngeldInput(month=on, members=(WohngeldMember(30, gross_wage=D(1500)),
                                                   WohngeldMember(3, child=True, kindergeld=D(259))),
                                rent_cold=D(500), heating=D(80), net_income=D(1150)))
    plaus = next(s for s in wg.explanation if s.key == "wohngeld.plausibilitaet")
    assert plaus.args["need"] == D("1122.68") + D(580)


def test_a_reform_draft_of_the_regelbedarfe_reaches_kiz_and_the_families_need(tmp_path: Path) -> None:
    folder = tmp_path / "reformen"
    (folder / "rbs-plus").mkdir(parents=True)
    (folder / "rbs-plus" / "grundsicherung.yaml").write_text(
        "regelbedarf_m:\n  values:\n    - valid_from: 2026-07-01\n"
        "      value: {rbs_1: 600, rbs_2: 540, rbs_3: 480, rbs_4: 500, rbs_5: 410, rbs_6: 380}\n"
        '      reference: "Entwurf (Test)"\n', encoding="utf-8")
    reform = load_reform("rbs-plus", folder)
    assert reform.changed == {"grundsicherung": ("regelbedarf_m",)}
    assert affected_benefits(reform.changed) == ["grundsicherung", "kinderzuschlag", "wohngeld"]
    paar = [f for f in load_families() if f.id == "paar-teilen"]
    rows = {r.benefit: r for r in compare(Setting(date(2026, 7, 1)), Setting(date(2026, 7, 1), reform), paar,
                                          benefits=affected_benefits(reform.changed))}
    # two partners at Stufe 2 (+34 € each) and a newborn at Stufe 6 (+23 €)
    assert rows["grundsicherung"].difference == D(2 * 34 + 23)
    assert rows["grundsicherung"].before == D(2 * 506 + 357 + 650 + 90)


def test_a_2027_leistungscheck_names_the_provisional_regelbedarfe_once_under_grundsicherung(tmp_path: Path) -> None:
    """Before issue 19 the 2027 result listed regelbedarf_m twice (the KiZ and the Leistungscheck copy)."""
    import json

    from tests.test_year_walk import walk_case
    from workbench.case import load_case
    from workbench.evaluation.leistungscheck import leistungscheck
    from workbench.report.leistungscheck import check_json

    path = tmp_path / "case.json"
    path.write_text(json.dumps(walk_case(date(2027, 3, 1))), encoding="utf-8")
    out = check_json(leistungscheck(load_case(path), date(2027, 3, 1)), "de")
    named = [(p["benefit"], p["name"]) for p in out["provisional"] if p["name"] == "regelbedarf_m"]
    assert named == [("grundsicherung", "regelbedarf_m")]
    entry = next(p for p in out["provisional"] if p["name"] == "regelbedarf_m")
    assert entry["values_as_of"] == "2026-01-01" and "BGBl. 2025 I Nr. 243" in entry["reference"]
    assert ("grundsicherung", "regelbedarf_m") in [(p["benefit"], p["name"])
                                                   for p in out["benefits"]["kinderzuschlag"]["provisional"]]
