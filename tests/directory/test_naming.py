"""How documents name States and organisations in running text, as of a day."""

import datetime

from django.utils import translation

from convener.directory.naming import (
    organisation_in_text,
    state_in_list,
    state_in_text,
    state_name_on,
)
from tests.factories import OrganisationFactory, StateFactory

TURKEY = {
    "short": "Turkey",
    "formal": "the Republic of Turkey",
    "article": False,
    "until": "2022-06-01",
    "source": "UNTERM",
}


def turkiye():
    return StateFactory.build(
        iso3="TUR",
        names={"en": "Türkiye", "fr": "Türkiye"},
        formal_name="the Republic of Türkiye",
        earlier_names=[TURKEY],
    )


def test_state_whose_short_name_takes_the_is_named_with_it_in_a_sentence():
    netherlands = StateFactory.build(names={"en": "Netherlands"}, article=True)

    assert state_in_text(netherlands, on=None) == "the Netherlands"


def test_state_without_article_is_named_bare():
    mexico = StateFactory.build(names={"en": "Mexico"}, article=False)

    assert state_in_text(mexico, on=datetime.date(2016, 6, 30)) == "Mexico"


def test_state_at_the_start_of_a_sentence_takes_a_capital_article():
    sudan = StateFactory.build(names={"en": "Sudan"}, article=True)

    assert state_in_text(sudan, on=None, start=True) == "The Sudan"


def test_state_in_a_list_form_reads_in_sentence_order_with_the():
    bolivia = StateFactory.build(names={"en": "Bolivia (Plurinational State of)"}, article=False)

    assert state_in_text(bolivia, on=None) == "the Plurinational State of Bolivia"
    assert state_in_list(bolivia, on=None) == "Bolivia (Plurinational State of)"


def test_state_named_formally_when_asked():
    netherlands = StateFactory.build(
        names={"en": "Netherlands"}, formal_name="the Kingdom of the Netherlands", article=True
    )

    assert state_in_text(netherlands, on=None, formal=True) == "the Kingdom of the Netherlands"
    assert state_in_text(netherlands, on=None, formal=True, start=True) == (
        "The Kingdom of the Netherlands"
    )


def test_state_in_a_list_named_formally_drops_the_article():
    netherlands = StateFactory.build(
        names={"en": "Netherlands"}, formal_name="the Kingdom of the Netherlands", article=True
    )
    ireland = StateFactory.build(names={"en": "Ireland"}, formal_name="", article=False)

    assert state_in_list(netherlands, on=None, formal=True) == "Kingdom of the Netherlands"
    assert state_in_list(ireland, on=None, formal=True) == "Ireland"


def test_state_before_its_change_of_name_bears_its_earlier_name():
    assert state_in_text(turkiye(), on=datetime.date(2016, 7, 13)) == "Turkey"
    assert state_in_text(turkiye(), on=datetime.date(2022, 5, 31)) == "Turkey"


def test_state_from_the_day_of_its_change_of_name_bears_the_new_one():
    assert state_in_text(turkiye(), on=datetime.date(2022, 6, 1)) == "Türkiye"
    assert state_in_text(turkiye(), on=None) == "Türkiye"


def test_earlier_name_carries_its_formal_name():
    name = state_name_on(turkiye(), datetime.date(2016, 7, 13))

    assert name.in_text(formal=True) == "the Republic of Turkey"


def test_state_in_another_language_is_named_by_its_current_name():
    with translation.override("es"):
        assert state_in_text(turkiye(), on=datetime.date(2016, 7, 13)) == "Türkiye"


def test_organisation_with_article_is_named_with_the():
    desa = OrganisationFactory.build(
        name="United Nations Department of Economic and Social Affairs", article=True
    )

    assert organisation_in_text(desa) == (
        "the United Nations Department of Economic and Social Affairs"
    )
    assert organisation_in_text(desa, start=True).startswith("The United Nations")


def test_organisation_set_without_article_is_named_bare_whatever_its_form():
    carleton = OrganisationFactory.build(name="Carleton University", article=False)

    assert organisation_in_text(carleton) == "Carleton University"


def test_organisation_whose_article_is_unset_takes_it_by_the_form_of_its_name():
    bank = OrganisationFactory.build(name="World Bank", article=None)
    oxfam = OrganisationFactory.build(name="Oxfam", article=None)

    assert (organisation_in_text(bank), organisation_in_text(oxfam)) == ("the World Bank", "Oxfam")
