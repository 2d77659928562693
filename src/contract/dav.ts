import { z } from 'zod';

/** F31: how the account's CardDAV/CalDAV sync behaves. */
export const DavSettings = z.object({
  deleteMode: z
    .enum(['delete', 'untrack'])
    .describe(
      'what deleting a card on the phone does to the contact in Tend: delete it, or keep it untracked',
    ),
});
export type DavSettings = z.infer<typeof DavSettings>;

/** Where clients connect; shown in Settings next to the app passwords. */
export const DavInfo = DavSettings.extend({
  /** Paths on this server; a client given the server's address discovers the rest (RFC 6764). */
  url: z.string(),
  addressBookUrl: z.string(),
  calendarUrl: z.string(),
  username: z.string(),
});
export type DavInfo = z.infer<typeof DavInfo>;
