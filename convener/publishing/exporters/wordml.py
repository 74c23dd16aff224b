"""WordprocessingML that python-docx has no API for: fields, links, footnotes, styles.

Elements are made with lxml directly: python-docx's own element helpers look
their insertion point up by XPath on every call, several times slower on a
report of thousands of paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

# Characters XML 1.0 forbids, which text pasted from other programs sometimes holds.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = re.compile("([\n\t])")
_BOOKMARK_LENGTH = 40  # Word's longest bookmark name

# Styles python-docx's default template lacks, written as Word writes them
# ("footnote text" and "footnote reference" are Word's built-in names), and
# the tree's paragraph styles that Word has no built-in style for.
STYLES = (
    """<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>
    <w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
    <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>""",
    """<w:style w:type="character" w:styleId="FootnoteReference">
    <w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>
    <w:uiPriority w:val="99"/><w:unhideWhenUsed/>
    <w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>""",
    """<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>
    <w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
    <w:rPr><w:color w:val="0000FF" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr>
    </w:style>""",
    """<w:style w:type="paragraph" w:customStyle="1" w:styleId="Lead"><w:name w:val="Lead"/>
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>""",
    """<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/>
    <w:basedOn w:val="Normal"/><w:qFormat/>
    <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>""",
    """<w:style w:type="paragraph" w:customStyle="1" w:styleId="Speaker"><w:name w:val="Speaker"/>
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:after="60"/></w:pPr></w:style>""",
    """<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:autoRedefine/>
    <w:uiPriority w:val="39"/><w:unhideWhenUsed/>
    <w:pPr><w:spacing w:after="100"/></w:pPr></w:style>""",
    """<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>
    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:autoRedefine/>
    <w:uiPriority w:val="39"/><w:unhideWhenUsed/>
    <w:pPr><w:spacing w:after="100"/><w:ind w:left="220"/></w:pPr></w:style>""",
)

# The two separators Word puts above footnotes, with the ids Word gives them.
_FOOTNOTES = f"""<w:footnotes {nsdecls("w", "r")}>
<w:footnote w:type="separator" w:id="-1"><w:p>
<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p>
<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
</w:footnotes>"""

# What may follow w:footnotePr in w:settings, in the schema's order; w:updateFields
# comes before w:hdrShapeDefaults and w:footnotePr.
_SETTINGS_AFTER_FOOTNOTES = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_SETTINGS_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", *_SETTINGS_AFTER_FOOTNOTES)


@cache
def _qn(name: str) -> str:
    return qn(name)


def w(tag: str, parent: etree._Element | None = None, **attributes: str) -> etree._Element:
    """An element `tag` with attributes in the w: namespace, appended to `parent` if given."""
    attrs = {_qn(f"w:{name}"): value for name, value in attributes.items()}
    if parent is None:
        return OxmlElement(tag, attrs=attrs)
    return etree.SubElement(parent, _qn(tag), attrs)


def add_styles(styles: etree._Element) -> None:
    """Adds `STYLES` to a styles part's w:styles, leaving any it already has."""
    existing = {style.get(_qn("w:styleId")) for style in styles.iter(_qn("w:style"))}
    for xml in STYLES:
        style = parse_xml(xml.replace("<w:style ", f"<w:style {nsdecls('w')} ", 1))
        if style.get(_qn("w:styleId")) not in existing:
            styles.append(style)


# Word's names of the six languages (w:lang), by Convener's codes.
_WORD_LANGUAGES = {
    "ar": "ar-SA",
    "zh-hans": "zh-CN",
    "en": "en-GB",
    "fr": "fr-FR",
    "ru": "ru-RU",
    "es": "es-ES",
}
# Typefaces for the scripts Latin typefaces lack, as Word on Windows and macOS
# has them: Arial has Arabic letters there (a Word file embeds no font, and
# Amiri, which PDF files embed, is rarely installed); SimSun is the Chinese
# face of Chinese UN documents.
ARABIC_FONT = "Arial"
CHINESE_FONT = "SimSun"


def word_language(language: str) -> str:
    """Word's name of a language: "ar-SA" for "ar", "zh-CN" for "zh-hans"."""
    return _WORD_LANGUAGES.get(language.lower(), language)


