"""The calm page theme, shipped with the package so Voila and JupyterLab look alike."""

from __future__ import annotations

from functools import lru_cache
import ipywidgets as w

from workbench.resources import beside

THEME_CSS = beside(__name__, "theme.css")


@lru_cache(maxsize=1)
def theme_css() -> str:
    """The stylesheet text of ``theme.css``."""
    return THEME_CSS.read_text(encoding="utf-8")


def theme_style() -> w.HTML:
    """An invisible widget that carries the stylesheet into the page."""
    return w.HTML(value=f"<style>{theme_css()}</style>", layout=w.Layout(display="none"))
