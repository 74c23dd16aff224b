from convener.publishing.models.builds import Audience, BuildStatus, DocumentBuild
from convener.publishing.models.house_style import (
    EMBLEM_MAX_BYTES,
    EmblemType,
    HouseStyle,
    Typeface,
)
from convener.publishing.models.report import ReportText, ReportTextKind
from convener.publishing.models.versions import DocumentVersion

__all__ = [
    "EMBLEM_MAX_BYTES",
    "Audience",
    "BuildStatus",
    "DocumentBuild",
    "DocumentVersion",
    "EmblemType",
    "HouseStyle",
    "ReportText",
    "ReportTextKind",
    "Typeface",
]
