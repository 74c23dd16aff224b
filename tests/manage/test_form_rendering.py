"""The workspace's cheaper select and error list write exactly what Django's do."""

from django import forms

from convener.manage.interfaces.errors import WorkspaceForm
from convener.manage.interfaces.select import Select

CHOICES = [
    ("", "None"),
    (1, 'Médecins <Sans> Frontières & "Co"'),
    ("Groups", [("g77", "Group of 77"), ("eu", "European Union")]),
    (3, "UNHCR"),
]


def test_select_writes_what_djangos_select_writes():
    ours = Select(choices=CHOICES).render("organisation", "eu", attrs={"id": "o", "required": True})
    djangos = forms.Select(choices=CHOICES).render(
        "organisation", "eu", attrs={"id": "o", "required": True}
    )

    assert ours == djangos


def test_select_with_nothing_chosen_writes_what_djangos_select_writes():
    assert Select(choices=CHOICES).render("organisation", None) == forms.Select(
        choices=CHOICES
    ).render("organisation", None)


class Turn(WorkspaceForm):
    office = forms.CharField(max_length=5)


class DjangoTurn(forms.Form):
    office = forms.CharField(max_length=5)


def test_workspace_form_field_without_errors_writes_what_djangos_writes():
    assert (
        Turn(auto_id="t-%s")["office"].as_field_group()
        == DjangoTurn(auto_id="t-%s")["office"].as_field_group()
    )


def test_workspace_form_field_with_errors_writes_what_djangos_writes():
    data = {"office": "far too long"}

    ours = Turn(data, auto_id="t-%s")["office"].as_field_group()

    assert ours == DjangoTurn(data, auto_id="t-%s")["office"].as_field_group()
    assert "Ensure this value has at most 5 characters" in ours
