"""KiZ, Wohngeld and Bürgergeld in the Leistungscheck: a KiZ the check rejects does not carry Wohngeld (issue 17, item 3).

The household: a married couple in Bochum (2026), one earner with 1,200 € gross / 960 € net, the other
without income, two school children (10 and 7), Bruttokaltmiete 600 € + heating 100 €. Every figure
below is derived by hand from the law (Regelbedarfe 2026: Stufe 2 506 €, Stufe 5 390 €; Kindergeld 259 €;
KiZ Höchstbetrag 297 €).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from workbench.case import load_case
from workbench.i18n import format_money
from workbench.evaluation.leistungscheck import leistungscheck

D = Decimal
JULY_2026 = date(2026, 7, 1)


def couple(gross: float = 1200.0, net: float | None = 960.0) -> dict[str, Any]:
    income: dict[str, Any] = {"kind": "employee", "gross_monthly": gross, "tax_class": 3, "hours_per_week": 30}
    if net is not None:
        income["net_monthly"] = net
    return {"format": "workbench-case/2", "case_id": "T", "household": {
        "municipality": "Bochum", "married": True,
        "housing": {"rent_cold": 600.0, "heating": 100.0, "living_space_sqm": 80},
        "parents": [{"id": "A", "current_income": income},
                    {"id": "B", "current_income": {"kind": "none", "gross_monthly": 0, "net_monthly": 0}}],
        "children": [{"id": "K1", "birth_date": "2016-03-01", "situation": {"education": "school"}},
                     {"id": "K2", "birth_date": "2019-05-01", "situation": {"education": "school"}}],
        "benefits": {"year": 2026}}}


def test_kiz_rejected_for_need_does_not_make_wohngeld_plausible_wogvwv_15_01() -> None:
    check = leistungscheck(load_case(couple()), JULY_2026)
    kiz, wg = check.results["kinderzuschlag"], check.results["wohngeld"]
    # § 6a Abs. 1 Nr. 3 BKGG: SGB II need 2 × 506 + 2 × 390 + 700 = 2,492 €; counted: 960 − § 11b (100 + 20 % of
    # 420 + 30 % of 480 + 10 % of 200 = 348) = 612 €, each child 259 + 297 = 556 € (below its need 390 + 175),
    # Wohngeld 654 € → 2,378 €: 114 € short, more than 100 € (§ 6a Abs. 1a) → KiZ "zu prüfen"
    assert kiz.eligible is None and kiz.monthly == D(594)
    assert kiz.reasons[0].key == "kinderzuschlag.grund.hilfebeduerftig" and kiz.reasons[0].args["shortfall"] == D(114)
    # WoGVwV Nr. 15.01 ff.: without the KiZ the household has 960 + 654 + 2 × 259 = 2,132 € against 2,492 €:
    # Wohngeld is not granted (before the fix the unpaid 594 € KiZ made it 2,726 € and Wohngeld "Anspruch")
    assert wg.eligible is None and wg.monthly == D(654)
    assert wg.reasons[0].key == "wohngeld.grund.plausibilitaet"
    assert wg.reasons[0].args == {"need": D("2492.00"), "available": D("2132.00")}
    # nothing paid opens BuT only "to check"
    assert check.results["bildung_teilhabe"].eligible is None


def test_one_shortfall_in_kiz_card_hint_and_explanation_para_6a_abs_1_nr_3_bkgg() -> None:
    check = leistungscheck(load_case(couple()), JULY_2026)
    hint = next(h for h in check.hints if h.key == "leistungen.hint.buergergeld")
    assert hint.args["gap"] == "114,00 €"  # the KiZ card's shortfall, not the need without KiZ and Wohngeld
    kiz_step = [line for line in check.results["kinderzuschlag"].explanation.render("de") if "114,00 €" in line]
    assert kiz_step, "the KiZ explanation names the same shortfall"
    assert any("114,00 €" in line for line in check.bedarf.render("de"))


def test_the_kiz_shortfall_and_the_hint_gap_are_one_figure_over_many_households() -> None:
    """Couples and single parents, with and without UVG/maintenance, typed and derived nets: wherever the KiZ card
    names a shortfall (§ 6a Abs. 1 Nr. 3 BKGG), the Bürgergeld hint names the same amount."""
    seen = 0
    for gross in (900.0, 1100.0, 1300.0, 1500.0):
        for rent in (500.0, 800.0, 1000.0):
            for net in (None, gross * 0.8):
                for single in (False, True):
                    data = couple(gross, net)
                    data["household"]["housing"]["rent_cold"] = rent
                    if single:
                        data["household"].update(married=False, single_parent=True)
                        data["household"]["parents"] = data["household"]["parents"][:1]
                        data["household"]["children"][0]["situation"]["maintenance_monthly"] = 150.0
                    check = leistungscheck(load_case(data), JULY_2026)
                    reason = check.results["kinderzuschlag"].reasons[0]
                    if reason.key != "kinderzuschlag.grund.hilfebeduerftig":
                        continue
                    seen += 1
                    hint = next(h for h in check.hints if h.key == "leistungen.hint.buergergeld")
                    assert hint.args["gap"] == format_money(reason.args["shortfall"], "de"), (gross, rent, net, single)
    assert seen >= 5
