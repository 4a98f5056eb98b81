"""Case conditions of the forms added for issue 18 (KG 5a, Mietbescheinigung): when they fit, and which child.

- **KG 5a Schulbescheinigung**: Kindergeld for a child over 18 needs proof of school or training
  (§ 32 Abs. 4 Satz 1 Nr. 2 Buchst. a EStG, § 2 Abs. 2 Satz 1 Nr. 2 Buchst. a BKGG); the
  Familienkasse asks the school to confirm it on KG 5a. It fits a child who is 18 or older on the
  day and goes to a school (``school`` or ``vocational_school``; an Ausbildung with pay is proved
  by the training contract, not by KG 5a).
- **Mietbescheinigung**: Wohngeld as Mietzuschuss is for tenants (§ 3 Abs. 1 WoGG); the landlord
  confirms the rent (§ 23 Abs. 3 WoGG obliges him to give the information). It fits a case whose
  housing is rented.
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case
from workbench.forms.registry import FormMap

SCHOOLS = ("school", "vocational_school")
"""``ChildSituation.education`` values a KG 5a school certificate proves (a school, not paid training)."""
ADULT = 18


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day`` (§ 187 Abs. 2 Satz 2 BGB: the birthday itself counts)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def school_adults(case: Case, day: date) -> list[str]:
    """Ids of the born children who are 18 or older on ``day`` and go to school, oldest first."""
    kids = sorted((c for c in case.household.children if not c.expected), key=lambda c: c.birth_date)
    return [c.id for c in kids
            if age_on(c.birth_date, day) >= ADULT and c.situation is not None and c.situation.education in SCHOOLS]


def renting(case: Case) -> bool:
    """Whether the household rents its home (``housing.tenure``)."""
    housing = case.household.housing
    return housing is not None and housing.tenure == "rent"


def household_size(case: Case) -> int:
    """Persons living in the home: the parents and the born children living with the applicant (twins count twice)."""
    kids = [c for c in case.household.children if not c.expected
            and (c.situation is None or c.situation.lives_with_applicant)]
    return len(case.household.parents) + sum(c.count for c in kids)


def default_child(case: Case, form: FormMap, day: date) -> str | None:
    """The child a form is about when the advisor does not choose: for KG 5a the eldest adult pupil."""
    if "school_adult" in form.fits:
        pupils = school_adults(case, day)
        return pupils[0] if pupils else None
    return None


def single_parent_with_minor(case: Case, day: date) -> bool:
    """Unterhaltsvorschuss fits: the household says single parent and a born child is under 18 (§ 1 Abs. 1 UVG)."""
    return case.household.single_parent and any(
        not c.expected and age_on(c.birth_date, day) < ADULT for c in case.household.children)
