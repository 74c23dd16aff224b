"""Every page type, in English and in Arabic, passes axe-core's WCAG 2.1 A
and AA rules, and fits a phone's screen and a window zoomed to 200 %.

One production server (`convener serve`) holds the demo (series `gmg-2016`,
with its history of versions) beside the live tests' series, whose meeting 1
has its debate under way, so the live screens show a floor in use. Each page
type is one address of `PAGES`, seen by the account that works there; every
named address of the URL configuration is either in `PAGES` or in `EXCLUDED`
with the reason, so a new page type cannot go unchecked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import URLPattern, URLResolver, get_resolver
from playwright.sync_api import expect

from tests.browser.conftest import PATIENCE_MS, pages_checked
from tests.live.conftest import serving

pytestmark = pytest.mark.browser

DEMO = "gmg-2016"
LIVE = "live-series"
# WCAG 2.1 A and AA, and axe's best practices: landmarks unique and
# labelled, headings in order, one main landmark, all content in landmarks.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LANGUAGES = {"en": "", "ar": "/ar"}
WIDE = {"width": 1280, "height": 800}
# A 1280-pixel window at 200 %: half as many CSS pixels, each drawn twice as large.
ZOOMED = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
PHONE = {"width": 375, "height": 667}


@dataclass(frozen=True)
class Page:
    name: str  # the URL pattern's name, with its namespace
    path: str  # formatted with the facts of the demo (`FACTS`)
    user: str = ""  # who signs in to see it; nobody for a public page
    status: int = 200
    # Under a language's prefix (/ar/…); else in the language the browser asks for.
    prefixed: bool = True
    ready: str = ""  # what shows once the page's script has drawn it
    # axe's best-practice rules a page breaks by markup that is not ours, and why.
    exceptions: dict[str, str] = field(default_factory=dict)
    what: str = ""  # which of a pattern's pages, when it serves several kinds

    @property
    def id(self) -> str:
        return f"{self.name}[{self.what}]" if self.what else self.name


SERIES = f"/series/{DEMO}"
MEETING = f"{SERIES}/meetings/3"  # 13 July 2016
PLANNED = f"/series/{LIVE}/meetings/1"
PLANNED_DRAFT = f"/series/{LIVE}/meetings/2"
LIVE_MEETING = f"/live{PLANNED}"
MANAGE = "/manage"

PAGES = [
    # The public site.
    Page("public:home", "/"),
    Page("public:series", f"{SERIES}/"),
    Page("public:search", "/search/?q=pathways&mode=words&capacity=organisation"),
    Page("public:meeting", f"{MEETING}/"),
    Page("public:series_commitments", f"{SERIES}/commitments/"),
    Page("public:themes", f"{SERIES}/themes/"),
    Page("public:theme", SERIES + "/themes/{theme}/"),
    Page("public:series_document", f"{SERIES}/documents/concept-note/", what="concept note"),
    Page("public:series_document", f"{SERIES}/documents/report/", what="report"),
    Page("public:meeting_document", f"{MEETING}/documents/programme/", what="programme"),
    Page("public:meeting_document", f"{MEETING}/documents/concept-note/", what="concept note"),
    Page("public:meeting_document", f"{MEETING}/documents/participants/", what="participants"),
    Page("public:series_document_versions", f"{SERIES}/documents/concept-note/versions/"),
    Page("public:series_document_version", f"{SERIES}/documents/concept-note/versions/1/"),
    Page(
        "public:series_document_differences",
        f"{SERIES}/documents/concept-note/versions/differences/?old=1&new=5",
    ),
    Page("public:person", "/people/{person}/"),
    Page("public:organisation", "/organisations/{organisation}/"),
    Page("public:state", "/states/{state}/"),
    Page("public:series_figures", f"{SERIES}/figures/"),
    Page("public:meeting_figures", f"{MEETING}/figures/"),
    Page("public:state_figures", "/states/{state}/figures/"),
    Page("public:organisation_figures", "/organisations/{organisation}/figures/"),
    Page("page not found", "/series/no-such-series/", status=404, what="no such series"),
    Page("page not found", "/no-such-page/", status=404, what="no such address"),
    Page("login", "/accounts/login/"),
    Page("password_reset", "/accounts/password-reset/"),
    Page("password_reset_done", "/accounts/password-reset/sent/"),
    Page("password_reset_confirm", "/accounts/reset/MQ/not-a-token/"),
    Page("password_reset_complete", "/accounts/reset/done/"),
    Page(
        "api:openapi-view",
        "/api/docs",
        prefixed=False,
        ready="#swagger-ui .models",
        exceptions={"heading-order": "Swagger UI's own markup: its operations' h3 follow its h1"},
    ),
    Page("api:tokens", "/api/tokens/", "secretariat", prefixed=False),
    # The workspace, as the demo's secretariat.
    Page("manage:home", f"{MANAGE}/", "secretariat"),
    Page("manage:search", f"{MANAGE}/search/?q=pathways&mode=words", "secretariat"),
    Page("manage:account", f"{MANAGE}/account/", "secretariat"),
    Page("manage:series_create", f"{MANAGE}/series/new/", "secretariat"),
    Page("manage:series", f"{MANAGE}{SERIES}/", "secretariat"),
    Page("manage:series_edit", f"{MANAGE}{SERIES}/edit/", "secretariat"),
    Page("manage:series_copy", f"{MANAGE}{SERIES}/copy/", "secretariat"),
    Page("manage:concept_note", f"{MANAGE}{SERIES}/concept-note/", "secretariat"),
    Page("manage:section_create", f"{MANAGE}{SERIES}/concept-note/new/", "secretariat"),
    Page("manage:section_edit", MANAGE + SERIES + "/concept-note/{section}/", "secretariat"),
    Page("manage:house_style", f"{MANAGE}{SERIES}/house-style/", "secretariat"),
    Page("manage:translations", f"{MANAGE}{SERIES}/translations/", "secretariat"),
    Page(
        "manage:translation_edit", f"{MANAGE}{SERIES}/translations/concept-note/fr/", "secretariat"
    ),
    Page("manage:convening_group_edit", f"{MANAGE}{SERIES}/convening-group/", "secretariat"),
    Page("manage:references", f"{MANAGE}{SERIES}/references/", "secretariat"),
    Page("manage:series_review", f"{MANAGE}{SERIES}/review/", "secretariat"),
    Page("manage:classification", f"{MANAGE}{SERIES}/classification/", "secretariat"),
    Page("manage:speaker_confirmations", f"{MANAGE}{SERIES}/confirmations/", "secretariat"),
    Page("manage:series_people", f"{MANAGE}{SERIES}/people/", "secretariat"),
    Page("manage:invite", f"{MANAGE}{SERIES}/people/invite/", "secretariat"),
    Page("manage:series_audit", f"{MANAGE}{SERIES}/audit/", "secretariat"),
    Page("manage:commitments", f"{MANAGE}{SERIES}/commitments/", "secretariat"),
    Page("manage:commitments_marking", f"{MANAGE}{MEETING}/commitments/", "secretariat"),
    Page("manage:series_figures", f"{MANAGE}{SERIES}/figures/", "secretariat"),
    Page("manage:themes", f"{MANAGE}{SERIES}/themes/", "secretariat"),
    Page("manage:theme", MANAGE + SERIES + "/themes/{theme}/", "secretariat"),
    Page("manage:sdg_targets", f"{MANAGE}{MEETING}/sdg-targets/", "secretariat"),
    Page("manage:documents", f"{MANAGE}{SERIES}/documents/", "secretariat"),
    Page(
        "manage:series_document_versions",
        f"{MANAGE}{SERIES}/documents/concept-note/versions/",
        "secretariat",
    ),
    Page(
        "manage:series_document_version",
        f"{MANAGE}{SERIES}/documents/concept-note/versions/1/",
        "secretariat",
    ),
    Page(
        "manage:series_document_differences",
        f"{MANAGE}{SERIES}/documents/concept-note/versions/differences/?old=1&new=5",
        "secretariat",
    ),
    Page("manage:report_text", f"{MANAGE}{SERIES}/report/introduction/", "secretariat"),
    Page("manage:meeting_create", f"{MANAGE}{SERIES}/meetings/new/", "secretariat"),
    Page("manage:meeting", f"{MANAGE}{MEETING}/", "secretariat"),
    Page("manage:meeting_edit", f"{MANAGE}{MEETING}/edit/", "secretariat"),
    Page("manage:meeting_copy", f"{MANAGE}{MEETING}/copy/", "secretariat"),
    # A meeting still to come is postponed, cancelled or deleted.
    Page("manage:meeting_postpone", f"{MANAGE}{PLANNED}/postpone/", "live-secretariat"),
    Page("manage:meeting_cancel", f"{MANAGE}{PLANNED}/cancel/", "live-secretariat"),
    Page("manage:meeting_delete", f"{MANAGE}{PLANNED_DRAFT}/delete/", "live-secretariat"),
    Page("manage:programme", f"{MANAGE}{MEETING}/programme/", "secretariat"),
    Page("manage:records", f"{MANAGE}{MEETING}/records/", "secretariat"),
    Page("manage:records_summary", f"{MANAGE}{MEETING}/records/summary/", "secretariat"),
    Page(
        "manage:records_segment",
        MANAGE + MEETING + "/records/segments/{segment_key}/",
        "secretariat",
    ),
    Page(
        "manage:records_intervention",
        MANAGE + MEETING + "/records/interventions/{intervention}/",
        "secretariat",
    ),
    Page("manage:person_create", f"{MANAGE}/directory/people/new/", "secretariat"),
    Page("manage:organisation_create", f"{MANAGE}/directory/organisations/new/", "secretariat"),
    Page(
        "manage:convening_group_create", f"{MANAGE}/directory/convening-groups/new/", "secretariat"
    ),
    Page("manage:accept_invitation", MANAGE + "/invitations/{invitation}/"),
    Page("manage:my_details", MANAGE + "/me/{speaker}/", "speaker"),
    # The live meeting, its debate under way.
    Page("live:chair", f"{LIVE_MEETING}/chair/", "live-chair"),
    Page("live:projector", f"{LIVE_MEETING}/projector/"),
    Page("live:delegation", f"{LIVE_MEETING}/floor/", "live-mexico"),
    Page("live:rapporteur", f"{LIVE_MEETING}/rapporteur/", "live-rapporteur"),
    Page("live:statistics", f"{LIVE_MEETING}/statistics/", "live-chair"),
]

_ACTION = "an action of a form: it answers a POST with a redirect or a fragment"
_FRAGMENT = "a fragment that htmx or a script swaps into a page checked here"
_FILE = "a file or a feed, not an HTML page"
EXCLUDED = {
    "choose_language": "the switcher's choice: a redirect to the page in that language",
    "logout": _ACTION,
    "api:revoke_token": _ACTION,
    "api:openapi-json": _FILE,
    "api:api-root": "a redirect to the API's documentation",
    "api:unknown": "the API's answer in JSON",
    "manage:series_status": _ACTION,
    "manage:meeting_status": _ACTION,
    "manage:section_delete": _ACTION,
    "manage:section_move": _ACTION,
    "manage:meeting_section_create": _FRAGMENT,
    "manage:markdown_preview": _FRAGMENT,
    "manage:people_search": _FRAGMENT,
    "manage:organisations_search": _FRAGMENT,
    "manage:co_chair_representatives": _FRAGMENT,
    "manage:programme_segment_add": _ACTION,
    "manage:programme_segment": _FRAGMENT,
    "manage:programme_segment_remove": _ACTION,
    "manage:programme_segment_move": _ACTION,
    "manage:programme_participant_add": _ACTION,
    "manage:programme_place_add": _FRAGMENT,
    "manage:programme_participant": _FRAGMENT,
    "manage:programme_participant_remove": _ACTION,
    "manage:programme_participant_move": _ACTION,
    "manage:programme_participant_name": _FRAGMENT,
    "manage:records_turn_add": _ACTION,
    "manage:records_release": _ACTION,
    "manage:records_turn": _FRAGMENT,
    "manage:records_turn_remove": _ACTION,
    "manage:records_turn_move": _ACTION,
    "manage:document_publish": _ACTION,
    "manage:revoke_role": _ACTION,
    "manage:revoke_invitation": _ACTION,
    "manage:confirm_participation": _ACTION,
    "manage:remind_speaker": _ACTION,
    "manage:commitments_decide": _ACTION,
    "manage:theme_merge": _ACTION,
    "manage:theme_place": _ACTION,
    "manage:sdg_target_decide": _ACTION,
    "manage:commitments_status": _ACTION,
    "manage:commitments_csv": _FILE,
    "manage:commitments_xlsx": _FILE,
    "manage:meeting_document_versions": "the same page as the series' document versions",
    "manage:meeting_document_version": "the same page as a version of the series' document",
    "manage:meeting_document_differences": "the same page as the series' differences",
    "public:meeting_document_versions": "the same page as the series' document versions",
    "public:meeting_document_version": "the same page as a version of the series' document",
    "public:meeting_document_differences": "the same page as the series' differences",
    "public:series_document_file": _FILE,
    "public:meeting_document_file": _FILE,
    "public:series_document_download": "a page only while the file is built, then the file",
    "public:meeting_document_download": "a page only while the file is built, then the file",
    "public:series_document_status": "the state of a download, in JSON",
    "public:meeting_document_status": "the state of a download, in JSON",
    "public:series_calendar": _FILE,
    "public:meeting_calendar": _FILE,
    "public:meeting_schedule_xml": _FILE,
    "public:meeting_schedule_json": _FILE,
    "public:series_schedule_xml": _FILE,
    "public:series_schedule_json": _FILE,
    "public:person_calendar": _FILE,
    "public:meeting_record_akoma_ntoso": _FILE,
    "public:series_popolo": _FILE,
    "public:series_figure_csv": _FILE,
    "public:meeting_figure_csv": _FILE,
    "public:state_figure_csv": _FILE,
    "public:organisation_figure_csv": _FILE,
    "manage:series_figure_csv": _FILE,
    "live:events": "the meeting's event stream",
    "live:withdraw": _ACTION,
    "live:give_floor": _ACTION,
    "live:timer": _ACTION,
    "live:move": _ACTION,
    "live:skip": _ACTION,
    "live:reorder": _ACTION,
    "live:list": _FRAGMENT,
    "live:segment": _ACTION,
    "live:limits": _ACTION,
    "live:rules": _ACTION,
    "live:levels": _ACTION,
    "live:quotas": _ACTION,
    "live:raised_flag": _ACTION,
    "live:programme_speaker": _ACTION,
    "live:state": "the state of the floor, in JSON",
    "live:summary": _ACTION,
}
# Django's admin is Django's own, with its own accessibility work.
EXCLUDED_NAMESPACES = {"admin": "Django's own administration site"}
EXCLUDED_MODULES = {"ninja.operation": "an operation of the API, answering in JSON"}

INVITATION = "accessibility-check-invitation"
# The demo as its meetings were on the day after: held, their programme and
# record still open to the secretariat (a reported meeting's are locked).
DEMO_HELD = """
from convener.meetings.models import MeetingStatus
from convener.server.demo import prepare_demo
prepare_demo().series.meetings.update(status=MeetingStatus.HELD)
"""
FACTS = """
import json
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from convener.access.domain.invitations import secret_digest
from convener.access.models import Invitation
from convener.directory.models import Organisation, Person
from convener.meetings.models import ConceptNoteSection, Segment
from convener.records.models import Intervention
from convener.themes.domain.suggestions import suggest_targets
from convener.themes.domain.themes import recompute_themes

