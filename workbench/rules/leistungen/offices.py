"""Office, channel, forms, deadlines and documents per benefit for Bochum (``offices.yaml``)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any


from workbench.clock import today as clock_today
from workbench.resources import beside, safe_yaml

OFFICES = beside(__name__, "offices.yaml")
BENEFITS = ("kindergeld", "kinderfreibetrag", "kinderzuschlag", "bildung_teilhabe", "unterhaltsvorschuss", "wohngeld")
APPLICATIONS = (*BENEFITS, "elterngeld", "elternzeit")
"""Every entry of the file: the Leistungscheck's benefits and the Elterngeld plan's two applications."""


@lru_cache(maxsize=1)
def offices() -> dict[str, dict[str, Any]]:
    """The whole file, checked: every benefit with office, channel, forms, deadlines, documents in de and en."""
    data: dict[str, dict[str, Any]] = safe_yaml(OFFICES.read_text(encoding="utf-8"))
    for benefit in APPLICATIONS:
        entry = data[benefit]
        assert entry["channel"] in ("online", "form"), benefit
        assert entry["reference"].strip(), benefit
        assert isinstance(entry["as_of"], date), benefit
        for item in [entry["office"], *entry["deadlines"]]:
            assert set(item) == {"de", "en"}, (benefit, item)
        for item in entry["documents"]:  # the key is what a case ticks (antragsmappe.applications[].documents)
            assert set(item) == {"key", "de", "en"}, (benefit, item)
        for item in entry["forms"]:  # a form whose number is not confirmed says so to the advisor only
            assert set(item) - {"number_unverified"} == {"key", "de", "en"}, (benefit, item)
        keys = [item["key"] for item in (*entry["forms"], *entry["documents"])]
        assert len(set(keys)) == len(keys), benefit
    return data


def deadline_figures(on: date | None = None, language: str = "de") -> dict[str, str]:
    """The legal periods the deadline texts name, from params.yaml on ``on`` (today by default).

    ``kg_months``: § 70 Abs. 1 Satz 2 EStG, ``uvg_months``: § 4 UVG; ``uvg_period`` names the UVG period in
    words of ``language`` ("den letzten Monat" is "1 Monat", never "1 Monat(e)").
    """
    from workbench.i18n import text
    from workbench.parameters import parameters

    ps, day = parameters("leistungen"), on or clock_today()
    uvg = int(ps.value("uvg_rueckwirkung_monate", day))
    return {"kg_months": str(ps.value("kindergeld_rueckwirkung_monate", day)), "uvg_months": str(uvg),
            "uvg_period": text("leistungen.months_one" if uvg == 1 else "leistungen.months_many", language, n=uvg)}


def office_info(benefit: str, language: str, on: date | None = None) -> dict[str, Any]:
    """``office``, ``forms``, ``deadlines``, ``documents`` of ``benefit`` in ``language`` (periods as on ``on``).

    ``checklist`` is every form and document with its key, in that order: what the application folder
    ticks (``antragsmappe.applications[].documents`` holds the keys, docs/case-format.md).
    """
    entry = offices()[benefit]
    lang = "en" if language == "en" else "de"
    figures = deadline_figures(on, lang)
    return {
        "office": {"name": entry["office"][lang], "channel": entry["channel"], "online": entry["online"] or None},
        "forms": [f[lang] for f in entry["forms"]],
        "forms_number_unverified": [f[lang] for f in entry["forms"] if f.get("number_unverified")],
        "deadlines": [d[lang].format(**figures) for d in entry["deadlines"]],
        "documents": [d[lang] for d in entry["documents"]],
        "checklist": [(item["key"], item[lang]) for item in (*entry["forms"], *entry["documents"])],
        "office_unverified": bool(entry["unverified"]),
        "source": entry["reference"],
        "as_of": entry["as_of"],
    }
