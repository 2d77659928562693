"""Drives python3-caldav against Tend: discovery from /.well-known/caldav, read, search a time range,
complete a to-do.

Usage: caldav-client.py BASE_URL USER PASSWORD; prints one line per finding for the test to check.
"""
import sys
from datetime import datetime, timezone

import caldav

base, user, password = sys.argv[1:4]
client = caldav.DAVClient(url=base + "/.well-known/caldav", username=user, password=password)
principal = client.principal()
print("principal", principal.url)
calendars = principal.calendars()
print("calendars", len(calendars), calendars[0].name)
calendar = calendars[0]
for event in calendar.events():
    print("event", event.vobject_instance.vevent.summary.value)
# calendar-query with a time-range (RFC 4791 §9.9): the server filters, unexpanded.
for label, start, end in (("december", (2026, 12, 1), (2027, 1, 1)), ("march", (2026, 3, 1), (2026, 4, 1))):
    found = calendar.search(
        event=True,
        start=datetime(*start, tzinfo=timezone.utc),
        end=datetime(*end, tzinfo=timezone.utc),
    )
    for event in found:
        print("in", label, event.vobject_instance.vevent.summary.value)
    print("searched", label, len(found))
todos = calendar.todos()
for todo in todos:
    print("todo", todo.vobject_instance.vtodo.summary.value)
todos[0].complete()
print("completed", todos[0].vobject_instance.vtodo.summary.value)
