import { Invalid } from '../core/errors';
import { readZipEntry, type ZipBytes, type ZipEntry, zipEntries } from './zip-entries';

/** The largest chat text read out of a .zip (ten years of a busy chat is a few tens of MB). */
export const MAX_ZIPPED_CHAT_BYTES = 100 * 1024 ** 2;

/** iOS names the chat `_chat.txt`; Android `WhatsApp Chat with Grace.txt` (or its locale's words). */
const CHAT_NAME = /^(?:_chat\.txt|WhatsApp.*\.txt)$/i;

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The one chat .txt among the entries: the only .txt, or the only one named like a chat. */
export function chatEntry(entries: ZipEntry[]): ZipEntry {
  // macOS adds __MACOSX/._name resource forks; a name ending in / is a folder.
  const texts = entries.filter(
    (e) => /\.txt$/i.test(e.name) && !e.name.startsWith('__MACOSX/') && !baseName(e.name).startsWith('._'),
  );
  const only = texts.length === 1 ? texts[0] : undefined;
  if (only) return only;
  if (texts.length === 0)
    throw new Invalid('the .zip holds no chat .txt (_chat.txt or "WhatsApp Chat with …")', 'body');
  const chats = texts.filter((e) => CHAT_NAME.test(baseName(e.name)));
  const chat = chats.length === 1 ? chats[0] : undefined;
  if (chat) return chat;
  const names = (chats.length > 0 ? chats : texts).map((e) => `"${e.name}"`).join(', ');
  throw new Invalid(`the .zip holds several chat .txt files (${names}): export one chat at a time`, 'body');
}

/** The chat text inside a WhatsApp export .zip; the media beside it are never read. */
export async function chatFromZip(file: ZipBytes): Promise<Uint8Array> {
  const entry = chatEntry(await zipEntries(file));
  return readZipEntry(file, entry, MAX_ZIPPED_CHAT_BYTES);
}