def set_style_font(
    style: etree._Element,
    *,
    font: str,
    half_points: int | None = None,
    complex_font: str = "",
    east_asian_font: str = "",
) -> None:
    """A style's typeface and, if given, its size in half points.

    The typeface is named for Latin and complex-script text (Arabic:
    `complex_font`); the theme attributes that would win over the name are
    removed. East Asian text keeps the theme's typeface, which has its
    characters, unless `east_asian_font` names one."""
    properties = style.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
        fonts.attrib.pop(_qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(_qn(script), font)
    if complex_font:
        fonts.set(_qn("w:cs"), complex_font)
    if east_asian_font:
        fonts.attrib.pop(_qn("w:eastAsiaTheme"), None)
        fonts.set(_qn("w:eastAsia"), east_asian_font)
    if half_points is not None:
        size = properties.get_or_add_sz()
        size.set(_qn("w:val"), str(half_points))
        complex_size = properties.find(_qn("w:szCs"))
        if complex_size is None:
            complex_size = w("w:szCs")
            size.addnext(complex_size)
        complex_size.set(_qn("w:val"), str(half_points))


def paragraph(style: str, *, page_break_before: bool = False, bidi: bool = False) -> etree._Element:
    """A paragraph in `style`; `bidi`: right to left (Arabic)."""
    element = w("w:p")
    properties = w("w:pPr", element)
    w("w:pStyle", properties, val=style)
    if page_break_before:
        w("w:pageBreakBefore", properties)
    if bidi:
        set_bidi(element)
    return element


# What follows w:bidi in a paragraph's properties, in the schema's order.
_AFTER_BIDI = frozenset(
    _qn(f"w:{name}")
    for name in [
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)


def set_bidi(paragraph: etree._Element) -> None:
    """Makes a paragraph right to left (w:bidi), in its place among the
    paragraph's properties; again after a property was added (w:numPr, w:tabs)."""
    properties = paragraph.find(_qn("w:pPr"))
    if properties is None:
        properties = w("w:pPr")
        paragraph.insert(0, properties)
    for bidi in properties.findall(_qn("w:bidi")):
        properties.remove(bidi)
    bidi = w("w:bidi")
    following = next((child for child in properties if child.tag in _AFTER_BIDI), None)
    if following is not None:
        following.addprevious(bidi)
    else:
        properties.append(bidi)


# A run kept left to right inside right-to-left text, between Unicode's
# left-to-right embedding and its end: Latin words, digits, times, UN symbols.
LEFT_TO_RIGHT_EMBEDDING = "\u202a{}\u202c"


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
    rtl: bool = False,
    language: str = "",
) -> etree._Element:
    """A run of text; line breaks and tabs become Word's w:br and w:tab. `rtl`:
    right-to-left text, whose emphasis Word takes from the complex-script
    properties (w:bCs, w:iCs); `language`: the run's own (w:lang)."""
    element = w("w:r")
    if style or bold or italic or rtl or language:
        properties = w("w:rPr", element)
        if style:
            w("w:rStyle", properties, val=style)
        if bold:
            w("w:b", properties)
            if rtl:
                w("w:bCs", properties)
        if italic:
            w("w:i", properties)
            if rtl:
                w("w:iCs", properties)
        if rtl:
            w("w:rtl", properties)
        if language:
            attributes = {"bidi" if rtl else "val": word_language(language)}
            w("w:lang", properties, **attributes)
    for piece in _BREAKS.split(_NOT_XML.sub("", text)):
        if piece == "\n":
            w("w:br", element)
        elif piece == "\t":
            w("w:tab", element)
        elif piece:
            w("w:t", element).text = piece
            element[-1].set(_qn("xml:space"), "preserve")
    return element


class Links:
    """Hyperlinks, with one relationship per address and part.

    python-docx finds a relationship by scanning all of a part's, which takes
    seconds in a report that links thousands of UN documents.
    """

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}

    def hyperlink(self, href: str, part: Part) -> etree._Element:
        """A link to an address, held by `part`'s relationships, or to a bookmark for `#name`."""
        if href.startswith("#"):
            return internal_link(bookmark_name(href[1:]))
        link = w("w:hyperlink", history="1")
        link.set(_qn("r:id"), self._relationship(href, part))
        return link

    def _relationship(self, href: str, part: Part) -> str:
        key = (part.partname, href)
        if key not in self.ids:
            relationships = part.rels
            number = len(relationships) + 1
            while f"rId{number}" in relationships:
                number += 1
            relationships.add_relationship(
                RELATIONSHIP_TYPE.HYPERLINK, href, f"rId{number}", is_external=True
            )
            self.ids[key] = f"rId{number}"
        return self.ids[key]


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an anchor: letters, digits and _, a letter first, 40 at most."""
    name = re.sub(r"\W", "_", anchor, flags=re.ASCII)
    return (name if name[:1].isalpha() else f"a{name}")[:_BOOKMARK_LENGTH]


def internal_link(bookmark: str) -> etree._Element:
    """A link to a bookmark of the document, for runs to be appended to."""
    return w("w:hyperlink", anchor=bookmark, history="1")


class Bookmarks:
    """Bookmarks on headings, each with a name and an id of its own, as Word requires.

    The first heading of an anchor has `bookmark_name`'s name, so that links
    to the anchor reach it; a later one has a number added.
    """

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.copies: dict[str, int] = {}
        self.placed = 0

    def name(self, anchor: str) -> str:
        """A new bookmark name for `anchor`."""
        base = name = bookmark_name(anchor)
        while name in self.names:
            self.copies[base] = self.copies.get(base, 1) + 1
            suffix = f"_{self.copies[base]}"
            name = f"{base[: _BOOKMARK_LENGTH - len(suffix)]}{suffix}"
        self.names.add(name)
        return name

    def place(self, paragraph: etree._Element, name: str, *content: etree._Element) -> None:
        """Appends `content` to a paragraph, inside the bookmark `name`."""
        self.placed += 1
        w("w:bookmarkStart", paragraph, id=str(self.placed), name=name)
        paragraph.extend(content)
        w("w:bookmarkEnd", paragraph, id=str(self.placed))


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the contents: a heading's level (1 or 2), its text and its bookmark."""

    level: int
    text: str
    bookmark: str


