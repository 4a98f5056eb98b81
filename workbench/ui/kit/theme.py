"""The calm page theme, shipped with the package so Voila and JupyterLab look alike."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import ipywidgets as w

THEME_CSS = Path(__file__).with_name("theme.css")


@lru_cache(maxsize=1)
def theme_css() -> str:
    """The stylesheet text of ``theme.css``."""
    return THEME_CSS.read_text(encoding="utf-8")


def theme_style() -> w.HTML:
    """An invisible widget that carries the stylesheet into the page."""
    return w.HTML(value=f"<style>{theme_css()}</style>", layout=w.Layout(display="none"))
