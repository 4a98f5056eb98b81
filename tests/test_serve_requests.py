"""Which page requests the server answers with a kernel, decided without a server (real server: tests/deploy/).

Issue 25: a regex on the raw, percent-encoded path let ``//maintainers/…``, ``%6daintainers``,
``maintainers%2f…``, ``./maintainers`` and ``start.ipynb/../maintainers`` through, and an
``<img>`` on another site started kernels. These tests pin the decisions that replaced it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.serve.limits import RateLimit
from workbench.serve.page_requests import Origin, decoded_path, page_request_origin, served_notebook

HOST = "127.0.0.1:8866"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """A served folder like notebooks/, with a sub-folder that must never be a page, and a sibling outside."""
    served = tmp_path / "notebooks"
    (served / "unter").mkdir(parents=True)
    for name in ("start.ipynb", "elterngeld.ipynb"):
        (served / name).write_text("{}", encoding="utf-8")
    (served / "unter" / "geheim.ipynb").write_text("{}", encoding="utf-8")
    (served / ".versteckt.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "maintainers").mkdir()
    (tmp_path / "maintainers" / "parameter.ipynb").write_text("{}", encoding="utf-8")
    (served / "link.ipynb").symlink_to(tmp_path / "maintainers" / "parameter.ipynb")
    return served


ISSUE_VARIANTS = ["/maintainers/parameter.ipynb", "%6daintainers/parameter.ipynb", "maintainers%2fparameter.ipynb",
                  "./maintainers/parameter.ipynb", "start.ipynb/../maintainers/parameter.ipynb"]


@pytest.mark.parametrize("path", ISSUE_VARIANTS + ["../maintainers/parameter.ipynb", "%2e%2e/maintainers/parameter.ipynb",
                                                   "..%2Fmaintainers%2Fparameter.ipynb", "%252e%252e%252fmaintainers",
                                                   "unter/geheim.ipynb", "unter%2Fgeheim.ipynb", ".versteckt.ipynb",
                                                   "link.ipynb", "START.ipynb", "start.ipynb%00", "start.ipynb\\..",
                                                   "", "/", "..", "start", "%ff.ipynb"])
def test_no_spelling_reaches_anything_but_a_top_level_advisor_notebook(tree: Path, path: str) -> None:
    assert served_notebook(path, tree) is None


@pytest.mark.parametrize("path, name", [("start.ipynb", "start.ipynb"), ("/start.ipynb", "start.ipynb"),
                                        ("./start.ipynb", "start.ipynb"), ("%73tart.ipynb", "start.ipynb"),
                                        ("unter/../elterngeld.ipynb", "elterngeld.ipynb"),
                                        ("%2Fstart%2Eipynb", "start.ipynb")])
def test_other_spellings_of_a_served_page_mean_that_page(tree: Path, path: str, name: str) -> None:
    assert served_notebook(path, tree) == name


def test_decoding_repeats_until_nothing_is_left_to_decode() -> None:
    assert decoded_path("..%252fmaintainers") is None  # %252f → %2f → / → leaves the root
    assert decoded_path("a%252Fb%2F..%2F..%2Fc") == "c"
    assert decoded_path("%6D%61intainers") == "maintainers"


SEGMENTS = st.sampled_from(["maintainers", "parameter.ipynb", "start.ipynb", ".", "..", "", "unter", "%2e", "%2E%2E"])
SEPARATORS = st.sampled_from(["/", "//", "%2f", "%2F", "%252f", "/./", "%2F.%2F"])


def _encode_some(text: str, data: st.DataObject) -> str:
    """Percent-encode a random choice of characters, in upper or lower case hex."""
    out = []
    for ch in text:
        if data.draw(st.booleans()):
            escaped = quote(ch, safe="")
            escaped = escaped if escaped != ch else f"%{ord(ch):02X}"
            out.append(escaped.lower() if data.draw(st.booleans()) else escaped)
        else:
            out.append(ch)
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_fuzz_any_encoding_of_any_path_gives_a_top_level_notebook_or_nothing(tmp_path_factory: pytest.TempPathFactory,
                                                                                data: st.DataObject) -> None:
    root = tmp_path_factory.getbasetemp() / "fuzz" / "notebooks"
    if not root.exists():
        (root / "maintainers").mkdir(parents=True)
        (root / "start.ipynb").write_text("{}", encoding="utf-8")
        (root / "maintainers" / "parameter.ipynb").write_text("{}", encoding="utf-8")
    parts = data.draw(st.lists(SEGMENTS, min_size=1, max_size=6))
    seps = [data.draw(SEPARATORS) for _ in parts]
    path = "".join(sep + _encode_some(part, data) for sep, part in zip(seps, parts))
    result = served_notebook(path, root)
    assert result in (None, "start.ipynb"), path


# --- who asked -----------------------------------------------------------------------------
@pytest.mark.parametrize("headers", [
    {},  # curl, a test client
    {"Sec-Fetch-Site": "none", "Sec-Fetch-Dest": "document", "Sec-Fetch-Mode": "navigate"},  # address bar
    {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Dest": "document", "Referer": "http://127.0.0.1:8866/voila/render/start.ipynb"},
    {"Referer": "http://127.0.0.1:8866/voila/render/start.ipynb"},  # a browser without Fetch Metadata
    {"Origin": "https://workbench.example", "Sec-Fetch-Site": "same-origin"},
])
def test_pages_of_this_window_start_a_kernel(headers: dict[str, str]) -> None:
    assert page_request_origin(headers, HOST, ("https://workbench.example",)) is Origin.TRUSTED


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "image", "Sec-Fetch-Mode": "no-cors"},  # <img> of the issue
    {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Dest": "image"},  # an image is never a page view
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "script"},
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "empty", "Origin": "https://evil.example"},  # fetch()
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "iframe"},
])
def test_images_scripts_fetches_and_frames_of_other_sites_start_nothing(headers: dict[str, str]) -> None:
    assert page_request_origin(headers, HOST) is Origin.NOT_A_PAGE


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "document", "Sec-Fetch-Mode": "navigate"},  # intranet link
    {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Dest": "document"},  # another port of 127.0.0.1
    {"Referer": "https://evil.example/page"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:9999"},
])
def test_a_link_on_another_site_gets_a_page_with_a_link_but_no_kernel(headers: dict[str, str]) -> None:
    assert page_request_origin(headers, HOST) is Origin.FOREIGN_PAGE


# --- how often -------------------------------------------------------------------------------
class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_may_start_a_burst_of_pages_then_one_every_thirty_seconds() -> None:
    clock = _Clock()
    limit = RateLimit(burst=3, per_minute=2, clock=clock)
    assert [limit.take("ip:10.0.0.1") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limit.take("ip:10.0.0.1") == pytest.approx(30.0)
    assert limit.take("ip:10.0.0.2") == 0.0  # another client has its own bucket
    clock.now += 29.0
    assert limit.take("ip:10.0.0.1") == pytest.approx(1.0)
    clock.now += 1.0
    assert limit.take("ip:10.0.0.1") == 0.0
    assert limit.take("ip:10.0.0.1") == pytest.approx(30.0)
    clock.now += 3600.0  # an hour later the burst is back, not more
    assert [limit.take("ip:10.0.0.1") for _ in range(4)][-1] == pytest.approx(30.0)


def test_a_burst_of_zero_switches_the_rate_limit_off() -> None:
    limit = RateLimit(burst=0, per_minute=0)
    assert all(limit.take("ip:1") == 0.0 for _ in range(100))


def test_the_rate_limit_forgets_full_buckets_and_keeps_busy_ones_when_many_clients_come() -> None:
    clock = _Clock()
    limit = RateLimit(burst=2, per_minute=60, clock=clock)
    limit.MAX_CLIENTS = 10
    for i in range(10):
        limit.take(f"ip:old{i}")
    clock.now += 10.0  # the old buckets are full again
    limit.take("ip:busy")
    limit.take("ip:busy")
    assert len(limit._buckets) <= 10 + 1
    assert "ip:busy" in limit._buckets
