"""A secretariat plans an event unlike the 2016 demo, from a blank page, through
the screens only, and downloads its documents.

The database holds nothing but the reference data (States, groups of States):
no demo series, no demo people. Its one account is the site administrator's,
which `convener createsuperuser` makes on a new installation (see
docs/deployment.md). On the screens, the administrator creates the series
(address, title, time zone) and invites its secretariat by e-mail; the
secretariat follows the link, creates an account, and from then on holds
nothing but that grant (no staff flag): everything else is theirs, through
the screens. The page loads of the secretariat's path are counted.

The event is a two-day expert meeting in Geneva with four sessions. Convener
dates a meeting on one day, so the event is a series (its time zone
Europe/Zurich) of two meetings, one a day, each with two segments of the
kind "Panel", the sessions; the series is the event, so no meeting needs
"part of" a larger one. Each session has a chair (the segment role "Chair"),
created in the directory from the programme builder. The meetings have no
co-chairs, no co-organisers and no moderator of the whole meeting by design:
the "not applicable" boxes are ticked. Two speakers are known only by their
office and one is to be confirmed; each presents for at most 8 minutes.

The series and the meetings are published with their status buttons; the
series' concept note and programme are downloaded as PDF, Word and Markdown,
each on the first click (the download page waits for the build). Then one of
the office holders is named, and the documents follow.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from convener.publishing.interfaces.downloads import download_link
from tests.figures import print_figure
from tests.tools import require

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A busy machine answers slowly: every wait of this long path may take this long.
WAIT = 30_000

SLUG = "labour-mobility-experts"
TITLE = "Expert meeting on fair recruitment of migrant workers"
ADMINISTRATOR = ("administrator", "a-long-pass-phrase-for-the-first-account")
SECRETARIAT = ("amara.okafor", "a-pass-phrase-of-the-new-secretariat")
SECRETARIAT_ADDRESS = "amara.okafor@example.org"

RAPPORTEUR_ON_MIGRANTS = "Special Rapporteur on the human rights of migrants"
ILO_DIRECTOR_GENERAL = "Director-General of the International Labour Organization"

# Each day a meeting; each meeting two sessions: (title, chair, speaker's place).
DAYS = [
    {
        "title": "Expert meeting on fair recruitment: day 1",
        "date": "2030-03-18",
        "sessions": [
            (
                "Recruitment fees and related costs",
                ("Ms.", "Amina", "Diallo"),
                RAPPORTEUR_ON_MIGRANTS,
            ),
            ("Labour inspection across borders", ("Mr.", "Tomás", "Herrera"), ILO_DIRECTOR_GENERAL),
        ],
    },
    {
        "title": "Expert meeting on fair recruitment: day 2",
        "date": "2030-03-19",
        "sessions": [
            ("Complaint mechanisms for migrant workers", ("Ms.", "Ingrid", "Solberg"), ""),
            ("Recommendations to States", ("Mr.", "Kenji", "Watanabe"), None),
        ],
    },
]
CHAIRS = [" ".join(session[1]) for day in DAYS for session in day["sessions"]]
NAMED = ("Ms.", "Felipa", "Moreno")  # later holds the place of the Special Rapporteur

FORMATS = ("pdf", "docx", "md")

# Words of the 2016 demo series, which must not reach this event's documents.
DEMO_WORDS = ["Global Migration Group", "GMG", "2016", "Ninette Kelley", "Guy Ryder"]


@pytest.fixture
def site_administrator(reference_data):
    """The first account of a new installation, as `convener createsuperuser` makes it."""
    get_user_model().objects.create_superuser(ADMINISTRATOR[0], "", ADMINISTRATOR[1])


def _field(scope, label):
    """The form field of a label, which Django ends with a colon."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def _series_created_and_secretariat_invited(browser, base):
    """The site administrator creates the series and invites its secretariat:
    the address of the invitation's link, from the e-mail sent."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.goto(base + reverse("login"))
    page.get_by_label("Username").fill(ADMINISTRATOR[0])
    page.get_by_label("Password").fill(ADMINISTRATOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Workspace").first.click()
    page.get_by_role("link", name="New series").click()
    _field(page, "Slug").fill(SLUG)
    _field(page, "Title").fill(TITLE)
    _field(page, "Time zone").fill("Europe/Zurich")
    page.get_by_role("button", name="Create the series").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE, timeout=WAIT)

    page.get_by_role("link", name="People and roles").click()
    _field(page, "Role").select_option("secretariat")
    _field(page, "E-mail address").fill(SECRETARIAT_ADDRESS)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".messages")).to_contain_text(SECRETARIAT_ADDRESS, timeout=WAIT)
    context.close()
    (invitation,) = mail.outbox
    assert invitation.to == [SECRETARIAT_ADDRESS]
    return re.search(r"https?://\S+/invitations/\S+/", invitation.body)[0]


def _secretariat_accepts(page, invitation_link):
    """The secretariat follows the link and creates an account: the series is theirs."""
    page.goto(invitation_link)
    account = page.get_by_role("region", name="You have no account yet")
    account.get_by_label("Username").fill(SECRETARIAT[0])
    account.get_by_label("E-mail address").fill(SECRETARIAT_ADDRESS)
    _field(account, "Password").fill(SECRETARIAT[1])
    account.get_by_label("Password confirmation").fill(SECRETARIAT[1])
    account.get_by_role("button", name="Create the account and accept").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Edit the series").click()
    _field(page, "Venue").fill("Palais des Nations, Geneva")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE, timeout=WAIT)


def _create_a_meeting(page, day):
    page.get_by_role("link", name="New meeting").click()
    _field(page, "Title").fill(day["title"])
    _field(page, "Date").fill(day["date"])
    _field(page, "Start").fill("10:00")
    _field(page, "End").fill("13:00")
    _field(page, "Venue").fill("Palais des Nations, Geneva")
    _field(page, "Room").fill("Room XXIV")
    page.get_by_label("The meeting has no moderator (not applicable)").check()
    page.get_by_label("The meeting has no co-organisers (not applicable)").check()
    page.get_by_label("The meeting has no co-chairs (not applicable)").check()
    page.get_by_role("button", name="Create the meeting").click()
    expect(page.locator(".messages")).to_contain_text("is created, as a draft", timeout=WAIT)


def _add_a_session(page, title):
    adding = page.get_by_role("region", name="Add a segment")
    adding.get_by_label("Kind").select_option(label="Panel")
    adding.get_by_label("Title").fill(title)
    adding.get_by_label("Time budget").fill("90")
    adding.get_by_role("button", name="Add the segment").click()
    return page.get_by_role("region", name=re.compile(re.escape(title)))


def _add_a_new_chair(session, chair):
    honorific, given, family = chair
    session.get_by_role(
        "link", name=re.compile("^Not in the directory\\? Create a new person")
    ).click()
    creating = session.get_by_role("group", name=re.compile("^A new person"))
    creating.get_by_label("Honorific").fill(honorific)
    creating.get_by_label("Given name").fill(given)
    creating.get_by_label("Family name").fill(family)
    creating.get_by_label("Role").select_option("chair")
    creating.get_by_role("button", name=re.compile("^Create and add")).click()
    expect(session.locator(".programme-participant__name").first).to_have_text(
        " ".join(chair), timeout=WAIT
    )


def _add_a_place(session, office):
    session.get_by_text("Add a place whose person is not named yet").click()
    adding = session.locator(".programme-add-place")
    adding.get_by_label("Role").select_option("speaker")
    adding.get_by_label("Speaking time").fill("8")
    if office:
        adding.get_by_label("Office").fill(office)
    adding.get_by_role("button", name=re.compile("^Add the place")).click()
    expect(session.locator(".programme-participant__name").last).to_have_text(
        f"The {office}" if office else "TBC", timeout=WAIT
    )


def _download(page, base, document, file_format, folder):
    """The file saved on the first click of its link on the series page."""
    link = download_link(SLUG, document, file_format, None)
    page.goto(base + reverse("public:series", args=[SLUG]))
    with page.expect_download(timeout=180_000) as started:
        page.locator(f'a[href="{link}"]').click()
    download = started.value
    saved = folder / download.suggested_filename
    download.save_as(saved)
    return saved


def _text_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert data.startswith(b"%PDF"), path
        pdftotext = require("pdftotext")
        return subprocess.run(
            [pdftotext, str(path), "-"], capture_output=True, check=True, text=True, timeout=120
        ).stdout
    if path.suffix == ".docx":
        assert data.startswith(b"PK\x03\x04"), path
        document = docx.Document(str(path))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([*(p.text for p in document.paragraphs), *cells])
    assert path.suffix == ".md", path
    # As a reader reads it: without the marks of bold text.
    return data.decode().replace("**", "")


def _documents(page, base, folder, documents=("concept-note", "programme")):
    """The text of each document in each format, by (document, format)."""
    return {
        (document, file_format): _text_of(_download(page, base, document, file_format, folder))
        for document in documents
        for file_format in FORMATS
    }


def _flat(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces."""
    return re.sub(r"\s+", " ", text)


