"""Every public rule function of the Kita, Pflege and Vorsorge rules cites its legal basis."""

from __future__ import annotations

import inspect

from workbench.parameters import parameters
from workbench.rules.kita import anspruch, beitrag
from workbench.rules.pflege import freistellung, leistungen
from workbench.rules.vorsorge import checklist

MODULES = (anspruch, beitrag, freistellung, leistungen, checklist)
PLUMBING = {"unverified", "sources", "document_citation", "item_ids"}


def test_every_public_rule_function_says_rechtsgrundlage() -> None:
    missing = [f"{m.__name__}.{name}" for m in MODULES for name, fn in inspect.getmembers(m, inspect.isfunction)
               if fn.__module__ == m.__name__ and not name.startswith("_") and name not in PLUMBING
               and "Rechtsgrundlage:" not in (fn.__doc__ or "")]
    assert not missing, missing


def test_every_parameter_has_a_reference_and_unverified_ones_say_so() -> None:
    for benefit in ("kita", "pflege", "vorsorge"):
        for name, param in parameters(benefit).parameters.items():
            for value in param.values:
                assert value.reference.strip(), f"{benefit}.{name}"
    # the values the sources disagree on are marked, so the result says "bitte prüfen"
    assert "nicht verifiziert" in parameters("pflege").parameters["tagespflege_m"].values[0].reference
    assert "nicht verifiziert" in parameters("kita").parameters["beitragsfrei_einkommen_y"].values[0].reference
