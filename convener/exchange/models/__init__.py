from convener.exchange.models.calendar_entries import CalendarEntry

__all__ = ["CalendarEntry"]
