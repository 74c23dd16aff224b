"""Figures a test run prints beside pytest's own summary, such as how many
requests a property-based or matrix test made."""

import pytest


def print_figure(request: pytest.FixtureRequest, line: str) -> None:
    """Print one line to the terminal even while pytest captures output."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n{line}")  # noqa: T201 - the run's figure, asked for in the output
