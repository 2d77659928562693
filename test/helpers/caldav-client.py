"""Drives python3-caldav against Tend: discovery from /.well-known/caldav, read, complete a to-do.

Usage: caldav-client.py BASE_URL USER PASSWORD; prints one line per finding for the test to check.
"""
import sys

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
todos = calendar.todos()
for todo in todos:
    print("todo", todo.vobject_instance.vtodo.summary.value)
todos[0].complete()
print("completed", todos[0].vobject_instance.vtodo.summary.value)
