"""Kinderzuschlag (§ 6a BKGG): the worked examples of benefits.md § 3, to the cent, and the rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.errors import CaseError, UnsupportedPeriod
from workbench.rules.kinderzuschlag import KizAdult, KizChild, KizInput, bewilligungszeitraum, kinderzuschlag

JAN26 = date(2026, 1, 1)


def couple(gross: str, net: str, **kw: object) -> KizInput:
    adult = KizAdult(D(gross), D(net))
    defaults: dict[str, object] = dict(month=JAN26, adults=(adult, adult),
                                       children=(KizChild(8, D(259)), KizChild(10, D(259))),
                                       rent_cold=D(850), heating=D(100))
    defaults.update(kw)
    return KizInput(**defaults)  # type: ignore[arg-type]


def test_example_a_couple_two_children_part_time_gets_the_full_594() -> None:
    """benefits.md § 3 A (DGB, GETTSIM 2026 case): 2 × 297, no reduction."""
    res = kinderzuschlag(couple("1207.91", "1025"))
    assert res.monthly == D(594)
    assert res.figures["einkommen_eltern"] == D("1352.42")  # 2 × (1,025 − 348.79)
    assert res.figures["bedarf_eltern"] == D("1688.78")  # 1,012 + 71.24 % × 950
    assert res.figures["minderung_einkommen"] == D("0.00")
    assert res.period == (date(2026, 1, 1), date(2026, 6, 30))


def test_example_a_with_wohngeld_ends_the_need_and_is_entitled() -> None:
    res = kinderzuschlag(couple("1207.91", "1025", wohngeld=D(300)))
    assert res.eligible is True and not res.check_buergergeld
    assert res.reasons[0].key == "kinderzuschlag.grund.anspruch"


def test_example_a_without_wohngeld_asks_to_check_buergergeld() -> None:
    """Need 2 × 506 + 390 + 390 + 950 = 2,742 €; available 1,352.42 + 518 Kindergeld + 594 KiZ."""
    res = kinderzuschlag(couple("1207.91", "1025"))
    assert res.figures["fehlbetrag_sgb2"] == D("277.58")
    assert res.eligible is None and res.check_buergergeld
    assert [r.key for r in res.reasons][:2] == ["kinderzuschlag.grund.hilfebeduerftig",
                                                "kinderzuschlag.grund.buergergeld_pruefen"]


def test_example_b_couple_full_time_reduced_by_45_percent_of_the_excess() -> None:
    """benefits.md § 3 B: the DGB result is 239 €; GETTSIM itself needs ±3 € (issue #1125).

    Our 2026 couple Wohnkostenanteil 71.24 % (15. Existenzminimumbericht) gives
    594 − 0.45 × (2,472 − 1,688.78) = 241.55 → 242 €. The DGB figure matches the 2025 couple
    share 70.64 % (594 − 0.45 × (2,472 − 1,683.08) = 238.99 → 239): the 2026 couple values are
    marked unverified and the result says so.
    """
    res = kinderzuschlag(couple("1955.25", "1614"))
    assert res.figures["einkommen_eltern"] == D("2472.00")
    assert res.figures["minderung_einkommen"] == D("352.45")
    assert res.figures["betrag_ungerundet"] == D("241.55")
    assert res.monthly == D(242)
    assert abs(res.monthly - 239) <= 3
    assert "wohnkosten_existenzminimum_y" in res.unverified


def test_example_c_single_parent_with_unterhaltsvorschuss() -> None:
    """benefits.md § 3 C: 297 − 0.45 × 299 = 162.45 → 162 € (§ 11 Abs. 2 BKGG)."""
    res = kinderzuschlag(KizInput(month=JAN26, adults=(KizAdult(D("1509.89"), D("1233")),),
                                  children=(KizChild(8, D(259), uvg=D(299)),), rent_cold=D(650), heating=D(50)))
    assert res.figures["kind_1"] == D("162.45")
    assert res.monthly == D(162)
    assert res.figures["wohnkostenanteil_prozent"] == D("77.12")
    # 563 + 12 % Mehrbedarf 67.56 + 77.12 % × 700 = 1,170.40
    assert res.figures["bedarf_eltern"] == D("1170.40")


def test_simple_formula_single_parent_child_4_with_uvg_2025() -> None:
    """benefits.md § 3: 297 − 0.45 × 227 = 194.85 € for the child (income below the need)."""
    res = kinderzuschlag(KizInput(month=date(2025, 3, 1), adults=(KizAdult(D(1000), D(800)),),
                                  children=(KizChild(4, D(255), uvg=D(227)),), rent_cold=D(500), heating=D(80),
                                  wohngeld=D(250)))
    assert res.figures["kind_1"] == D("194.85")
    assert res.monthly == D(195)
    assert res.figures["minderung_einkommen"] == D("0.00")


def test_couple_with_899_euro_is_below_the_minimum_income_and_signals_buergergeld() -> None:
    res = kinderzuschlag(couple("0", "0", adults=(KizAdult(D(899), D(720)), KizAdult())))
    assert res.figures["bruttoeinkommen_eltern"] == D(899)
    assert res.eligible is False and res.monthly == 0 and res.check_buergergeld
    assert res.reasons[0].key == "kinderzuschlag.grund.mindesteinkommen"


def test_single_parent_with_600_euro_reaches_the_minimum_income() -> None:
    res = kinderzuschlag(KizInput(month=JAN26, adults=(KizAdult(D(600), D(480)),),
                                  children=(KizChild(3, D(259)),), rent_cold=D(400), heating=D(60)))
    assert res.figures["bruttoeinkommen_eltern"] == D(600)
    assert res.monthly == D(297)
    assert res.reasons[0].key != "kinderzuschlag.grund.mindesteinkommen"


def test_high_income_gives_nothing_and_says_why() -> None:
    res = kinderzuschlag(couple("5000", "3400"))
    assert res.eligible is False and res.monthly == 0
    assert res.reasons[0].key == "kinderzuschlag.grund.einkommen_zu_hoch"


def test_wealth_above_the_karenzzeit_exemption_reduces_the_total() -> None:
    """4 persons: 40,000 + 3 × 15,000 = 85,000 € free; 85,100 € reduces by 100 €."""
    res = kinderzuschlag(couple("1207.91", "1025", wealth=D(85100), wohngeld=D(300)))
    assert res.monthly == D(494)


def test_children_without_kindergeld_or_over_25_carry_no_kinderzuschlag() -> None:
    res = kinderzuschlag(couple("1207.91", "1025", children=(KizChild(25, D(259)), KizChild(10, D(0)))))
    assert res.eligible is False and res.reasons[0].key == "kinderzuschlag.grund.kein_kind"


def test_mehrbedarf_for_single_parents_36_and_12_percent_rules() -> None:
    def mehr(*ages: int) -> D:
        res = kinderzuschlag(KizInput(month=JAN26, adults=(KizAdult(D(1500), D(1150)),),
                                      children=tuple(KizChild(a, D(259)) for a in ages), rent_cold=D(600)))
        step = next(s for s in res.explanation if s.key == "kinderzuschlag.mehrbedarf")
        assert isinstance(step.value, D)
        return step.value

    assert mehr(5) == D("202.68")  # 36 % of 563: one child under 7
    assert mehr(8) == D("67.56")  # 12 %
    assert mehr(10, 12) == D("202.68")  # two under 16: 36 %
    assert mehr(10, 12, 14, 15) == D("270.24")  # 4 × 12 % = 48 %
    assert mehr(2, 4, 6, 8, 10, 12) == D("337.80")  # capped at 60 %


def test_extended_access_when_at_most_100_euro_are_missing() -> None:
    res = kinderzuschlag(couple("1207.91", "1025", wohngeld=D("190")))
    assert res.figures["fehlbetrag_sgb2"] == D("87.58")
    assert res.eligible is True
    assert res.reasons[0].key == "kinderzuschlag.grund.erweiterter_zugang"


def test_award_period_is_six_months_across_the_year_end() -> None:
    assert bewilligungszeitraum(date(2025, 10, 15), 6) == (date(2025, 10, 1), date(2026, 3, 31))


def test_every_step_cites_a_paragraph_and_renders_in_both_languages() -> None:
    res = kinderzuschlag(couple("1955.25", "1614"))
    for step in res.explanation:
        assert "§" in step.citation
        assert step.render("de") and step.render("en")
    assert "Kinderzuschlag ab 01.01.2026: 242,00 €" in res.explain("de")
    assert "Kinderzuschlag from 1 Jan 2026: €242.00" in res.explain("en")
    assert res.to_json()["monthly"] == 242.0


def test_bad_input_is_refused_with_one_message_per_problem_in_the_users_language() -> None:
    bad = couple("1000", "1200", rent_cold=D(-5))
    with pytest.raises(CaseError) as err:
        kinderzuschlag(bad, language="en")
    assert len(err.value.messages) == 3  # net above gross for both parents, negative rent
    assert any("must not be negative" in m for m in err.value.messages)


def test_a_year_before_the_values_is_refused_naming_the_period_and_2027_is_provisional() -> None:
    with pytest.raises(UnsupportedPeriod, match="ist erst ab dem 01.01.2023 modelliert. Unterstützt werden Daten ab 2023"):
        kinderzuschlag(couple("1207.91", "1025", month=date(2022, 1, 1)))
    from workbench.parameter_tracking import tracking

    with tracking() as used:  # ADR 0019: no 2027 values yet → the 2026 values, flagged provisional
        later = kinderzuschlag(couple("1207.91", "1025", month=date(2027, 1, 1)))
    assert later.monthly == kinderzuschlag(couple("1207.91", "1025", month=date(2026, 1, 1))).monthly
    assert {v.name for v in used.provisional} >= {"hoechstbetrag_m", "regelbedarf_m"}
    assert {v.valid_from.year for v in used.provisional if v.benefit == "kinderzuschlag"} == {2026}


def test_every_message_key_of_both_rules_has_german_and_english_text() -> None:
    import re
    from pathlib import Path

    from workbench.i18n import catalog

    root = Path(__file__).resolve().parents[1] / "workbench" / "rules"
    keys = set()
    for folder in ("kinderzuschlag", "wohngeld"):
        for path in (root / folder).glob("*.py"):
            keys |= set(re.findall(r"""["']((?:kinderzuschlag|wohngeld)\.[a-z_.]+[a-z])["']""", path.read_text("utf-8")))
    keys |= {f"wohngeld.freibetrag.{k}" for k in ("schwerbehindert", "alleinerziehend", "kind_erwerb", "grundrente")}
    keys |= {"kinderzuschlag.titel", "wohngeld.titel", "leistung.zeitraum", "leistung.bitte_pruefen"}
    assert len(keys) > 40
    missing = sorted(k for k in keys if not all(catalog().get(k, {}).get(lang) for lang in ("de", "en")))
    assert not missing, missing


def test_every_public_rule_function_cites_its_legal_basis() -> None:
    import inspect

    from workbench.rules.kinderzuschlag import engine, inputs, regeln
    from workbench.rules.wohngeld import engine as wg_engine
    from workbench.rules.wohngeld import regeln as wg_regeln

    missing = [
        f"{module.__name__}.{name}"
        for module in (engine, regeln, inputs, wg_engine, wg_regeln)
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__ and not name.startswith("_") and name != "problems"
        and "Rechtsgrundlage:" not in (fn.__doc__ or "")
    ]
    assert not missing, missing
