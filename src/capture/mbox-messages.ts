import { parseHeaderBytes } from './header-fields';
import { MAIL_FIELDS, type MailItem, toMailMessage } from './mail-message';
import { readMbox } from './mbox-reader';

/** The messages of an mbox file, in order; each unreadable one is an error item naming it. */
export async function* readMboxMessages(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MailItem> {
  for await (const block of readMbox(chunks)) {
    if ('error' in block) yield { ok: false, error: block.error };
    else yield toMailMessage(parseHeaderBytes(block.header, MAIL_FIELDS), `message ${block.index}`);
  }
}
