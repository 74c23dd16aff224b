"""The 169 targets of the Sustainable Development Goals, as reference data
(`themes/data/sdg_targets.yaml`, with its source and date)."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from convener.search.meaning import Vectors

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


@functools.cache
def target_vectors() -> tuple[tuple[str, ...], Vectors]:
    """The targets' numbers and their texts' vectors, row by row, embedded
    once per process (about five seconds)."""
    # The model and NumPy are loaded by the first comparison, not with this module.
    from convener.search.meaning import embed_passages

    targets = sdg_targets().targets
    return tuple(targets), embed_passages(list(targets.values()))


def policy_direction() -> Vectors:
    """What any text about sustainable development shares with any other: the
    mean of the targets' vectors, taken away before statements are compared."""
    return target_vectors()[1].mean(axis=0)
