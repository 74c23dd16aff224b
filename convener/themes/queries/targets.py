"""The 169 targets of the Sustainable Development Goals, as reference data
(`themes/data/sdg_targets.yaml`, with its source and date)."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "sdg_targets.yaml"


@dataclass(frozen=True)
class TargetList:
    """The targets by number ("10.7") with their official English texts."""

    targets: dict[str, str]
    source: str
    resolution: str
    adopted: datetime.date


@functools.cache
def sdg_targets() -> TargetList:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return TargetList(
        targets={str(code): str(text) for code, text in data["targets"].items()},
        source=" ".join(str(data["source"]).split()),
        resolution=str(data["resolution"]),
        adopted=data["adopted"],
    )


def target_text(code: str) -> str:
    """The official text of a target, or "" for a number that is none."""
    return sdg_targets().targets.get(code, "")
