from convener.live.models.floor import FLOOR_SECONDS, PANELLIST_SECONDS, Floor, SpeakingQuota
from convener.live.models.groups import speaking_group, speaking_groups
from convener.live.models.inscriptions import (
    Inscription,
    InscriptionStatus,
    Level,
    PrecedenceRule,
    Purpose,
    Standing,
)
from convener.live.models.turns import Turn

__all__ = [
    "FLOOR_SECONDS",
    "PANELLIST_SECONDS",
    "Floor",
    "Inscription",
    "InscriptionStatus",
    "Level",
    "PrecedenceRule",
    "Purpose",
    "SpeakingQuota",
    "Standing",
    "Turn",
    "speaking_group",
    "speaking_groups",
]
