/** Key bytes are kept in pages of this size; a key never spans two (one longer than this gets its own). */
const PAGE = 1 << 20;
const EMPTY = 0;

/**
 * A map from strings to 31-bit integers that keeps its keys outside V8's heap: the characters in
 * pages of bytes (one a character, or two where a key has one past U+00FF), the entries in typed
 * arrays. A preview's dedupe index holds ~2 keys for each row of the file; as 400,000 heap strings
 * in a Map they were ~50 MB of live heap, and V8 lets the heap grow to a multiple of what is live
 * before it collects, so the peak RSS of a 200,000-row preview moved from 255 to 360 MB with GC
 * timing. Here they are ~30 MB of plain memory that no collection has to trace.
 * Lookups compare every character: two keys are the same entry only when they are equal.
 */
export class KeyTable {
  private pages: Uint8Array[] = [];
  private used = PAGE;
  /** Per entry: page, offset in it, length (negative: two bytes a character), value, hash. */
  private page = new Int32Array(1024);
  private offset = new Int32Array(1024);
  private length = new Int32Array(1024);
  private value = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Open addressing: entry index + 1, EMPTY where free; at most half full. */
  private slots = new Int32Array(2048);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    return this.find(key, keyHash(key)) !== -1;
  }

  get(key: string): number | undefined {
    const e = this.find(key, keyHash(key));
    return e === -1 ? undefined : this.value[e];
  }

  set(key: string, value: number): void {
    if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31)
      throw new RangeError(`KeyTable values are 32-bit integers, not ${value}`);
    const hash = keyHash(key);
    const found = this.find(key, hash);
    if (found !== -1) {
      this.value[found] = value;
      return;
    }
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.count === this.value.length) this.growEntries();
    const e = this.count++;
    this.store(e, key);
    this.value[e] = value;
    this.hashes[e] = hash;
    this.place(e, hash);
  }

  private find(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i]!;
      if (s === EMPTY) return -1;
      const e = s - 1;
      if (this.hashes[e] === hash && this.equals(e, key)) return e;
    }
  }

  private place(e: number, hash: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== EMPTY) i = (i + 1) & mask;
    this.slots[i] = e + 1;
  }

  private equals(e: number, key: string): boolean {
    const stored = this.length[e]!;
    const wide = stored < 0;
    const n = wide ? -stored - 1 : stored;
    if (n !== key.length) return false;
    const bytes = this.pages[this.page[e]!]!;
    const at = this.offset[e]!;
    if (wide) {
      for (let i = 0; i < n; i++)
        if ((bytes[at + 2 * i]! | (bytes[at + 2 * i + 1]! << 8)) !== key.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < n; i++) if (bytes[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private store(e: number, key: string): void {
    let wide = false;
    for (let i = 0; i < key.length; i++)
      if (key.charCodeAt(i) > 0xff) {
        wide = true;
        break;
      }
    const size = wide ? key.length * 2 : key.length;
    if (this.used + size > PAGE || this.pages.length === 0) {
      this.pages.push(new Uint8Array(Math.max(PAGE, size)));
      this.used = 0;
    }
    const bytes = this.pages[this.pages.length - 1]!;
    const at = this.used;
    if (wide)
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        bytes[at + 2 * i] = c & 0xff;
        bytes[at + 2 * i + 1] = c >> 8;
      }
    else for (let i = 0; i < key.length; i++) bytes[at + i] = key.charCodeAt(i);
    this.used += size;
    this.page[e] = this.pages.length - 1;
    this.offset[e] = at;
    this.length[e] = wide ? -key.length - 1 : key.length;
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.page = grow(this.page);
    this.offset = grow(this.offset);
    this.length = grow(this.length);
    this.value = grow(this.value);
    this.hashes = grow(this.hashes);
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let e = 0; e < this.count; e++) this.place(e, this.hashes[e]!);
  }
}

/** FNV-1a over the UTF-16 code units, its bits mixed (MurmurHash3's finaliser) for the low-bit mask. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
