"""Bürgergeld as a full comparison amount (rules/grundsicherung/buergergeld.py; issue 17, item 4).

Values of 2026 (RBSFV 2026: Stufe 1 563 €, Stufe 2 506 €, Stufe 5 390 €, Stufe 6 357 €), worked by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.case import load_case
from workbench.rules.grundsicherung.buergergeld import (Bedarfsgemeinschaft, Erwachsener, Kind, buergergeld,
                                                        fehlbetrag)
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.report.leistungscheck import check_json
from tests.test_leistungscheck_vorrang import couple

D = Decimal
ON = date(2026, 7, 1)
SINGLE = Bedarfsgemeinschaft([Erwachsener(D(1500), D(1150))], [Kind(3, D(259))], D(500), D(80))


def test_single_parent_need_income_and_amount_paras_19_to_22_11b_sgb_ii() -> None:
    # need: 563 + 36 % of 563 (202.68, § 21 Abs. 3) + 357 + 500 + 80 = 1,702.68 €
    # income: 1,150 − § 11b (100 + 20 % of 420 + 30 % of 480 + 10 % of 500 = 378) = 772; the child's 259 € Kindergeld
    # stays below its need 357 + 290 → 1,031 €; Bürgergeld 671.68 €; the child is in need: Sofortzuschlag 25 € apart
    b = buergergeld(SINGLE, ON)
    assert (b.need, b.income, b.amount, b.sofortzuschlag) == (D("1702.68"), D("1031.00"), D("671.68"), D(25))


def test_shortfall_with_kiz_and_wohngeld_para_6a_abs_1_nr_3_bkgg() -> None:
    # KiZ 297 € is the child's income: 297 + 259 = 556 € < its need 647 €; Wohngeld 200 €: 772 + 200 + 556 = 1,528 €
    assert fehlbetrag(SINGLE, [D(297)], D(200), ON) == D("174.68")
    # enough Wohngeld ends the need: KiZ and Wohngeld take priority (§ 12a SGB II)
    assert fehlbetrag(SINGLE, [D(297)], D(400), ON) == D(0)


def test_surplus_kindergeld_counts_for_the_parent_maintenance_does_not_para_11_abs_1_satz_5_sgb_ii() -> None:
    # child 10 with 500 € maintenance: need 390 + 290 = 680; own 500 + 259 = 759 → covered 680, surplus Kindergeld 79
    # (the whole 259 would be more than the surplus); the child covers its need: no Sofortzuschlag for it
    bg = Bedarfsgemeinschaft([Erwachsener(D(0), D(0), D(0))], [Kind(10, D(259), D(500))], D(500), D(80))
    b = buergergeld(bg, ON)
    # need 563 + 67.56 (12 % for one child of 10) + 390 + 580 = 1,600.56; income 0 + 680 + 79 = 759
    assert (b.need, b.income, b.amount, b.sofortzuschlag) == (D("1600.56"), D("759.00"), D("841.56"), D(0))


def test_rent_above_the_bochum_limit_counts_in_full_only_in_the_karenzzeit_para_22_abs_1_sgb_ii() -> None:
    high = Bedarfsgemeinschaft([Erwachsener(D(1500), D(1150))], [Kind(3, D(259))], D(700), D(80))
    assert buergergeld(high, ON).need == D("1902.68")
    later = Bedarfsgemeinschaft([Erwachsener(D(1500), D(1150))], [Kind(3, D(259))], D(700), D(80), after_karenzzeit=True)
    b = buergergeld(later, ON)
    assert b.need == D("1902.68") - D(700) + D("540.70")  # 2 persons: 540.70 € Bruttokaltmiete (Bochum, since 2022)
    assert "kdu_angemessenheitsgrenze_bochum_m" in b.unverified  # the limits of 1 July 2025 were not read


def test_the_leistungscheck_shows_buergergeld_beside_kiz_and_wohngeld() -> None:
    check = leistungscheck(load_case(couple()), ON)
    b = check.buergergeld
    assert b is not None
    # need 2 × 506 + 2 × 390 + 700 = 2,492; income 960 − 348 = 612 + 2 × 259 = 1,130 → 1,362 € Bürgergeld,
    # two children in need: 2 × 25 € Sofortzuschlag
    assert (b.need, b.income, b.amount, b.sofortzuschlag) == (D("2492.00"), D("1130.00"), D("1362.00"), D(50))
    hint = next(h for h in check.hints if h.key.startswith("leistungen.hint.vergleich."))
    assert hint.key == "leistungen.hint.vergleich.buergergeld"
    assert hint.args == {"buergergeld": "1.362,00 €", "sofort": "50,00 €", "kiz_wohngeld": "1.248,00 €"}
    data = check_json(check, "de")["buergergeld"]
    assert data["monthly"] == 1362 and data["kindersofortzuschlag"] == 50 and data["kiz_wohngeld"] == 1248
