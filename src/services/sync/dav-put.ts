import { ContactCreate } from '../../contract/contacts';
import { defaultLeadDays, invalidDay } from '../../core/important-dates';
import type { DateKind } from '../../core/vocabulary';
import type { ImportedContact, PartialDate } from '../../formats/imported-contact';
import { cardLines, readOneCard } from '../../formats/vcard-merge';
import { listCircles } from '../../store/circles.repo';
import { deleteContactPhoto, putContactPhoto } from '../../store/contact-photos.repo';
import { reindexContacts } from '../../store/contacts.repo';
import {
  allocateSeq,
  findCard,
  findLiveCardByUid,
  firstNotes,
  noteBodies,
  upsertCard,
} from '../../store/dav.repo';
import {
  deleteImportantDate,
  insertImportantDate,
  listImportantDates,
  updateImportantDate,
} from '../../store/important-dates.repo';
import { deleteNote, insertNote, updateNote } from '../../store/notes.repo';
import type { Conn } from '../../store/store';
import { photoColumns, preparePhoto } from '../contact-photos.service';
import { createContactIn, patchContactIn } from '../contacts.service';
import { type Deps, nowIso } from '../deps';
import { assertIfMatch, catchUpBook } from './dav.service';
import { DavPrecondition, PreconditionFailed } from './dav-errors';
import { etagOf } from './dav-render';

export interface PutConditions {
  ifMatch?: string | undefined;
  /** `If-None-Match: *`: only create (RFC 7232 §3.2). */
  ifNoneMatch?: string | undefined;
}

/** The UID property as written (RFC 6350 §6.7.6), unescaped enough to compare. */
function uidOf(body: string): string | undefined {
  const line = cardLines(body).find((l) => l.name === 'UID');
  return (
    line?.raw
      .replace(/\r\n[ \t]/g, '')
      .replace(/^[^:]*:/, '')
      .trim() || undefined
  );
}

/** Circle = the first category that names one of the account's circles; the other categories are tags. */
function contactInput(c: ImportedContact, circles: { id: string; name: string }[]) {
  const byName = new Map(circles.map((x) => [x.name.toLowerCase(), x.id]));
  const circleTag = c.tags.find((t) => byName.has(t.toLowerCase()));
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    company: c.company ?? null,
    title: c.title ?? null,
    city: c.city ?? null,
    country: c.country ?? null,
    timeZone: c.timeZone ?? null,
    circleId: circleTag ? byName.get(circleTag.toLowerCase())! : null,
    emails: c.emails,
    phones: c.phones,
    links: c.links,
    tags: c.tags.filter((t) => t !== circleTag),
    ...(c.industry !== undefined && { industry: c.industry }),
    ...(c.connectedOn !== undefined && { metOn: c.connectedOn }),
  };
}

function validated(input: ReturnType<typeof contactInput>, tracked: boolean): ContactCreate {
  const parsed = ContactCreate.safeParse({ ...input, tracked });
  if (parsed.success) return parsed.data;
  const what = parsed.error.issues.map((i) => `${i.path.join('.') || 'card'}: ${i.message}`).join('; ');
  throw new DavPrecondition(`the card does not fit a contact: ${what}`, 'valid-address-data');
}

/** Birthday and anniversary: the first date of each kind follows the card (created, moved or removed). */
async function syncDates(deps: Deps, tx: Conn, accountId: string, contactId: string, c: ImportedContact) {
  const existing = await listImportantDates(tx, accountId, contactId);
  const dates: [DateKind, PartialDate | undefined][] = [
    ['birthday', c.birthday],
    ['personal_anniversary', c.anniversary],
  ];
  for (const [kind, date] of dates) {
    const first = existing
      .filter((d) => d.kind === kind)
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))[0];
    if (date) {
      const bad = invalidDay(date.month, date.day, date.year);
      if (bad || date.month < 1 || date.month > 12)
        throw new DavPrecondition(`${kind}: ${bad ?? 'no such month'}`, 'valid-address-data');
    }
    if (!date) {
      if (first) await deleteImportantDate(tx, accountId, first.id);
    } else if (!first) {
      await insertImportantDate(tx, {
        account_id: accountId,
        id: deps.newId(),
        contact_id: contactId,
        kind,
        label: null,
        month: date.month,
        day: date.day,
        year: date.year ?? null,
        lead_days: defaultLeadDays(kind),
        created_at: nowIso(deps),
      });
    } else if (first.month !== date.month || first.day !== date.day || first.year !== (date.year ?? null)) {
      await updateImportantDate(tx, accountId, first.id, {
        month: date.month,
        day: date.day,
        year: date.year ?? null,
      });
    }
  }
}

/**
 * The card's NOTE is one note of the contact (the linked one, else the first). A changed NOTE
 * edits it; a NOTE the phone removed deletes it only when the previous card showed that very note,
 * so notes the phone never saw are never lost. Returns the linked note's id.
 */
async function syncNote(
  deps: Deps,
  tx: Conn,
  accountId: string,
  contactId: string,
  text: string | undefined,
  card: { note_id: string | null; previousNote: string | undefined } | undefined,
): Promise<string | null> {
  const linked = card?.note_id
    ? (await noteBodies(tx, accountId, [card.note_id])).get(card.note_id)
    : undefined;
  const target =
    card?.note_id && linked !== undefined
      ? { id: card.note_id, body: linked }
      : (await firstNotes(tx, accountId, [contactId])).get(contactId);
  const now = nowIso(deps);
  if (text) {
    if (!target) {
      const id = deps.newId();
      await insertNote(tx, {
        account_id: accountId,
        id,
        contact_id: contactId,
        body: text,
        pinned: 0,
        created_at: now,
        updated_at: now,
      });
      return id;
    }
    if (target.body !== text) await updateNote(tx, accountId, target.id, { body: text, updated_at: now });
    return target.id;
  }
  if (target && card?.previousNote !== undefined && target.body === card.previousNote) {
    await deleteNote(tx, accountId, target.id);
    return null;
  }
  return target?.id ?? null;
}

