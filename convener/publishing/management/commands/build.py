import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from convener.meetings.queries.visibility import command_line_reader, public_reader
from convener.publishing.composition.documents import DOCUMENTS, DocumentUnavailableError, compose
from convener.publishing.exporters import exporters


class _Progress:
    """A bar on the terminal, plain lines otherwise, over the stages of a build."""

    def __init__(self, stream, stages: list[str]) -> None:
        self.stream, self.stages, self.done = stream, stages, 0
        self.started = time.monotonic()
        self.bar = stream.isatty()

    def step(self) -> None:
        label = self.stages[self.done]
        if self.bar:
            width = 30
            filled = width * self.done // len(self.stages)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {label:<30}")
        else:
            self.stream.write(f"{label}\n")
        self.stream.flush()
        self.done += 1

    def finish(self, message: str) -> None:
        if self.bar:
            self.stream.write(f"\r[{'#' * 30}] {'':<30}\r")
        self.stream.write(f"{message} in {time.monotonic() - self.started:.1f} s\n")


class Command(BaseCommand):
    help = (
        "Write a document of a series from its records: the concept note (of the series, or "
        "with --meeting of one meeting, with its programme), the programme, the list of "
        "participants or the report, as HTML, PDF, Word or Markdown, in any of the six UN "
        "languages (--language). The secretariat's view: drafts included unless --public."
    )

    def add_arguments(self, parser):
        parser.add_argument("series", help="the series' slug, e.g. gmg-2016")
        parser.add_argument("document", choices=list(DOCUMENTS))
        parser.add_argument("--meeting", type=int, help="the meeting's number")
        parser.add_argument(
            "--format", dest="file_format", choices=["html", "pdf", "docx", "md"], default="pdf"
        )
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help="file to write (default: named after the document and its language)",
        )
        parser.add_argument("--public", action="store_true", help="only what the public may read")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help=(
                "the language to write it in: ar, zh (or zh-hans), en, fr, ru or es "
                f"(default: {settings.LANGUAGE_CODE})"
            ),
        )

    def handle(
        self, *args, series, document, meeting, file_format, output, public, language, **options
    ):
        exporter = exporters()[file_format]
        progress = _Progress(
            sys.stderr, ["Reading the records", "Composing", f"Writing {exporter.label}"]
        )
        progress.step()
        as_reader = public_reader() if public else command_line_reader()
        try:
            progress.step()
            composed = compose(
                series_slug=series,
                document=document,
                meeting_number=meeting,
                user=as_reader,
                language=language,
            )
        except DocumentUnavailableError as error:
            raise CommandError(str(error)) from None
        progress.step()
        content = exporter.write(composed)
        path = output or Path(f"{composed.slug}.{exporter.extension}")
        path.write_bytes(content)
        progress.finish(f"Wrote {path} ({len(content):,} bytes)")