def page_break() -> etree._Element:
    element = w("w:r")
    w("w:br", element, type="page")
    return element


def append_field(paragraph: etree._Element, instruction: str, placeholder: str) -> None:
    """A field Word computes (a contents, a page number), showing `placeholder` until it does."""
    begin_field(paragraph, instruction)
    paragraph.append(run(placeholder))
    end_field(paragraph)


def begin_field(parent: etree._Element, instruction: str) -> None:
    """Opens a field: its code, then what it shows until Word computes it, up to `end_field`.

    `parent` is a paragraph or a link; what a field shows may span paragraphs.
    """
    w("w:fldChar", w("w:r", parent), fldCharType="begin")
    code = w("w:instrText", w("w:r", parent))
    code.set(_qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    w("w:fldChar", w("w:r", parent), fldCharType="separate")


def end_field(parent: etree._Element) -> None:
    w("w:fldChar", w("w:r", parent), fldCharType="end")


def contents_field(
    instruction: str, entries: list[ContentsEntry], right_edge: str, *, bidi: bool = False
) -> list[etree._Element]:
    """The paragraphs of a contents (a TOC field), filled with its entries as Word fills them.

    Each entry links to its heading's bookmark and ends, past a tab to the
    right edge (`right_edge`, in twips), with a PAGEREF field to it. Only a
    layout of the pages knows the page numbers, so the fields show none until
    Word updates them; the tab has no dotted leader meanwhile, which would
    point at nothing. Updating the whole table, Word writes its own entries,
    with dotted leaders. The field ends in a paragraph of its own, as Word
    ends it.
    """
    paragraphs: list[etree._Element] = []
    for entry in entries:
        line = paragraph(f"TOC{entry.level}")
        w("w:tab", w("w:tabs", line[0]), val="right", pos=right_edge)
        if bidi:
            set_bidi(line)
        if not paragraphs:
            begin_field(line, instruction)
        link = internal_link(entry.bookmark)
        link.append(run(f"{entry.text}\t", rtl=bidi))
        append_field(link, f"PAGEREF {entry.bookmark} \\h", "")
        line.append(link)
        paragraphs.append(line)
    last = paragraph("Normal")
    if not paragraphs:
        begin_field(last, instruction)
    end_field(last)
    return [*paragraphs, last]


def update_fields_on_open(settings: etree._Element) -> None:
    """Has Word offer to update the fields (the contents) when the file is opened."""
    update = w("w:updateFields", val="true")
    settings.insert_element_before(update, *_SETTINGS_AFTER_UPDATE_FIELDS)


class Footnotes:
    """The footnotes part of a Word file, made when the first footnote comes."""

    def __init__(self, document_part: Part) -> None:
        self.document_part = document_part
        self.part: XmlPart | None = None
        self.count = 0

    def add(self) -> tuple[int, etree._Element]:
        """A new footnote's number and its paragraph, which already shows the mark."""
        part = self.part or self._create()
        self.count += 1
        footnote = w("w:footnote", part.element, id=str(self.count))
        text = w("w:p", footnote)
        w("w:pStyle", w("w:pPr", text), val="FootnoteText")
        mark = w("w:r", text)
        w("w:rStyle", w("w:rPr", mark), val="FootnoteReference")
        w("w:footnoteRef", mark)
        return self.count, text

    def reference(self, number: int) -> etree._Element:
        """The mark in the text, where the footnote stands."""
        mark = w("w:r")
        properties = w("w:rPr", mark)
        w("w:rStyle", properties, val="FootnoteReference")
        w("w:vertAlign", properties, val="superscript")
        w("w:footnoteReference", mark, id=str(number))
        return mark

    def _create(self) -> XmlPart:
        self.part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            parse_xml(_FOOTNOTES),
            self.document_part.package,
        )
        self.document_part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        properties = w("w:footnotePr")
        for separator in ("-1", "0"):
            w("w:footnote", properties, id=separator)
        settings = self.document_part.settings.element  # type: ignore[attr-defined]
        settings.insert_element_before(properties, *_SETTINGS_AFTER_FOOTNOTES)
        return self.part


class ListNumbering:
    """Numberings for ordered lists: each list counts from 1 in the list style's format."""

    def __init__(self, numbering: etree._Element, styles: etree._Element, style: str) -> None:
        self.numbering = numbering
        style_number = styles.get_by_id(style).pPr.numPr.numId.val
        self.template = str(numbering.num_having_numId(style_number).abstractNumId.val)
        self.last = max(int(num.get(_qn("w:numId"))) for num in numbering.iter(_qn("w:num")))

    def restart(self) -> str:
        """The id of a new numbering that starts at 1."""
        self.last += 1
        number = w("w:num", self.numbering, numId=str(self.last))
        w("w:abstractNumId", number, val=self.template)
        w("w:startOverride", w("w:lvlOverride", number, ilvl="0"), val="1")
        return str(self.last)
