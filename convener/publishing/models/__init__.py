from convener.publishing.models.builds import Audience, BuildStatus, DocumentBuild
from convener.publishing.models.report import ReportText, ReportTextKind

__all__ = ["Audience", "BuildStatus", "DocumentBuild", "ReportText", "ReportTextKind"]
