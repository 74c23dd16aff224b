"""A meeting's record as an Akoma Ntoso 3.0 `debate` document (OASIS LegalDocML).

Parliamentary and archive tools read debates in this form; the UN's own
document standard builds on it. The document holds:

- the FRBR identification of the record: the work is the meeting
  (`/akn/un/debate/<series>/<date>/<number>`, its page an alias), the
  expression its record in the series' language of record (`…/eng@`, dated by its
  release), the manifestation this XML file; the words Convener adds (kinds
  of segment, capacities) are in that language too;
- a TLC reference for everyone the record names: each speaker
  (`TLCPerson`), each State, group of States and organisation they spoke for
  (`TLCOrganization`), each capacity they spoke in (`TLCRole`), and the
  convening group that authors the record;
- the `debateBody`: a `debateSection` per segment of the programme (its
  `name` the segment's kind, its heading the segment's title), opening with
  the rapporteur's account of the segment, then a `speech` per turn, `by`
  its speaker (the delegation when the record names no person) and `as` its
  capacity, with the summary as paragraphs and the points as a list.

A point of order is the schema's own `pointOfOrder` around the speech. The
schema has no element for a right of reply; its closest is `debateSection`,
which it provides for the parts of a debate it names no element for, so a
right of reply is a `debateSection` named `rightOfReply` around the speech.

The reader sees what they may read: a record not released is left out for
the public (the meeting has no debate to export), and a series is written as
a `documentCollection` of the debates of its meetings. Size and time are
linear in the record.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from lxml import etree

from convener.audit.actors import AnyUser
from convener.exchange.interfaces.spoken_record import (
    Agent,
    agents,
    attribution,
    meetings_with_records,
    record_date,
    speaker,
    turns,
)
from convener.meetings.models import Meeting, Segment, Series
from convener.publishing.document import ItemList, Paragraph, Text, blocks_from_markdown
from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Capacity, Intervention, InterventionKind

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# The jurisdiction part of the IRIs: Akoma Ntoso's naming convention for UN documents.
JURISDICTION = "un"
RIGHT_OF_REPLY = "rightOfReply"
# ISO 639-2 codes, which Akoma Ntoso's IRIs and FRBRlanguage take, of the six languages.
LANGUAGE_CODES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
CONVENER = "convener"  # the TLC of the software that marks the record up


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _sub(parent: etree._Element, tag: str, text: str = "", **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _tag(tag), attributes)
    if text:
        element.text = text
    return element


def meeting_debate(meeting: Meeting, *, user: AnyUser | None = None, base_url: str = "") -> bytes:
    """The meeting's record as an Akoma Ntoso debate, as `user` (the public when
    None) may read it; its turns left out where the record is not released to them."""
    (readable,) = meetings_with_records(meeting.series, user=user, meeting=meeting)
    root = etree.Element(_tag("akomaNtoso"), nsmap={None: NAMESPACE})
    with translation.override(meeting.series.language):
        _debate(root, readable, base_url)
    return _serialised(root)


def series_debates(series: Series, *, user: AnyUser | None = None, base_url: str = "") -> bytes:
    """The series' records as a collection of debates, one per meeting the user may read.

    The debates are the collection's `components`, each a document of its own
    with its own identifiers; the collection lists them by reference.
    """
    meetings = meetings_with_records(series, user=user)
    with translation.override(series.language):
        return _serialised(_collection(series, meetings, base_url))


def _collection(series: Series, meetings: list[Meeting], base_url: str) -> etree._Element:
    root = etree.Element(_tag("akomaNtoso"), nsmap={None: NAMESPACE})
    collection = _sub(root, "documentCollection", name="series")
    work = f"/akn/{JURISDICTION}/documentCollection/{series.slug}"  # stable as meetings are added
    dates = [record_date(meeting) for meeting in meetings]
    first = min(dates, default=series.updated_at.date())
    language = _language(series)
    meta = _sub(collection, "meta")
    references = _Agents(series)
    _identification(
        meta,
        work,
        first,
        language,
        references,
        number=series.slug,
        released=first,
        released_as="collection",
    )
    references.write(meta)
    _preface(collection, series.title)
    body = _sub(collection, "collectionBody")
    if not meetings:  # the body holds at least one component, and `components` one too
        _sub(_sub(_sub(body, "component"), "interstitial"), "p")
        return root
    components = _sub(root, "components")
    for meeting in meetings:
        name = f"meeting_{meeting.number}"
        entry = _sub(body, "component", eId=f"cmp_{meeting.number}")
        reference = _sub(entry, "documentRef", eId=f"cmp_{meeting.number}__ref", href=f"#{name}")
        reference.set("showAs", meeting.title)
        _debate(_sub(components, "component", eId=name), meeting, base_url)
    return root


def _serialised(root: etree._Element) -> bytes:
    etree.indent(root)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# The debate and its metadata


def _debate(parent: etree._Element, meeting: Meeting, base_url: str) -> None:
    debate = _sub(parent, "debate", name="meeting")
    series = meeting.series
    references = _Agents(series)
    for intervention in turns(meeting):
        references.add_turn(intervention)
    meta = _sub(debate, "meta")
    date = record_date(meeting)
    work = f"/akn/{JURISDICTION}/debate/{series.slug}/{date.isoformat()}/{meeting.number}"
    _identification(
        meta,
        work,
        date,
        _language(series),
        references,
        number=str(meeting.number),
        # The record is dated by its release; while it is a draft, by the meeting.
        released=meeting.record_released_at.date() if meeting.record_released_at else date,
        released_as="release" if meeting.record_released_at else "draft",
        page=_page(meeting, base_url),
    )
    references.write(meta)
    _preface(debate, meeting.title)
    body = _sub(debate, "debateBody")
    segments = list(meeting.segments.all())
    for position, segment in enumerate(segments, start=1):
        _segment(body, segment, position)
    if not segments:  # the body holds at least one section
        _sub(_sub(body, "debateSection", name="meeting", eId="dbsect_1"), "heading", meeting.title)


def _identification(
    meta: etree._Element,
    work: str,
    date: datetime.date,
    language: str,
    references: _Agents,
    *,
    number: str,
    released: datetime.date,
    released_as: str,
    page: str = "",
) -> None:
    """The FRBR work (dated `date`, `page` its address on the web if given),
    expression and manifestation (dated `released`, the event named `released_as`)."""
    identification = _sub(meta, "identification", source=f"#{CONVENER}")
    author = f"#{references.author_id}"
    expression = f"{work}/{language}@"
    levels = (
        ("FRBRWork", f"{work}/!main", work, date, "meeting"),
        ("FRBRExpression", f"{expression}/!main", expression, released, released_as),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn", released, "xml"),
    )
    for level, this, uri, day, day_name in levels:
        element = _sub(identification, level)
        _sub(element, "FRBRthis", value=this)
        _sub(element, "FRBRuri", value=uri)
        if page and level == "FRBRWork":
            _sub(element, "FRBRalias", value=page, name="page")
        _sub(element, "FRBRdate", date=day.isoformat(), name=day_name)
        _sub(element, "FRBRauthor", href=author)
        if level == "FRBRWork":
            _sub(element, "FRBRcountry", value=JURISDICTION)
            _sub(element, "FRBRnumber", value=number)
        elif level == "FRBRExpression":
            _sub(element, "FRBRlanguage", language=language)
        else:
            _sub(element, "FRBRformat", value="application/akn+xml")


def _page(meeting: Meeting, base_url: str) -> str:
    """The meeting's public page, when the address of the site is known."""
    if not base_url:
        return ""
    return base_url.rstrip("/") + reverse(
        "public:meeting", args=[meeting.series.slug, meeting.number]
    )


