"""Changing a series' house style, and checking the emblem it prints on its covers.

An emblem is taken only as what it claims to be: a PNG or JPEG image that
Pillow reads, or an SVG drawing that is plain SVG and nothing else: no
document type (whose entities can expand without end), no script, no event
handler, no foreign content, and no reference outside itself (WeasyPrint
would otherwise fetch it while drawing the PDF).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.meetings.domain.fields import field_errors
from convener.meetings.models import Series
from convener.publishing.models import EMBLEM_MAX_BYTES, EmblemType, HouseStyle

if TYPE_CHECKING:
    from lxml import etree

# Pillow and lxml are imported by the checks that use them: the API's
# description imports this module in every server process, which need
# neither until an emblem is uploaded.

# The fields of a house style its form and the series file set; the emblem has its own way in.
STYLE_FIELDS = (
    "body_font",
    "heading_font",
    "body_size",
    "chapter_size",
    "section_size",
    "subsection_size",
    "margin_top",
    "margin_bottom",
    "margin_left",
    "margin_right",
    "emblem_description",
    "participation_annex",
)
_PILLOW_FORMATS = {"PNG": EmblemType.PNG, "JPEG": EmblemType.JPEG}
_LARGEST_SIDE = 10_000  # pixels: a picture larger than that is no emblem, and slow to draw
_SVG = "{http://www.w3.org/2000/svg}"
_REFUSED_SVG_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "object", "embed"})
# An address inside the drawing (#shape) or a picture held in it (data:image/…).
_SELF_CONTAINED = re.compile(r"^\s*(#|data:image/(png|jpeg|gif);)", re.IGNORECASE)
_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)


@acts("series.manage", on="series")
def update_house_style(
    *,
    series: Series,
    changes: Mapping[str, Any],
    by: AbstractBaseUser,
    emblem: bytes | None = None,
    remove_emblem: bool = False,
) -> HouseStyle:
    """Apply `changes` (field names to values) to the series' house style,
    creating it from the UN default; store `emblem` (checked) or remove the
    one stored. Nothing is saved if one value breaks a rule (ValidationError
    keyed by field)."""
    unknown = set(changes) - set(STYLE_FIELDS)
    if unknown:
        raise ValueError(f"update_house_style does not set {', '.join(sorted(unknown))}")
    style = HouseStyle.objects.filter(series=series).first() or HouseStyle(series=series)
    for name, value in changes.items():
        setattr(style, name, value)
    errors = field_errors(style, changed=set(changes))
    if emblem is not None:
        try:
            style.emblem, style.emblem_type = emblem, emblem_type(emblem)
        except ValidationError as error:
            errors["emblem"] = error.error_list
    elif remove_emblem:
        style.emblem, style.emblem_type = b"", ""
    if errors:
        raise ValidationError(errors)
    style.save()
    return style


def check_emblem_size(size: int) -> None:
    """ValidationError if a file of `size` bytes is too large for an emblem."""
    if size > EMBLEM_MAX_BYTES:
        raise ValidationError(
            _(
                "The emblem's file is %(size)s; an emblem may be %(limit)s at most: "
                "save it smaller, as SVG or as a PNG of fewer pixels."
            )
            % {"size": filesizeformat(size), "limit": filesizeformat(EMBLEM_MAX_BYTES)},
            code="too_large",
        )


def emblem_type(data: bytes) -> str:
    """The media type of an emblem's bytes, once checked; ValidationError
    saying why they cannot be an emblem."""
    check_emblem_size(len(data))
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":  # text, after any byte-order mark
        _check_svg(data)
        return EmblemType.SVG
    return _picture_type(data)


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("The emblem must be a PNG, JPEG or SVG image; this file is none of them."),
        code="not_an_image",
    )


def _picture_type(data: bytes) -> str:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as picture:
            kind = _PILLOW_FORMATS.get(picture.format or "")
            size = picture.size
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_an_image() from None
    if kind is None:
        raise _not_an_image()
    if max(size) > _LARGEST_SIDE:
        raise ValidationError(
            _("The emblem is %(width)s by %(height)s pixels; its sides may be %(limit)s at most.")
            % {"width": size[0], "height": size[1], "limit": _LARGEST_SIDE},
            code="too_large",
        )
    return kind


def _check_svg(data: bytes) -> None:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise _not_an_image() from None
    if root.tag != f"{_SVG}svg":
        raise _not_an_image()
    if root.getroottree().docinfo.doctype or _unsafe_svg(root):
        raise ValidationError(
            _(
                "The emblem's SVG holds more than a drawing (a script, an event handler, a "
                "document type or a link to another file): save it as plain SVG, or as PNG."
            ),
            code="unsafe_svg",
        )


def _unsafe_svg(root: etree._Element) -> bool:
    """Whether the drawing holds what an emblem has no need of. Elements of
    other vocabularies (an editor's own, metadata) are let through: nothing
    draws them."""
    from lxml import etree

    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    if any(isinstance(node, etree._ProcessingInstruction) for node in [*outside, *root.iter()]):
        return True  # such as <?xml-stylesheet href="…"?>, which would load a file
    for element in root.iter(tag=etree.Element):
        name = etree.QName(element).localname
        if name in _REFUSED_SVG_ELEMENTS:
            return True
        if name == "style" and _URL_IN_STYLE.search(element.text or ""):
            return True
        if any(_unsafe_attribute(name, value) for name, value in element.attrib.items()):
            return True
    return False


def _unsafe_attribute(name: str, value: str) -> bool:
    from lxml import etree

    local = etree.QName(name).localname.lower()
    if local.startswith("on"):  # an event handler: a script
        return True
    if local == "href":
        return not _SELF_CONTAINED.match(value)
    return _URL_IN_STYLE.search(value) is not None
