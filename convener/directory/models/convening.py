from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import SUMMARY, LineField, ProseField


class ConveningGroup(models.Model):
    """The inter-agency group that convenes a series (the GMG in 2016)."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = LineField(_("name"), max_length=200)
    acronym = LineField(_("acronym"), max_length=40, blank=True)
    description = ProseField(_("description"), max_length=SUMMARY, blank=True)
    members = models.ManyToManyField(
        "directory.Organisation", related_name="convening_groups", blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("convening group")
        verbose_name_plural = _("convening groups")

    def __str__(self) -> str:
        return self.acronym or self.name

    def chair_in(self, year: int) -> ConveningGroupChair | None:
        return self.chairs.filter(year=year).select_related("organisation").first()


class ConveningGroupChair(models.Model):
    group = models.ForeignKey(ConveningGroup, on_delete=models.CASCADE, related_name="chairs")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        ordering = ["group_id", "year"]
        verbose_name = _("chair of a convening group")
        constraints = [models.UniqueConstraint(fields=["group", "year"], name="one_chair_per_year")]

    def __str__(self) -> str:
        return f"{self.organisation} chairs {self.group} in {self.year}"
