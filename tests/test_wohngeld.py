"""Wohngeld (WoGG, Mietzuschuss): the worked examples of benefits.md § 6, to the cent, and the rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.errors import CaseError, UnsupportedPeriod
from workbench.rules.wohngeld import WohngeldInput, WohngeldMember, wohngeld

JAN25 = date(2025, 1, 1)


def worker(wage: str, **kw: object) -> WohngeldMember:
    return WohngeldMember(57, gross_wage=D(wage), pays_tax=True, pays_health_insurance=True,
                          pays_pension_insurance=True, **kw)  # type: ignore[arg-type]


def single(wage: str, **kw: object) -> WohngeldInput:
    defaults: dict[str, object] = dict(month=JAN25, members=(worker(wage),), rent_cold=D(600), heating=D(50),
                                       mietstufe=5, wealth=D(5000))
    defaults.update(kw)
    return WohngeldInput(**defaults)  # type: ignore[arg-type]


def test_bmwsb_example_single_1400_euro_gets_368() -> None:
    """benefits.md § 6 (BMWSB Wohngeldrechner 2025): Y = (1,400 − 102.50) × 0.7 = 908.25;
    M = min(600, 562 + 19.20) + 110.40 = 691.60; 1.15 × (M − (a + bM + cY)Y) = 368.34 → 368."""
    res = wohngeld(single("1400"))
    assert res.figures["einkommen"] == D("908.25")
    assert res.figures["miete"] == D("691.60")
    assert res.figures["betrag_ungerundet"].quantize(D("0.01")) == D("368.34")
    assert res.monthly == D(368) and res.eligible is True


def test_bmwsb_example_single_2000_euro_gets_145() -> None:
    res = wohngeld(single("2000"))
    assert res.figures["einkommen"] == D("1328.25")
    assert res.monthly == D(145)


def test_nrw_example_single_parent_with_working_child_gets_396() -> None:
    """GETTSIM 2025 case from the NRW Wohngeldrechner: Freibeträge 110 € (§ 17 Nr. 3) + 100 € (§ 17 Nr. 4)."""
    res = wohngeld(WohngeldInput(
        month=JAN25, members=(worker("1900"), WohngeldMember(16, gross_wage=D(400), child=True, kindergeld=D(255))),
        rent_cold=D(800), heating=D(80), mietstufe=5, wealth=D(5000)))
    assert res.figures["freibetraege"] == D("210.00")
    assert res.figures["einkommen"] == D("1345.75")
    assert res.monthly == D(396)


def test_bochum_is_mietstufe_3_and_that_value_is_marked_for_checking() -> None:
    """Mietstufe III: Höchstbetrag 456 € for one person (benefits.md § 6), + Klimakomponente 19.20."""
    res = wohngeld(single("1400", mietstufe=None))
    step = next(s for s in res.explanation if s.key == "wohngeld.miete")
    assert step.value == D("475.20") and step.args["stufe"] == 3
    assert "mietstufen" in res.unverified
    assert res.to_check


def test_2026_uses_the_2025_values_and_2027_is_provisional_until_the_next_fortschreibung() -> None:
    """§ 43 WoGG: biennial. Without the 2027 WoGFortV the 2025 values answer, flagged provisional (ADR 0019)."""
    from workbench.parameter_tracking import tracking

    with tracking() as used:
        assert wohngeld(single("1400", month=date(2026, 7, 1))).monthly == D(368)
    assert used.provisional == ()
    with tracking() as used:
        assert wohngeld(single("1400", month=date(2027, 1, 1))).monthly == D(368)
    flagged = {v.name: v for v in used.provisional}
    assert {"hoechstbetraege_m", "koeffizienten"} <= set(flagged)
    assert flagged["koeffizienten"].valid_from == date(2025, 1, 1) and "§ 43 WoGG" in flagged["koeffizienten"].published_in
    with pytest.raises(UnsupportedPeriod, match="Unterstützt werden Daten ab 2023"):
        wohngeld(single("1400", month=date(2022, 12, 1)))


def test_below_ten_euro_no_wohngeld() -> None:
    """§ 21 Nr. 1 WoGG: find the income where the formula falls below 10 € and check both sides."""
    amounts = {w: wohngeld(single(str(w))) for w in range(2300, 2400, 2)}
    paid = [w for w, r in amounts.items() if r.monthly > 0]
    unpaid = [w for w, r in amounts.items() if r.monthly == 0]
    assert paid and unpaid
    assert all(amounts[w].monthly >= 10 for w in paid)
    first_unpaid = amounts[min(unpaid)]
    assert first_unpaid.eligible is False
    assert first_unpaid.reasons[0].key == "wohngeld.grund.unter_mindestbetrag"
    assert D(0) < first_unpaid.figures["betrag_ungerundet"] < D("9.5")  # the formula gives something, below 10


def test_minimum_value_of_y_replaces_a_lower_income() -> None:
    """Anlage 3 Nr. 1: Y at least 396 € for one person (2025)."""
    res = wohngeld(single("0", members=(WohngeldMember(67, pension=D(300), pays_health_insurance=True),)))
    assert any(s.key == "wohngeld.mindest_y" and s.value == D(396) for s in res.explanation)


def test_household_of_13_gets_the_12_person_amount_plus_65() -> None:
    members = tuple(WohngeldMember(30 if i < 2 else 5, child=i >= 2) for i in range(13))
    res12 = wohngeld(WohngeldInput(month=JAN25, members=members[:12], rent_cold=D(3000), mietstufe=3))
    res13 = wohngeld(WohngeldInput(month=JAN25, members=members, rent_cold=D(3000), mietstufe=3))
    assert res13.figures["betrag_ungerundet"] - D(65) > res12.figures["betrag_ungerundet"] - D(1)


def test_plausibility_check_asks_to_check_buergergeld_when_income_is_too_low() -> None:
    res = wohngeld(single("400", net_income=D(400)))
    assert res.eligible is None and res.check_buergergeld and res.monthly > 0
    assert res.reasons[0].key == "wohngeld.grund.plausibilitaet"


def test_transfer_recipients_and_high_wealth_are_excluded() -> None:
    assert wohngeld(single("1400", transfer_recipients=True)).eligible is False
    res = wohngeld(single("1400", wealth=D(60001)))
    assert res.eligible is False and res.reasons[0].key == "wohngeld.grund.vermoegen"


def test_every_step_cites_the_law_and_renders_in_both_languages() -> None:
    res = wohngeld(single("1400"))
    for step in res.explanation:
        assert "WoGG" in step.citation
        assert step.render("de") and step.render("en")
    assert "368,00 €" in res.explain("de") and "€368.00" in res.explain("en")


def test_bad_input_is_refused_with_messages() -> None:
    with pytest.raises(CaseError) as err:
        wohngeld(single("1400", mietstufe=8, rent_cold=D(-1)))
    assert len(err.value.messages) == 2


def test_bochum_mietstufe_2024_is_sourced_and_2025_is_marked_for_checking() -> None:
    res24 = wohngeld(single("1400", mietstufe=None, month=date(2024, 5, 1)))
    assert "mietstufen" not in res24.unverified
    assert next(s for s in res24.explanation if s.key == "wohngeld.mietstufe_gemeinde").value == 3
    assert "mietstufen" in wohngeld(single("1400", mietstufe=None)).unverified


def test_an_unknown_municipality_is_refused_asking_for_the_mietstufe() -> None:
    with pytest.raises(CaseError, match="Herne.*Bochum"):
        wohngeld(single("1400", mietstufe=None, municipality="Herne"), language="en")
