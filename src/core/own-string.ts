/**
 * A copy of `text` that holds on to nothing else. V8 keeps a slice of a string (a line of a decoded
 * 64 KB chunk of an upload, a trimmed or lower-cased value of it) as a pointer into the whole
 * string, and a concatenation as a pointer to its pieces: a short key kept in a map for the whole
 * preview kept its chunk alive too, which on a 10,000-card file with photos was nearly every chunk
 * of the file. A JSON round trip always builds a new flat string (and keeps lone surrogates).
 */
export function ownString(text: string): string {
  const copy: unknown = JSON.parse(JSON.stringify(text));
  return typeof copy === 'string' ? copy : text;
}
