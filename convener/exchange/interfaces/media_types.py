"""The media types of exported files, kept apart from the libraries that write them.

The URL patterns and the API's description name them when a server starts;
the writers (lxml for Akoma Ntoso, icalendar for calendars) take megabytes in
every process that imports them, and are loaded by the first request for
such a file.
"""

AKOMA_NTOSO = "application/akn+xml; charset=utf-8"
ICALENDAR = "text/calendar; charset=utf-8"
