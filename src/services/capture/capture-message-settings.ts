import { type SourceCreate, SourceSettings } from '../../contract/capture';
import type { SourcePatch } from '../../contract/capture-messages';
import { linkedinKey } from '../../core/duplicate-keys';
import { Invalid, NotFound } from '../../core/errors';
import { findSource, updateSource } from '../../store/capture.repo';
import type { Deps } from '../deps';
import { requireContact } from '../require-contact';

type MessageSource = Extract<SourceCreate, { kind: 'linkedin_messages' | 'whatsapp' }>;

/** The settings a LinkedIn or WhatsApp source keeps, checked: the chat's contact must be the caller's. */
export async function messageSettings(
  deps: Deps,
  accountId: string,
  input: MessageSource,
): Promise<Partial<SourceSettings>> {
  if (input.kind === 'whatsapp') {
    await requireContact(deps.store.read, accountId, input.contactId);
    return { contactId: input.contactId, ...(input.ownName && { ownName: input.ownName }) };
  }
  if (input.ownProfileUrl && !linkedinKey(input.ownProfileUrl))
    throw new Invalid(`not a LinkedIn profile URL: ${input.ownProfileUrl}`, 'ownProfileUrl');
  return {
    ...(input.ownProfileUrl && { ownProfileUrl: input.ownProfileUrl }),
    ...(input.ownName && { ownName: input.ownName }),
  };
}

/** Renames a source, or turns keeping message texts on or off (for what is read from now on). */
export async function patchSource(
  deps: Deps,
  accountId: string,
  id: string,
  patch: SourcePatch,
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const row = await findSource(tx, accountId, id);
    if (!row) throw new NotFound('source not found');
    const settings = SourceSettings.parse(JSON.parse(row.settings));
    if (patch.ownName !== undefined) {
      if (patch.ownName === null) delete settings.ownName;
      else settings.ownName = patch.ownName;
    }
    await updateSource(tx, accountId, id, {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.storeBodies !== undefined && { store_bodies: patch.storeBodies ? 1 : 0 }),
      settings: JSON.stringify(settings),
    });
  });
}