meeting = dict(meeting__series__slug="gmg-2016", meeting__number=3)
segment = Segment.objects.filter(**meeting).order_by("order").first()
# Themes and SDG targets are found when the secretariat asks: ask, as it would.
secretariat = get_user_model().objects.get(username="secretariat")
themes = recompute_themes(series=segment.meeting.series, by=secretariat)
suggest_targets(meeting=segment.meeting, by=secretariat)
Invitation.objects.create(
    series=segment.meeting.series,
    role="rapporteur",
    email="rapporteur@example.org",
    secret_digest=secret_digest(INVITATION),
    invited_by=secretariat,
    expires_at=timezone.now() + timedelta(days=7),
)
print(json.dumps({
    "invitation": INVITATION,
    "section": ConceptNoteSection.objects.filter(
        series__slug="gmg-2016", meeting=None
    ).first().pk,
    "segment_key": segment.key,
    "intervention": Intervention.objects.filter(
        segment__meeting__series__slug="gmg-2016", segment__meeting__number=3
    ).first().pk,
    "person": "ninette-kelley",
    "organisation": "undp",
    "state": "MEX",
    "speaker": "anna-greene",
    "theme": themes[0].pk,
}))
"""


def named_patterns(patterns=None, namespace: str = "") -> dict[str, str]:
    """Every named address of the URL configuration, with its namespace: the
    module of its view."""
    names = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names[namespace + pattern.name] = pattern.callback.__module__
    return names


@dataclass
class Demo:
    server: object
    facts: dict
    browser: object
    contexts: dict

    def open(self, user: str, **options):
        """A page of the user's own browser context, one per user and window."""
        key = (user, json.dumps(options, sort_keys=True))
        if key not in self.contexts:
            context = self.browser.new_context(**{"locale": "en-GB", **options})
            if user:
                session = self.server.session_cookie(user).split()[-1]
                context.add_cookies(
                    [{"name": "sessionid", "value": session, "domain": "127.0.0.1", "path": "/"}]
                )
            page = context.new_page()
            page.set_default_timeout(PATIENCE_MS)
            self.contexts[key] = page
        return self.contexts[key]

    def visit(self, page_type: Page, language: str, **options):
        if page_type.prefixed:
            address = LANGUAGES[language] + page_type.path.format(**self.facts)
        else:
            address = page_type.path.format(**self.facts)
            options["locale"] = {"en": "en-GB"}.get(language, language)
        page = self.open(page_type.user, **options)
        answer = page.goto(self.server.url + address)
        assert answer is not None
        assert answer.status == page_type.status, f"{address}: {answer.status}"
        if page_type.ready:
            page.locator(page_type.ready).wait_for()
        return page, address


