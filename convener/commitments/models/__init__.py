from convener.commitments.models.marks import Mark, MarkKind, StatusNote, TrackStatus, UnitSource

__all__ = ["Mark", "MarkKind", "StatusNote", "TrackStatus", "UnitSource"]
