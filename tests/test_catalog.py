"""Every message key the code uses exists in German and English (workbench/messages/*.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.i18n import LANGUAGES, catalog

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"
USES = re.compile(r"""(?:expl\.add|text|Violation)\(\s*["']([a-z_]+\.[a-z_0-9.]+)["']""")


def test_every_catalog_entry_has_german_and_english() -> None:
    for key, texts in catalog().items():
        for language in LANGUAGES:
            assert texts.get(language, "").strip(), f"{key} lacks {language}"


def test_every_key_used_in_the_code_is_in_the_catalog() -> None:
    used = {m.group(1) for path in PACKAGE.rglob("*.py") for m in USES.finditer(path.read_text(encoding="utf-8"))}
    assert used, "the pattern found no message keys"
    missing = sorted(k for k in used if k not in catalog())
    assert not missing, missing


def test_every_planning_rule_id_has_a_message() -> None:
    from workbench.rules.elterngeld.plan import RULES

    for rule in RULES:
        assert f"plan.{rule.__name__}" in catalog()


def test_every_public_rule_function_cites_its_legal_basis() -> None:
    import inspect

    from workbench.rules.elterngeld import bemessung, betrag, lebensmonate, netto, plan

    missing = [
        f"{module.__name__}.{name}"
        for module in (bemessung, betrag, lebensmonate, netto, plan)
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__ and not name.startswith("_")
        and "Rechtsgrundlage:" not in (fn.__doc__ or "") and name not in {"check_plan"}
    ]
    assert not missing, missing
