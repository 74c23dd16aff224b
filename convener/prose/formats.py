"""Dates, times, numbers and lists as the reader's language writes them, from CLDR.

Every page, document, e-mail and message that shows a person a date, a time,
a span of time or a number formats it here, in the active language, with the
patterns of the Unicode CLDR (through Babel): "13 July 2016",
"13 juillet 2016", "13 июля 2016 г.", "2016年7月13日", "13 de julio de 2016",
"13 يوليو 2016"; a span of time with the language's own interval pattern,
"10:00–13:00" or "10:00 – 13:00". Files for machines (iCalendar times, the
API's and the series format's ISO dates, the schedule XML) do not come here:
they keep one form in every language.

The choices CLDR leaves open:

- English is CLDR's British English (`en_GB`), the English of the UN's
  documents: day before month, 24-hour times, "10:00–13:00". Its date with a
  weekday drops CLDR's comma ("Wednesday 20 July 2016"), as the series' own
  programmes print it; CLDR writes it so for Irish English.
- Times are on the 24-hour clock in every language (CLDR's `Hm` skeleton), as
  the forms take them.
- A list of names in running text ("Austria, Ireland and Tuvalu") is joined
  with CLDR's list patterns, never with ", " and a translated "and": Chinese
  writes "奥地利、爱尔兰和图瓦卢" with no spaces, Arabic attaches its "and" to the
  name that follows ("النمسا وأيرلندا"). Spanish writes "e" for "y" before a
  word that starts with the sound "i" ("Austria e Irlanda"), as CLDR's own
  rule for Spanish lists says and Babel does not apply.
- French contracts "de" and "à" with the article a name brings ("des
  Pays-Bas", "au Mexique") and elides "de" before a vowel ("d'Israël"): a
  message that puts a name after them is filled by `filled`.
- Arabic is written with Western digits ("13 يوليو 2016", "10:00–13:00"), not
  Arabic-Indic ones ("١٣ يوليو ٢٠١٦"): the Arabic versions of UN documents
  write their dates, numbers and symbols so ("15 تموز/يوليه 2016",
  "A/71/150"), and a UN symbol or a figure then reads the same in all six
  languages. Babel writes the digits of dates in Western form whatever the
  locale; numbers are asked for the Latin numbering system explicitly.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_time
from babel.lists import format_list
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

# The CLDR locale of each interface language; another language is read by
# Django's name for it ("pt-br" → pt_BR).
_LOCALES = {
    "ar": "ar",
    "zh-hans": "zh_Hans_CN",
    "en": "en_GB",
    "fr": "fr",
    "ru": "ru",
    "es": "es",
}
_FALLBACK = "en_GB"
_DIGITS = "latn"  # Western digits in every language, Arabic included (see above)
_TIME = "Hm"  # a CLDR skeleton: hours (00–23) and minutes
_SHORT_DATE = "yMMMd"  # a CLDR skeleton: "13 Jul 2016", "13 июл. 2016 г."
# A date with its weekday, where a language departs from CLDR's full date (see above).
_WEEKDAY_DATES = {"en_GB": "EEEE d MMMM y"}


def cldr_locale(language: str | None = None) -> Locale:
    """The CLDR locale of a Django language code, by default the active one."""
    return _parsed((language or translation.get_language() or settings.LANGUAGE_CODE).lower())


@lru_cache(maxsize=32)
def _parsed(language: str) -> Locale:
    name = _LOCALES.get(language) or translation.to_locale(language)
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(_FALLBACK)


def _day(value: datetime.date) -> datetime.date:
    # A moment's date as given: the caller has put it in the time zone it means.
    return value.date() if isinstance(value, datetime.datetime) else value


def long_date(value: datetime.date) -> str:
    """ "13 July 2016", "13 июля 2016 г.", "2016年7月13日"."""
    return format_date(_day(value), "long", locale=cldr_locale())


def weekday_date(value: datetime.date) -> str:
    """ "Wednesday 20 July 2016", "mercredi 20 juillet 2016", "2016年7月20日星期三"."""
    locale = cldr_locale()
    return format_date(_day(value), _WEEKDAY_DATES.get(str(locale), "full"), locale=locale)


def short_date(value: datetime.date) -> str:
    """A date in a table: "13 Jul 2016", "13 juil. 2016", "13 يوليو 2016"."""
    locale = cldr_locale()
    return format_date(_day(value), locale.datetime_skeletons[_SHORT_DATE], locale=locale)


def time_of_day(value: datetime.time | datetime.datetime) -> str:
    """ "09:30" ("9:30" in Spanish), on the 24-hour clock."""
    locale = cldr_locale()
    moment = value.time() if isinstance(value, datetime.datetime) else value
    return format_time(moment, locale.datetime_skeletons[_TIME], locale=locale)


def date_and_time(moment: datetime.datetime, *, short: bool = False) -> str:
    """ "2 March 2026, 09:30" (with `short`, "2 Mar 2026, 09:30"), the date and
    time joined as the language joins them; the moment is read on its own clock."""
    locale = cldr_locale()
    day = short_date(moment) if short else long_date(moment)
    joining = str(locale.datetime_formats["medium"]).replace("'", "")
    return joining.format(time_of_day(moment), day)


def time_range(
    start: datetime.time | datetime.datetime,
    end: datetime.time | datetime.datetime,
    *,
    next_day: bool = False,
) -> str:
    """ "10:00–13:00" ("10:00 – 13:00" in French); "22:00–01:00 the next day"
    for a span that ends the day after it starts."""
    first, last = (
        value.time() if isinstance(value, datetime.datetime) else value for value in (start, end)
    )
    times = format_interval(first, last, _TIME, locale=cldr_locale())
    if next_day:
        return _("%(times)s the next day") % {"times": times}
    return times


def number(value: int | float | Decimal) -> str:
    """ "100,000", "100 000" (French and Russian), "100.000" (Spanish)."""
    return format_decimal(value, locale=cldr_locale(), numbering_system=_DIGITS)


# Spanish "y" becomes "e" before the sound "i" ("Austria e Irlanda"), but not
# before "hie"/"hia" and the like, where the "i" is a consonant ("y hierro").
_SPANISH_I_SOUND = re.compile(r"(?i)h?[ií](?![aeiouáéíóú])")
_LAST = "\x01"  # stands for the last name; no name holds it


def listed(items: Iterable[str]) -> str:
    """Names joined as a sentence lists them, in the active language:
    "Austria, Ireland and Tuvalu" (no comma before "and"), "l'Autriche,
    l'Irlande et les Tuvalu", "奥地利、爱尔兰和图瓦卢", "النمسا وأيرلندا وتوفالو"."""
    names = list(items)
    locale = cldr_locale()
    if locale.language == "es" and len(names) > 1 and _SPANISH_I_SOUND.match(names[-1]):
        # CLDR's last pattern for Spanish is "{0} y {1}": the mark stands for the last name.
        text = format_list([*names[:-1], _LAST], locale=locale)
        return text.replace(f" y {_LAST}", f" e {names[-1]}")
    return format_list(names, locale=locale)


