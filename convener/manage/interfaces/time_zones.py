"""Picking a series' time zone by city or country, not by typing an IANA name.

The box offers, as one types, every place of the time-zone database's
`zone.tab` with its country from `iso3166.tab` ("New York (United States) —
America/New_York"), and a few cities where the UN meets whose zone is named
after another city ("Geneva (Switzerland) — Europe/Zurich"). Both files come
with the tzdata package, the same data `zoneinfo` reads, or else with the
system's own copy. What is stored stays the IANA name; the box takes a place
picked from the list, a city typed alone when only one zone has that name,
or an IANA name typed in full.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.directory.folding import fold

# Cities that host UN meetings and whose time zone bears another city's name.
# (The time-zone database names each zone after one city of it.)
_MEETING_CITIES = (
    ("Geneva", "CH", "Europe/Zurich"),
    ("The Hague", "NL", "Europe/Amsterdam"),
    ("Bonn", "DE", "Europe/Berlin"),
    ("Turin", "IT", "Europe/Rome"),
    ("Montreal", "CA", "America/Toronto"),
    ("Washington, D.C.", "US", "America/New_York"),
    ("Arusha", "TZ", "Africa/Dar_es_Salaam"),
    ("Busan", "KR", "Asia/Seoul"),
    ("Incheon", "KR", "Asia/Seoul"),
    ("Sharm el-Sheikh", "EG", "Africa/Cairo"),
    ("Marrakech", "MA", "Africa/Casablanca"),
    ("Glasgow", "GB", "Europe/London"),
    ("Entebbe", "UG", "Africa/Kampala"),
)
UTC_LABEL = _("Coordinated Universal Time")
SEPARATOR = " — "
HELP = _("Type a city or a country, then choose from the list. Meeting times are local to it.")


@dataclass(frozen=True)
class Place:
    city: str
    country: str
    zone: str

    @property
    def label(self) -> str:
        return f"{self.city} ({self.country}){SEPARATOR}{self.zone}"


@cache
def places() -> tuple[Place, ...]:
    """Every place offered, by city then country."""
    countries = dict(_rows("iso3166.tab", columns=2))
    found = {
        Place(zone.rsplit("/", 1)[-1].replace("_", " "), countries.get(code, code), zone)
        for code, _coordinates, zone in _rows("zone.tab", columns=3)
    }
    found |= {Place(city, countries.get(code, code), zone) for city, code, zone in _MEETING_CITIES}
    available = zoneinfo.available_timezones()
    return tuple(
        sorted(
            (place for place in found if place.zone in available),
            key=lambda place: (fold(place.city), fold(place.country)),
        )
    )


def label_of(zone: str) -> str:
    """How the box shows a stored zone: the place the zone is named after."""
    if zone == "UTC":
        return f"{UTC_LABEL}{SEPARATOR}UTC"
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    named = [place for place in places() if place.zone == zone]
    for place in named:
        if place.city == city:
            return place.label
    return named[0].label if named else zone


def zone_of(text: str) -> str | None:
    """The IANA name of what was typed or picked in the box, or None."""
    text = " ".join(text.split())
    if SEPARATOR.strip() in text:
        text = text.rsplit(SEPARATOR.strip(), 1)[-1].strip()
    if text in zoneinfo.available_timezones():
        return text
    # A city typed alone, or a country of a single time zone.
    for name in ("city", "country"):
        zones = {place.zone for place in places() if fold(getattr(place, name)) == fold(text)}
        if zones:
            return zones.pop() if len(zones) == 1 else None
    return None


def _rows(name: str, *, columns: int) -> list[list[str]]:
    rows = []
    for line in _table(name).splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t")[:columns])
    return rows


def _table(name: str) -> str:
    """A table of the time-zone database: tzdata's copy, else the system's."""
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        for folder in zoneinfo.TZPATH:
            path = Path(folder, name)
            if path.exists():
                return path.read_text(encoding="utf-8")
    return ""


class PlaceInput(forms.TextInput):
    """A text box that suggests places as one types (a `datalist`)."""

    template_name = "manage/widgets/place_input.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id', name)}-places"
        widget["attrs"]["list"] = widget["list_id"]
        widget["places"] = [f"{UTC_LABEL}{SEPARATOR}UTC", *(p.label for p in places())]
        return context

    def format_value(self, value: Any) -> str | None:
        if value and value in zoneinfo.available_timezones():
            return label_of(value)
        return super().format_value(value)


class TimeZoneField(forms.CharField):
    """A time zone picked by city or country; its value is the IANA name."""

    widget = PlaceInput

    default_error_messages = {
        "invalid": _(
            "Choose a city or country from the list, such as "
            "“Geneva (Switzerland) — Europe/Zurich”."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs["help_text"] = HELP
        kwargs.pop("max_length", None)
        super().__init__(max_length=200, **kwargs)
        self.widget.attrs.update({"autocomplete": "off"})

    def has_changed(self, initial: Any, data: Any) -> bool:
        return (zone_of(data or "") or data or "") != (initial or "")

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return text
        zone = zone_of(text)
        if zone is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return zone