/** What keeps a card from becoming a contact (a field that does not fit), or undefined. */
export async function cardProblem(
  tx: Conn,
  accountId: string,
  c: ImportedContact,
): Promise<string | undefined> {
  try {
    validated(contactInput(c, await listCircles(tx, accountId)), false);
    for (const [kind, date] of [
      ['birthday', c.birthday],
      ['anniversary', c.anniversary],
    ] as const) {
      if (!date) continue;
      const bad = invalidDay(date.month, date.day, date.year);
      if (bad || date.month < 1 || date.month > 12) return `${kind}: ${bad ?? 'no such month'}`;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A card's fields onto a contact (a new one when `contactId` is undefined): the contact, its
 * birthday and anniversary, its card-linked note and its search text, in the caller's transaction.
 * Shared by the DAV server (a phone's PUT) and the CardDAV client (a subscribed book's card).
 */
export async function applyCard(
  deps: Deps,
  tx: Conn,
  accountId: string,
  contactId: string | undefined,
  parsed: ImportedContact,
  note: { note_id: string | null; previousNote: string | undefined } | undefined,
) {
  const input = contactInput(parsed, await listCircles(tx, accountId));
  // Cards from elsewhere arrive untracked: syncing a whole address book must not fill Today.
  const contact = contactId
    ? await patchContactIn(
        deps,
        tx,
        accountId,
        contactId,
        (() => {
          const { tracked: _t, ...fields } = validated(input, false);
          return fields;
        })(),
      )
    : await createContactIn(deps, tx, accountId, validated(input, false));
  await syncDates(deps, tx, accountId, contact.id, parsed);
  const noteId = await syncNote(deps, tx, accountId, contact.id, parsed.notes, contactId ? note : undefined);
  await reindexContacts(tx, accountId, [contact.id]);
  return { contact, noteId };
}

/**
 * The card's PHOTO becomes the contact's photo. A card without one removes the photo only when the
 * previous card had one (the phone removed it); a photo that cannot be read leaves the stored one.
 * contacts.updated_at is not moved: the card is the source here, so it must not look changed by Tend.
 */
async function syncPhoto(
  tx: Conn,
  accountId: string,
  contactId: string,
  photo: Awaited<ReturnType<typeof preparePhoto>> | undefined,
  previousBody: string | undefined,
  deps: Deps,
): Promise<void> {
  if (photo && 'photo' in photo) {
    await putContactPhoto(tx, {
      account_id: accountId,
      contact_id: contactId,
      ...photoColumns(photo.photo),
      updated_at: nowIso(deps),
    });
  } else if (!photo && previousBody && cardLines(previousBody).some((l) => l.name === 'PHOTO')) {
    await deleteContactPhoto(tx, accountId, contactId);
  }
}

/**
 * A card written by a client (RFC 6352 §6.3.2): a new href becomes a new contact (never merged
 * into an existing person), a known one updates its contact. All of it — contact, dates, note,
 * search text, schedule, card and change number — lands in one transaction or not at all.
 * The body is kept as sent, so the client reads back exactly its bytes (and ETag).
 */
export async function putCard(
  deps: Deps,
  accountId: string,
  href: string,
  body: string,
  cond: PutConditions,
): Promise<{ etag: string; created: boolean }> {
  const parsed = await readOneCard(body);
  if (typeof parsed === 'string') throw new DavPrecondition(parsed, 'valid-address-data');
  // Decoded and resized before the transaction opens: image work never holds the write lock.
  const photo = parsed.photo && (await preparePhoto(Buffer.from(parsed.photo.base64, 'base64')));
  return deps.store.transaction(async (tx) => {
    await catchUpBook(deps, tx, accountId);
    const existing = await findCard(tx, accountId, href);
    const live = existing && !existing.deleted ? existing : undefined;
    if (
      cond.ifNoneMatch !== undefined &&
      live &&
      (cond.ifNoneMatch.trim() === '*' || cond.ifNoneMatch.includes(live.etag))
    )
      throw new PreconditionFailed('a card already exists at this address (If-None-Match)');
    assertIfMatch(existing, cond.ifMatch);
    const uid = uidOf(body) ?? href.replace(/\.vcf$/i, '');
    const clash = await findLiveCardByUid(tx, accountId, uid);
    if (clash && clash.href !== href)
      throw new DavPrecondition(`the UID ${uid} is already used by ${clash.href}`, 'no-uid-conflict', 409);
    const previous = live ? await readOneCard(live.body) : undefined;
    const { contact, noteId } = await applyCard(deps, tx, accountId, live?.contact_id, parsed, {
      note_id: live?.note_id ?? null,
      previousNote: typeof previous === 'object' ? previous.notes : undefined,
    });
    await syncPhoto(tx, accountId, contact.id, photo, live?.body, deps);
    const etag = etagOf(body);
    await upsertCard(tx, {
      account_id: accountId,
      href,
      contact_id: contact.id,
      uid,
      body,
      etag,
      seq: await allocateSeq(tx, accountId, 1),
      deleted: 0,
      contact_updated_at: contact.updatedAt,
      note_id: noteId,
    });
    return { etag, created: !live };
  });
}
