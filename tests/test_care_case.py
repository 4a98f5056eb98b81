"""Optional case parts care / kita / vorsorge, the no-children rule (ADR 0011) and their handout sections."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from workbench.case import load_case
from workbench.report import topic_pdf
from workbench.report.kita import kita_sections
from workbench.report.pflege import pflege_sections
from workbench.report.vorsorge import vorsorge_pdf, vorsorge_sections
from workbench.errors import CaseError
from workbench.report import HandoutSection


def care_case(**extra: Any) -> dict[str, Any]:
    """Invented family: Aylin (42, works 39 h at a firm of 120) cares for her mother Gül, Pflegegrad 3."""
    return {
        "format": "workbench-case/1", "case_id": "PF-TEST-1",
        "household": {"parents": [{"id": "A", "name": "Aylin"}]},
        "care": {"recipient": {"name": "Gül", "relation": "parent", "pflegegrad": 3, "sach_percent": 40},
                 "carer": {"parent": "A", "employer_employees": 120, "hours_per_week": 39, "hours_during": 20,
                           "net_monthly": 2400, "net_monthly_during": 1500, "start": "2026-03-02"}},
        **extra,
    }


def test_a_household_with_a_relative_needing_care_but_no_child_is_a_valid_case() -> None:
    case = load_case(care_case())
    assert case.household.children == [] and case.care is not None and case.care.recipient.pflegegrad == 3


def test_a_case_without_children_and_without_care_or_vorsorge_is_refused_with_a_message() -> None:
    raw = care_case()
    del raw["care"]
    with pytest.raises(CaseError) as error:
        load_case(raw)
    assert error.value.messages == ["household.children: mindestens ein Kind eintragen – ein Fall ohne Kinder "
                                    "ist nur als Pflege- oder Vorsorgefall möglich"]


def test_a_vorsorge_case_needs_no_child_either() -> None:
    raw = care_case(vorsorge={"person": "Gül"})
    del raw["care"]
    assert load_case(raw).vorsorge is not None


def test_old_case_files_without_the_new_parts_load_unchanged() -> None:
    raw = {"format": "workbench-case/1", "case_id": "alt",
           "household": {"parents": [{"id": "A"}], "children": [{"id": "K1", "birth_date": "2026-01-01"}]}}
    case = load_case(raw)
    assert case.care is None and case.kita is None and case.vorsorge is None


def test_the_carer_must_be_a_parent_of_the_household_and_the_kita_child_a_child() -> None:
    raw = care_case()
    raw["care"]["carer"]["parent"] = "B"
    with pytest.raises(CaseError, match=r"care\.carer\.parent"):
        load_case(raw)
    raw = care_case(kita={"child": "K9"})
    with pytest.raises(CaseError, match=r"kita\.child"):
        load_case(raw)


def test_hours_during_familienpflegezeit_above_today_are_refused_at_the_field() -> None:
    raw = care_case()
    raw["care"]["carer"]["hours_during"] = 40
    with pytest.raises(CaseError, match=r"care\.carer\.hours_during: die Wochenstunden"):
        load_case(raw)


def test_pflege_sections_lay_the_options_side_by_side_with_monthly_and_yearly_amounts() -> None:
    sections = pflege_sections(load_case(care_case()), "de", on=date(2026, 4, 1))
    options, leave = sections
    assert options.rows[1] == ("Nur Pflegegeld (Angehörige pflegen)", "599,00 €", "0,00 €", "7.188,00 €")
    assert options.rows[2] == ("Nur Sachleistung (Pflegedienst)", "0,00 €", "1.497,00 €", "17.964,00 €")
    assert options.rows[3] == ("Kombination: 40 % Pflegedienst", "359,40 €", "598,80 €", "11.498,40 €")
    assert any("3.539,00 €" in p and "131,00 €" in p for p in options.paragraphs)
    assert any("Bitte prüfen" in p for p in options.paragraphs)
    assert leave.rows[1] == ("Kurzzeitige Arbeitsverhinderung", "ja", "72,00 € je Tag, bis 720,00 €")
    assert leave.rows[2] == ("Pflegezeit", "ja", "Darlehen 1.200,00 € im Monat, bis 7.200,00 €")
    assert leave.rows[3] == ("Familienpflegezeit", "ja", "Darlehen 450,00 € im Monat, bis 10.800,00 €")
    # start 2 March 2026, looked at on 1 April 2026: both notice periods have ended
    assert "Familienpflegezeit: die Ankündigungsfrist für den gewünschten Beginn ist am 05.01.2026 abgelaufen " \
           "– späteren Beginn wählen." in leave.paragraphs
    before = pflege_sections(load_case(care_case()), "de", on=date(2025, 12, 1))[1]
    assert "Pflegezeit: schriftlich ankündigen spätestens am 16.02.2026 (Feiertage nicht abgezogen)." in before.paragraphs


def test_pflege_sections_in_english() -> None:
    options, leave = pflege_sections(load_case(care_case()), "en", on=date(2026, 4, 1))
    assert options.rows[3] == ("Combination: 40 % home-care service", "€359.40", "€598.80", "€11,498.40")
    assert leave.rows[0] == ("Time off", "Claim", "Money")


def kita_case(**kita: Any) -> dict[str, Any]:
    return {"format": "workbench-case/1", "case_id": "KI-TEST-1",
            "household": {"parents": [{"id": "A", "name": "Mara"}, {"id": "B", "name": "Jan"}],
                          "children": [{"id": "K1", "birth_date": "2025-03-14"}]},
            "kita": {"child": "K1", "start": "2026-08-01", "hours": 35, **kita}}


def test_kita_sections_show_the_dates_and_a_free_place_up_to_40000_euro() -> None:
    dates, fee, steps = kita_sections(load_case(kita_case(household_income_y=38000)), "de")
    table = dict(dates.rows[1:])
    assert table["Rechtsanspruch ab (1. Geburtstag, § 24 Abs. 2 SGB VIII)"] == "14.03.2026"
    assert table["Voranmeldung spätestens (6 Monate vorher, § 5 Abs. 1 KiBiz)"] == "01.02.2026"
    assert table["Beitragsfrei vor der Schule ab (§ 50 KiBiz)"] == "01.08.2029"
    assert fee.paragraphs[0].startswith("Kein Elternbeitrag (0 €): Jahresbruttoeinkommen bis 40.000,00 €")
    assert "kitaportal-bochum.de" in steps.paragraphs[0]


def test_kita_sections_above_40000_euro_say_satzung_pruefen_and_name_no_amount() -> None:
    _, fee, _ = kita_sections(load_case(kita_case(household_income_y=52000)), "de")
    assert fee.paragraphs[0].startswith("Satzung prüfen") and "€" not in fee.paragraphs[0]


def test_kita_sections_with_wohngeld_are_free() -> None:
    _, fee, _ = kita_sections(load_case(kita_case(household_income_y=52000, transfer="wohngeld")), "en")
    assert fee.paragraphs[0] == ("No parental fee (€0): you receive Wohngeld (§ 90 Abs. 4 SGB VIII). "
                                 "Show the notice to the Jugendamt.")


def vorsorge_case() -> dict[str, Any]:
    return {"format": "workbench-case/1", "case_id": "VO-TEST-1", "household": {"parents": [{"id": "A"}]},
            "vorsorge": {"person": "Helga", "documents": ["vollmacht", "patientenverfuegung"], "agents": 2,
                         "certification": True, "done": ["v_zweck", "p_zweck"]}}


def test_vorsorge_sections_list_each_document_with_done_and_open_points_and_the_costs() -> None:
    sections = vorsorge_sections(load_case(vorsorge_case()), "de", on=date(2026, 1, 15))
    assert [s.heading for s in sections[:2]] == ["Vorsorgevollmacht", "Patientenverfügung"]
    assert sections[0].paragraphs[0].startswith("☑ Wer soll für mich entscheiden")
    assert sections[0].paragraphs[1].startswith("☐ ")
    summary = sections[-1].paragraphs
    assert summary[0] == "2 von 11 Punkten erledigt."
    assert summary[1] == "Kosten nach Ihrer Auswahl: Beglaubigung 10,00 €, Registrierung 15,50 €, zusammen 25,50 € (einmalig)."
    assert summary[2].startswith("Keine Rechtsberatung")


def test_the_vorsorge_summary_is_a_pdf_with_the_family_wording(tmp_path: Any) -> None:
    import pdfplumber

    data = vorsorge_pdf(load_case(vorsorge_case()), "de", on=date(2026, 1, 15))
    path = tmp_path / "vorsorge.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        words = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Vorsorge für Helga" in words and "Keine Rechtsberatung" in words and "25,50 €" in words


def test_topic_sections_can_join_the_family_handout() -> None:
    from workbench.report import handout_pdf

    raw = kita_case(household_income_y=38000)
    raw["household"]["children"].append({"id": "K2", "birth_date": "2026-06-15", "expected": True})
    raw["elterngeld_plan"] = {"child": "K2", "months": {"A": "BBBBBBBBBBBB", "B": "BB"}}
    raw["household"]["parents"][0]["income_before_birth"] = {"kind": "employee", "gross_monthly": 3000}
    case = load_case(raw)
    sections: list[HandoutSection] = kita_sections(case, "de")
    assert handout_pdf(case, "de", sections=sections)[:4] == b"%PDF"
    assert topic_pdf("Titel", "Intro", sections)[:4] == b"%PDF"


def test_no_sections_without_the_topic() -> None:
    case = load_case(kita_case())
    assert pflege_sections(case) == [] and vorsorge_sections(case) == []
    assert D(0) == 0


def test_a_long_section_heading_wraps_on_the_page_instead_of_running_off_it() -> None:
    # walk9: the Pflege sheet's heading ended "… (Pflegegrad 3, Stand 07.12.202" at the page's right edge
    import io

    import pdfplumber

    case = load_case(care_case(care={**care_case()["care"],
                                     "recipient": {**care_case()["care"]["recipient"], "name": "Hildegard"}}))
    sections = pflege_sections(case, "de", on=date(2026, 12, 7))
    pdf = topic_pdf("Pflege von Angehörigen – Merkblatt für die Familie", "", sections)
    assert sections[0].heading.endswith("Stand 07.12.2026)"), sections[0].heading
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        outside = [w["text"] for w in page.extract_words() if w["x1"] > page.width - 10]
    assert not outside, outside
