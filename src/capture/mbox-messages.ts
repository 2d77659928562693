import { parseHeaderBytes } from './header-fields';
import { MAIL_FIELDS, type MailItem, toMailMessage } from './mail-message';
import { type MboxBlock, splitMbox } from './mbox-reader';

function toItem(block: MboxBlock): MailItem {
  if ('error' in block) return { ok: false, error: block.error };
  return toMailMessage(parseHeaderBytes(block.header, MAIL_FIELDS), `message ${block.index}`);
}

/** The messages of an mbox file, in order; each unreadable one is an error item naming it. */
export async function* readMboxMessages(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MailItem> {
  const splitter = splitMbox();
  for await (const chunk of chunks) for (const block of splitter.push(chunk)) yield toItem(block);
  for (const block of splitter.end()) yield toItem(block);
}
