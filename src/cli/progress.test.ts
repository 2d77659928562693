import { describe, expect, it } from 'vitest';
import { progressBar, withProgress } from './progress';

async function drain(it: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of it) n += chunk.byteLength;
  return n;
}

async function* chunks(sizes: number[]): AsyncGenerator<Uint8Array> {
  for (const size of sizes) yield new Uint8Array(size);
}

describe('upload progress', () => {
  it('passes every byte through and prints a line per tenth when not on a terminal', async () => {
    const lines: string[] = [];
    const sink = { write: (t: string) => lines.push(t) };
    expect(await drain(withProgress(chunks([10, 10, 5, 75]), 100, 'Uploading x.csv', sink))).toBe(100);
    expect(lines).toEqual(['Uploading x.csv: 10%\n', 'Uploading x.csv: 20%\n', 'Uploading x.csv: 100%\n']);
  });

  it('redraws one bar on a terminal and ends its line', async () => {
    const out: string[] = [];
    const sink = { write: (t: string) => out.push(t), isTTY: true, columns: 80 };
    await drain(withProgress(chunks([50, 50]), 100, 'Up', sink));
    expect(out[0]!.startsWith('\rUp [')).toBe(true);
    expect(out.at(-1)).toBe('\n');
    expect(progressBar('Up', 512 * 1024, 1024 * 1024, 60)).toMatch(
      /^Up \[#+\.+\] {2}50% {2}512 KB \/ 1\.0 MB$/,
    );
  });
});
