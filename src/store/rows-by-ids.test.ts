import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapByIds, rowsByIds } from './rows-by-ids';

// A table of (id, n) rows, several per id, read in order as a query ordered by preference would.
const table = fc.array(fc.record({ id: fc.integer({ min: 0, max: 20 }), n: fc.integer() }), {
  maxLength: 60,
});

describe('rowsByIds and mapByIds', () => {
  it('read every row of the ids in slices of `size`, and keep the first row per key (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.uniqueArray(fc.integer({ min: 0, max: 20 })),
        fc.integer({ min: 1, max: 7 }),
        async (rows, ids, size) => {
          const slices: number[][] = [];
          const fetch = async (part: number[]) => {
            slices.push(part);
            return rows.filter((r) => part.includes(r.id));
          };
          const all = await rowsByIds(ids, fetch, size);
          expect(slices.every((s) => s.length <= size)).toBe(true);
          expect(slices.flat()).toEqual(ids);
          expect(all.length).toBe(rows.filter((r) => ids.includes(r.id)).length);
          const map = await mapByIds(
            ids,
            fetch,
            (r) => r.id,
            (r) => r.n,
            size,
          );
          for (const id of ids) expect(map.get(id)).toBe(rows.find((r) => r.id === id)?.n);
          expect(map.size).toBe(new Set(all.map((r) => r.id)).size);
        },
      ),
    );
  });

  it('run no query for no ids', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return [];
    };
    expect(await rowsByIds([], fetch)).toEqual([]);
    expect((await mapByIds([], fetch, String, String)).size).toBe(0);
    expect(calls).toBe(0);
  });
});
