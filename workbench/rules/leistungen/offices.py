"""Office, channel, forms, deadlines and documents per benefit for Bochum (``offices.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

OFFICES = Path(__file__).with_name("offices.yaml")
BENEFITS = ("kindergeld", "kinderfreibetrag", "kinderzuschlag", "bildung_teilhabe", "unterhaltsvorschuss", "wohngeld")


@lru_cache(maxsize=1)
def offices() -> dict[str, dict[str, Any]]:
    """The whole file, checked: every benefit with office, channel, forms, deadlines, documents in de and en."""
    data: dict[str, dict[str, Any]] = yaml.safe_load(OFFICES.read_text(encoding="utf-8"))
    for benefit in BENEFITS:
        entry = data[benefit]
        assert entry["channel"] in ("online", "form"), benefit
        assert entry["reference"].strip(), benefit
        for item in [entry["office"], *entry["forms"], *entry["deadlines"], *entry["documents"]]:
            assert set(item) == {"de", "en"}, (benefit, item)
    return data


def office_info(benefit: str, language: str) -> dict[str, Any]:
    """``office``, ``forms``, ``deadlines``, ``documents`` of ``benefit`` in ``language``."""
    entry = offices()[benefit]
    lang = "en" if language == "en" else "de"
    return {
        "office": {"name": entry["office"][lang], "channel": entry["channel"], "online": entry["online"] or None},
        "forms": [f[lang] for f in entry["forms"]],
        "deadlines": [d[lang] for d in entry["deadlines"]],
        "documents": [d[lang] for d in entry["documents"]],
        "office_unverified": bool(entry["unverified"]),
    }
