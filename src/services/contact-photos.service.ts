import { NotFound } from '../core/errors';
import { type NormalisedPhoto, normalisePhoto, PhotoError } from '../formats/photo-image';
import { deleteContactPhoto, findContactPhoto, putContactPhoto } from '../store/contact-photos.repo';
import { updateContact } from '../store/contacts.repo';
import type { Conn } from '../store/store';
import { type Deps, nowIso } from './deps';
import { requireContact } from './require-contact';

export interface PhotoFile {
  contentType: string;
  bytes: Buffer;
  hash: string;
}

/** The columns of a normalised photo, as contact_photos and import_row_photos store them. */
export function photoColumns(photo: NormalisedPhoto) {
  return {
    content_type: photo.contentType,
    data: photo.bytes.toString('base64'),
    hash: photo.hash,
    width: photo.width,
    height: photo.height,
  };
}

/**
 * The one way a photo enters Tend (upload, import, CardDAV): its bytes checked and normalised by
 * normalisePhoto, or the reason it cannot be kept. Never throws for a bad image.
 */
export async function preparePhoto(
  bytes: Uint8Array,
): Promise<{ photo: NormalisedPhoto } | { problem: string }> {
  try {
    return { photo: await normalisePhoto(bytes) };
  } catch (e) {
    if (e instanceof PhotoError) return { problem: e.message };
    throw e;
  }
}

/** Stores a normalised photo on a contact inside `tx`; the contact's updated_at moves, so CardDAV sees it. */
export async function storeContactPhoto(
  deps: Deps,
  tx: Conn,
  accountId: string,
  contactId: string,
  photo: NormalisedPhoto,
): Promise<void> {
  const now = nowIso(deps);
  await putContactPhoto(tx, {
    account_id: accountId,
    contact_id: contactId,
    ...photoColumns(photo),
    updated_at: now,
  });
  await updateContact(tx, accountId, contactId, { updated_at: now });
}

/** PUT /contacts/:id/photo: the bytes as uploaded; a bad image is a 400 naming why. */
export async function setContactPhoto(
  deps: Deps,
  accountId: string,
  contactId: string,
  bytes: Uint8Array,
): Promise<{ hash: string; width: number; height: number }> {
  // Checked before the image work, so another account's id costs no decoding.
  await requireContact(deps.store.read, accountId, contactId);
  const photo = await normalisePhoto(bytes);
  await deps.store.transaction(async (tx) => {
    await requireContact(tx, accountId, contactId);
    await storeContactPhoto(deps, tx, accountId, contactId, photo);
  });
  return { hash: photo.hash, width: photo.width, height: photo.height };
}

export async function getContactPhoto(deps: Deps, accountId: string, contactId: string): Promise<PhotoFile> {
  const row = await findContactPhoto(deps.store.read, accountId, contactId);
  if (!row) throw new NotFound('this contact has no photo');
  return { contentType: row.content_type, bytes: Buffer.from(row.data, 'base64'), hash: row.hash };
}

/** DELETE /contacts/:id/photo: idempotent for a contact of the account, 404 for any other id. */
export async function removeContactPhoto(deps: Deps, accountId: string, contactId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await requireContact(tx, accountId, contactId);
    if ((await deleteContactPhoto(tx, accountId, contactId)) > 0)
      await updateContact(tx, accountId, contactId, { updated_at: nowIso(deps) });
  });
}
