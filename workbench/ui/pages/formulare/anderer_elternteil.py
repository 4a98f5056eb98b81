"""The forms page's questions about a single parent's former partner (``household.other_parent``, issue 18).

The NRW Elterngeld application asks for both parents and KG 1's Anlage Kind for "andere Personen" the
child is related to: for a single parent that column names the child's other parent and, when known,
their address — never the applicant's (issue 16). Nothing about that person is required: a name or
address the family does not know stays empty on the form. So these are not "missing data" of the map
but an optional section, shown when the household has one parent and the chosen form has a place for
the other one (a field whose source is the role ``{absent}`` or ``{other_home}``, :mod:`workbench.forms.sources`).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from workbench.forms.registry import FormMap, get_map
from workbench.i18n import text
from workbench.ui.kit.fields import DateField, Field, FieldError, TextField, read_entries

ROLES = ("{absent}", "{other_home}")
"""The roles of :func:`workbench.forms.sources.roles_for` that name the parent living elsewhere."""

NAME_FIELDS = ("first_name", "surname")
ADDRESS_FIELDS = ("street", "house_number", "addition", "postcode", "city", "country")


def _sources(form: FormMap) -> list[str]:
    specs: list[Any] = [*form.fields, *(form.overlay or [])]
    out: list[str] = []
    for spec in specs:
        out += [spec.source] if isinstance(spec.source, str) else list(spec.source)
    return out


def asks_other_parent(form: FormMap) -> bool:
    """Whether ``form`` (or one of its attachments, e.g. KG 1's Anlage Kind) has a place for the absent parent."""
    forms = [form, *(get_map(a.form) for a in form.attachments)]
    return any(role in source for f in forms for source in _sources(f) for role in ROLES)


class OtherParentSection:
    """Name, date of birth and address of the parent living elsewhere, all optional; ``read`` → the case value."""

    def __init__(self, language: str) -> None:
        self.language = language
        lang = language
        self.fields: dict[str, Field] = {
            "first_name": TextField("forms.ui.other.first_name", lang),
            "surname": TextField("forms.ui.other.surname", lang),
            "birth_date": DateField("forms.ui.other.birth_date", lang, empty_key=None),
            "street": TextField("forms.ui.other.street", lang),
            "house_number": TextField("forms.ui.other.house_number", lang),
            "addition": TextField("forms.ui.other.addition", lang),
            "postcode": TextField("forms.ui.other.postcode", lang),
            "city": TextField("forms.ui.other.city", lang),
            "country": TextField("forms.ui.other.country", lang),
        }
        heading = html.escape(text("forms.ui.other.heading", lang))
        intro = html.escape(text("forms.ui.other.intro", lang))
        self.widget = w.VBox([w.HTML(f'<h2 lang="{lang}">{heading}</h2><p lang="{lang}">{intro}</p>'),
                              *[f.widget for f in self.fields.values()]])
        self.widget.add_class("wb-other-parent")

    def write(self, other: dict[str, Any] | None) -> None:
        """Show the case's ``household.other_parent`` (empty fields when there is none)."""
        other = other or {}
        address = other.get("address") or {}
        for key, field in self.fields.items():
            value = address.get(key) if key in ADDRESS_FIELDS else other.get(key)
            field.write(value if value is not None else "")
            field.message.clear()

    def read(self) -> dict[str, Any] | None:
        """The entries as ``household.other_parent`` (None when all are empty); raises FieldError next to a field.

        An address is kept only whole (street, number, postcode and place: the case model's
        :class:`~workbench.case.personal.Address`); a part of it alone gets a message beside the first empty part.
        """
        values = read_entries(self.fields)
        address = {k: values.pop(k) for k in ADDRESS_FIELDS if k in values}
        if address:
            for key in ("street", "house_number", "postcode", "city"):
                if key not in address:
                    self.fields[key].message.show("forms.ui.other.address_incomplete")
                    raise FieldError("forms.ui.other.address_incomplete")
            values["address"] = address
        return values or None

    def problem_at(self, path: str, message: str) -> bool:
        """Show the case model's message for ``household.other_parent…`` next to its field; False if none fits."""
        prefix = "household.other_parent"
        if not path.startswith(prefix):
            return False
        leaf = path.rsplit(".", 1)[-1]
        field = self.fields.get(leaf) or self.fields["first_name"]
        field.message.show_localized("forms.ui.text", {self.language: message})
        return True
