"""The periods of the application folder, with dates worked out from the law's text (issue 20)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.rules.antragsmappe import fristen as f
from workbench.rules.antragsmappe.feiertage import feiertage, ist_werktag, naechster_werktag, ostersonntag


@pytest.mark.parametrize(("year", "easter"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                              (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)),
                                              (2038, date(2038, 4, 25))])
def test_easter_sunday(year: int, easter: date) -> None:
    assert ostersonntag(year) == easter


def test_the_nrw_holidays_of_2026() -> None:
    """§ 2 Abs. 1 FTG NW and the 3rd of October: eleven days, the movable ones from Easter on 5 April."""
    days = feiertage(2026)
    assert len(days) == 11
    assert days[date(2026, 4, 3)] == "Karfreitag" and days[date(2026, 4, 6)] == "Ostermontag"
    assert days[date(2026, 5, 14)] == "Christi Himmelfahrt" and days[date(2026, 5, 25)] == "Pfingstmontag"
    assert days[date(2026, 6, 4)] == "Fronleichnam" and days[date(2026, 11, 1)] == "Allerheiligen"
    assert date(2017, 10, 31) in feiertage(2017) and date(2026, 10, 31) not in days  # once, in 2017
    assert not ist_werktag(date(2026, 12, 26)) and ist_werktag(date(2026, 12, 28))
    assert naechster_werktag(date(2026, 12, 24)) == date(2026, 12, 24)  # Heiligabend is a working day


def test_a_month_from_the_31st_ends_on_the_last_day_of_a_shorter_month() -> None:
    """§ 188 Abs. 2, 3 BGB."""
    assert f.monatsfrist_ende(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert f.monatsfrist_ende(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert f.monatsfrist_ende(date(2026, 3, 15), 1) == date(2026, 4, 15)
    assert f.monatsfrist_ende(date(2026, 12, 10), 1) == date(2027, 1, 10)


def test_a_posted_decision_counts_as_known_on_the_fourth_day_from_2025_and_the_third_before() -> None:
    """§ 37 Abs. 2 SGB X, § 122 Abs. 2 Nr. 1 AO (Postrechtsmodernisierungsgesetz)."""
    assert f.bekanntgabe(date(2026, 12, 3)).bis == date(2026, 12, 7)  # Thursday → Monday
    assert f.bekanntgabe(date(2024, 12, 2)).bis == date(2024, 12, 5)  # three days before 2025
    late = f.bekanntgabe(date(2026, 12, 22))  # the 26th is a holiday and a Saturday, the 27th a Sunday
    assert late.bis == date(2026, 12, 28)
    assert [s.key for s in late.explanation.steps] == ["antragsmappe.bekanntgabe", "antragsmappe.werktag"]
    assert "§ 37 Abs. 2 Satz 1 SGB X" in late.explanation.steps[0].citation


def test_the_period_to_challenge_a_decision_ends_on_a_working_day() -> None:
    """§ 84 Abs. 1 SGG, § 355 Abs. 1 AO, § 70 VwGO: one month; § 193 BGB, § 64 Abs. 3 SGG: not on a weekend."""
    assert f.rechtsbehelfsfrist(date(2026, 1, 31)).bis == date(2026, 3, 2)  # 28.02.2026 is a Saturday
    assert f.rechtsbehelfsfrist(date(2026, 3, 5)).bis == date(2026, 4, 7)  # Easter Sunday and Monday
    assert f.rechtsbehelfsfrist(date(2026, 6, 10)).bis == date(2026, 7, 10)
    without = f.rechtsbehelfsfrist(date(2026, 1, 15), belehrung=False)  # § 66 Abs. 2 SGG: one year
    assert without.bis == date(2027, 1, 15)
    assert "bis 15.01.2027" in without.explanation.steps[0].render("de")


def test_elterngeld_pays_three_lebensmonate_back() -> None:
    """§ 7 Abs. 1 Satz 2 BEEG: for the 1st Lebensmonat of a child born on 15 March 2026 the application
    must arrive within the 4th Lebensmonat (15 June to 14 July 2026)."""
    first = f.elterngeld_antrag_bis(date(2026, 3, 15), 1)
    assert first.bis == date(2026, 7, 14)
    assert "bis zum Ende des 4. Lebensmonats" in first.explanation.steps[0].render("de")
    assert f.elterngeld_antrag_bis(date(2026, 3, 15), 3).bis == date(2026, 9, 14)


def test_kindergeld_is_paid_six_months_back() -> None:
    """§ 70 Abs. 1 Satz 2 EStG and the example of DA-KG V 23.4: an application arriving in March pays from
    September of the year before, so July is paid only if it arrives by the end of January."""
    assert f.kindergeld_antrag_bis(date(2025, 9, 20)).bis == date(2026, 3, 31)
    assert f.kindergeld_antrag_bis(date(2025, 7, 10)).bis == date(2026, 1, 31)
    step = f.kindergeld_antrag_bis(date(2025, 7, 10)).explanation.steps[0]
    assert step.citation.startswith("§ 70 Abs. 1 Satz 2 EStG")


def test_uvg_one_month_back_kiz_and_wohngeld_from_the_month_of_application() -> None:
    """§ 4 UVG; § 6a Abs. 7 Satz 2 BKGG; § 25 Abs. 2 Satz 1 WoGG."""
    assert f.unterhaltsvorschuss_antrag_bis(date(2026, 11, 1)).bis == date(2026, 12, 31)
    assert f.ab_antragsmonat_bis(date(2026, 12, 15), "kinderzuschlag").bis == date(2026, 12, 31)
    wohngeld = f.ab_antragsmonat_bis(date(2027, 2, 1), "wohngeld")
    assert wohngeld.bis == date(2027, 2, 28)
    assert wohngeld.explanation.steps[0].citation == "§ 25 Abs. 2 Satz 1 WoGG"
    assert "from 1 Feb 2027 only if the application arrives by 28 Feb 2027" in wohngeld.explanation.steps[0].render("en")
