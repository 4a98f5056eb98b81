"""Stand 2027 (verify9): the values for 1 January 2027 that are published, and the honest flag for the rest.

Published and entered: the Minijob limit (Geringfügigkeitsgrenze) of 2027. § 1 Nr. 2 of the Fünfte
Mindestlohnanpassungsverordnung of 5 November 2025 (BGBl. 2025 I Nr. 268) sets the minimum wage from
1 January 2027 at 14.60 €; § 8 Abs. 1a SGB IV: limit = minimum wage × 130 / 3, rounded up to a full euro:
14.60 × 130 / 3 = 632.67 → 633 €. Every expected figure below is worked by hand from that law.

Not published (in the sources this session could read): every other yearly value. A 2027 result uses
the latest value and says so (ADR 0019); docs/maintainers.md "Stand 2027" lists exactly these parameters,
and the test below keeps that list and the parameter files in step.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.test_year_walk import run, walk_case
from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.parameter_tracking import provisional_lines, provisional_note
from workbench.parameters import parameter_files, parameters
from workbench.rules.leistungen.nettoeinkommen import (Arbeit, beitragsbemessung_arbeitnehmer, beschaeftigungsart,
                                                        nettoeinkommen)

D = Decimal
JULY_2026, MARCH_2027, JULY_2027 = date(2026, 7, 1), date(2027, 3, 1), date(2027, 7, 1)
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "leistungscheck-alleinerziehend.json"


@pytest.mark.parametrize(("gross", "on", "art"), [
    (D(633), JULY_2027, "minijob"), (D("633.01"), JULY_2027, "midijob"),
    (D(620), JULY_2026, "midijob"), (D(620), JULY_2027, "minijob"),   # 620 €: above 603 € (2026), below 633 € (2027)
])
def test_the_minijob_limit_of_2027_is_633_euro_para_8_abs_1a_sgb_iv(gross: Decimal, on: date, art: str) -> None:
    assert beschaeftigungsart("employee", gross, on) == art


def test_an_invented_620_euro_job_is_a_minijob_in_2027_without_contributions() -> None:
    """Lena (invented) earns 620 € a month: 2026 a Midijob with contributions, 2027 a Minijob without (§ 8 SGB IV)."""
    work = Arbeit("employee", D(620), 2, 1)
    assert nettoeinkommen(work, JULY_2026).abgaben.summe > 0
    netto = nettoeinkommen(work, JULY_2027)
    assert (netto.art, netto.net_monthly, netto.abgaben.summe, netto.zve_year) == ("minijob", D(620), D(0), D(0))


def test_the_midijob_base_of_2027_uses_the_new_limit_para_20_abs_2a_sgb_iv() -> None:
    # 2,000 / (2,000 − 633) × (1,200 − 633) = 1,134,000 / 1,367 = 829.553… → 829.55 €
    assert beitragsbemessung_arbeitnehmer(D(1200), JULY_2027) == D("829.55")


def test_the_2027_minijob_limit_is_entered_for_the_leistungscheck_and_elterngeld_and_2028_is_due() -> None:
    for benefit in ("leistungen", "elterngeld"):
        limit = parameters(benefit).parameter("geringfuegigkeitsgrenze_m")
        assert parameters(benefit).value("geringfuegigkeitsgrenze_m", date(2027, 1, 1)) == D(633)
        assert not limit.provisional_on(MARCH_2027)
        assert limit.next_update() == date(2028, 1, 1) and limit.provisional_on(date(2028, 1, 1))
        assert "BGBl. 2025 I Nr. 268" in parameters(benefit).reference("geringfuegigkeitsgrenze_m", date(2027, 1, 1))


def test_a_2028_birth_reads_the_2027_minijob_limit_as_entered_and_only_the_pap_as_provisional(tmp_path: Path) -> None:
    """§ 2f Abs. 2 BEEG: the limit of the year before the birth (lookup 1 January 2027, date_basis year_before_birth)."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(walk_case(date(2028, 3, 1))), encoding="utf-8")
    code, out, err = run("elterngeld", str(path))
    assert code == 0, err
    names = {p["name"] for p in json.loads(out)["provisional"]}
    assert "geringfuegigkeitsgrenze_m" not in names
    assert {"grundfreibetrag", "tarif_32a", "gkv_zusatzbeitrag_pap"} <= names  # PAP 2027 and Zusatzbeitrag 2027 missing


