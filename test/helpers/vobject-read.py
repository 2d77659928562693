#!/usr/bin/python3
"""Reads a .vcf from stdin with Debian's python3-vobject (a vCard parser independent of ours) and
prints each card's fields as JSON, so tests can compare what another reader sees in our export."""
import base64
import json
import sys

import vobject


def values(card, name):
    return [c for c in card.contents.get(name, [])]


def text(v):
    return v if isinstance(v, str) else str(v)


def is_jpeg(v):
    # 3.0 ENCODING=b is decoded to bytes by vobject; a 4.0 data: URI stays text.
    if isinstance(v, bytes):
        return v.startswith(b'\xff\xd8\xff')
    if v.startswith('data:image/jpeg;base64,'):
        return base64.b64decode(v.split(',', 1)[1]).startswith(b'\xff\xd8\xff')
    return False


out = []
for card in vobject.readComponents(sys.stdin.read()):
    n = card.contents.get('n', [None])[0]
    org = card.contents.get('org', [None])[0]
    out.append({
        'uid': text(card.uid.value) if hasattr(card, 'uid') else None,
        'fn': text(card.fn.value),
        'family': n.value.family if n else None,
        'given': n.value.given if n else None,
        'emails': [text(e.value) for e in values(card, 'email')],
        'tels': [{'value': text(t.value), 'types': sorted(x.lower() for x in t.params.get('TYPE', []))}
                 for t in values(card, 'tel')],
        'org': (org.value[0] if isinstance(org.value, list) else org.value) if org else None,
        'title': text(card.title.value) if hasattr(card, 'title') else None,
        'note': text(card.note.value) if hasattr(card, 'note') else None,
        'bday': text(card.bday.value) if hasattr(card, 'bday') else None,
        'urls': [text(u.value) for u in values(card, 'url')],
        'categories': [c for cat in values(card, 'categories') for c in cat.value],
        'photo': bool(values(card, 'photo')),
        'photoJpeg': any(is_jpeg(p.value) for p in values(card, 'photo')),
    })
json.dump(out, sys.stdout, ensure_ascii=False)
