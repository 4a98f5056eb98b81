"""libyaml reads the shipped YAML exactly as the pure-Python loader did (issue 23: kernels start faster).

The message catalogs took 1.4 s of every wizard kernel's start with PyYAML's pure-Python scanner and
0.05 s with libyaml; the parameters are read with the same parser under the Decimal loader.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from workbench import parameters as params_module
from workbench.errors import ParameterError
from workbench.parameters import load_yaml_text, parameter_files
from workbench.resources import resource_path, safe_yaml

SHIPPED = sorted({*resource_path("messages").glob("*.yaml"), *resource_path("rules").glob("*/*.yaml"),
                  *resource_path("templates").glob("**/*.yaml")})


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "the PyYAML wheel is built with libyaml"
    assert issubclass(params_module._DecimalLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_yaml_reads_the_same_with_libyaml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert safe_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506


def test_the_parameter_loader_keeps_exact_decimals_and_refuses_duplicate_keys() -> None:
    assert load_yaml_text("a: 0.1\nb: 1_000\nc: 0x10\n") == {"a": Decimal("0.1"), "b": Decimal("1000"),
                                                           "c": Decimal("16")}
    with pytest.raises(ParameterError, match="duplicate key 'a' at line 2"):
        load_yaml_text("a: 1\na: 2\n")


def test_a_preheated_page_reads_every_benefits_parameters_before_its_request(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ui.kit.preheat import warm_parameters

    read: list[str] = []
    real = params_module.parameters

    def recording(benefit: str) -> params_module.ParameterSet:
        read.append(benefit)
        return real(benefit)

    monkeypatch.setattr(params_module, "parameters", recording)
    warm_parameters()
    assert read == list(parameter_files()) and {"elterngeld", "leistungen", "wohngeld"} <= set(read)