def _preface(document: etree._Element, title: str) -> None:
    _sub(_sub(_sub(document, "preface"), "p"), "docTitle", title)


def _language(series: Series) -> str:
    return LANGUAGE_CODES.get(series.language.split("-")[0], "eng")


@dataclass
class _Agents:
    """The TLC references of a document: each agent and role once, in order of first mention."""

    series: Series
    agents: dict[str, Agent] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # identifier: how the record says it

    @property
    def author_id(self) -> str:
        group = self.series.convening_group
        return f"author-{group.key}" if group else CONVENER

    def add_turn(self, intervention: Intervention) -> None:
        for agent in agents(intervention):
            self.agents.setdefault(agent.identifier, agent)
        role = role_id(intervention)
        if role:
            self.roles.setdefault(role, _role_name(intervention))

    def write(self, meta: etree._Element) -> None:
        references = _sub(meta, "references", source=f"#{CONVENER}")
        _sub(
            references,
            "TLCOrganization",
            eId=CONVENER,
            href="/ontology/organization/convener",
            showAs="Convener",
        )
        group = self.series.convening_group
        if group is not None:
            _sub(
                references,
                "TLCOrganization",
                eId=self.author_id,
                href=f"/ontology/organization/convener/{group.key}",
                showAs=group.name,
            )
        for agent in self.agents.values():
            tag = "TLCPerson" if agent.is_person else "TLCOrganization"
            _sub(
                references,
                tag,
                eId=agent.identifier,
                href=_ontology(agent),
                showAs=agent.name,
            )
        for identifier, name in self.roles.items():
            _sub(
                references,
                "TLCRole",
                eId=identifier,
                href=f"/ontology/role/convener/{identifier}",
                showAs=name,
            )


