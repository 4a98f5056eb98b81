"""Field types of the case file: each checks type and range itself, so every failure has a catalog message.

Used by :mod:`workbench.case`; the constants say what case-format.md fixes.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema

from workbench.case.messages import problem
from workbench.money import to_decimal


class CaseModel(BaseModel):
    """Base of every part of the case file: unknown keys are refused, types are strict, assignments validated."""

    model_config = ConfigDict(extra="forbid", strict=True, validate_assignment=True)


FORMAT = "workbench-case/4"
LEBENSMONATE = 32
"""A plan covers at most 32 Lebensmonate (case-format.md: at most 32 characters per parent)."""
MAX_AMOUNT = Decimal("99999999.99")
ID_MAX_LENGTH = 10

KIND_CODES = {"basis": "B", "plus": "P", "bonus": "+", "none": "-"}
CODE_KINDS = {code: word for word, code in KIND_CODES.items()}


# --- field types: each checks type and range itself, so every failure has a catalog message ---

def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise problem("wrong_type", expected="number")
    number = to_decimal(value)
    if not number.is_finite():
        raise problem("wrong_type", expected="number")
    return number


def _places(number: Decimal, places: int) -> Decimal:
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise problem("decimal_places", max=places)
    return number


def _amount(value: Any) -> Decimal:
    number = _number(value)
    if number < 0:
        raise problem("not_negative")
    if number > MAX_AMOUNT:
        raise problem("too_large", max=MAX_AMOUNT)
    return _places(number, 2)


def _as_json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


_NUMBER_OUT = PlainSerializer(_as_json_number, return_type=int | float, when_used="json")

Money = Annotated[
    Decimal, BeforeValidator(_amount), _NUMBER_OUT,
    WithJsonSchema({"type": "number", "minimum": 0, "description": "Euro, höchstens zwei Nachkommastellen"}),
]
"""Euros as a JSON number, at most two decimals, not negative."""


def whole_number(low: int, high: int) -> BeforeValidator:
    """A whole number from ``low`` to ``high``; the message names both bounds."""
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise problem("wrong_type", expected="int")
        if not low <= value <= high:  # years as written (2019, not 2.019)
            raise problem("range", min=str(low) if low >= 1000 else low, max=str(high) if high >= 1000 else high)
        return value
    return BeforeValidator(check)


def _hours(value: Any) -> Decimal:
    number = _number(value)
    if not 0 <= number <= 60:
        raise problem("range", min=0, max=60)
    return _places(number, 2)


def _factor(value: Any) -> Decimal:
    number = _number(value)
    if not 0 < number < 1:
        raise problem("factor_range")
    return _places(number, 3)


def _child_allowances(value: Any) -> Decimal:
    number = _number(value)
    if not 0 <= number <= 10 or number * 2 != (number * 2).to_integral_value():
        raise problem("allowance_step")
    return number


def _iso_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise problem("date")


def _month_key(value: Any) -> str:
    if not (isinstance(value, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value)):
        raise problem("month_key")
    return value


def _identifier(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    if not re.fullmatch(rf"[A-Za-z0-9_-]{{1,{ID_MAX_LENGTH}}}", value):
        raise problem("id_format", max=ID_MAX_LENGTH)
    return value


def non_empty(value: Any) -> str:
    """A string with more than spaces in it, as given (a case id; :mod:`workbench.case.personal` strips its texts)."""
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    if not value.strip():
        raise problem("empty")
    return value


def format_check(value: Any) -> str:
    """``workbench-case/4`` (the case model migrates ``/1`` to ``/3`` before it validates, ADR 0027, 0037)."""
    if not isinstance(value, str) or value != FORMAT:
        raise problem("format", expected=FORMAT)
    return value


def _plan_months(value: Any) -> str:
    """Normalise a parent's months to the string form (case-format.md, ``months``)."""
    if isinstance(value, str):
        for index, char in enumerate(value):
            if char not in CODE_KINDS:
                raise problem("plan_char", char=char, month=index + 1)
        codes = value
    elif isinstance(value, list):
        for index, word in enumerate(value):
            if not isinstance(word, str) or word not in KIND_CODES:
                raise problem("plan_word", at=f"[{index}]")
        codes = "".join(KIND_CODES[word] for word in value)
    else:
        raise problem("plan_type")
    if len(codes) > LEBENSMONATE:
        raise problem("plan_too_long", max=LEBENSMONATE, length=len(codes))
    return codes


Factor = Annotated[Decimal, BeforeValidator(_factor), _NUMBER_OUT,
                   WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1})]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Identifier = Annotated[str, BeforeValidator(_identifier),
                       WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,10}$"})]
MonthKey = Annotated[str, BeforeValidator(_month_key),
                     WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"})]
Lebensmonat = Annotated[int, whole_number(1, LEBENSMONATE), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 32})]
MonthCount = Annotated[int, whole_number(0, LEBENSMONATE), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 32})]
TaxClass = Annotated[int, whole_number(1, 6), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 6})]
ChildCount = Annotated[int, whole_number(1, 8), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 8})]
WeeksEarly = Annotated[int, whole_number(0, 20), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": 20})]
Hours = Annotated[Decimal, BeforeValidator(_hours), _NUMBER_OUT,
                  WithJsonSchema({"type": "number", "minimum": 0, "maximum": 60})]
ChildAllowances = Annotated[Decimal, BeforeValidator(_child_allowances), _NUMBER_OUT,
                            WithJsonSchema({"type": "number", "minimum": 0, "maximum": 10, "multipleOf": 0.5})]
PlanMonths = Annotated[str, BeforeValidator(_plan_months), WithJsonSchema({
    "anyOf": [
        {"type": "string", "pattern": r"^[BP+\-]{0,32}$"},
        {"type": "array", "maxItems": LEBENSMONATE, "items": {"enum": list(KIND_CODES)}},
    ],
    "description": "B Basiselterngeld, P ElterngeldPlus, + Partnerschaftsbonus, - nichts; "
                   "ein Zeichen je Lebensmonat ab Lebensmonat 1",
})]
CaseId = Annotated[str, BeforeValidator(non_empty), WithJsonSchema({"type": "string", "minLength": 1})]
IncomeKind = Literal["employee", "minijob", "self_employed", "mixed", "none"]
HealthInsurance = Literal["statutory", "statutory_voluntary", "private", "none"]
