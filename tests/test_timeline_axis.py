"""Issue 24: the timelines say which calendar months they show — month names under the Lebensmonate."""

from __future__ import annotations

import json
import re
from datetime import date

from tests.shared import SHARED
from workbench.case import load_case
from workbench.evaluation.vergleich import compare, plan_choices
from workbench.report.vergleich import chart_svg
from workbench.ui.pages.lebenslagen.zeitleiste import label_step, month_starts, timeline_svg


def _axis(svg: str) -> list[str]:
    return re.findall(r'class="wb-axis-date">([^<]+)<', svg)


def test_the_comparison_chart_names_the_month_each_lebensmonat_starts_in() -> None:
    """ex-money-021: birth 13 May 2026; Lebensmonat 3 starts on 13 July, 6 on 13 October 2026, 9 on 13 January 2027
    (§ 4 Abs. 1 BEEG: Lebensmonate count from the birthday)."""
    data = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-021.json").read_text(encoding="utf-8"))["case"]
    case = load_case(data)
    assert case.plan_child().birth_date == date(2026, 5, 13)
    view = compare(case, plan_choices(case)[:1])
    svg = chart_svg(view, view.columns[0], "c")
    numbers = re.findall(r'fill="#1b1b1b">(\d+)</text>', svg)
    assert numbers[:3] == ["1", "3", "6"]
    assert _axis(svg)[:3] == ["Juli 26", "Okt 26", "Jan 27"] and len(_axis(svg)) == len(numbers) - 1  # under 3, 6, 9 …
    english_case = load_case({**data, "language": "en"})
    english = compare(english_case, plan_choices(english_case)[:1])
    assert _axis(chart_svg(english, english.columns[0], "c"))[:3] == ["Jul 26", "Oct 26", "Jan 27"]


def test_the_lebenslagen_timeline_has_a_month_axis_with_the_years() -> None:
    data = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-020.json").read_text())["case"]
    data["elternzeit"] = {"periods": [{"parent": "A", "start": "2025-11-13", "end": "2026-09-16"}]}
    svg = timeline_svg(load_case(data), "de", date(2025, 9, 1))
    # the Schutzfrist starts 6 August 2025, the Elternzeit ends 16 September 2026 … November: every month named
    assert _axis(svg) == ["Sept", "Okt", "Nov", "Dez", "Jan", "Feb", "März", "Apr", "Mai", "Juni", "Juli", "Aug", "Sept",
                          "Okt", "Nov"]
    assert re.findall(r'font-weight="bold" fill="#1b1b1b">(\d+)<', svg) == ["2025", "2026"]
    assert label_step(14) == 1 and label_step(32) == 2 and label_step(50) == 3
    assert month_starts(date(2025, 8, 6), date(2025, 11, 30)) == [date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 1)]


def test_no_label_of_the_lebenslagen_timeline_runs_off_its_right_edge() -> None:
    """walk10: an Elternzeit up to 31 January 2030 put January's tick ~20 px before the end; its year printed as "203"
    (cut at the drawing's edge). Each label's right end (at most 7 px per character at 11 px) lies inside the view."""
    data = json.loads((SHARED / "examples" / "elterngeld" / "ex-money-020.json").read_text())["case"]
    data["elternzeit"] = {"periods": [{"parent": "A", "start": "2025-11-13", "end": "2028-01-31"}]}
    svg = timeline_svg(load_case(data), "de", date(2025, 9, 1))
    view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    labels = re.findall(r'<text x="([\d.]+)"([^>]*)>([^<]+)</text>', svg)
    assert "2028" in [label for _, _, label in labels]
    for x, rest, label in labels:
        right = float(x) if 'text-anchor="end"' in rest else float(x) + 7 * len(label)
        assert right <= view_width and right - 7 * len(label) >= 0, (x, label, view_width)
    # seen on the last days of the drawing, the words "heute …" stand left of the line
    late = timeline_svg(load_case(data), "de", date(2028, 1, 25))
    assert re.search(r'text-anchor="end" y="[\d.]+" font-size="11" fill="#111">heute 25.01.2028<', late)
