import { parseHeaderBlock } from './header-fields.js';
import { type MailItem, toMailMessage } from './mail-message.js';
import { readMbox } from './mbox-reader.js';

/** The messages of an mbox file, in order; each unreadable one is an error item naming it. */
export async function* readMboxMessages(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MailItem> {
  for await (const block of readMbox(chunks)) {
    if ('error' in block) yield { ok: false, error: block.error };
    else yield toMailMessage(parseHeaderBlock(block.headers), `message ${block.index}`);
  }
}
