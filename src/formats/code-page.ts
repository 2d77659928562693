import iconv from 'iconv-lite';

/** The 8-bit code pages an old export is likely to be in, when it is not UTF-8. */
export type CodePage = 'windows-1252' | 'windows-1251' | 'windows-1253' | 'windows-1250' | 'koi8-r';

/** Letters that make up most of running Cyrillic / Greek text (names included). */
const COMMON = {
  'windows-1251': new Set('оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфОЕАИНТСРВЛКМДПУЯГЗБЧЙХЖШЮЦЩЭФ'),
  'windows-1253': new Set('αοιετσνηυρκπμλάίόέήύώςγδθχφβωξζΑΟΙΕΤΣΝΗΥΡΚΠΜΛΓΔΘΧΦΒΩΞΖΆΈΉΊΌΎΏ'),
} as const;

/**
 * The code page of bytes that are not UTF-8. A charset named in the file wins (a vCard's
 * `CHARSET=windows-1251` on one line says what its other lines are); else byte statistics:
 * Latin text has an accented byte here and there between ASCII letters, while Cyrillic and Greek
 * words are runs of high bytes, told apart by how many decode to that script's common letters.
 */
export function guessCodePage(bytes: Uint8Array): CodePage | string {
  const named = namedCharset(bytes);
  if (named) return named;
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) inRuns++;
  }
  if (high === 0 || inRuns / high < 0.5) return 'windows-1252';
  const highOnly = Buffer.from(bytes.filter((b) => b >= 0x80));
  let best: CodePage = 'windows-1252';
  let bestScore = 0.5;
  for (const page of ['windows-1251', 'windows-1253'] as const) {
    const text = iconv.decode(highOnly, page);
    let hits = 0;
    for (const ch of text) if (COMMON[page].has(ch)) hits++;
    const score = hits / text.length;
    if (score > bestScore) {
      best = page;
      bestScore = score;
    }
  }
  return best;
}

/** A `CHARSET=` or `charset=` naming an 8-bit code page iconv knows, in the first bytes. */
function namedCharset(bytes: Uint8Array): string | undefined {
  const ascii = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
  for (const m of ascii.matchAll(/charset="?([\w-]+)/gi)) {
    const name = m[1]!.toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8' && name !== 'us-ascii' && iconv.encodingExists(name)) return name;
  }
  return undefined;
}
