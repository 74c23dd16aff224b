"""The REST API over the data apps, and the personal tokens that open it."""
