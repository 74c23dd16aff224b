from convener.records.models.interventions import Capacity, Intervention, InterventionKind

__all__ = ["Capacity", "Intervention", "InterventionKind"]
