"""Reading a case file and turning every problem into ``path: text`` in de or en.

Each pydantic error becomes one line: the JSON path of the field
(``household.parents[1].income_before_birth.tax_class``) and the catalog message
``case.<kind>`` from ``workbench/messages/case.yaml``. Pydantic's own English text is
never shown; an error type without a catalog entry reads "ungültiger Wert".
Problems of the file as a whole (not found, invalid JSON) start with "Fall-Datei"
("case file"). The wizards use :func:`validation_problems` to show a text next to a field.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from workbench.errors import CaseError
from workbench.i18n import catalog, format_date, format_decimal, text

if TYPE_CHECKING:
    from workbench.case.model import Case


def problem(key: str, /, at: str | None = None, **ctx: Any) -> PydanticCustomError:
    """A validation problem whose text is the catalog message ``case.<key>``.

    ``at`` is a path below the failing object (``"annual_profit"``, ``"[2]"``) for
    checks that look at a whole object but concern one of its fields.
    """
    if at is not None:
        ctx["at"] = at
    return PydanticCustomError(key, key, ctx)


def json_path(loc: tuple[str | int, ...]) -> str:
    """``("household", "parents", 1, "id")`` → ``household.parents[1].id``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f".{part}" if out else part
        else:
            out += '["' + part.replace("\\", "\\\\").replace('"', '\\"') + '"]'
    return out


_TYPE_EXPECTED = {
    "int_type": "int", "int_parsing": "int", "int_from_float": "int",
    "bool_type": "bool", "bool_parsing": "bool",
    "string_type": "string",
    "dict_type": "object", "model_type": "object", "model_attributes_type": "object",
    "list_type": "list",
    "decimal_type": "number", "float_type": "number", "decimal_parsing": "number",
}
_RENAMED = {
    "date_type": "date", "date_parsing": "date", "date_from_datetime_parsing": "date",
    "literal_error": "choice",
    "string_too_short": "empty",
}


def _language(raw: Any) -> str:
    return "en" if isinstance(raw, dict) and raw.get("language") == "en" else "de"


def file_message(key: str, /, language: str = "de", **args: Any) -> str:
    """A problem of the whole file: ``Fall-Datei: text``."""
    return f"{text('case.file', language)}: {text('case.' + key, language, **args)}"


def _show(value: Any, language: str) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, Decimal)):
        return format_decimal(Decimal(value), language)
    if isinstance(value, date):
        return format_date(value, language)
    return str(value)


def _message(error: Any, language: str) -> str:
    kind: str = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    ctx.pop("at", None)
    args: dict[str, Any]
    if kind in _TYPE_EXPECTED or kind == "wrong_type":
        expected = ctx.get("expected") or _TYPE_EXPECTED[kind]
        return text("case.wrong_type", language, expected=text(f"case.type_{expected}", language))
    kind = _RENAMED.get(kind, kind)
    if kind == "choice":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return text("case.choice", language, allowed=", ".join(allowed))
    if kind == "too_short":
        args = {"min": ctx.get("min_length", 1)}
    elif kind == "too_long":
        args = {"max": ctx.get("max_length", 0)}
    else:
        args = {name: _show(value, language) for name, value in ctx.items()}
    key = f"case.{kind}"
    if key not in catalog():
        return text("case.invalid", language)
    try:
        return text(key, language, **args)
    except (KeyError, IndexError, ValueError):
        return text("case.invalid", language)


def _location(error: Any) -> str:
    loc = tuple(part for part in error["loc"] if part != "[key]")
    path = json_path(loc)
    at = (error.get("ctx") or {}).get("at")
    if at:
        path = path + at if (at.startswith("[") or not path) else f"{path}.{at}"
    return path


_UNION_TAG = re.compile(r"(literal|function-(?:after|before|wrap|plain))\[.*\]")
"""The member of a union pydantic names in an error's ``loc`` (``false`` or an object: ``receives.kindergeld_applied``)."""


def _without_union_tags(errors: list[Any]) -> list[Any]:
    """Errors of a union field as if it had one type: the members' tags left out of the path, and a ``false`` that did
    not fit dropped when the object member says what is wrong (the input was meant to be the object)."""
    out = []
    for error in errors:
        loc = tuple(error["loc"])
        tags = [i for i, part in enumerate(loc) if isinstance(part, str) and _UNION_TAG.fullmatch(part)]
        if not tags:
            out.append(error)
            continue
        base = loc[:tags[0]]
        if loc[tags[0]].startswith("literal[") and any(
                tuple(other["loc"][:len(base)]) == base and other is not error
                and not str(other["loc"][len(base)] if len(other["loc"]) > len(base) else "").startswith("literal[")
                for other in errors):
            continue
        out.append({**error, "loc": tuple(part for i, part in enumerate(loc) if i not in tags)})
    return out


def validation_problems(exc: ValidationError, language: str = "de") -> list[tuple[str, str]]:
    """``(path, text)`` for every error; the path is ``""`` for the object as a whole."""
    return [(_location(error), _message(error, language)) for error in _without_union_tags(exc.errors())]


def format_validation_error(exc: ValidationError, language: str = "de") -> list[str]:
    """One ``path: text`` line per error (``Fall-Datei: text`` for the whole object)."""
    lines = []
    for path, message in validation_problems(exc, language):
        lines.append(f"{path or text('case.file', language)}: {message}")
    return lines


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_case_json(source: str) -> dict[str, Any]:
    """The JSON object of a case file; floats become Decimal, duplicate keys are an error."""
    language = "en" if re.search(r'"language"\s*:\s*"en"', source) else "de"
    try:
        raw = json.loads(source, parse_float=Decimal, parse_constant=_no_constant,
                         object_pairs_hook=_reject_duplicates)
    except json.JSONDecodeError as exc:
        raise CaseError([file_message("invalid_json", language, line=exc.lineno, column=exc.colno)]) from None
    except _DuplicateKey as exc:
        raise CaseError([file_message("duplicate_key", language, name=exc.key)]) from None
    except (ValueError, RecursionError):
        raise CaseError([file_message("invalid_json_value", language)]) from None
    if not isinstance(raw, dict):
        raise CaseError([file_message("not_an_object", language)])
    return raw


def load_case_data(source: str | Path | dict[str, Any]) -> Case:
    """See :func:`workbench.case.load_case`."""
    if isinstance(source, dict):
        raw: Any = source
    elif isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        raw = parse_case_json(source)
    elif isinstance(source, (str, Path)):
        path = Path(source)
        try:
            content = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CaseError([file_message("file_not_found", path=str(path))]) from None
        except (OSError, UnicodeDecodeError, ValueError):  # ValueError: a NUL in the path
            raise CaseError([file_message("file_unreadable", path=str(path))]) from None
        raw = parse_case_json(content)
    else:
        raw = source
    language = _language(raw)
    if not isinstance(raw, dict):
        raise CaseError([file_message("not_an_object", language)])
    from workbench.case.model import Case  # the models import this module for problem()
    from workbench.case.household import migrate

    try:
        return Case.model_validate(migrate(raw))
    except ValidationError as exc:
        raise CaseError(format_validation_error(exc, language)) from None
