"""Mutterschutz periods (§ 3 MuSchG) and Mutterschaftsgeld (§ 24i SGB V, §§ 19, 20 MuSchG), worked examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from workbench.rules.mutterschutz import (
    bemessungsmonate, monate_mit_mutterschaftsleistungen, mutterschaftsgeld, schutzfrist_fehlgeburt, schutzfristen,
)

TERMIN = date(2026, 6, 15)  # a Monday


def test_due_date_15_june_gives_4_may_to_10_august_99_days() -> None:
    f = schutzfristen(TERMIN)
    assert (f.beginn, f.ende, f.tage) == (date(2026, 5, 4), date(2026, 8, 10), 99)
    assert f.kuendigungsschutz_bis == date(2026, 10, 15)  # 4 months after the birth is later than 10 August
    assert monate_mit_mutterschaftsleistungen(f.geburt, f.ende) == {1, 2}


def test_an_early_birth_without_premature_status_adds_the_lost_days_so_the_end_stays() -> None:
    f = schutzfristen(TERMIN, date(2026, 6, 1))  # 14 days early, 8 weeks + 14 days
    assert (f.beginn, f.verloren, f.ende, f.tage) == (date(2026, 5, 4), 14, date(2026, 8, 10), 99)
    assert monate_mit_mutterschaftsleistungen(f.geburt, f.ende) == {1, 2, 3}  # 10 August lies in LM 3


def test_a_premature_birth_five_weeks_early_gets_12_weeks_plus_35_days() -> None:
    f = schutzfristen(TERMIN, date(2026, 5, 11), fruehgeburt=True)
    assert (f.wochen_nach, f.verloren, f.ende) == (12, 35, date(2026, 9, 7))
    assert f.tage == 18 * 7 + 1  # at least 18 weeks and the day of birth
    assert monate_mit_mutterschaftsleistungen(f.geburt, f.ende) == {1, 2, 3, 4}


def test_a_birth_before_the_period_starts_it_on_the_birth_and_adds_all_six_weeks() -> None:
    f = schutzfristen(TERMIN, date(2026, 4, 1), fruehgeburt=True)
    assert (f.beginn, f.verloren, f.ende) == (date(2026, 4, 1), 42, date(2026, 8, 5))


def test_twins_on_the_due_date_get_12_weeks() -> None:
    f = schutzfristen(TERMIN, TERMIN, mehrlinge=True)
    assert (f.ende, f.tage) == (date(2026, 9, 7), 42 + 1 + 84)
    assert monate_mit_mutterschaftsleistungen(f.geburt, f.ende) == {1, 2, 3}


def test_twins_seven_weeks_early_get_12_weeks_and_the_whole_lost_period() -> None:
    f = schutzfristen(date(2026, 10, 29), date(2026, 9, 10), mehrlinge=True)
    assert (f.verloren, f.ende) == (42, date(2027, 1, 14))
    assert monate_mit_mutterschaftsleistungen(f.geburt, f.ende) == {1, 2, 3, 4, 5}


def test_a_disability_found_within_8_weeks_gives_12_weeks_on_request() -> None:
    assert schutzfristen(TERMIN, TERMIN, behinderung=True).ende == date(2026, 9, 7)


def test_a_late_birth_lengthens_the_period_before_it() -> None:
    f = schutzfristen(TERMIN, date(2026, 6, 20))
    assert (f.beginn, f.ende, f.tage) == (date(2026, 5, 4), date(2026, 8, 15), 104)


def test_the_engine_end_for_ex_money_020_is_12_november_2025() -> None:
    assert schutzfristen(date(2025, 9, 17), date(2025, 9, 17)).ende == date(2025, 11, 12)


@pytest.mark.parametrize("woche, wochen, ende", [
    (12, 0, None), (13, 2, date(2025, 7, 24)), (16, 2, date(2025, 7, 24)), (17, 6, date(2025, 8, 21)),
    (20, 8, date(2025, 9, 4)), (23, 8, date(2025, 9, 4)),
])
def test_graded_protection_after_a_miscarriage_from_the_13th_week(woche: int, wochen: int, ende: date | None) -> None:
    s = schutzfrist_fehlgeburt(date(2025, 7, 10), woche)
    assert (s.wochen, s.ende) == (wochen, ende)
    assert s.kuendigungsschutz_bis == (date(2025, 11, 10) if woche > 12 else None)


def test_no_miscarriage_period_before_1_june_2025() -> None:
    s = schutzfrist_fehlgeburt(date(2025, 5, 20), 18)
    assert (s.wochen, s.ende, s.kuendigungsschutz_bis) == (0, None, date(2025, 9, 20))


def test_the_three_months_before_the_period_are_february_to_april() -> None:
    assert bemessungsmonate(date(2026, 5, 4)) == [(2026, 2), (2026, 3), (2026, 4)]
    assert bemessungsmonate(date(2026, 1, 20)) == [(2025, 10), (2025, 11), (2025, 12)]


def test_benefits_md_example_2100_net_gives_1287_from_the_kasse_and_5643_from_the_employer() -> None:
    m = mutterschaftsgeld(schutzfristen(TERMIN), "employee", "statutory_member", [D("2100")] * 3)
    assert (m.netto_tag, m.kasse_tag, m.zuschuss_tag) == (D("70.00"), D("13"), D("57.00"))
    assert (m.kasse_gesamt, m.zuschuss_gesamt, m.bas_gesamt, m.tage) == (D("1287"), D("5643.00"), 0, 99)
    assert m.zahler == "krankenkasse" and m.anrechenbar
    assert any("§ 20 Abs. 1" in line for line in m.explanation.render("de"))


def test_fluctuating_pay_divides_by_the_real_calendar_days() -> None:
    m = mutterschaftsgeld(schutzfristen(TERMIN), "employee", "statutory_member", [D("2100")] * 3, festes_gehalt=False)
    assert m.netto_tag == D("70.79")  # 6,300 / 89 days (February to April 2026)


def test_a_family_insured_minijob_gets_210_from_the_bas_and_the_supplement() -> None:
    m = mutterschaftsgeld(schutzfristen(TERMIN), "minijob", "family_insured", [D("556")] * 3)
    assert (m.netto_tag, m.bas_gesamt, m.kasse_gesamt) == (D("18.53"), D("210"), 0)
    assert m.zuschuss_gesamt == D("5.53") * 99 and m.zahler == "bas" and m.anrechenbar


def test_a_low_daily_net_is_paid_in_full_by_the_kasse_without_supplement() -> None:
    m = mutterschaftsgeld(schutzfristen(TERMIN), "employee", "statutory_member", [D("300")] * 3)
    assert (m.kasse_tag, m.kasse_gesamt, m.zuschuss_gesamt) == (D("10.00"), D("990.00"), 0)


def test_bas_without_supplement_is_not_set_off_against_elterngeld() -> None:
    m = mutterschaftsgeld(schutzfristen(TERMIN), "minijob", "private", [D("300")] * 3)
    assert m.bas_gesamt == D("210") and m.zuschuss_gesamt == 0 and not m.anrechenbar


@pytest.mark.parametrize("kind, insurance, sick_pay, payer", [
    ("self_employed", "statutory_member", True, "krankengeld"),
    ("self_employed", "statutory_member", False, "keins"),
    ("self_employed", "private", True, "krankentagegeld"),
    ("none", "family_insured", True, "keins"),
])
def test_without_employment_the_payer_depends_on_the_insurance(kind: str, insurance: str, sick_pay: bool,
                                                                payer: str) -> None:
    m = mutterschaftsgeld(schutzfristen(TERMIN), kind, insurance, krankengeldanspruch=sick_pay)  # type: ignore[arg-type]
    assert m.zahler == payer and m.gesamt == 0


def test_every_public_rule_function_of_mutterschutz_and_elternzeit_cites_its_legal_basis() -> None:
    import inspect

    from workbench.rules.elternzeit import fristen, zeitraeume
    from workbench.rules.mutterschutz import mutterschaftsgeld as geld
    from workbench.rules.mutterschutz import schutzfristen as fristen_ms

    missing = [f"{m.__name__}.{name}" for m in (fristen, zeitraeume, geld, fristen_ms)
               for name, fn in inspect.getmembers(m, inspect.isfunction)
               if fn.__module__ == m.__name__ and not name.startswith("_") and "Rechtsgrundlage:" not in (fn.__doc__ or "")]
    assert not missing, missing


def test_every_parameter_carries_a_reference_and_unverified_ones_say_so() -> None:
    from workbench.parameters import parameters

    ms = parameters("mutterschutz")
    assert "nicht verifiziert" in ms.reference("tage_je_monat_festes_gehalt", date(2026, 1, 1))
    assert ms.value("mutterschaftsgeld_hoechstens_tag", date(2026, 1, 1)) == 13
    ez = parameters("elternzeit")
    assert ez.value("teilzeit_hoechstens_stunden", date(2021, 8, 31)) == 30
    assert ez.value("teilzeit_hoechstens_stunden", date(2021, 9, 1)) == 32


def test_was_aendert_sich_compares_the_mutterschaftsgeld_of_the_example_families() -> None:
    from workbench.maintenance.families import load_families, mutterschaftsgeld_total

    families = {f.id: f for f in load_families()}
    assert mutterschaftsgeld_total(families["angestellt-3000"], date(2026, 6, 15)) == D("1287")  # 13 € x 99 days
    assert mutterschaftsgeld_total(families["minijob"], date(2026, 6, 15)) == D("210")
    assert mutterschaftsgeld_total(families["ohne-einkommen"], date(2026, 6, 15)) == 0


@pytest.mark.parametrize(("geburt", "vor_ende"), [
    (TERMIN, date(2026, 6, 14)),                 # on the due day: 4 May to Sunday 14 June, 42 days
    (date(2026, 6, 1), date(2026, 5, 31)),       # 14 days early: the period before is cut to 4 to 31 May
    (date(2026, 6, 20), date(2026, 6, 19)),      # 5 days late: it lengthens to 19 June (§ 3 Abs. 1 Satz 4 MuSchG)
])
def test_the_period_before_the_birth_ends_the_day_before_it(geburt: date, vor_ende: date) -> None:
    # § 3 Abs. 1 MuSchG: "in den letzten sechs Wochen vor der Entbindung"; the day of birth opens the period after
    # it (§ 3 Abs. 2 MuSchG "bis zum Ablauf von acht Wochen nach der Entbindung"), so it is not in the period before
    f = schutzfristen(TERMIN, geburt)
    assert f.vor_geburt_ende == vor_ende
    assert f.beginn == date(2026, 5, 4)
    assert (f.vor_geburt_ende - f.beginn).days + 1 + (f.ende - f.geburt).days + 1 == f.tage  # no day counted twice


def test_a_birth_before_the_period_would_begin_leaves_no_period_before_it() -> None:
    f = schutzfristen(TERMIN, date(2026, 4, 1), fruehgeburt=True)
    assert f.beginn == date(2026, 4, 1) and f.vor_geburt_ende == date(2026, 3, 31)  # ends before it begins: empty
    assert not f.hat_zeit_vor_geburt
    assert schutzfristen(TERMIN).hat_zeit_vor_geburt
