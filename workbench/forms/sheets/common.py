"""What several Ausfüllhilfen ask alike: a parent's and a child's personal data, the bank account, amounts.

Values are written as the German form wants them (dates ``TT.MM.JJJJ``, amounts ``1.234,56 €``,
Familienstand in the form's words); what the case does not hold is "" (a line for the family).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.case import Case, Child, Parent
from workbench.forms.ausfuellhilfe import Row
from workbench.forms.conditions import age_on
from workbench.i18n import format_date, format_money

MARITAL = {"single": "ledig", "married": "verheiratet", "civil_partnership": "eingetragene Lebenspartnerschaft",
           "separated": "getrennt lebend", "divorced": "geschieden", "widowed": "verwitwet"}
SEX = {"female": "weiblich", "male": "männlich", "diverse": "divers", "unspecified": "ohne Angabe"}
EDUCATION = {"none": "", "kita": "Kita / Kindertagespflege", "school": "allgemeinbildende Schule",
             "vocational_school": "berufsbildende Schule", "vocational_training": "Berufsausbildung",
             "university": "Studium", "voluntary_service": "Freiwilligendienst", "gap": "Übergangszeit",
             "unemployed_registered": "arbeitsuchend gemeldet"}
BENEFIT = {"elterngeld": "Elterngeld", "alg1": "Arbeitslosengeld", "krankengeld": "Krankengeld", "pension": "Rente",
           "other": "sonstige Leistung"}
WORK = {"employee": "Arbeitnehmer/in", "minijob": "Minijob", "self_employed": "selbstständig", "none": "keine"}


def day(value: date | None) -> str:
    return format_date(value, "de") if value else ""


def money(value: Decimal | None) -> str:
    """An amount the family states; 0 or unknown is left for the family (the form asks "wenn ja")."""
    return format_money(value, "de") if value else ""


def address(case: Case) -> str:
    a = case.household.address
    if a is None:
        return ""
    extra = f" ({a.addition})" if a.addition else ""
    return f"{a.street} {a.house_number}{extra}, {a.postcode} {a.city}"


def parent_name(parent: Parent) -> str:
    surname = parent.personal.surname if parent.personal and parent.personal.surname else ""
    return f"{parent.name or ''} {surname}".strip()


def child_name(child: Child) -> str:
    p = child.personal
    return f"{p.first_name or ''} {p.surname or ''}".strip() if p else ""


def parent_rows(case: Case, parent: Parent) -> list[Row]:
    """Name, birth, nationality, address, contact and marital status, as every application asks them."""
    p = parent.personal
    status = MARITAL.get(p.marital_status, "") if p and p.marital_status else ""
    if status and p is not None and p.marital_status_since:
        status += f" seit {day(p.marital_status_since)}"
    return [
        Row(("Familienname", "surname"), p.surname or "" if p else ""),
        Row(("Vorname", "first name"), parent.name or ""),
        Row(("Geburtsname", "birth name"), p.birth_name or "" if p else ""),
        Row(("Geburtsdatum", "date of birth"), day(parent.birth_date)),
        Row(("Geburtsort", "place of birth"), p.birth_place or "" if p else ""),
        Row(("Geschlecht", "sex"), SEX.get(p.sex, "") if p and p.sex else ""),
        Row(("Staatsangehörigkeit", "nationality"), p.nationality or "" if p else ""),
        Row(("Anschrift", "address"), address(case)),
        Row(("Telefon", "phone"), p.phone or "" if p else ""),
        Row(("E-Mail", "e-mail"), p.email or "" if p else ""),
        Row(("Familienstand", "marital status"), status),
    ]


def child_rows(child: Child, today: date) -> list[Row]:
    """Name, birth and schooling of a child."""
    p = child.personal
    situation = child.situation
    return [
        Row(("Familienname", "surname"), p.surname or "" if p else ""),
        Row(("Vorname", "first name"), p.first_name or "" if p else ""),
        Row(("Geburtsdatum", "date of birth"), day(child.birth_date)),
        Row(("Alter", "age"), str(age_on(child.birth_date, today))),
        Row(("Geburtsort", "place of birth"), p.birth_place or "" if p else ""),
        Row(("Staatsangehörigkeit", "nationality"), p.nationality or "" if p else ""),
        Row(("Kita / Schule / Ausbildung", "day care / school / training"),
            EDUCATION[situation.education] if situation else ""),
    ]


def bank_rows(parent: Parent) -> list[Row]:
    """The account the benefit is paid into."""
    bank = parent.personal.bank if parent.personal else None
    iban = " ".join(bank.iban[i:i + 4] for i in range(0, len(bank.iban), 4)) if bank else ""
    return [
        Row(("Kontoinhaber/in", "account holder"), (bank.holder or parent_name(parent)) if bank else ""),
        Row(("IBAN", "IBAN"), iban),
        Row(("BIC", "BIC"), bank.bic or "" if bank else ""),
        Row(("Geldinstitut", "bank"), bank.bank_name or "" if bank else ""),
    ]


def born_children(case: Case, below: int | None = None, today: date | None = None) -> list[Child]:
    """The born children, oldest first; with ``below`` only those younger than ``below`` years on ``today``."""
    kids = sorted((c for c in case.household.children if not c.expected), key=lambda c: c.birth_date)
    if below is not None and today is not None:
        kids = [c for c in kids if age_on(c.birth_date, today) < below]
    return kids


def work_rows(parent: Parent) -> list[Row]:
    """The parent's present work and income (the Leistungscheck's ``current_income``)."""
    income = parent.current_income
    if income is None:
        return [Row(("Derzeit ausgeübte Tätigkeit", "present work")),
                Row(("Bruttoeinkommen im Monat", "gross income per month"))]
    benefits = ", ".join(f"{BENEFIT[b.kind]}: {money(b.monthly)}" for b in income.benefits)
    return [
        Row(("Derzeit ausgeübte Tätigkeit", "present work"), WORK[income.kind]),
        Row(("Wochenarbeitszeit", "hours per week"), f"{income.hours_per_week} Std." if income.hours_per_week else ""),
        Row(("Bruttoeinkommen im Monat", "gross income per month"), money(income.gross_monthly)),
        Row(("Nettoeinkommen im Monat", "net income per month"), money(income.net_monthly)),
        Row(("Sonstige Einnahmen im Monat", "other income per month"), money(income.other_income_monthly)),
        Row(("Lohnersatzleistungen", "wage replacement benefits"), benefits),
    ]
