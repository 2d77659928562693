#!/usr/bin/python3
"""The floor the import benchmark is judged against (issue 13): the least work any importer must do
for the same file on the same machine in the same run. Python's csv module (or a bare line split for
a vCard) reads the rows, and one SQLite transaction inserts them with their FTS5 trigram index, as
our contacts and contact_search tables hold them. Prints wall and CPU seconds as JSON."""
import csv
import json
import os
import sqlite3
import sys
import time

path, kind, db_path = sys.argv[1], sys.argv[2], sys.argv[3]
for suffix in ('', '-wal', '-shm'):
    if os.path.exists(db_path + suffix):
        os.remove(db_path + suffix)

t0 = time.perf_counter()
c0 = time.process_time()
rows = []
if kind == 'csv':
    with open(path, newline='', encoding='utf-8-sig') as f:
        lines = iter(f)
        for line in lines:  # LinkedIn's "Notes:" preamble comes before the header
            if line.startswith('First Name,'):
                break
        for r in csv.reader(lines):
            if len(r) >= 7:
                rows.append((r[0], r[1], r[3], r[4], r[5], r[2]))
else:
    card = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\r\n')
            if line == 'BEGIN:VCARD':
                card = {}
            elif line == 'END:VCARD':
                n = card.get('N', ';').split(';')
                rows.append((n[1] if len(n) > 1 else '', n[0], card.get('EMAIL', ''), card.get('ORG', ''),
                             card.get('TITLE', ''), ''))
            else:
                name, _, value = line.partition(':')
                card.setdefault(name.split(';')[0], value)

db = sqlite3.connect(db_path)
db.execute('PRAGMA journal_mode=WAL')
db.execute('CREATE TABLE contacts (id INTEGER PRIMARY KEY, first TEXT, last TEXT, email TEXT, company TEXT, '
           'title TEXT, url TEXT)')
db.execute("CREATE VIRTUAL TABLE contact_search USING fts5(name, company, email, tokenize='trigram')")
with db:
    db.executemany('INSERT INTO contacts (first, last, email, company, title, url) VALUES (?, ?, ?, ?, ?, ?)', rows)
    db.executemany('INSERT INTO contact_search (name, company, email) VALUES (?, ?, ?)',
                   ((f'{r[0]} {r[1]}', r[3], r[2]) for r in rows))
db.close()
print(json.dumps({'rows': len(rows), 'seconds': time.perf_counter() - t0, 'cpuSeconds': time.process_time() - c0}))
