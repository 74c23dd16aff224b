"""How documents name a State or an organisation in running text.

A State's English name is the one of the day: Turkey before 1 June 2022,
Türkiye since. Its earlier names, each with the date it gave way and the
source that says so, come from `data/state_names.yaml` and are kept on the
State (`State.earlier_names`); the current one is `State.names["en"]` and
`State.formal_name`. Whether a short name takes "the" in running text ("the
Netherlands", "the Sudan", but "Mexico") is part of each name: UNTERM marks it
with "(the)".

Only English has names of the day; in another language the State is named by
its current short name, written as that language's sentences write it
(`data/state_names_in_languages.yaml`, from UNTERM): French and Spanish with
the article UNTERM gives the name ("l'Autriche", "les Pays-Bas", "el Perú";
"Cuba", "Tuvalu" in Spanish without), Russian and Chinese without one. A
short name with a qualifier ("Bolivie (État plurinational de)", Arabic
"بوليفيا (دولة - المتعددة القوميات)") reads in a sentence as its formal name;
in Arabic the qualifier's mark ("-", "_") stands where the name goes
("دولة بوليفيا المتعددة القوميات"). The formal names ("le Royaume des
Pays-Bas", "Королевство Нидерландов") come from the same file; a State it does
not name keeps the name stored on it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from convener.directory.reference_names import language_key, read_data_file

if TYPE_CHECKING:
    from convener.directory.models import Organisation, State

# "Bolivia (Plurinational State of)": a list's form, read in a sentence as
# "the Plurinational State of Bolivia".
_LIST_FORM = re.compile(r"^(?P<name>[^()]+?) \((?P<qualifier>[^()]+)\)$")

# UNTERM's French and Spanish articles, in brackets after the short name.
_ARTICLES = frozenset({"le", "la", "les", "l'", "el", "los", "las"})
# A formal name's leading article, which a list leaves out.
_LEADING_ARTICLE = re.compile(r"^(the |le |la |les |l'|el |los |las )")
# Where an Arabic qualifier puts the name: "مملكة _", "دولة - المتعددة القوميات".
_ARABIC_PLACE = re.compile(r"\s*[-_]\s*")

# Names that end in a common noun ("… Commission", "World Bank") or that name
# something "of" something ("Office of the …") take "the" in running text;
# a proper name ("Human Rights Watch", "Oxfam") does not. Used for an
# organisation whose article nobody has set.
_COMMON_NOUN = re.compile(
    r"\b(Agency|Alliance|Association|Authority|Bank|Bureau|Centre|Center|Coalition|"
    r"Commissions?|Committee|Conference|Council|Court|Department|Division|Entity|"
    r"Federation|Forum|Foundation|Fund|Government|Initiative|Institute|League|Ministry|"
    r"Mission|Network|Office|Organi[sz]ation|Parliament|Programme|Secretariat|Union|"
    r"University)$"
)


@dataclass(frozen=True)
class StateName:
    """A State's names as they stood on some day."""

    short: str
    formal: str
    article: bool
    # In a language other than English, the short name as a sentence writes
    # it, its article included ("les Pays-Bas"); empty in English.
    running: str = ""

    def in_text(self, *, formal: bool = False, start: bool = False) -> str:
        """The name as a sentence uses it: "the Netherlands", "the Kingdom of
        the Netherlands" (`formal`), "The Netherlands" at the `start` of one."""
        if formal and self.formal:
            name = self.formal
        else:
            name = self.running or _running(self.short, self.article)
        return capfirst(name) if start else name

    def in_list(self, *, formal: bool = False) -> str:
        """The name as a list or a header block gives it: "Netherlands", or
        "Kingdom of the Netherlands" (`formal`), without the article."""
        if formal and self.formal:
            return capfirst(_LEADING_ARTICLE.sub("", self.formal, count=1))
        return self.short


def _running(short: str, article: bool) -> str:
    listed = _LIST_FORM.match(short)
    name = f"{listed['qualifier']} {listed['name']}" if listed else short
    if article or listed:
        # Translators: a State's short name that takes the article in running text.
        return _("the %(state)s") % {"state": name}
    return name


