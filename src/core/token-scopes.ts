/** What an API token may do. Sessions and the local CLI hold every scope. */
export const TOKEN_SCOPES = ['read', 'write', 'dav', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * What a route asks of its caller: reads, writes, admin work (tokens, backup export, feeds), or DAV.
 * Admin can mint a token of any scope, so an admin token is as strong as a session: hand it out only
 * to what manages the account.
 */
export type ScopeNeed = TokenScope;

/**
 * Whether a set of scopes covers a need. `write` includes reading (a writer must see what it edits);
 * `admin` and `dav` include nothing else, so a DAV-only token is refused on /api and an admin-only
 * token cannot read contacts.
 */
export function scopesAllow(scopes: readonly TokenScope[], need: ScopeNeed): boolean {
  if (need === 'read') return scopes.includes('read') || scopes.includes('write');
  return scopes.includes(need);
}

/** Scopes as stored: a sorted, space-separated set. */
export function encodeScopes(scopes: readonly TokenScope[]): string {
  return TOKEN_SCOPES.filter((s) => scopes.includes(s)).join(' ');
}

/** The stored form back to scopes; unknown words (a newer server's scopes) are dropped, never granted. */
export function decodeScopes(stored: string): TokenScope[] {
  const words = new Set(stored.split(/\s+/));
  return TOKEN_SCOPES.filter((s) => words.has(s));
}
