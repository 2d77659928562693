import { randomFillSync } from 'node:crypto';

// Random bytes drawn 4 KiB at a time: asking the OS for 16 bytes per id cost ~4 µs each, which was
// a tenth of a 30,000-row import (bench/RESULTS.md).
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function randomBytes(n: number): Uint8Array {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

let lastMs = -1;
let counter = 0;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7 (RFC 9562): 48-bit milliseconds, then a 12-bit counter that keeps ids made within one
 * millisecond in order, then 62 random bits. Ids sort by creation time, which keeps B-tree inserts local.
 */
export function newId(): string {
  return newIdAt(Date.now());
}

/** newId at a given clock reading (tests); never pass this as a callback, whose index would become the time. */
export function newIdAt(now: number): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    // 4,096 ids in one millisecond: borrow the next millisecond rather than break the order.
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else {
    // Start each millisecond low in the counter's range, leaving room to count up.
    counter = randomBytes(1)[0]! & 0x3f;
  }
  lastMs = ms;
  const b = new Uint8Array(16);
  b.set(randomBytes(8), 8);
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | (counter >>> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[b[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}
