"""Lohnsteuer PAP 2024–2026: official check values, Elterngeldrechner values, invariants.

Sources of the expected values
------------------------------
PRUEF_*  "Allgemeine" and "Besondere Prüftabelle" printed in the annex of each year's BMF
         Programmablaufplan (Jahreslohnsteuer in full euros, LZZ = 1, no Kinderfreibeträge,
         PVZ = 1 except StKl II). Read from the transcription in the federal
         Elterngeldrechner, github.com/digitalservicebund/elterngeldrechner,
         src/lohnsteuerrechner/programmablaufplan/PAP_2024.ts and PAP_2025.ts of the snapshot
         d2ca5a16 (PAP 2024: "geänderter PAP 2024, Anwendung ab 1. April 2024", BMF 2024-02-23;
         PAP 2025: "geänderter PAP 2025", BMF 2024-11-22). The 2026 rows are NOT in that
         snapshot (it ends with PAP 2025): they come from PAP_2026.ts of the later commit
         75d95243, whose header still names the PAP-2025 document of 2024-11-22 (a copy
         left-over there, the constants are 2026's: Grundfreibetrag 12,348 €); the BMF date
         of the PAP 2026 is not verified. The PAP 2026 is checked independently against the
         BMF-Steuerrechner 2026 in tests/test_lohnsteuer_bmf_2026.py (18 cases via GETTSIM).
         Conditions: Allgemein = gesetzlich versichert, RV- und AV-pflichtig, KVZ 1.7 / 2.5 / 2.9;
         Besonders = nicht RV-pflichtig, privat versichert (PKV=1), PKPV 0 (2024/2025) resp.
         300 €/Monat, StKl III 500 €, StKl VI 0 (2026), 2026 nicht AV-pflichtig.
EGR_*    monthly LSt + Soli (+ 8 % Kirchensteuer) that the federal Elterngeldrechner computes
         for its own examples (brief of the workbench, reference/elterngeld.md B3).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.errors import UnsupportedPeriod
from workbench.rules.steuer.lohnsteuer import LohnsteuerInput, kirchensteuer, lohnsteuer
from workbench.rules.steuer.tarif import Tarif, tarifliche_einkommensteuer
from workbench.parameters import parameters

D = Decimal

# (year, Jahreslohn, Steuerklasse, Jahreslohnsteuer) – Allgemeine Prüftabelle
PRUEF_ALLGEMEIN = [
    (2024, 50000, 1, 7177), (2024, 50000, 2, 5940), (2024, 50000, 3, 3270), (2024, 50000, 4, 7177),
    (2024, 50000, 5, 12344), (2024, 50000, 6, 12875),
    (2024, 100000, 1, 24679), (2024, 100000, 2, 23047), (2024, 100000, 3, 16298),
    (2024, 100000, 4, 24679), (2024, 100000, 5, 31242), (2024, 100000, 6, 31774),
    (2025, 5000, 1, 0), (2025, 5000, 5, 373), (2025, 5000, 6, 550),
    (2025, 17500, 1, 88), (2025, 17500, 5, 1778), (2025, 17500, 6, 2007),
    (2025, 22500, 2, 75), (2025, 22500, 5, 3172), (2025, 32500, 3, 78), (2025, 32500, 6, 7024),
    (2025, 50000, 1, 6927), (2025, 50000, 2, 5707), (2025, 50000, 3, 2970), (2025, 50000, 4, 6927),
    (2025, 50000, 5, 12135), (2025, 50000, 6, 12667),
    (2025, 87500, 3, 11852), (2025, 87500, 4, 18929), (2025, 87500, 5, 25698), (2025, 87500, 6, 26230),
    (2025, 100000, 1, 23824), (2025, 100000, 2, 22201), (2025, 100000, 3, 15510),
    (2025, 100000, 5, 30593), (2025, 100000, 6, 31125),
    (2026, 5000, 5, 372), (2026, 5000, 6, 558), (2026, 17500, 1, 51), (2026, 17500, 5, 1778),
    (2026, 17500, 6, 1956), (2026, 22500, 2, 32), (2026, 35000, 3, 294),
    (2026, 50000, 1, 6788), (2026, 50000, 2, 5580), (2026, 50000, 3, 2810), (2026, 50000, 4, 6788),
    (2026, 50000, 5, 12010), (2026, 50000, 6, 12542),
    (2026, 100000, 4, 23248), (2026, 100000, 5, 30157), (2026, 100000, 6, 30689),
    (2026, 110000, 1, 27393), (2026, 110000, 2, 25779), (2026, 110000, 3, 18252),
    (2026, 110000, 5, 34302), (2026, 110000, 6, 34834),
]
KVZ_PRUEF = {2024: D("1.7"), 2025: D("2.5"), 2026: D("2.9")}

# (year, Jahreslohn, Steuerklasse, Jahreslohnsteuer) – Besondere Prüftabelle
PRUEF_BESONDERS = [
    (2024, 5000, 5, 438), (2024, 5000, 6, 616), (2024, 15000, 1, 47), (2024, 15000, 5, 1670),
    (2024, 15000, 6, 1848), (2024, 20000, 2, 144), (2024, 27500, 3, 2),
    (2024, 100000, 1, 30068), (2024, 100000, 2, 28278), (2024, 100000, 3, 20296),
    (2024, 100000, 4, 30068), (2024, 100000, 5, 36630), (2024, 100000, 6, 37162),
    (2025, 5000, 5, 438), (2025, 5000, 6, 616), (2025, 17500, 1, 360), (2025, 17500, 6, 2691),
    (2025, 20000, 2, 69), (2025, 30000, 3, 226),
    (2025, 50000, 1, 9586), (2025, 50000, 2, 8154), (2025, 50000, 3, 4734), (2025, 50000, 5, 15527),
    (2025, 50000, 6, 16059), (2025, 100000, 1, 29758), (2025, 100000, 2, 27969),
    (2025, 100000, 3, 19884), (2025, 100000, 5, 36527), (2025, 100000, 6, 37059),
    (2026, 5000, 5, 18), (2026, 5000, 6, 700), (2026, 17500, 1, 40), (2026, 17500, 6, 3409),
    (2026, 22500, 2, 153), (2026, 32500, 3, 76),
    (2026, 50000, 1, 8880), (2026, 50000, 2, 7487), (2026, 50000, 3, 3824), (2026, 50000, 5, 14729),
    (2026, 50000, 6, 16773), (2026, 110000, 1, 33020), (2026, 110000, 2, 31231),
    (2026, 110000, 3, 22062), (2026, 110000, 5, 39929), (2026, 110000, 6, 41973),
]


@pytest.mark.parametrize(("year", "lohn", "stkl", "expected"), PRUEF_ALLGEMEIN)
def test_the_pap_reproduces_the_allgemeine_pruefungstabelle_of_the_bmf(year: int, lohn: int, stkl: int, expected: int) -> None:
    r = lohnsteuer(LohnsteuerInput(year=year, re4=D(lohn), lzz=1, stkl=stkl, kvz=KVZ_PRUEF[year], pvz=stkl != 2))
    assert r.lstlzz == D(expected)


@pytest.mark.parametrize(("year", "lohn", "stkl", "expected"), PRUEF_BESONDERS)
def test_the_pap_reproduces_the_besondere_pruefungstabelle_of_the_bmf(year: int, lohn: int, stkl: int, expected: int) -> None:
    pkpv = D(0) if year < 2026 else {3: D(500), 6: D(0)}.get(stkl, D(300))
    r = lohnsteuer(LohnsteuerInput(
        year=year, re4=D(lohn), lzz=1, stkl=stkl, pvz=stkl != 2, pkv=1, pkpv=pkpv,
        rentenversichert=False, arbeitslosenversichert=False,
    ))
    assert r.lstlzz == D(expected)


def test_a_single_earning_50000_euros_in_2025_pays_6927_euros_lohnsteuer_as_a_public_pap_readme_states() -> None:
    # Public PAP interpreter README: "2025, LZZ=1, STKL=1, RE4=50,000.00 €, KVZ=2.5, PVZ=1 → LSTLZZ 6,927.00 €".
    r = lohnsteuer(LohnsteuerInput(year=2025, re4=D(50000), lzz=1, stkl=1, kvz=D("2.5"), pvz=True))
    assert r.lstlzz == D("6927.00")


# (PAP year, gross per month, Steuerklasse, Faktor, ZKF, church, LSt + Soli (+ 8 % KiSt) per month)
EGR_MONATLICH = [
    (2024, "3250", 1, None, "0", False, "379.66"),
    (2025, "2780", 1, None, "0", True, "278.81"),
    (2024, "4650", 3, None, "0", False, "378.16"),
    (2025, "2350", 5, None, "0", False, "429.91"),
    (2025, "3450", 4, "0.9", "0", False, "368.55"),
    (2025, "4050", 4, "0.9", "0", False, "499.95"),
    (2025, "2650", 1, None, "0", False, "230.16"),
    (2024, "3150", 1, None, "0", False, "356.41"),
    (2025, "2700", 4, None, "1", False, "240.91"),
    (2024, "2900", 1, None, "0", False, "299.58"),
    (2025, "2450", 4, None, "1", False, "188.16"),
    (2024, "3350", 1, None, "0", False, "403.16"),
    (2025, "2550", 1, None, "0", False, "209.00"),
    (2024, "2850", 4, None, "0", False, "288.41"),
    (2024, "3750", 4, None, "0", False, "500.16"),
    (2025, "3050", 4, None, "0", False, "317.66"),
    (2025, "3950", 4, None, "0", False, "530.50"),
    (2024, "2350", 1, None, "0", False, "180.75"),
    (2024, "2950", 1, None, "0", False, "310.75"),
    (2025, "2600", 2, None, "0.5", False, "129.08"),
    (2025, "3000", 1, None, "0", False, "306.50"),
    (2024, "3000", 1, None, "0", False, "322.08"),
    (2025, "3000", 1, None, "0", True, "331.02"),   # 3000 − 630 − 2038.98
    (2024, "2000", 4, None, "0", False, "109.66"),  # 2000 − 420 − 1470.34
    (2024, "2500", 5, None, "0", False, "497.91"),  # 2500 − 525 − 1477.09
    (2024, "6000", 1, None, "0", False, "1161.50"), # 6000 − 1260 − 3578.50
]
KVZ_EGR = {2024: D("1.7"), 2025: D("2.5")}


@pytest.mark.parametrize(("year", "brutto", "stkl", "faktor", "zkf", "kirche", "expected"), EGR_MONATLICH)
def test_the_monthly_taxes_equal_those_of_the_federal_elterngeldrechner_to_the_cent(
    year: int, brutto: str, stkl: int, faktor: str | None, zkf: str, kirche: bool, expected: str
) -> None:
    r = lohnsteuer(LohnsteuerInput(
        year=year, re4=D(brutto), lzz=2, stkl=stkl, factor=D(faktor) if faktor else None, zkf=D(zkf),
        kvz=KVZ_EGR[year], faktor_auf_volle_euro=False,
    ))
    kist = kirchensteuer(r.bk, D("0.08")) if kirche else D(0)
    assert r.lstlzz + r.solzlzz + kist == D(expected)


def test_the_official_pap_cuts_the_faktor_result_to_full_euros_where_the_elterngeldrechner_keeps_cents() -> None:
    common = dict(year=2025, re4=D(3450), stkl=4, factor=D("0.9"), kvz=D("2.5"))
    assert lohnsteuer(LohnsteuerInput(**common)).lstlzz == D("368.50")            # 4422 € / 12
    assert lohnsteuer(LohnsteuerInput(**common, faktor_auf_volle_euro=False)).lstlzz == D("368.55")  # 4422.60 € / 12


def test_the_official_pap_cuts_the_vorsorge_teilbetraege_to_cents_where_the_elterngeldrechner_does_not() -> None:
    # ZRE4J 31,230 €: RV 2,904.39 + KV/PV 31,230 × 10.05 % = 3,138.615. PAP: cut to 3,138.61,
    # sum 6,043.00 → 6,043 €; Elterngeldrechner: 6,043.005 → 6,044 € (ADR 0002, switch 5a).
    common = dict(year=2025, re4=D("2602.50"), stkl=4, kvz=D("2.5"))
    pap = lohnsteuer(LohnsteuerInput(**common))
    egr = lohnsteuer(LohnsteuerInput(**common, vorsorge_teilbetraege_auf_cent=False))
    assert (pap.vorsorge.vsp, pap.lstlzz) == (D(6043), D("220.16"))
    assert (egr.vorsorge.vsp, egr.lstlzz) == (D(6044), D("220.08"))


def test_kinderfreibetraege_lower_only_the_church_tax_base_not_the_lohnsteuer() -> None:
    ohne = lohnsteuer(LohnsteuerInput(year=2025, re4=D(2700), stkl=4, kvz=D("2.5")))
    mit = lohnsteuer(LohnsteuerInput(year=2025, re4=D(2700), stkl=4, zkf=D(1), kvz=D("2.5")))
    assert mit.lstlzz == ohne.lstlzz and mit.bk < ohne.bk and mit.kfb == D(4800)


def test_the_soli_milderungszone_applies_just_above_the_freigrenze() -> None:
    # JBMG 20,000 € > 19,950 € (2025): 11.9 % of 50 € = 5.95 € instead of 5.5 % = 1,100 €.
    from workbench.rules.steuer.lohnsteuer import solidaritaetszuschlag_jahr
    assert solidaritaetszuschlag_jahr(D(20000), D(19950), D("0.055"), D("0.119")) == D("5.95")
    assert solidaritaetszuschlag_jahr(D(19950), D(19950), D("0.055"), D("0.119")) == D(0)


@pytest.mark.parametrize(("year", "x", "expected"), [
    # § 32a Abs. 1 EStG by hand: zone boundaries of each year.
    # The zones join: at each upper limit the next zone's formula gives the same euro amount
    # (e.g. 2024: 66,760 × 0.42 − 10,602.13 = 17,437.07 = zone-3 value), which checks the constants.
    (2024, 11604, 0), (2024, 11605, 0), (2024, 17005, 1025), (2024, 17006, 1025),
    (2024, 66760, 17437), (2024, 66761, 17437), (2024, 277825, 106084), (2024, 277826, 106084),
    (2025, 12096, 0), (2025, 17443, 1015), (2025, 68480, 17849), (2025, 277825, 105774), (2025, 300000, 115753),
    (2026, 12348, 0), (2026, 17799, 1034), (2026, 69878, 18213), (2026, 277825, 105550),
])
def test_the_tariff_of_32a_estg_gives_the_hand_computed_tax_at_the_zone_boundaries(year: int, x: int, expected: int) -> None:
    from datetime import date
    ps = parameters("steuer")
    on = date(year, 1, 1)
    tarif = Tarif.from_params(ps.value("grundfreibetrag", on), ps.value("tarif_32a", on))
    assert tarifliche_einkommensteuer(D(x), tarif) == D(expected)


def test_a_pap_year_after_2026_is_computed_provisionally_with_the_pap_2026() -> None:
    """ADR 0019: no PAP 2027 yet → the PAP 2026 answers and the yearly constants are flagged provisional."""
    from workbench.parameter_tracking import tracking

    with tracking() as used:
        provisional = lohnsteuer(LohnsteuerInput(year=2027, re4=D(3000)))
    assert provisional == lohnsteuer(LohnsteuerInput(year=2026, re4=D(3000)))
    names = {v.name for v in used.provisional}
    assert {"grundfreibetrag", "tarif_32a", "bbg_rv", "bbg_kvpv"} <= names
    assert all(v.valid_from.year == 2026 and v.published_in for v in used.provisional)


def test_a_pap_year_before_2024_is_refused_in_german_with_the_first_year() -> None:
    with pytest.raises(UnsupportedPeriod, match="Lohnsteuer-Programmablaufplan \\(Lohnsteuer\\) ist erst ab dem 01.01.2024"):
        lohnsteuer(LohnsteuerInput(year=2023, re4=D(3000)))


def test_the_kirchensteuer_is_cut_to_the_cent() -> None:
    assert kirchensteuer(D("258.16"), D("0.08")) == D("20.65")


def test_a_faktor_outside_steuerklasse_iv_is_refused() -> None:
    with pytest.raises(ValueError, match="Steuerklasse IV"):
        lohnsteuer(LohnsteuerInput(year=2025, re4=D(3000), stkl=1, factor=D("0.9")))


def test_the_official_pap_is_not_monotone_at_cent_resolution_because_the_vorsorgepauschale_is_rounded_up() -> None:
    # A documented quirk of the PAP (VSP rounded up to full euros): one more cent of wage
    # can lower the withholding by a few cents. The invariant below holds for euro steps.
    a = lohnsteuer(LohnsteuerInput(year=2025, re4=D("4920.76"), stkl=5, kvz=D("2.5")))
    b = lohnsteuer(LohnsteuerInput(year=2025, re4=D("4920.77"), stkl=5, kvz=D("2.5")))
    assert b.lstlzz < a.lstlzz


wages = st.integers(min_value=0, max_value=25_000).map(D)
years = st.sampled_from([2024, 2025, 2026])
kvzs = st.sampled_from([D("1.7"), D("2.5"), D("2.9")])


@settings(max_examples=150, deadline=None)
@given(year=years, re4=wages, stkl=st.integers(1, 6), kvz=kvzs)
@example(year=2026, re4=D(0), stkl=6, kvz=D("2.9"))
def test_taxes_are_never_negative(year: int, re4: Decimal, stkl: int, kvz: Decimal) -> None:
    r = lohnsteuer(LohnsteuerInput(year=year, re4=re4, stkl=stkl, kvz=kvz))
    assert r.lstlzz >= 0 and r.solzlzz >= 0 and r.bk >= 0


@settings(max_examples=150, deadline=None)
@given(year=years, re4=wages, step=st.integers(1, 500).map(D), stkl=st.integers(1, 6), kvz=kvzs)
@example(year=2025, re4=D(1015), step=D(1), stkl=1, kvz=D("2.5"))
def test_taxes_do_not_fall_when_the_wage_rises_by_whole_euros(
    year: int, re4: Decimal, step: Decimal, stkl: int, kvz: Decimal
) -> None:
    low = lohnsteuer(LohnsteuerInput(year=year, re4=re4, stkl=stkl, kvz=kvz))
    high = lohnsteuer(LohnsteuerInput(year=year, re4=re4 + step, stkl=stkl, kvz=kvz))
    assert high.lstlzz >= low.lstlzz
    assert high.lstlzz + high.solzlzz >= low.lstlzz + low.solzlzz


@settings(max_examples=150, deadline=None)
@given(year=years, re4=wages, kvz=kvzs)
@example(year=2024, re4=D(1000), kvz=D("1.7"))
def test_for_the_same_wage_class_iii_pays_least_then_i_then_v_then_vi(year: int, re4: Decimal, kvz: Decimal) -> None:
    lst = {k: lohnsteuer(LohnsteuerInput(year=year, re4=re4, stkl=k, kvz=kvz)).lstlzz for k in (1, 3, 5, 6)}
    assert lst[3] <= lst[1] <= lst[5] <= lst[6]
