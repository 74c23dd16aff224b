"""SDG targets suggested for statements, never applied until a person confirms them.

A statement's vector is compared with the vectors of the 169 targets'
official texts (embedded once per process); the three most similar targets
above `SIMILARITY` are suggested, unless the statement cites them already or
one of them was suggested before (a dismissed target is not suggested again,
a confirmed one is cited). Confirming adds the target to the statement's
`sdg_targets` through the records' own domain function; dismissing only
marks the suggestion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.audit.log import record
from convener.audit.models import AuditAction
from convener.meetings.domain.workflow import lock_open_meeting
from convener.meetings.models import Meeting
from convener.records.domain.interventions import cite_sdg_target
from convener.records.models import Intervention
from convener.themes.models import SuggestionStatus, TargetSuggestion
from convener.themes.queries.targets import target_vectors

if TYPE_CHECKING:
    from convener.search.meaning import Vectors

PERMISSION = "meeting.review_sdg_targets"
# Cosine similarity of a statement to a target's text above which the target
# is suggested: the model finds any two texts fairly alike (on the demo, half
# of all statement-target pairs score above 0.80), and at 0.845 the targets
# suggested are those a reader would name (10.7 for orderly migration).
SIMILARITY = 0.845
MOST = 3


def targets_like(vector: Vectors) -> list[tuple[str, float]]:
    """The `MOST` targets most similar to a statement's vector, above `SIMILARITY`."""
    import numpy as np  # loaded by the first suggestion, not with the workspace's pages

    codes, matrix = target_vectors()
    similarities = matrix @ vector
    best = np.argsort(-similarities, kind="stable")[:MOST]
    return [
        (codes[index], float(similarities[index]))
        for index in best
        if similarities[index] >= SIMILARITY
    ]


@acts(PERMISSION, on="meeting")
def suggest_targets(*, meeting: Meeting, by: AbstractBaseUser) -> list[TargetSuggestion]:
    """Suggest targets for each statement of the meeting; the new suggestions."""
    from convener.search.domain.vectors import vectors_of  # NumPy, as `targets_like`

    lock_open_meeting(meeting.pk)
    statements = list(Intervention.objects.filter(segment__meeting=meeting))
    vectors = vectors_of(statements)
    known = set(
        TargetSuggestion.objects.filter(intervention__in=statements).values_list(
            "intervention_id", "target"
        )
    )
    new = [
        TargetSuggestion(intervention=statement, target=code, similarity=similarity)
        for statement in statements
        if statement.pk in vectors
        for code, similarity in targets_like(vectors[statement.pk])
        if code not in statement.sdg_targets and (statement.pk, code) not in known
    ]
    TargetSuggestion.objects.bulk_create(new)
    record(
        action=AuditAction.CREATED,
        target="SDG targets suggested",
        meeting=meeting,
        changes={"suggestions": len(new)},
    )
    return new


@acts(PERMISSION, on="suggestion")
def confirm_suggestion(*, suggestion: TargetSuggestion, by: AbstractBaseUser) -> None:
    """The statement speaks to this target: it is added to its `sdg_targets`."""
    _decide(suggestion, SuggestionStatus.CONFIRMED, by=by)
    cite_sdg_target(intervention=suggestion.intervention, target=suggestion.target, by=by)


@acts(PERMISSION, on="suggestion")
def dismiss_suggestion(*, suggestion: TargetSuggestion, by: AbstractBaseUser) -> None:
    """The statement does not speak to this target: it is not suggested again."""
    _decide(suggestion, SuggestionStatus.DISMISSED, by=by)


def _decide(suggestion: TargetSuggestion, status: str, *, by: AbstractBaseUser) -> None:
    lock_open_meeting(suggestion.intervention.segment.meeting_id)
    current = TargetSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if current.status != SuggestionStatus.SUGGESTED:
        raise ValidationError(_("This suggestion was confirmed or dismissed already."))
    suggestion.status = status
    # The command line acts as no account of the site.
    suggestion.decided_by_id = getattr(by, "pk", None)
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    record(
        action=AuditAction.CHANGED,
        target=f"SDG target {suggestion.target} {status}",
        meeting=suggestion.intervention.segment.meeting,
        instance=suggestion.intervention,
        changes={"target": suggestion.target},
    )
