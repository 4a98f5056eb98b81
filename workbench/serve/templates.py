"""The page template compiled once per server, not once per page.

Voilà renders every page (and every preheated kernel's page) with a new ``VoilaExporter``, and
nbconvert gives each exporter a new Jinja environment: the lab template's files (``index.html.j2``,
``base.html.j2`` and the ones they import) were parsed and compiled to Python again for every page.
A profile of the server under twenty pages a minute (``py-spy`` during ``benchmarks/load.py
--client protocol``; issue 23) put 18 % of the server process's CPU into ``Environment.compile``.

:func:`install` gives every exporter's environment one shared in-memory bytecode cache. Jinja keys a
compiled template by its name and checks it against a checksum of the template's source, so a
changed template file is compiled anew; async and plain environments (their compiled code differs)
get a cache each. What the page shows is unchanged: only the compiling is kept.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

__all__ = ["MemoryBytecodeCache", "install"]


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process (the server's one thread: no locking needed)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # a stale entry (other checksum) is dropped by the bucket

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_CACHES = {True: MemoryBytecodeCache(), False: MemoryBytecodeCache()}


def install() -> None:
    """Make Voilà's page renderer use an exporter whose environments share the caches (idempotent)."""
    import voila.notebook_renderer as renderer
    from voila.exporter import VoilaExporter

    if getattr(renderer.VoilaExporter, "shares_compiled_templates", False):
        return

    class CachingVoilaExporter(VoilaExporter):  # type: ignore[misc]  # voila is untyped
        shares_compiled_templates = True

        def _create_environment(self) -> Any:
            environment = super()._create_environment()
            environment.bytecode_cache = _CACHES[bool(self.enable_async)]
            return environment

    renderer.VoilaExporter = CachingVoilaExporter
