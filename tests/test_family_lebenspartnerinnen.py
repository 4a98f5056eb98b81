"""Two mothers in a registered civil partnership (tests/cases/familien/lebenspartnerinnen.json).

Deniz (A) is entered first; Sophie (B) gave birth to Ella on 14 Apr 2026 and receives Mutterschaftsgeld. Until the
Stiefkindadoption Ella's only legal parent in the household is Sophie (``parents: ["B"]``). Nothing may take the
first parent for the mother, and Deniz' Elterngeld rests on § 1 Abs. 3 Satz 1 Nr. 2 BEEG (the partner's child; a
civil partnership is treated like a marriage – see the module docstring of rules/elterngeld/berechtigung.py).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from workbench.case import load_case
from workbench.evaluation.elterngeld.aufnahme import relations
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.kita import kita_result
from workbench.evaluation.lebenslagen import elternzeit_result, mutterschutz_result
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.forms.produce import default_applicant
from workbench.forms.registry import get_map
from workbench.report.leistungscheck import check_json

D = Decimal
FAMILY = Path(__file__).resolve().parent / "cases" / "familien" / "lebenspartnerinnen.json"


def test_the_birth_mother_gets_her_elterngeld_after_the_mutterschutz_and_the_co_mother_hers() -> None:
    case = load_case(FAMILY)
    assert relations(case) == {"A": "stiefkind_ehe", "B": "elternteil"}
    result = compute_elterngeld(case)
    deniz, sophie = result.parents["A"], result.parents["B"]
    # Sophie: 7,000 € gross, class IV → Elterngeld-Netto above 2,770 € → Höchstbetrag 1,800 € (§ 2 Abs. 1 BEEG);
    # Lebensmonate 1–2 (14 Apr – 13 Jun) hold her Mutterschaftsgeld up to 9 Jun: 0 € (§ 3 Abs. 1 Satz 1 Nr. 1 BEEG)
    assert [m.amount for m in sophie.months] == [D("0")] * 2 + [D("1800")] * 10 and sophie.total == D("18000")
    # Deniz: the same pay, Lebensmonate 13–14: 2 × 1,800 € = 3,600 €; together 21,600 €
    assert [(m.month, m.amount) for m in deniz.months] == [(13, D("1800")), (14, D("1800"))]
    assert result.valid and result.total == D("21600")


def test_the_mutterschutz_is_the_birth_mothers_not_the_first_parents() -> None:
    ms = mutterschutz_result(load_case(FAMILY))
    assert ms is not None and ms.mother == "B" and ms.fristen is not None and ms.geld is not None
    # 6 weeks before 14 Apr = 3 Mar; 8 weeks after = 9 Jun 2026 (§ 3 MuSchG)
    assert (ms.fristen.beginn, ms.fristen.ende) == (date(2026, 3, 3), date(2026, 6, 9))
    # 3 × 4,000 € net / 90 days = 133.33 €: Krankenkasse 13 € a day, employer 120.33 € (§ 19 Abs. 1, § 20 MuSchG);
    # 99 days: 1,287.00 € + 11,912.67 € = 13,199.67 €
    assert ms.geld.gesamt == D("13199.67")


def test_the_nrw_form_puts_the_birth_mother_in_the_mother_column() -> None:
    assert default_applicant(load_case(FAMILY), get_map("elterngeld-nrw")) == "B"


def test_the_nrw_form_takes_the_parent_who_gives_birth_before_any_mutterschutz_data() -> None:
    # early in a pregnancy only "bringt das Kind zur Welt" is known: no Mutterschutz data, no Mutterschaftsgeld yet
    import json

    data = json.loads(FAMILY.read_text(encoding="utf-8"))
    data.pop("mutterschutz", None)
    for parent in data["household"]["parents"]:
        parent["maternity_benefit"] = False
    data["household"]["parents"][1]["gives_birth"] = True
    assert default_applicant(load_case(data), get_map("elterngeld-nrw")) == "B"


def test_both_partners_may_receive_the_kindergeld_and_decide_between_them() -> None:
    out = check_json(leistungscheck(load_case(FAMILY), date(2026, 7, 1)), "de")
    assert out["benefits"]["kindergeld"]["monthly"] == 259.0
    # § 63 Abs. 1 Satz 1 Nr. 2 with § 2 Abs. 8 EStG: the civil partner who took the child in is entitled too
    kg = [h["text"] for h in out["hints"] if h["key"] == "leistungen.hint.kg_bestimmen"]
    assert kg == ["Kindergeld für Ella: berechtigt sind Deniz / Sophie – im gemeinsamen Haushalt bestimmen sie "
                  "untereinander, wer es bekommt, und sagen es der Familienkasse (§ 64 Abs. 2 Satz 2 EStG)."]


def test_elternzeit_of_both_mothers() -> None:
    ez = elternzeit_result(load_case(FAMILY), today=date(2026, 3, 1))
    assert ez is not None and not ez.findings
    # Sophie from the day after her Mutterschutz (10 Jun 2026), notice 7 weeks before: 22 Apr 2026 (§ 16 Abs. 1)
    assert ez.periods[0].anmeldefrist == date(2026, 4, 22)
    assert ez.lebensmonate["A"] == [13, 14]


def test_kita_claim_from_ellas_first_birthday() -> None:
    result = kita_result(load_case(FAMILY))
    assert result is not None and result.termine.anspruch_ab == date(2027, 4, 14)


def test_the_handout_names_both_mothers() -> None:
    from workbench.report.handout import handout_pdf

    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(load_case(FAMILY)))).pages)
    assert "21.600,00 €" in text and "Deniz" in text and "Sophie" in text