# French "de"/"à" before a value: the article the value starts with contracts
# with them ("de les" → "des"), and "de" elides before a vowel or a mute h.
_FRENCH_PREPOSITION = re.compile(r"\b([Dd]e|[Àà]) %\((\w+)\)s")
_FRENCH_CONTRACTIONS = {
    ("de", "le "): "du ",
    ("de", "les "): "des ",
    ("à", "le "): "au ",
    ("à", "les "): "aux ",
}
_FRENCH_VOWEL = re.compile(r"(?i)[aeiouyàâäéèêëîïôöûüh]")


def filled(message: str, values: Mapping[str, object]) -> str:
    """`message % values`; in French, a name that follows "de" or "à" takes
    the form they make together: "Représentants de %(state)s" with "les
    Pays-Bas" reads "Représentants des Pays-Bas"; with "le Mexique", "du
    Mexique"; with "Israël", "d'Israël"; "l'Autriche" and "la Thaïlande" stay
    as they are ("de l'Autriche")."""
    if cldr_locale().language != "fr":
        return message % values
    joined = dict(values)

    def contract(found: re.Match[str]) -> str:
        preposition, key = found[1], found[2]
        value = values.get(key)
        phrase = _french_phrase(preposition, value) if isinstance(value, str) else None
        if phrase is None:
            return found[0]
        joined_key = f"{key} after {preposition}"
        joined[joined_key] = phrase
        return f"%({joined_key})s"

    return _FRENCH_PREPOSITION.sub(contract, message) % joined


def _french_phrase(preposition: str, value: str) -> str | None:
    """ "des Pays-Bas" for "de" and "les Pays-Bas"; None where nothing changes."""
    word = preposition.lower()
    for (before, article), contraction in _FRENCH_CONTRACTIONS.items():
        if word == before and value.startswith(article):
            start = contraction if preposition.islower() else contraction.capitalize()
            return start + value[len(article) :]
    if word == "de" and _FRENCH_VOWEL.match(value) and not value.lower().startswith("l'"):
        return f"{preposition[0]}'{value}"
    return None
