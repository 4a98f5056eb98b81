"""Money helpers: Decimal only, rounding declared once with its source."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")


def to_decimal(value: object) -> Decimal:
    """Convert JSON numbers and strings to Decimal without binary float noise."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not an amount")
    if isinstance(value, (int, str)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"not an amount: {value!r}")


def round_cent(value: Decimal) -> Decimal:
    """Kaufmännische Rundung auf volle Cent (Richtlinien zum BEEG 2.0.3.3.1)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def floor_cent(value: Decimal) -> Decimal:
    """Abrunden auf volle Cent (towards zero, as the PAP's ROUND_DOWN)."""
    return value.quantize(CENT, rounding=ROUND_DOWN)


def floor_euro(value: Decimal) -> Decimal:
    """Abrunden auf volle Euro (towards zero)."""
    return value.quantize(Decimal("1"), rounding=ROUND_DOWN)


def ceil_euro(value: Decimal) -> Decimal:
    """Aufrunden auf volle Euro (away from zero)."""
    return value.quantize(Decimal("1"), rounding=ROUND_UP)


def as_json_number(value: Decimal) -> float:
    """Money for JSON output: two decimals as a number."""
    return float(round_cent(value))
