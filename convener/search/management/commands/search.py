import datetime
import html
import re

from django.core.management.base import BaseCommand, CommandError

from convener.directory.models import OrganisationKind, RegionalGroup
from convener.meetings.models import Meeting, SegmentKind, Series
from convener.meetings.queries.visibility import command_line_reader
from convener.records.models import Capacity
from convener.search.domain.index import reindex
from convener.search.queries.search import (
    MODES,
    PAGE_SIZE,
    QUERY_LENGTH,
    Hit,
    SearchFilters,
    search_statements,
)

_MARK = re.compile(r"<mark>(.*?)</mark>")
_TAG = re.compile(r"<[^>]*>")


class Command(BaseCommand):
    help = (
        "Search the statements of the records by their words, their meaning or both, and "
        "print the best first, each with who spoke, where, and an excerpt with the words "
        "found in [brackets]. Reads every record, those under review included, unless "
        "--public. With --reindex, build the search index of every statement (or of one "
        "--series) again: the words at once and the vectors of meaning where missing or "
        "stale; running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", default="", help="what to look for")
        parser.add_argument("--mode", choices=MODES, default="combined")
        parser.add_argument("--reindex", action="store_true", help="build the index again")
        parser.add_argument("--series", help="the series' slug, e.g. gmg-2016")
        parser.add_argument("--meeting", type=int, help="the meeting's number (needs --series)")
        parser.add_argument("--from", dest="date_from", type=_day, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", type=_day, help="last day, YYYY-MM-DD")
        parser.add_argument("--speaker", help="a person's key")
        parser.add_argument(
            "--delegation", help="state:ISO3, group:KEY or organisation:KEY spoken for"
        )
        parser.add_argument("--state", help="a State's ISO 3166-1 alpha-3 code")
        parser.add_argument("--regional-group", choices=RegionalGroup.values)
        parser.add_argument("--group", dest="state_group", help="a group of States' key")
        parser.add_argument("--organisation-kind", choices=OrganisationKind.values)
        parser.add_argument("--capacity", choices=Capacity.values)
        parser.add_argument("--segment-kind", choices=SegmentKind.values)
        parser.add_argument("--sdg-target", help="an SDG target, e.g. 10.7")
        parser.add_argument("--limit", type=int, default=10, help=f"at most {PAGE_SIZE}")
        parser.add_argument(
            "--public", action="store_true", help="only the released records the public reads"
        )

    def handle(self, *args, query, mode, limit, public, **options):
        if options.pop("reindex"):
            self._reindex(options["series"])
            return
        if not query.strip():
            raise CommandError("Give what to look for, or --reindex.")
        if len(query) > QUERY_LENGTH:
            raise CommandError(f"A query has at most {QUERY_LENGTH} characters.")
        results = search_statements(
            query,
            mode=mode,
            filters=_filters(options),
            reader=None if public else command_line_reader(),  # type: ignore[arg-type]
            limit=max(1, min(limit, PAGE_SIZE)),
        )
        for rank, hit in enumerate(results.hits, start=1):
            self.stdout.write(_line(rank, hit))
        self.stdout.write(f"{len(results.hits)} of {results.total} statements found.")

    def _reindex(self, slug):
        series = None
        if slug:
            series = Series.objects.filter(slug=slug).first()
            if series is None:
                raise CommandError(f"No series {slug}.")
        self.stdout.write(f"{reindex(series=series)} statements indexed.")


def _day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a day: {value} (YYYY-MM-DD).") from error


def _filters(options):
    names = SearchFilters.__dataclass_fields__
    chosen = {name: options.get(name) for name in names if options.get(name) is not None}
    if "meeting" in chosen:
        if not options.get("series"):
            raise CommandError("--meeting needs --series.")
        meeting = Meeting.objects.filter(
            series__slug=options["series"], number=chosen["meeting"]
        ).first()
        if meeting is None:
            raise CommandError(f"No meeting {chosen['meeting']} in {options['series']}.")
        chosen["meeting"] = meeting.pk
    return SearchFilters(**chosen)


def _line(rank: int, hit: Hit) -> str:
    intervention = hit.intervention
    meeting = intervention.segment.meeting
    excerpt = html.unescape(_TAG.sub("", _MARK.sub(r"[\1]", str(hit.snippet))))
    excerpt = " ".join(excerpt.split())
    return (
        f"{rank}. {intervention.speaker_label} — {meeting.series.slug}, meeting {meeting.number}"
        f" ({hit.score:.3f})\n   {excerpt}\n"
    )
