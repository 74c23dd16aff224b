from django.contrib import admin
from django.db import models

from convener.directory.models import (
    ConveningGroup,
    ConveningGroupChair,
    M49Area,
    Organisation,
    Person,
    State,
    StateGroup,
    StateGroupChair,
    StateGroupMembership,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "state"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym", "key"]
    prepopulated_fields = {"key": ["acronym"]}
    autocomplete_fields = ["state"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["family_name", "given_name", "honorific", "position", "organisation"]
    list_filter = ["gender", "organisation__kind"]
    search_fields = ["given_name", "family_name", "key", "position"]
    autocomplete_fields = ["organisation"]


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["iso3", "__str__", "status", "regional_group", "region"]
    list_filter = ["status", "regional_group", "region"]
    search_fields = ["iso3", "iso2", "names"]


@admin.register(M49Area)
class M49AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "__str__", "level", "parent"]
    list_filter = ["level"]


class StateGroupMembershipInline(admin.TabularInline):
    model = StateGroupMembership
    autocomplete_fields = ["state"]
    extra = 0


class StateGroupChairInline(admin.TabularInline):
    model = StateGroupChair
    autocomplete_fields = ["state"]
    extra = 0


@admin.register(StateGroup)
class StateGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "as_of"]
    search_fields = ["name", "short_name", "key"]
    inlines = [StateGroupMembershipInline, StateGroupChairInline]


class ConveningGroupChairInline(admin.TabularInline):
    model = ConveningGroupChair
    extra = 0


@admin.register(ConveningGroup)
class ConveningGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym"]
    filter_horizontal = ["members"]
    inlines = [ConveningGroupChairInline]
