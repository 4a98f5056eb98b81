"""Words an advisor can read aloud across the desk (issue 24): each wrong phrase, fixed at its cause."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.rules.pflege.freistellung import freistellungen


def test_a_1200_euro_loan_is_not_explained_as_below_the_minimum_rate() -> None:
    # 3.000 € net before, 600 € during Familienpflegezeit: half the difference is 1.200 € (§ 3 Abs. 2 FPfZG)
    leave = freistellungen(on=date(2026, 6, 1), employed=True, employees=40, hours=Decimal(40),
                           hours_during=Decimal(20), netto_m=Decimal(3000), netto_waehrend_m=Decimal(600))
    lines = leave.explanation.render("de")
    loan = [line for line in lines if "Darlehen" in line]
    assert any("= 1.200,00 € im Monat" in line for line in loan), loan
    assert not any("Mindestrate" in line for line in loan), loan


def test_a_loan_below_50_euro_says_why_it_is_zero() -> None:
    # 3.000 € before, 2.920 € during: half of 80 € is 40 €, below the Mindestrate of 50 € (§ 3 FPfZG)
    leave = freistellungen(on=date(2026, 6, 1), employed=True, employees=40, hours=Decimal(40),
                           hours_during=Decimal(38), netto_m=Decimal(3000), netto_waehrend_m=Decimal(2920))
    lines = leave.explanation.render("de")
    assert any("40,00 € liegen unter der Mindestrate von 50 € im Monat: kein Darlehen (0 €)" in line for line in lines), lines


def _handout_words(case, language: str = "de") -> str:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    from workbench.report import handout_pdf

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(case, language))).pages)


def _twins():  # type: ignore[no-untyped-def]
    from pathlib import Path

    from workbench.case import load_case

    return load_case(Path(__file__).parent / "cases" / "familien" / "zwillinge.json")


def test_the_mutterschutz_months_say_mutterschaftsgeld_not_basiselterngeld_zero() -> None:
    # Aylin's Lebensmonate 1–3 are Mutterschutz (twins: 12 weeks, § 3 Abs. 2 MuSchG; § 3 Abs. 1 BEEG)
    words = _handout_words(_twins())
    table = words[words.index("Ihr Plan: Monat für Monat"):]
    first_rows = [line for line in table.splitlines() if line.startswith(("1 ", "2 ", "3 "))][:3]
    assert len(first_rows) == 3 and all("Mutterschutz Mutterschaftsgeld" in row for row in first_rows), first_rows
    assert all("0,00 €" not in row for row in first_rows), first_rows
    assert "Aylin: Mutterschutz in Lebensmonat 1–3, Basiselterngeld in Lebensmonat 4–12" in words
    assert "In Lebensmonat 1–3 bekommt Aylin Mutterschaftsgeld" in words


def test_an_expected_child_has_an_errechneter_geburtstermin_not_a_birthday() -> None:
    case = _twins()
    children = [c.model_copy(update={"expected": True}) for c in case.household.children]
    household = case.household.model_copy(update={"children": children})
    words = _handout_words(case.model_copy(update={"household": household}))
    assert "2 Kinder erwartet, errechneter Geburtstermin 10.03.2026" in words
    assert "geboren am" not in words.split("\n")[1]
    assert "2 Kinder geboren am 10.03.2026" in _handout_words(case)


def _income_step_of_a_new_couple(married: bool):  # type: ignore[no-untyped-def]
    from tests.memory_store import MemoryStore
    from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case

    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    family = wizard.steps[0]
    family.parents.resize(2)  # type: ignore[attr-defined]
    for row, name in zip(family.parents.rows, ("Eva", "Jonas")):  # type: ignore[attr-defined]
        row.fields["name"].input.value = name
    family.married.input.value = married  # type: ignore[attr-defined]
    wizard._on_next()
    wizard.steps[1].birth.input.value = "01.09.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2
    return wizard, wizard.steps[2]


def test_a_married_couple_starts_with_steuerklasse_4_and_unmarried_parents_with_1() -> None:
    # § 38b Abs. 1 Satz 2 Nr. 4 EStG: married, both employed → class IV unless they choose III/V
    _, step = _income_step_of_a_new_couple(married=True)
    assert [f.income["tax_class"].input.value for f in step.forms] == [4, 4]  # type: ignore[attr-defined]
    _, step = _income_step_of_a_new_couple(married=False)
    assert [f.income["tax_class"].input.value for f in step.forms] == [1, 1]  # type: ignore[attr-defined]


def test_the_expecting_employed_mother_gets_mutterschaftsgeld_ticked_and_it_is_saved() -> None:
    # § 24i SGB V: an employed mother in the statutory health insurance gets Mutterschaftsgeld
    wizard, step = _income_step_of_a_new_couple(married=True)
    mother, father = step.forms  # type: ignore[attr-defined]
    assert mother.parent["maternity_benefit"].input.value is False  # nobody by the order of entries (ADR 0039)
    mother.parent["gives_birth"].input.value = True  # "Bringt das Kind zur Welt"
    assert mother.parent["maternity_benefit"].input.value is True
    assert father.parent["maternity_benefit"].input.value is False
    mother.income["health_insurance"].input.value = "private"
    assert mother.parent["maternity_benefit"].input.value is False  # no Mutterschaftsgeld of a statutory fund
    mother.income["health_insurance"].input.value = "statutory"
    mother.parent["maternity_benefit"].input.value = False  # the advisor's answer stands
    mother.income["kind"].input.value = "mixed"
    assert mother.parent["maternity_benefit"].input.value is False
    mother.parent["maternity_benefit"].input.value = True
    wizard._on_next()
    assert wizard.data["household"]["parents"][0]["maternity_benefit"] is True
    assert wizard.data["household"]["parents"][0]["gives_birth"] is True
    assert wizard.data["household"]["parents"][0]["income_before_birth"]["tax_class"] == 4


def test_a_parent_born_in_1900_is_refused_next_to_the_field_with_the_range_to_enter() -> None:
    from tests.memory_store import MemoryStore
    from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case

    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    row = wizard.steps[0].parents.rows[0]  # type: ignore[attr-defined]
    row.fields["name"].input.value = "Eva"
    row.fields["birth_date"].input.value = "01.01.1900"
    wizard._on_next()
    assert wizard.index == 0
    message = row.fields["birth_date"].message.text
    assert "1900" in message and "zwischen dem" in message and "Jahre alt" in message, message
    row.fields["birth_date"].input.value = "11.04.1992"
    wizard._on_next()
    assert wizard.index == 1


def test_every_planning_rule_that_the_advisor_can_fix_says_what_to_change() -> None:
    # the Monatsplaner and the handout show these; a statement ("X bezieht nur einen Lebensmonat") leaves the
    # advisor to work out the fix in front of the family
    from workbench.i18n import catalog
    from workbench.rules.elterngeld.plan import RULES

    choices = [r.__name__ for r in RULES if r.__name__ != "income_limit"]
    assert choices
    for rule in choices:
        for language, word in (("de", "bitte"), ("en", "please")):
            message = catalog()[f"plan.{rule}"][language]
            assert word in message.lower(), (rule, language, message)


def test_the_forms_page_names_a_field_in_words_never_by_its_path() -> None:
    from workbench.ui.pages.formulare.wizard import field_in_words

    data = {"household": {"parents": [{"id": "A", "name": "Eva"}, {"id": "B", "name": "Jonas"}],
                          "children": [{"id": "K1", "birth_date": "2026-06-15"}]}}
    assert field_in_words("household.parents[0].personal.tax_id", data, "de") == "Steuer-ID – Eva"
    assert field_in_words("household.parents[1].income_before_birth.tax_class", data, "de") == "Angaben zu Jonas"
    assert field_in_words("elterngeld_plan.months", data, "en") == "details of the case"
    for path in ("household.parents[1].income_before_birth.tax_class", "elterngeld_plan.months"):
        assert "[" not in field_in_words(path, data, "de") and "_" not in field_in_words(path, data, "de")


def test_an_empty_elternzeit_date_asks_for_that_date_not_for_the_birth() -> None:
    from tests.memory_store import MemoryStore
    from workbench.ui.pages.lebenslagen import ElternzeitWizard, new_case

    wizard = ElternzeitWizard(new_case("EZ", "de"), MemoryStore(), autosave_delay=0, today=date(2026, 4, 20))
    wizard.steps[0].parents.rows[0].fields["name"].input.value = "Aylin"  # type: ignore[attr-defined]
    wizard._on_next()
    wizard.steps[1].birth.input.value = "10.03.2026"  # type: ignore[attr-defined]
    wizard._on_next()
    periods = wizard.steps[2]
    periods.periods.append()  # type: ignore[attr-defined]
    row = periods.periods.rows[0]  # type: ignore[attr-defined]
    wizard._on_next()
    assert wizard.index == 2
    assert row.fields["start"].message.text == "Bitte den ersten Tag dieser Elternzeit eingeben."
    assert row.fields["end"].message.text == "Bitte den letzten Tag dieser Elternzeit eingeben."
    assert "Geburtsdatum" not in row.fields["start"].message.text


def test_the_parents_two_years_differ_by_the_day_of_birth_and_the_handout_says_why() -> None:
    # § 16 Abs. 1 Satz 2 BEEG: the first demand fixes the periods "innerhalb von zwei Jahren" from its start.
    # Satz 4: the mother's protection period after the birth (§ 3 Abs. 2 MuSchG: from the day after the
    # Entbindungstag, 11.03.2026, to 05.05.2026) "wird ... auf den Zeitraum nach Satz 2 angerechnet".
    # Father from the day of birth: 10.03.2026–09.03.2028; mother, whenever her leave starts within or
    # right after her protection: 11.03.2026–10.03.2028 – one day apart, and both say why.
    from workbench.rules.elternzeit import Zeitraum, bindung

    birth = date(2026, 3, 10)
    father = bindung([Zeitraum("B", birth, date(2026, 5, 9))], birth, "B")
    assert father is not None and (father.beginn, father.ende) == (birth, date(2028, 3, 9))
    assert father.citation == "§ 16 Abs. 1 Satz 2 BEEG"
    for start in (date(2026, 3, 11), date(2026, 4, 1), date(2026, 5, 6)):
        mother = bindung([Zeitraum("A", start, date(2027, 3, 9))], birth, "A", mutterschutz_ende=date(2026, 5, 5))
        assert mother is not None and (mother.beginn, mother.ende) == (date(2026, 3, 11), date(2028, 3, 10)), start
        assert "Satz 2, 4 BEEG" in mother.citation and "§ 3 Abs. 2 MuSchG" in mother.citation
    later = bindung([Zeitraum("A", date(2026, 9, 1), date(2027, 3, 9))], birth, "A", mutterschutz_ende=date(2026, 5, 5))
    assert later is not None and (later.beginn, later.ende) == (date(2026, 9, 1), date(2028, 8, 31))  # not "im Anschluss"

    from workbench.case import load_case
    from workbench.report.lebenslagen import elternzeit_sections

    # Aylin (born child 01.06.2026, leave after her protection) and Jonas (leave from 01.06.2027) on the handout
    paragraphs = elternzeit_sections(load_case("tests/cases/lebenslagen/aylin-jonas.json"), "de")[0].paragraphs
    assert ("Aylin legt sich mit dem ersten Verlangen fest, wann in den zwei Jahren vom 02.06.2026 bis 01.06.2028 "
            "Elternzeit genommen wird. Die zwei Jahre beginnen mit der Mutterschutzfrist nach der Geburt, denn sie "
            "zählt mit (§ 16 Abs. 1 Satz 2, 4 BEEG, § 3 Abs. 2 MuSchG).") in paragraphs
    assert ("Jonas legt sich mit dem ersten Verlangen fest, wann in den zwei Jahren vom 01.06.2027 bis 31.05.2029 "
            "Elternzeit genommen wird (§ 16 Abs. 1 Satz 2 BEEG).") in paragraphs


def test_opening_a_saved_case_suggests_nothing_and_writes_nothing() -> None:
    # a saved case leaves out maternity_benefit false and tax_class 1: they are answers, not gaps (ADR 0016)
    import json
    from pathlib import Path

    from tests.memory_store import MemoryStore
    from workbench.case import load_case
    from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard

    saved = json.loads((Path(__file__).parent / "cases" / "vergleich" / "familie-lena-tom.json").read_text("utf-8"))
    assert "maternity_benefit" not in saved["household"]["parents"][0]  # stored as typed: the default left out
    load_case(saved)
    store = MemoryStore()
    version = store.save(saved, expected_version=None)
    wizard = ElterngeldWizard(store.open(saved["case_id"]).data, store, version, autosave_delay=0)
    for _ in range(5):
        wizard._on_next()
    assert wizard.index == 5
    assert len(store.versions[saved["case_id"]]) == 1


def test_a_parent_born_in_the_future_is_told_so_not_a_negative_age(monkeypatch: pytest.MonkeyPatch) -> None:
    # walk9: "12.05.2030" in the parent's field read "wäre heute -4 Jahre alt" beside the field
    from tests.memory_store import MemoryStore
    from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case

    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    wizard = ElterngeldWizard(new_case(), MemoryStore(), autosave_delay=0)
    row = wizard.steps[0].parents.rows[0]  # type: ignore[attr-defined]
    row.fields["birth_date"].input.value = "12.05.2030"
    wizard._on_next()
    assert wizard.index == 0
    assert row.fields["birth_date"].message.text == (
        "Das Geburtsdatum 12.05.2030 liegt in der Zukunft. Bitte ein Geburtsdatum zwischen dem 07.12.1946 "
        "und dem 07.12.2014 eingeben oder das Feld leer lassen.")