def _ontology(agent: Agent) -> str:
    """The agent's IRI in the ontology: people by their key, delegations by kind and key."""
    if agent.is_person:
        return f"/ontology/person/convener/{agent.key}"
    return f"/ontology/organization/convener/{agent.identifier}"


def role_id(intervention: Intervention) -> str:
    """The TLC role of the turn's capacity: one per capacity, and one per
    office held (named by a digest of the office, which may be in any script)."""
    if not intervention.capacity:
        return ""
    if intervention.capacity == Capacity.OFFICE and intervention.office:
        digest = hashlib.sha256(intervention.office.encode()).hexdigest()[:10]
        return f"role-office-{digest}"
    return f"role-{intervention.capacity}"


def _role_name(intervention: Intervention) -> str:
    if intervention.capacity == Capacity.OFFICE and intervention.office:
        return intervention.office
    return str(intervention.get_capacity_display())


# The body


def _segment(body: etree._Element, segment: Segment, position: int) -> None:
    eid = f"dbsect_{position}"
    section = _sub(body, "debateSection", name=segment.kind, eId=eid)
    _sub(section, "heading", segment.heading)
    _blocks(section, segment.summary)
    for number, intervention in enumerate(segment.interventions.all(), start=1):
        _turn(
            section, intervention, f"{eid}__{_TURN_PREFIX.get(intervention.kind, 'spch')}_{number}"
        )


_TURN_PREFIX: dict[str, str] = {
    InterventionKind.POINT_OF_ORDER: "pntorder",
    InterventionKind.RIGHT_OF_REPLY: "rightofreply",
    InterventionKind.QUESTION: "question",
    InterventionKind.ANSWER: "answer",
}
# A question and its answer are the schema's own kinds of speech.
_SPEECH_ELEMENT: dict[str, str] = {
    InterventionKind.QUESTION: "question",
    InterventionKind.ANSWER: "answer",
}


def _turn(section: etree._Element, intervention: Intervention, eid: str) -> None:
    """The turn as a `speech`; a point of order and a right of reply inside
    their own element (see the module)."""
    parent = section
    if intervention.kind == InterventionKind.POINT_OF_ORDER:
        parent = _sub(section, "pointOfOrder", eId=eid)
        eid = f"{eid}__spch_1"
    elif intervention.kind == InterventionKind.RIGHT_OF_REPLY:
        parent = _sub(section, "debateSection", name=RIGHT_OF_REPLY, eId=eid)
        eid = f"{eid}__spch_1"
    element = _SPEECH_ELEMENT.get(intervention.kind, "speech")
    speech = _sub(parent, element, eId=eid, by=f"#{speaker(intervention).identifier}")
    role = role_id(intervention)
    if role:
        speech.set("as", f"#{role}")
    capacity = capacity_phrase(intervention)
    announced = attribution(intervention)
    _sub(speech, "from", f"{announced}, {capacity}" if capacity else announced)
    written = _blocks(speech, intervention.summary)
    if intervention.points:
        points = _sub(speech, "ul")
        for point in intervention.points:
            _sub(points, "li", str(point))
        written = True
    if not written:  # a speech holds at least one block
        _sub(speech, "p")


def _blocks(parent: etree._Element, markdown: str) -> bool:
    """The Markdown text as paragraphs and lists; whether it wrote any."""
    written = False
    for block in blocks_from_markdown(markdown) if markdown else []:
        if isinstance(block, Paragraph):
            _runs(_sub(parent, "p"), block.runs)
        elif isinstance(block, ItemList):
            items = _sub(parent, "ol" if block.ordered else "ul")
            for item in block.items:
                _runs(_sub(items, "li"), item)
        else:
            continue
        written = True
    return written


def _runs(element: etree._Element, runs: list) -> None:
    """Runs of text with their emphasis and links; footnotes are left out."""
    last: etree._Element | None = None
    for run in runs:
        if not isinstance(run, Text):
            continue
        if not (run.bold or run.italic or run.href):
            if last is None:
                element.text = (element.text or "") + run.text
            else:
                last.tail = (last.tail or "") + run.text
            continue
        if run.href:
            last = _sub(element, "a", run.text, href=run.href)
        else:
            last = _sub(element, "b" if run.bold else "i", run.text)
