import pytest

from convener.publishing.document import (
    Contents,
    Document,
    Facts,
    Footnote,
    Heading,
    ItemList,
    PageBreak,
    Paragraph,
    Text,
)


def chapter(number: int, title: str, *, footnote: str | None = None) -> list:
    runs = [Text("Seven Member States took the floor: "), Text("Thailand", bold=True)]
    if footnote:
        runs.append(Footnote((Text(footnote),)))
    runs.append(Text("."))
    return [
        PageBreak(),
        Heading(1, f"Meeting {number}: {title}", anchor=f"meeting-{number}"),
        Facts(
            [
                ("Date", [Text("13 July 2016")]),
                ("Co-organisers", [Text("UNDP"), Text(" and "), Text("UNHCR")]),
            ]
        ),
        Heading(2, "Executive summary", anchor=f"meeting-{number}-summary"),
        Paragraph(runs),
        Heading(2, "Panel 1", anchor=f"meeting-{number}-panel-1"),
        Paragraph([Text("Ninette Kelley", bold=True), Text(", Director, UNHCR.")], "speaker"),
        Paragraph(
            [
                Text("She cited "),
                Text("A/70/59", href="https://undocs.org/en/A/70/59"),
                Text(" and "),
                Text("resolution 70/290", italic=True),
                Text("."),
            ]
        ),
        ItemList([[Text("first point")], [Text("second point")]], ordered=True),
    ]


@pytest.fixture
def sample_document() -> Document:
    """A small report with every kind of block, three chapters and two footnotes."""
    blocks = [
        Contents("Contents"),
        PageBreak(),
        Heading(1, "Acknowledgements", anchor="acknowledgements"),
        ItemList([[Text("H.E. Karel van Oosterom")], [Text("H.E. Virachai Plasai")]]),
        *chapter(1, "Understanding large movements", footnote="Spoke in his national capacity."),
        *chapter(2, "Protecting human rights"),
        *chapter(3, "Responsibility sharing", footnote="Chair of the G77 in 2016."),
    ]
    return Document(
        slug="gmg-2016-report",
        title="Report of the GMG multi-stakeholder meetings",
        subtitle="Global Migration Group",
        cover=[Paragraph([Text("Chaired in 2016 by UN Women")], "lead")],
        running_header="GMG 2016 report",
        blocks=blocks,
    )
