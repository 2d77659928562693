import { describe, expect, it } from 'vitest';
import { readLinkedInCsv } from './linkedin-csv';
import { readVCards } from './vcard-reader';

const encoder = new TextEncoder();
const PREAMBLE = 'Notes:\r\n"When exporting your connection data, you may notice..."\r\n\r\n';
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
// ~250 bytes a row, so 200,000 rows make a ~50 MB file.
const FILLER = 'x'.repeat(120);

/** A generated LinkedIn export, produced lazily in ~64 KB chunks: the test never holds it whole either. */
async function* linkedInFile(rows: number): AsyncGenerator<Uint8Array> {
  let batch = PREAMBLE + HEADER;
  for (let i = 0; i < rows; i++) {
    batch += `Person${i},"Last, ${i}",https://www.linkedin.com/in/p${i},p${i}@example.com,Company ${i % 997} ${FILLER},"Title ""${i}""",${(i % 28) + 1} Mar 2024\r\n`;
    if (batch.length > 64 * 1024) {
      yield encoder.encode(batch);
      batch = '';
    }
  }
  yield encoder.encode(batch);
}

async function* vcardFile(cards: number): AsyncGenerator<Uint8Array> {
  let batch = '';
  for (let i = 0; i < cards; i++) {
    batch +=
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Last${i};First${i};;;\r\nFN:First${i} Last${i}\r\n` +
      `EMAIL;TYPE=INTERNET,WORK:p${i}@example.com\r\nTEL;TYPE=CELL:+1 555 ${String(i).padStart(7, '0')}\r\n` +
      `ORG:Company ${i};Dept\r\nTITLE:Engineer\r\nBDAY:1980-04-12\r\nNOTE:Met at a conference\\, liked\\nhiking\r\nEND:VCARD\r\n`;
    if (batch.length > 64 * 1024) {
      yield encoder.encode(batch);
      batch = '';
    }
  }
  yield encoder.encode(batch);
}

describe('streaming', () => {
  it('reads a 200,000-row (~50 MB) LinkedIn export in bounded memory', { timeout: 60_000 }, async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let rows = 0;
    let errors = 0;
    let longest = 0;
    for await (const row of readLinkedInCsv(linkedInFile(200_000))) {
      if ('error' in row) errors++;
      else longest = Math.max(longest, row.contact.company?.length ?? 0);
      if (++rows % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    console.info(`200k LinkedIn rows: peak heap growth ${(peak / 2 ** 20).toFixed(1)} MB`);
    expect(rows).toBe(200_000);
    expect(errors).toBe(0);
    expect(longest).toBeLessThan(200);
    // The file is ~50 MB; holding it (or its rows) would push growth well past this.
    expect(peak).toBeLessThan(100 * 2 ** 20);
  });

  // Their speed is measured by `npm run bench:import` against a floor in the same run, not here.
  it('parses all of 30,000 LinkedIn rows and 10,000 vCards', { timeout: 30_000 }, async () => {
    let t = performance.now();
    let n = 0;
    for await (const _ of readLinkedInCsv(linkedInFile(30_000))) n++;
    const linkedInMs = performance.now() - t;
    expect(n).toBe(30_000);
    t = performance.now();
    n = 0;
    for await (const row of readVCards(vcardFile(10_000))) if ('contact' in row) n++;
    const vcardMs = performance.now() - t;
    expect(n).toBe(10_000);
    console.info(`30k LinkedIn rows: ${linkedInMs.toFixed(0)} ms; 10k vCards: ${vcardMs.toFixed(0)} ms`);
  });
});
