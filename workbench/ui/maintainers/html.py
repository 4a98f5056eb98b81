"""HTML pieces of the maintainer views: accessible tables and a plain bar chart."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal

from workbench.i18n import format_money


def table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = (),
          css_class: str = "wb-table", row_classes: Sequence[str] | None = None) -> str:
    """A table with a caption, column headers and the first cell of each row as row header."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, cell in enumerate(row):
            tag = "th" if j == 0 else "td"
            scope = ' scope="row"' if j == 0 else ""
            cls = ' class="wb-num"' if j in numeric else ""
            cells.append(f"<{tag}{scope}{cls}>{html.escape(cell)}</{tag}>")
        row_class = f' class="{row_classes[i]}"' if row_classes and row_classes[i] else ""
        body.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    return (f'<table class="{css_class}"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def bar_chart(caption: str, items: Sequence[tuple[str, Decimal]], language: str) -> str:
    """Horizontal bars for signed amounts (more: green to the right, less: red to the left).

    The figure repeats the table's numbers as text, so it is never the only carrier of a value.
    """
    largest = max((abs(v) for _, v in items), default=Decimal(0)) or Decimal(1)
    bars = []
    for label, value in items:
        width = float(abs(value) / largest * 50)
        side = "wb-bar-plus" if value >= 0 else "wb-bar-minus"
        offset = 50 if value >= 0 else 50 - width
        sign = "+" if value > 0 else ""
        bars.append(
            f'<div class="wb-bar-row"><span class="wb-bar-label">{html.escape(label)}</span>'
            f'<span class="wb-bar-track"><span class="wb-bar {side}" '
            f'style="left:{offset:.2f}%;width:{width:.2f}%"></span></span>'
            f'<span class="wb-bar-value">{html.escape(sign + format_money(value, language))}</span></div>')
    return (f'<figure class="wb-bars"><figcaption>{html.escape(caption)}</figcaption>'
            f"{''.join(bars)}</figure>")


def pre(text_block: str, css_class: str = "wb-diff") -> str:
    """Preformatted text (a diff) with added and removed lines marked."""
    lines = []
    for line in text_block.splitlines():
        cls = "wb-diff-add" if line.startswith("+") and not line.startswith("+++") else (
            "wb-diff-del" if line.startswith("-") and not line.startswith("---") else "")
        escaped = html.escape(line)
        lines.append(f'<span class="{cls}">{escaped}</span>' if cls else escaped)
    return f'<pre class="{css_class}">' + "\n".join(lines) + "</pre>"


def alert(messages: Sequence[str], language: str, css_class: str = "wb-alert wb-alert-general") -> str:
    """Messages as an alert that screen readers announce ('' when there are none)."""
    if not messages:
        return ""
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
    return f'<div class="{css_class}" role="alert" lang="{language}"><ul>{items}</ul></div>'
