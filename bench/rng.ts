/** A seeded PRNG (mulberry32) with the few draws the generator needs, so every run builds the same data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** 32 random bits as 8 hex digits. */
  hex8(): string {
    return Math.floor(this.next() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  }
}

/** A weighted choice table built once, drawn in O(log n). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, w] of entries) {
    sum += w;
    cumulative.push(sum);
  }
  return (rng) => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** A UUIDv7 for the instant `ms`, as the app's newId() would have made then, with seeded random bits. */
export function uuidv7(rng: Rng, ms: number): string {
  const ts = Math.floor(ms).toString(16).padStart(12, '0');
  const a = rng.hex8();
  const b = rng.hex8();
  const c = rng.hex8();
  const variant = (8 + (Number.parseInt(a[3]!, 16) & 3)).toString(16);
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${a.slice(0, 3)}-${variant}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`;
}
