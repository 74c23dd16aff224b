"""Load the directory's reference data: States, M49 areas, regional groups, groups of States
(with their names in the six languages).

The list of the 193 Member States, their codes and their names in the six UN
languages come from the data that hdx-python-country ships (its live download
is switched off: nothing is fetched at run time). What that package does not
carry — the observer States, the regional groups, the M49 area names in six
languages, the groups of States with their dated memberships and the English
names of the day with their articles (`state_names.yaml`) — lives in YAML
files beside this package's models, each naming its source and date.
Loading is idempotent: running it again updates rows in place.
"""

from __future__ import annotations

import datetime
import gc
import warnings
from functools import cache
from typing import Any

from django.db import transaction
from hdx.location.country import Country

from convener.directory.models import (
    M49Area,
    MembershipStatus,
    State,
    StateGroup,
    StateGroupChair,
    StateGroupMembership,
)
from convener.directory.reference_names import read_data_file

_HDX_LANGUAGE_COLUMNS = {
    "ar": "Arabic Short",
    "zh": "Chinese Short",
    "fr": "French Short",
    "ru": "Russian Short",
    "es": "Spanish Short",
}


@cache
def _hdx_countries() -> dict[str, dict[str, Any]]:
    Country.set_use_live_default(False)
    # The package leaves its CSV file open; collect it here, where its
    # ResourceWarning is known and harmless, rather than at a random later point.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        countries = Country.countriesdata(use_live=False)["countries"]
        gc.collect()
    return countries


def _names(row: dict[str, Any], naming: dict[str, Any]) -> dict[str, str]:
    # DGACM's short English name ("Netherlands") is how UN meetings name a
    # State; UNTERM's ("Netherlands (Kingdom of the)") is the fallback; the
    # names file corrects both where they are out of date ("Czech Republic").
    names = {"en": naming.get("short") or row.get("DGACM Alt Term") or row["Preferred Term"]}
    for language, column in _HDX_LANGUAGE_COLUMNS.items():
        names[language] = row.get(column) or row.get(column.replace("Short", "")) or names["en"]
    return names


def _load_areas() -> dict[str, M49Area]:
    areas: dict[str, M49Area] = {}
    for entry in read_data_file("m49_regions.yaml")["areas"]:
        parent = areas.get(entry["parent"]) if entry.get("parent") else None
        area, _ = M49Area.objects.update_or_create(
            code=entry["code"],
            defaults={"level": entry["level"], "parent": parent, "names": entry["names"]},
        )
        areas[area.code] = area
    return areas


def _regional_groups() -> tuple[dict[str, str], dict[str, str], list[dict[str, Any]]]:
    membership = read_data_file("un_membership.yaml")
    group_of: dict[str, str] = {}
    for group_key, group in membership["regional_groups"].items():
        for iso3 in group["members"]:
            group_of.setdefault(iso3, group_key)
    notes: dict[str, str] = {}
    for case in membership.get("special_cases", []):
        group_of[case["iso3"]] = case["counts_as"]
        notes[case["iso3"]] = case.get("note", "")
    return group_of, notes, membership["observers"]


def _area(areas: dict[str, M49Area], code: str | None) -> M49Area | None:
    return areas.get(f"{int(code):03d}") if code else None


def _state_names() -> tuple[frozenset[str], dict[str, dict[str, Any]]]:
    """The States whose short name takes "the", and the names file's entries by ISO code."""
    data = read_data_file("state_names.yaml")
    return frozenset(data["articles"]["states"]), {e["iso3"]: e for e in data["states"]}


def _earlier_names(naming: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "short": earlier["short"],
            "formal": earlier.get("formal", ""),
            "article": bool(earlier.get("article")),
            "until": str(earlier["until"]),
            "source": earlier.get("source", ""),
        }
        for earlier in naming.get("earlier", [])
    ]


def _naming_fields(
    iso3: str, row: dict[str, Any], names_file: tuple[frozenset[str], dict[str, dict[str, Any]]]
) -> dict[str, Any]:
    with_article, entries = names_file
    naming = entries.get(iso3, {})
    return {
        "names": _names(row, naming),
        "formal_name": naming.get("formal") or row.get("English Formal") or "",
        "article": naming.get("article", iso3 in with_article),
        "earlier_names": _earlier_names(naming),
        "name_source": naming.get("source", "UNTERM, through hdx-python-country")[:300],
    }


def _load_states(areas: dict[str, M49Area]) -> int:
    group_of, notes, observers = _regional_groups()
    names_file = _state_names()
    observer_codes = {observer["iso3"] for observer in observers}
    rows = _hdx_countries()
    loaded = 0
    for iso3, row in rows.items():
        is_member = row.get("Appears in DGACM list") == "Y"
        if not is_member and iso3 not in observer_codes:
            continue
        State.objects.update_or_create(
            iso3=iso3,
            defaults={
                "iso2": row["ISO 3166-1 Alpha 2-Codes"],
                "m49": f"{int(row['m49 numerical code']):03d}",
                **_naming_fields(iso3, row, names_file),
                "status": MembershipStatus.MEMBER if is_member else MembershipStatus.OBSERVER,
                "region": _area(areas, row.get("Region Code")),
                "sub_region": _area(areas, row.get("Sub-region Code")),
                "intermediate_region": _area(areas, row.get("Intermediate Region Code")),
                "regional_group": group_of.get(iso3, "") if is_member else "",
                "regional_group_note": notes.get(iso3, ""),
            },
        )
        loaded += 1
    return loaded


def _date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _load_state_groups(states: dict[str, State]) -> int:
    groups = read_data_file("state_groups.yaml")["groups"]
    for entry in groups:
        group, _ = StateGroup.objects.update_or_create(
            key=entry["key"],
            defaults={
                "name": entry["name"],
                "short_name": entry.get("short_name", ""),
                "names": entry.get("names", {}),
                "kind": entry["kind"],
                "source": entry.get("source", "")[:300],
                "as_of": _date(entry.get("as_of")),
            },
        )
        group.memberships.all().delete()
        StateGroupMembership.objects.bulk_create(
            StateGroupMembership(
                group=group,
                state=states[member["iso3"]],
                since=_date(member.get("since")),
                until=_date(member.get("until")),
            )
            for member in entry.get("members", [])
        )
        group.chairs.all().delete()
        StateGroupChair.objects.bulk_create(
            StateGroupChair(
                group=group,
                state=states[chair["iso3"]],
                starts=datetime.date.fromisoformat(str(chair["from"])),
                ends=datetime.date.fromisoformat(str(chair["to"])),
            )
            for chair in entry.get("chairs", [])
        )
    return len(groups)


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    """Create or update every State, M49 area and group of States. Returns the counts."""
    areas = _load_areas()
    state_count = _load_states(areas)
    states = {state.iso3: state for state in State.objects.all()}
    group_count = _load_state_groups(states)
    return {"areas": len(areas), "states": state_count, "groups": group_count}


def reference_data_loaded() -> bool:
    return State.objects.exists()
