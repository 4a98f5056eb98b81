"""The page template is compiled once per server (issue 23: 18 % of the server's CPU under load went into
compiling the same Jinja templates for every page). What a page shows must not change."""

from __future__ import annotations

import jinja2
import pytest

from workbench.serve import templates


def test_a_template_is_compiled_once_and_again_only_when_its_source_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = templates.MemoryBytecodeCache()
    sources = {"seite.html": "<p>{{ name }}</p>"}
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str):  # type: ignore[no-untyped-def]
            compiled.append(filename)
            return super()._compile(source, filename)

    def render(name: str) -> str:  # a new environment per page, as Voilà's exporter makes one
        env = Counting(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("seite.html").render(name=name)

    assert render("Eva") == "<p>Eva</p>"
    assert render("Jonas") == "<p>Jonas</p>"
    assert len(compiled) == 1  # the second environment took the compiled code
    sources["seite.html"] = "<div>{{ name }}</div>"
    assert render("Eva") == "<div>Eva</div>"  # a changed template is compiled anew, not served stale
    assert len(compiled) == 2


def test_voilas_page_renderer_shares_the_cache_and_async_templates_get_their_own() -> None:
    import voila.notebook_renderer as renderer

    templates.install()
    templates.install()  # idempotent: one subclass, not a chain
    exporter_class = renderer.VoilaExporter
    assert exporter_class.shares_compiled_templates
    assert exporter_class.__mro__[1].__name__ == "VoilaExporter"
    first, second = exporter_class(contents_manager=None), exporter_class(contents_manager=None)
    assert first.environment is not second.environment  # Voilà's new environment per page …
    assert first.environment.bytecode_cache is second.environment.bytecode_cache is templates._CACHES[True]
    assert templates._CACHES[False] is not templates._CACHES[True]  # … and plain templates compile apart
