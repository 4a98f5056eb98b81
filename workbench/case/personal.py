"""Personal data of a case that the official forms ask for (all optional).

The benefit rules need no names or numbers; the forms do: surname, address, Steuer-ID,
IBAN, nationality, the child's name and place of birth, the employer for the Elternzeit
letter. These sub-models hang off :class:`~workbench.case.model.Parent` (``personal``),
:class:`~workbench.case.model.Child` (``personal``) and :class:`~workbench.case.model.Household`
(``address``); every field is optional, so cases without them load as before and a
family can stay anonymous while computing.

Checked here, with a message next to the field (``case.<key>`` in
``workbench/messages/case_personal.yaml``):

- Steuer-ID: 11 digits, no leading 0, the structure of § 139b AO ids (one digit of the first
  ten appears twice or three times, all others at most once) and the check digit
  (ISO/IEC 7064 MOD 11,10, as the Bundeszentralamt für Steuern computes it).
- IBAN: country code, length (22 for Germany), and the ISO 13616 check (mod 97 = 1).
  Stored without spaces, upper case.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from workbench.case.fields import IsoDate, non_empty
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import problem

__all__ = [
    "Address", "BankAccount", "ChildPersonal", "Employer", "ParentPersonal", "iban_problem", "normalise_iban",
    "tax_id_problem",
]

IBAN_LENGTHS = {"DE": 22, "AT": 20, "NL": 18, "BE": 16, "FR": 27, "PL": 28, "IT": 27, "ES": 24, "LU": 20, "CH": 21}
"""Lengths of the IBAN countries families in Bochum bank with most; others: 15 to 34 characters (ISO 13616)."""


def tax_id_problem(value: str) -> str | None:
    """The catalog key (``case.tax_id_*``) of what is wrong with a Steuer-ID, or None if it is valid.

    Rechtsgrundlage: § 139b AO (Identifikationsnummer); check digit ISO/IEC 7064 MOD 11,10.
    """
    if not re.fullmatch(r"\d{11}", value):
        return "tax_id_digits"
    if value[0] == "0":
        return "tax_id_leading_zero"
    counts = sorted(Counter(value[:10]).values(), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] != 1):
        return "tax_id_structure"
    product = 10
    for digit in value[:10]:
        total = (int(digit) + product) % 10 or 10
        product = (2 * total) % 11
    check = (11 - product) % 10
    if check != int(value[10]):
        return "tax_id_check"
    return None


def normalise_iban(value: str) -> str:
    """An IBAN as stored: spaces removed, upper case."""
    return re.sub(r"\s+", "", value).upper()


def iban_problem(value: str) -> str | None:
    """The catalog key (``case.iban_*``) of what is wrong with an IBAN, or None if it is valid (ISO 13616, mod 97)."""
    iban = normalise_iban(value)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return "iban_format"
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return "iban_length"
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    if int(digits) % 97 != 1:
        return "iban_check"
    return None


def _text(value: Any) -> str:
    return non_empty(value).strip()


def _tax_id(value: Any) -> str:
    if isinstance(value, str):
        value = re.sub(r"[\s/]+", "", value)
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    key = tax_id_problem(value)
    if key is not None:
        raise problem(key)
    return value


def _iban(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    key = iban_problem(value)
    if key is not None:
        raise problem(key, length=IBAN_LENGTHS.get(normalise_iban(value)[:2], 0))
    return normalise_iban(value)


def _bic(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    bic = re.sub(r"\s+", "", value).upper()
    if not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", bic):
        raise problem("bic_format")
    return bic


def _postcode(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    if not re.fullmatch(r"[0-9A-Za-z -]{3,10}", value.strip()):
        raise problem("postcode_format")
    return value.strip()


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
TaxId = Annotated[str, BeforeValidator(_tax_id), WithJsonSchema(
    {"type": "string", "pattern": r"^[1-9]\d{10}$", "description": "Steuerliche Identifikationsnummer (11 Ziffern)"})]
Iban = Annotated[str, BeforeValidator(_iban), WithJsonSchema(
    {"type": "string", "pattern": r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$", "description": "IBAN ohne Leerzeichen"})]
Bic = Annotated[str, BeforeValidator(_bic), WithJsonSchema({"type": "string", "pattern": r"^[A-Z0-9]{8}([A-Z0-9]{3})?$"})]
Postcode = Annotated[str, BeforeValidator(_postcode), WithJsonSchema({"type": "string"})]
Sex = Literal["female", "male", "diverse", "unspecified"]
MaritalStatus = Literal["single", "married", "civil_partnership", "separated", "divorced", "widowed"]


class Address(_Model, title="Anschrift"):
    """A postal address in Germany (or abroad with ``country``)."""

    street: Text = Field(description="Straße")
    house_number: Text = Field(description="Hausnummer")
    postcode: Postcode = Field(description="Postleitzahl")
    city: Text = Field(description="Ort")
    addition: Text | None = Field(default=None, description="Adresszusatz (c/o, Hinterhaus …)")
    country: Text | None = Field(default=None, description="Staat, wenn nicht Deutschland")

    def line(self) -> str:
        """``Musterstraße 1, 44787 Bochum`` (with addition and country when given)."""
        parts = [f"{self.street} {self.house_number}"]
        if self.addition:
            parts.append(self.addition)
        parts.append(f"{self.postcode} {self.city}")
        if self.country:
            parts.append(self.country)
        return ", ".join(parts)


class BankAccount(_Model, title="Bankverbindung"):
    """The account a benefit is paid to."""

    iban: Iban = Field(description="IBAN")
    bic: Bic | None = Field(default=None, description="BIC (bei deutschen IBAN nicht nötig)")
    bank_name: Text | None = Field(default=None, description="Name der Bank")
    holder: Text | None = Field(default=None, description="Kontoinhaber, wenn nicht der Elternteil selbst")


class Employer(_Model, title="Arbeitgeber"):
    """The employer (for the Elternzeit letter)."""

    name: Text = Field(description="Name des Arbeitgebers")
    address: Address | None = Field(default=None, description="Anschrift des Arbeitgebers")
    department: Text | None = Field(default=None, description="Abteilung oder Ansprechperson (Personalabteilung)")
    personnel_number: Text | None = Field(default=None, description="Personalnummer")


class ParentPersonal(_Model, title="Persönliche Angaben des Elternteils"):
    """What the forms ask about a parent beyond the first name (``household.parents[].personal``)."""

    surname: Text | None = Field(default=None, description="Familienname")
    birth_name: Text | None = Field(default=None, description="Geburtsname, wenn abweichend")
    title: Text | None = Field(default=None, description="Titel (Dr. …)")
    birth_place: Text | None = Field(default=None, description="Geburtsort")
    sex: Sex | None = Field(default=None, description="Geschlecht")
    nationality: Text | None = Field(default=None, description="Staatsangehörigkeit")
    tax_id: TaxId | None = Field(default=None, description="Steuerliche Identifikationsnummer")
    marital_status: MaritalStatus | None = Field(default=None, description="Familienstand")
    marital_status_since: IsoDate | None = Field(default=None, description="Familienstand seit")
    phone: Text | None = Field(default=None, description="Telefon für Rückfragen")
    email: Text | None = Field(default=None, description="E-Mail")
    bank: BankAccount | None = Field(default=None, description="Bankverbindung")
    health_insurer: Text | None = Field(default=None, description="Name der Krankenkasse")
    insurance_number: Text | None = Field(default=None, description="Versichertennummer")
    employer: Employer | None = Field(default=None, description="Arbeitgeber")


class ChildPersonal(_Model, title="Persönliche Angaben des Kindes"):
    """What the forms ask about a child (``household.children[].personal``)."""

    first_name: Text | None = Field(default=None, description="Vorname(n)")
    tax_id: TaxId | None = Field(default=None, description="Steuerliche Identifikationsnummer des Kindes")
    surname: Text | None = Field(default=None, description="Familienname")
    birth_place: Text | None = Field(default=None, description="Geburtsort")
    sex: Sex | None = Field(default=None, description="Geschlecht")
    nationality: Text | None = Field(default=None, description="Staatsangehörigkeit")


class OtherParent(_Model, title="Anderer Elternteil außerhalb des Haushalts"):
    """The child's other parent who does not live in the household (``household.other_parent``), for a single parent.

    The NRW Elterngeld application asks for both parents ("Angaben zu beiden Elternteilen", Formular 1):
    the absent parent's column names this person and, when known, their address, never the applicant's.
    Used only when the household has one parent; all optional (an unknown address stays empty).
    """

    first_name: Text | None = Field(default=None, description="Vorname")
    surname: Text | None = Field(default=None, description="Familienname")
    birth_date: IsoDate | None = Field(default=None, description="Geburtsdatum")
    address: Address | None = Field(default=None, description="Anschrift (wenn bekannt)")
