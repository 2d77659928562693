import { ICS_SIZE_LIMIT } from '../core/meeting-capture';

/** A calendar address that could not be read, said in words the user can act on. */
export class IcsFetchError extends Error {}

/** What a refused login says, the same whether the GET or the REPORT was refused. */
export function authFailed(says: string): string {
  return `authentication failed: ${says}; check the user and app password`;
}

/** The body as text, refused past ICS_SIZE_LIMIT bytes (a calendar or a REPORT's answer). */
export async function limitedText(res: Response): Promise<string> {
  if (!res.body) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > ICS_SIZE_LIMIT) {
      await res.body.cancel().catch(() => {});
      throw new IcsFetchError(`the calendar is larger than ${ICS_SIZE_LIMIT / 1024 ** 2} MB`);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}