EXPECTED_MISSING_2027 = {
    ("elterngeld", "gkv_zusatzbeitrag_pap"), ("grundsicherung", "regelbedarf_m"),
    ("grundsicherung", "kdu_angemessenheitsgrenze_bochum_m"),
    ("kinderzuschlag", "hoechstbetrag_m"), ("kinderzuschlag", "wohnkosten_existenzminimum_y"),
    ("leistungen", "kindergeld_betrag_m"), ("leistungen", "kinderfreibetrag_saechlich_y"),
    ("leistungen", "uvg_mindestunterhalt_m"), ("leistungen", "but_schulbedarf_y"),
    ("leistungen", "kv_zusatzbeitrag_durchschnitt"), ("pflege", "bbg_kv_y"),
    ("steuer", "grundfreibetrag"), ("steuer", "tarif_32a"), ("steuer", "stkl5_grenzwerte"),
    ("steuer", "kinderfreibetrag_zkf"), ("steuer", "kinderfreibetrag_zkf_stkl4"), ("steuer", "soli_freigrenze"),
    ("steuer", "bbg_rv"), ("steuer", "bbg_kvpv"),
    ("wohngeld", "hoechstbetraege_m"), ("wohngeld", "koeffizienten"), ("wohngeld", "zuschlag_grosse_haushalte_m"),
    ("wohngeld", "mindestwerte_m_y"), ("wohngeld", "mietstufen"),
}


def missing_on(on: date) -> set[tuple[str, str]]:
    return {(benefit, name) for benefit in parameter_files() for name, p in parameters(benefit).parameters.items()
            if p.provisional_on(on)}


def test_exactly_these_values_are_still_missing_for_2027() -> None:
    """Each periodically renewed parameter without a 2027 value; the Pflege amounts are due only on 1.1.2028."""
    assert missing_on(MARCH_2027) == EXPECTED_MISSING_2027
    assert not {name for benefit, name in missing_on(MARCH_2027) if benefit == "pflege"} - {"bbg_kv_y"}


def test_the_maintainers_guide_lists_the_missing_2027_values() -> None:
    text = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    section = text.split("## Stand 2027", 1)[1].split("\n## ", 1)[0]
    missing_part = section.split("Still missing", 1)[1]
    listed = set(re.findall(r"`([a-z]+)\.([a-z0-9_]+)`", missing_part))
    assert listed == EXPECTED_MISSING_2027
    assert "`leistungen.geringfuegigkeitsgrenze_m`" in section.split("Still missing", 1)[0]


def test_a_2027_leistungscheck_is_provisional_per_benefit_and_names_each_missing_value() -> None:
    """The invented single mother of the example (Lena, two children, Bochum) on 1 March 2027: every benefit is
    computed (never refused) with the latest values and says which of its values are missing and where they
    will be published."""
    check = leistungscheck(load_case(json.loads(EXAMPLE.read_text(encoding="utf-8"))), MARCH_2027)
    names = {(p.benefit, p.name) for p in check.provisional}
    assert names <= EXPECTED_MISSING_2027
    assert {("leistungen", "kindergeld_betrag_m"), ("leistungen", "uvg_mindestunterhalt_m"),
            ("leistungen", "but_schulbedarf_y"), ("grundsicherung", "regelbedarf_m"),
            ("kinderzuschlag", "hoechstbetrag_m"), ("wohngeld", "hoechstbetraege_m")} <= names
    assert ("leistungen", "geringfuegigkeitsgrenze_m") not in names
    assert all(p.published_in and p.due == date(2027, 1, 1) for p in check.provisional)
    expected = {"kindergeld": {"kindergeld_betrag_m"}, "unterhaltsvorschuss": {"uvg_mindestunterhalt_m"},
                "bildung_teilhabe": {"but_schulbedarf_y"}, "kinderzuschlag": {"hoechstbetrag_m", "regelbedarf_m"},
                "wohngeld": {"hoechstbetraege_m", "koeffizienten", "regelbedarf_m"}}
    for benefit, wanted in expected.items():
        result = check.results[benefit]
        assert result.monthly is not None and wanted <= {p.name for p in result.provisional}, benefit
    assert provisional_note(check.results["kindergeld"].provisional) == \
        "vorläufig: Werte für 2027 noch nicht hinterlegt – Stand der Werte: 2026"
    # the advisor's lines name the missing value, its Stand and where the new one is published
    assert provisional_lines(check.results["unterhaltsvorschuss"].provisional)[0].startswith(
        "Mindestunterhalt der Altersstufen 0-5 (Leistungscheck): Stand 2026, neuer Wert erwartet ab 01.01.2027, "
        "veröffentlicht in: Mindestunterhaltsverordnung des BMJ")
    assert any(line.startswith("Kindergeld je Kind und Monat (Leistungscheck): Stand 2026")
               for line in provisional_lines(check.results["kindergeld"].provisional))
    # § 66 Abs. 1 EStG: 259 € a child until a law changes it (two children)
    assert check.results["kindergeld"].monthly == D(518)