def _name_the_special_rapporteur(page, base):
    """Create the person on the screens, then name them for the office's place."""
    page.goto(base + reverse("manage:programme", args=[SLUG, 1]))
    session = page.get_by_role("region", name=DAYS[0]["sessions"][0][0])
    session.get_by_text(re.compile("^Name the person")).click()
    session.get_by_role(
        "link", name=re.compile("^Not in the directory\\? Create the person first")
    ).click()
    honorific, given, family = NAMED
    creating = page.get_by_role("group", name="A new person")
    creating.get_by_label("Honorific").fill(honorific)
    creating.get_by_label("Given name").fill(given)
    creating.get_by_label("Family name").fill(family)
    creating.get_by_role("button", name="Create", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^Programme"), timeout=WAIT
    )
    session.get_by_text(re.compile("^Name the person")).click()
    session.get_by_role("searchbox", name="Find the person").press_sequentially(family)
    session.get_by_role("button", name=re.compile(f"^{re.escape(' '.join(NAMED))}")).click()
    expect(page.locator("#programme-status")).to_contain_text(
        f"{given} {family} now holds the place", timeout=WAIT
    )
    expect(session.locator(".programme-participant__name").last).to_have_text(
        " ".join(NAMED), timeout=WAIT
    )


def test_secretariat_plans_a_two_day_expert_meeting_and_downloads_its_documents(
    live_server, site_administrator, browser, page, tmp_path, request
):
    base = live_server.url
    invitation_link = _series_created_and_secretariat_invited(browser, base)
    page.set_default_timeout(WAIT)
    loads = []
    page.on("load", lambda loaded: loads.append(loaded.url))
    _secretariat_accepts(page, invitation_link)
    secretariat = get_user_model().objects.get(username=SECRETARIAT[0])
    # A grant of the series, nothing more: what they may do, the grant decides.
    assert not secretariat.is_staff
    assert not secretariat.is_superuser
    series_page = page.url
    for day in DAYS:
        page.goto(series_page)
        _create_a_meeting(page, day)
        # A new meeting opens on its edit page, which leads on to its programme.
        page.get_by_role("button", name="Save and build the programme").click()
        for title, chair, place in day["sessions"]:
            session = _add_a_session(page, title)
            _add_a_new_chair(session, chair)
            if place is not None:
                _add_a_place(session, place)
        page.get_by_role("link", name=day["title"]).click()
        page.get_by_role("button", name="Publish").click()
        expect(page.locator(".messages")).to_contain_text("now “Published”", timeout=WAIT)
    page.goto(series_page)
    page.get_by_role("button", name="Publish the series").click()
    expect(page.locator(".messages")).to_contain_text("The series is now “Published”", timeout=WAIT)
    planned = len(loads)

    first = _documents(page, base, tmp_path / "first")
    for file_format in FORMATS:
        concept_note = _flat(first["concept-note", file_format])
        programme = _flat(first["programme", file_format])
        for day in DAYS:
            assert day["title"] in concept_note, file_format
            for title, _chair, _place in day["sessions"]:
                assert title in concept_note, (file_format, title)
                assert title in programme, (file_format, title)
        for session_time in ("10:00–11:30", "11:30–13:00"):
            assert session_time in programme, (file_format, session_time)
        for chair in CHAIRS:
            assert f"Chair: {chair}" in programme, (file_format, chair)
        for office in (RAPPORTEUR_ON_MIGRANTS, ILO_DIRECTOR_GENERAL):
            assert f"The {office} (at most 8 minutes)" in programme, (file_format, office)
        assert "Speaker: TBC (at most 8 minutes)" in programme, file_format
        # Every fact of the meetings is known but the one speaker: "TBC" once.
        assert (concept_note + programme).count("TBC") == 1, file_format
        for text in (concept_note, programme):
            assert not re.search(r"co-?chair|co-?organi[sz]er|organisers:", text, re.I), file_format
            for word in DEMO_WORDS:
                assert word not in text, (file_format, word)

    _name_the_special_rapporteur(page, base)

    named = _documents(page, base, tmp_path / "named", documents=["programme"])
    for file_format in FORMATS:
        programme = _flat(named["programme", file_format])
        # The person is named, with the office they hold: the place of the
        # office alone ("The Special Rapporteur ...") is gone.
        named_line = f"{' '.join(NAMED)}, {RAPPORTEUR_ON_MIGRANTS} (at most 8 minutes)"
        assert named_line in programme, file_format
        assert f"The {RAPPORTEUR_ON_MIGRANTS}" not in programme, file_format
        assert f"The {ILO_DIRECTOR_GENERAL} (at most 8 minutes)" in programme, file_format
        assert programme.count("TBC") == 1, file_format

    print_figure(
        request,
        f"a two-day expert meeting from a blank page: {planned} page loads to plan and publish, "
        f"{len(loads)} with the downloads and the naming of a speaker",
    )