@pytest.fixture(scope="module")
def demo(browser, _migrated_database, tmp_path_factory):
    with serving(_migrated_database, tmp_path_factory) as start:
        server = start()
        server.run_django(DEMO_HELD)
        for username, role, extra in (
            ("secretariat", "secretariat", {}),
            ("chair", "chair", {}),
            ("rapporteur", "rapporteur", {}),
            ("mexico", "delegation", {"state": "MEX"}),
        ):
            server.create_user(f"live-{username}", role=role, series=LIVE, **extra)
        facts = json.loads(
            server.run_django(FACTS.replace("INVITATION", repr(INVITATION))).splitlines()[-1]
        )
        demo = Demo(server, facts, browser, {})
        _debate_under_way(demo)
        yield demo
        for page in demo.contexts.values():
            page.context.close()


def _debate_under_way(demo: Demo) -> None:
    """The chair starts the interactive debate and gives the floor: the live
    screens then show a segment, a speaker and a running clock."""
    chair = demo.open("live-chair", viewport=WIDE)
    chair.goto(demo.server.url + LIVE_MEETING + "/chair/")
    expect(chair.locator("#live-connection")).to_have_text("Live")
    chair.get_by_label("Segment under way").select_option(label="Interactive debate")
    chair.get_by_role("button", name="Start this segment").click()
    chair.locator("#live-participation").select_option(label="Dr. Lena Varga (Moderator)")
    chair.get_by_role("button", name="Give the floor now").click()
    expect(chair.locator("#live-current")).to_contain_text("Dr. Lena Varga")


