import type { FastifyInstance } from 'fastify';
import type { Caller } from '../helpers/app';

/** An mbox of messages given as header lines; each gets a From_ line and a one-line body. */
export function mbox(messages: string[][]): Buffer {
  return Buffer.from(
    messages.map((h) => `From x@y Mon Mar 02 10:00:00 2026\n${h.join('\n')}\n\nbody\n`).join('\n'),
  );
}

export async function uploadMbox(app: FastifyInstance, caller: Caller, sourceId: string, body: Buffer) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/sources/${sourceId}/upload`,
    headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/mbox' },
    payload: body,
  });
}

export async function addContact(caller: Caller, firstName: string, email: string): Promise<string> {
  const res = await caller.call('POST', '/api/v1/contacts', {
    firstName,
    lastName: 'Test',
    emails: [{ value: email }],
  });
  if (res.statusCode !== 201) throw new Error(`contact: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}
