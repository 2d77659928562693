/** `url` if it is an http(s) or (when allowed) mailto address, else undefined: user text never becomes a script link. */
export function webHref(url: string | null | undefined, allowMailto = false): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const allowed = allowMailto ? ['http:', 'https:', 'mailto:'] : ['http:', 'https:'];
    return allowed.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