CASES = [
    pytest.param(page_type, language, id=f"{language}-{page_type.id}")
    for page_type in PAGES
    for language in LANGUAGES
]

# Whatever of the page lies beyond the window's width (it scrolls sideways),
# and the elements whose content is cut off by their own box: each as a short
# description. A field scrolls its own text, content hidden on purpose (for
# screen readers only) is clipped, and a box that scrolls its own content
# (a wide table) may hold what is wider than the window.
OVERFLOW = """() => {
    const describe = (element) => {
        const id = element.id ? "#" + element.id : "";
        const classes = [...element.classList].map((name) => "." + name).join("");
        return element.localName + id + classes;
    };
    const FIELDS = new Set(["input", "select", "textarea"]);
    const scrolls = (style) => ["auto", "scroll"].includes(style.overflowX);
    const hiddenOnPurpose = (style) => style.clipPath !== "none" || style.clip !== "auto";
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
        const wide = document.documentElement.scrollWidth;
        found.push(`the page is ${wide} px wide in ${window.innerWidth}`);
    }
    const visit = (element) => {
        const style = getComputedStyle(element);
        if (style.display === "none" || hiddenOnPurpose(style)) return;
        const box = element.getBoundingClientRect();
        const clips = ["hidden", "clip"].includes(style.overflowX);
        const [inner, outer] = [element.scrollWidth, element.clientWidth];
        if (clips && !FIELDS.has(element.localName) && inner > outer + 1) {
            found.push(`${describe(element)} cuts its content off (${inner} px in ${outer})`);
        }
        const skipLink = ["absolute", "fixed"].includes(style.position) && box.bottom < 0;
        if (box.width > 1 && (box.right > width + 1 || box.left < -1) && !skipLink) {
            const [left, right] = [Math.round(box.left), Math.round(box.right)];
            found.push(`${describe(element)} reaches ${left}–${right} px of ${width}`);
        }
        if (!scrolls(style)) [...element.children].forEach(visit);
    };
    [...document.body.children].forEach(visit);
    return found.slice(0, 10);
}"""


