"""Benchmark of document builds: the 2016 report, and a series of 100 meetings.

Loads the demo series and a generated series of 100 meetings with 5,000
interventions into a fresh SQLite database, then builds each report as PDF
and as Word, each build in a process of its own, and prints the time to read
and compose the records, the time to write the file, the number of pages
(read with poppler's pdfinfo) and the process's peak memory.

The generated series keeps the demo's proportions: three segments a meeting,
17% of turns only counted (a State from the floor), the others summarised in
64 words on average.

    python bench/documents [--meetings 100] [--interventions 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
CONVENER = ROOT / ".venv" / "bin" / "convener"

WORDS = [
    "migration",
    "refugees",
    "protection",
    "development",
    "responsibility",
    "sharing",
    "human",
    "rights",
    "labour",
    "markets",
    "resilience",
    "host",
    "communities",
    "financing",
    "displacement",
    "compact",
    "dignity",
    "evidence",
    "policy",
    "cooperation",
    "integration",
    "pathways",
    "resettlement",
    "remittances",
    "climate",
    "gender",
    "data",
    "xenophobia",
    "solidarity",
    "governance",
    "partnership",
    "capacity",
    "inclusion",
]

MEASURE = """
import json, resource, sys, time
import django
django.setup()
from convener.publishing.composition.documents import compose
from convener.publishing.exporters import exporters
from django.contrib.auth import get_user_model

# A reader who may read every series, drafts included.
reader, _ = get_user_model().objects.get_or_create(
    username="bench-reader", defaults={"is_staff": True, "is_superuser": True}
)

started = time.perf_counter()
document = compose(series_slug=sys.argv[1], document="report", meeting_number=None,
                   user=reader)
composed = time.perf_counter()
content = exporters()[sys.argv[2]].write(document)
written = time.perf_counter()
open(sys.argv[3], "wb").write(content)
print(json.dumps({
    "compose": composed - started,
    "write": written - composed,
    "bytes": len(content),
    "pages": 0,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


# The demo's proportions: of its 65 turns, 11 (17%) are only counted (a State
# from the floor) and the others are summarised in 64 words on average.
TURNS_WITHOUT_SUMMARY = 0.17
SUMMARY_WORDS = (30, 98)  # uniform: 64 on average


def summary(rng: random.Random) -> str:
    words = rng.randint(*SUMMARY_WORDS)
    sentences = [sentence(rng, 16) for _ in range(words // 16)]
    return " ".join([*sentences, sentence(rng, words % 16 or 1)])


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generated_series(meetings: int, interventions: int) -> dict:
    """A series as big as asked, in Convener's data format, with realistic prose lengths."""
    rng = random.Random(2016)
    people = [
        {
            "key": f"person-{n}",
            "honorific": rng.choice(["Mr.", "Ms.", "Dr.", "H.E."]),
            "given_name": f"Given{n}",
            "family_name": f"Family{n}",
            "position": f"Director, Division {n}",
            "organisation": f"org-{n % 20}",
        }
        for n in range(200)
    ]
    organisations = [
        {"key": f"org-{n}", "name": f"Organisation {n}", "acronym": f"ORG{n}", "kind": "ngo"}
        for n in range(20)
    ]
    per_meeting = interventions // meetings
    states = ["AUT", "BGD", "ITA", "MEX", "TUV", "BRA", "JPN", "AUS", "TUR", "ARG", "IRL"]
    meeting_entries = []
    for number in range(1, meetings + 1):
        segments = [
            {"key": "opening", "kind": "opening_remarks"},
            {
                "key": "panel",
                "kind": "panel",
                "title": f"Panel {number}",
                "summary": sentence(rng, 40),
            },
            {"key": "debate", "kind": "interactive_debate", "summary": sentence(rng, 80)},
        ]
        turns = []
        for index in range(per_meeting):
            person = people[(number * 7 + index) % len(people)]
            turn = {
                "segment": "panel" if index % 2 else "debate",
                "speaker": person["key"],
                "organisation": person["organisation"],
                "capacity": "organisation",
                "summary": summary(rng),
            }
            if rng.random() < TURNS_WITHOUT_SUMMARY:
                turn = {
                    "segment": "debate",
                    "state": states[index % len(states)],
                    "capacity": "national",
                }
            turns.append(turn)
        meeting_entries.append(
            {
                "number": number,
                "title": sentence(rng, 6),
                "status": "reported",
                "date": f"2030-{1 + number % 12:02d}-{1 + number % 28:02d}",
                "start": "10:00",
                "end": "13:00",
                "room": f"Conference Room {number % 9}",
                "co_organisers": [f"org-{number % 20}", f"org-{(number + 1) % 20}"],
                "co_chairs": [{"state": "NLD"}, {"state": "THA"}],
                "segments": segments,
                "interventions": turns,
            }
        )
    return {
        "format": "convener-series",
        "version": 1,
        "organisations": organisations,
        "people": people,
        "series": {
            "slug": "bench-100",
            "title": "A generated series of meetings",
            "status": "published",
        },
        "meetings": meeting_entries,
    }


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def build(env: dict[str, str], slug: str, file_format: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=f".{file_format}") as output_file:
        output = subprocess.run(
            [str(PYTHON), "-c", MEASURE, slug, file_format, output_file.name],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        if file_format == "pdf":
            figures["pages"] = pdf_pages(Path(output_file.name))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--interventions", type=int, default=5000)
    options = parser.parse_args()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "CONVENER_DATA_DIR": data_dir,
            "DJANGO_SETTINGS_MODULE": "convener.settings",
        }
        # The embedded SQLite database with a key of its own, as the demo needs.
        env.pop("DATABASE_URL", None)
        env.pop("SECRET_KEY", None)
        subprocess.run(
            [str(CONVENER), "demo", "--load-only"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        generated = Path(data_dir) / "generated.json"
        generated.write_text(json.dumps(generated_series(options.meetings, options.interventions)))
        started = time.perf_counter()
        subprocess.run(
            [str(CONVENER), "import", str(generated)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - started
        print(f"Imported {options.meetings} meetings, {options.interventions} interventions")
        print(f"in {elapsed:.1f} s")
        print()
        print(
            "| series | format | compose s | write s | total s | pages | size KB | peak memory MB |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for slug, name in (
            ("gmg-2016", "2016 demo report"),
            ("bench-100", f"{options.meetings} meetings, {options.interventions} interventions"),
        ):
            for file_format in ("pdf", "docx"):
                figures = build(env, slug, file_format)
                total = figures["compose"] + figures["write"]
                print(
                    f"| {name} | {file_format} | {figures['compose']:.2f} "
                    f"| {figures['write']:.2f} | "
                    f"{total:.2f} | {figures['pages'] or '–'} | {figures['bytes'] / 1024:.0f} "
                    f"| {figures['peak_mb']:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
