"""Playwright on Debian's chromium for the deploy tests (same settings as tests/browser)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import LAUNCH_ARGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, **LAUNCH_ARGS}