def describe_violations(address: str, violations: list[dict]) -> list[str]:
    return [
        f"{address}: {violation['id']} ({violation['impact']}) {violation['help']} — at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in violations
    ]


@pytest.mark.parametrize(("page_type", "language"), CASES)
def test_page_has_no_violation_of_wcag_21_a_and_aa(demo, page_type, language):
    page, address = demo.visit(page_type, language, viewport=WIDE)
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {rule: {"enabled": False} for rule in page_type.exceptions},
    }
    violations = Axe().run(page, options=options).response["violations"]
    pages_checked.append(address)
    assert not violations, "\n" + "\n".join(describe_violations(address, violations))


@pytest.mark.parametrize(("page_type", "language"), CASES)
def test_page_fits_at_200_percent_zoom_and_on_a_phone(demo, page_type, language):
    page, address = demo.visit(page_type, language, **ZOOMED)
    zoomed = page.evaluate(OVERFLOW)
    page.set_viewport_size(PHONE)
    phone = page.evaluate(OVERFLOW)
    page.set_viewport_size(ZOOMED["viewport"])
    assert (zoomed, phone) == ([], []), (
        f"\n{address} at 200 %: {zoomed}\n{address} at 375 px: {phone}"
    )


def test_every_named_page_is_checked_or_excluded_with_its_reason():
    checked = {page_type.name for page_type in PAGES}
    named = {
        name
        for name, module in named_patterns().items()
        if name.split(":")[0] not in EXCLUDED_NAMESPACES and module not in EXCLUDED_MODULES
    }
    assert sorted(named - checked - set(EXCLUDED)) == []  # new: check it, or say why not
    assert sorted((checked | set(EXCLUDED)) - named - {"page not found"}) == []  # gone
    assert checked.isdisjoint(EXCLUDED)
