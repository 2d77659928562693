import { createHash } from 'node:crypto';
import type { ContactLike, PartialDate } from '../../formats/imported-contact';
import { mergeCard } from '../../formats/vcard-merge';
import { listCircles } from '../../store/circles.repo';
import { loadContactPhotos } from '../../store/contact-photos.repo';
import { type ContactRow, findContact, loadChildren } from '../../store/contacts.repo';
import type { DavCardRow } from '../../store/dav.repo';
import { findCardsOfContacts, firstNotes, noteBodies } from '../../store/dav.repo';
import { exportDates } from '../../store/export.repo';
import type { Conn } from '../../store/store';

/** A strong ETag of the bytes served (RFC 7232 §2.3); quoted as the header carries it. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export interface RenderedCard {
  contactId: string;
  href: string;
  uid: string;
  body: string;
  noteId: string | null;
  updatedAt: string;
  /** The card row it replaces, if any. */
  previous: DavCardRow | undefined;
}

/** What a contact looks like on the phone: Tend's fields, circle first among the CATEGORIES. */
function contactLike(
  row: ContactRow,
  children: Awaited<ReturnType<typeof loadChildren>> extends Map<string, infer C> ? C : never,
  circle: string | undefined,
  note: string | undefined,
  dates: { birthday?: PartialDate; anniversary?: PartialDate },
): ContactLike {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    emails: children.emails.map((e) => ({ value: e.value, ...(e.label && { label: e.label }) })),
    phones: children.phones.map((p) => ({ value: p.value, ...(p.label && { label: p.label }) })),
    links: children.links.map((l) => ({ kind: l.kind, url: l.url })),
    tags: [
      ...(circle ? [circle] : []),
      ...children.tags.filter((t) => t.toLowerCase() !== circle?.toLowerCase()),
    ],
    ...(row.company && { company: row.company }),
    ...(row.title && { title: row.title }),
    ...(row.industry && { industry: row.industry }),
    ...(row.city && { city: row.city }),
    ...(row.country && { country: row.country }),
    ...(row.time_zone && { timeZone: row.time_zone }),
    ...(row.met_on && { connectedOn: row.met_on }),
    ...(note && { notes: note }),
    ...dates,
  };
}

/**
 * Renders the cards of these contacts around their previous bodies (so what the client wrote and
 * Tend does not model survives). The card's NOTE is one note of the contact: the one it was linked
 * to, else the first in the contact's list (pinned, then newest).
 */
export async function renderCards(db: Conn, accountId: string, rows: ContactRow[]): Promise<RenderedCard[]> {
  const ids = rows.map((r) => r.id);
  const [children, dates, cards, circles] = await Promise.all([
    loadChildren(db, accountId, ids),
    exportDates(db, accountId, ids),
    findCardsOfContacts(db, accountId, ids),
    listCircles(db, accountId),
  ]);
  const circleName = new Map(circles.map((c) => [c.id, c.name]));
  const cardOf = new Map(cards.map((c) => [c.contact_id, c]));
  // A card Tend writes first carries the photo; afterwards the phone's own PHOTO line is kept as written.
  const photos = await loadContactPhotos(
    db,
    accountId,
    ids.filter((id) => !cardOf.get(id) || cardOf.get(id)?.deleted),
  );
  const [linked, firsts] = await Promise.all([
    noteBodies(
      db,
      accountId,
      cards.flatMap((c) => (c.note_id ? [c.note_id] : [])),
    ),
    firstNotes(db, accountId, ids),
  ]);
  const dateOf = new Map<string, { birthday?: PartialDate; anniversary?: PartialDate }>();
  for (const d of dates) {
    const entry = dateOf.get(d.contact_id) ?? {};
    const key = d.kind === 'birthday' ? 'birthday' : 'anniversary';
    entry[key] ??= { month: d.month, day: d.day, ...(d.year !== null && { year: d.year }) };
    dateOf.set(d.contact_id, entry);
  }
  const out: RenderedCard[] = [];
  for (const row of rows) {
    const card = cardOf.get(row.id);
    let noteId = card?.note_id && linked.has(card.note_id) ? card.note_id : null;
    let note = noteId ? linked.get(noteId) : undefined;
    if (!noteId) {
      const first = firsts.get(row.id);
      noteId = first?.id ?? null;
      note = first?.body;
    }
    const like = contactLike(
      row,
      children.get(row.id)!,
      row.circle_id ? circleName.get(row.circle_id) : undefined,
      note,
      dateOf.get(row.id) ?? {},
    );
    const photo = photos.get(row.id);
    if (photo) like.photo = { mediaType: photo.content_type, base64: photo.data };
    const uid = card?.uid ?? row.id;
    const previous = card && !card.deleted ? card.body : undefined;
    out.push({
      contactId: row.id,
      href: card?.href ?? `${row.id}.vcf`,
      uid,
      body: await mergeCard(like, previous, { uid }),
      noteId,
      updatedAt: row.updated_at,
      previous: card,
    });
  }
  return out;
}

/** One contact's card, as renderCards would write it. */
export async function renderCard(db: Conn, accountId: string, contactId: string): Promise<RenderedCard> {
  const row = await findContact(db, accountId, contactId);
  if (!row) throw new Error(`contact ${contactId} vanished inside its own transaction`);
  return (await renderCards(db, accountId, [row]))[0]!;
}
