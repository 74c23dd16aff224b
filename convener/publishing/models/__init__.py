from convener.publishing.models.builds import Audience, BuildStatus, DocumentBuild
from convener.publishing.models.report import ReportText, ReportTextKind
from convener.publishing.models.versions import DocumentVersion

__all__ = [
    "Audience",
    "BuildStatus",
    "DocumentBuild",
    "DocumentVersion",
    "ReportText",
    "ReportTextKind",
]