def _english() -> bool:
    return (get_language() or "en")[:2] == "en"


def state_name_on(state: State, day: datetime.date | None) -> StateName:
    """The State's names on the day; today's when the day is not known."""
    if not _english():
        return _name_in_language(state, language_key())
    if day is not None:
        for earlier in state.earlier_names:
            if day < datetime.date.fromisoformat(earlier["until"]):
                return StateName(
                    short=earlier["short"],
                    formal=earlier.get("formal", ""),
                    article=bool(earlier.get("article")),
                )
    return StateName(short=state.names["en"], formal=state.formal_name, article=state.article)


@cache
def _names_in_languages() -> dict[str, dict[str, Any]]:
    states: dict[str, dict[str, Any]] = read_data_file("state_names_in_languages.yaml")["states"]
    return states


def _name_in_language(state: State, language: str) -> StateName:
    """The State's current names in a language other than English."""
    entry = _names_in_languages().get(state.iso3, {})
    formal = entry.get("formal", {}).get(language, "")
    if language in entry:  # French and Spanish: UNTERM's short name and its article
        short, running = _with_article(entry[language], formal)
    else:
        short = entry.get("short", {}).get(language) or state.name
        running = _in_sentence(short, formal, language)
    return StateName(short=short, formal=formal, article=False, running=running)


def _with_article(unterm: str, formal: str) -> tuple[str, str]:
    """ "Autriche (l')" → ("Autriche", "l'Autriche"); "Pays-Bas (les)" →
    ("Pays-Bas", "les Pays-Bas"); a qualified name reads as its formal one."""
    listed = _LIST_FORM.match(unterm)
    if listed is None:
        return unterm, unterm
    if listed["qualifier"] in _ARTICLES:
        article = listed["qualifier"]
        space = "" if article == "l'" else " "  # "l'Autriche", elided
        return listed["name"], f"{article}{space}{listed['name']}"
    return unterm, _in_sentence(unterm, formal, "")


def _in_sentence(short: str, formal: str, language: str) -> str:
    """A short name in running text: as it is, unless it carries a qualifier;
    then its formal name, or in Arabic the qualifier with the name where its
    mark stands ("مملكة _" → "مملكة هولندا"), else the qualifier before the name."""
    listed = _LIST_FORM.match(short)
    if listed is None:
        return short
    if language == "ar" and _ARABIC_PLACE.search(listed["qualifier"]):
        return _ARABIC_PLACE.sub(f" {listed['name']} ", listed["qualifier"], count=1).strip()
    return formal or f"{listed['qualifier']} {listed['name']}"


def state_in_text(
    state: State, *, on: datetime.date | None, formal: bool = False, start: bool = False
) -> str:
    """ "the Netherlands", "Turkey" (on a day of 2016), "The Sudan" at the
    `start` of a sentence, "the Kingdom of the Netherlands" when `formal`."""
    return state_name_on(state, on).in_text(formal=formal, start=start)


def state_in_list(state: State, *, on: datetime.date | None, formal: bool = False) -> str:
    """The short name of the day as lists and header blocks give it: "Netherlands";
    "Kingdom of the Netherlands" when `formal`."""
    return state_name_on(state, on).in_list(formal=formal)


def organisation_in_text(organisation: Organisation, *, start: bool = False) -> str:
    """The organisation's full name as a sentence uses it: "the United Nations
    Department of Economic and Social Affairs", "Oxfam". Its `article` says
    whether it takes "the"; where it is not set, the form of the name does.
    In another language, its name there ("Organisation internationale pour
    les migrations"), where the UN's reference names give one."""
    if not _english():
        return capfirst(organisation.name_in_language) if start else organisation.name_in_language
    name = organisation.name
    if name.lower().startswith("the "):
        name = name[4:]
        article: bool | None = True
    else:
        article = organisation.article
    if article is None:
        article = " of " in name or _COMMON_NOUN.search(name) is not None
    if article:
        name = _("the %(name)s") % {"name": name}
    return capfirst(name) if start else name
