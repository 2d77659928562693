import fc from 'fast-check';

/** The subset of JSON Schema that the OpenAPI document of zod schemas uses. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** Strings that broke parsers, databases and encoders before: each must be a 4xx or handled. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '../../etc/passwd',
  "'; DROP TABLE contacts; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '\uD800',
  '\uFFFE\uFFFF',
  '\u202Eevil',
  'ß'.repeat(300),
  'a'.repeat(5000),
  '😀'.repeat(100),
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '{}',
  '[]',
  '9999-99-99',
  '2026-02-30',
  '2026-03-10T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  'Europe/Nowhere',
  'a@b',
  'x'.repeat(65),
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Values of the wrong kind at any position: types, extremes, nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: 1, max: 50 }).map((depth) => {
    let v: unknown = 'deep';
    for (let i = 0; i < depth * 20; i++) v = [v];
    return v;
  }),
);

const DATE_RANGE = {
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2100-12-31T00:00:00Z'),
  noInvalidDate: true,
};

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'date-time') return fc.date(DATE_RANGE).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date(DATE_RANGE).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri') return fc.webUrl();
  const max = Math.min(s.maxLength ?? 40, 40);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: Math.min(s.minLength ?? 0, max), maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
  );
}

/**
 * Mostly well-formed values for `schema` (so requests reach the services, not only the validator),
 * with a hostile value in place of any part one time in `1 + wellFormedWeight`.
 */
export function fromSchema(
  schema: JsonSchema | undefined,
  depth = 0,
  wellFormedWeight = 6,
): fc.Arbitrary<unknown> {
  const valid = wellFormed(schema ?? {}, depth, wellFormedWeight);
  return fc.oneof({ weight: wellFormedWeight, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

function wellFormed(s: JsonSchema, depth: number, w: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => wellFormed(a, depth, w)));
  if (s.allOf?.length) return wellFormed(Object.assign({}, ...s.allOf), depth, w);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => wellFormed({ ...s, type }, depth, w)));
  switch (types[0]) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 1000, 1e9) });
    case 'number':
      return fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(fromSchema(s.items, depth + 1, w), {
        minLength: Math.min(s.minItems ?? 0, 3),
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case 'object': {
      if (depth > 4 || !s.properties) return fc.constant({});
      const required = new Set(s.required ?? []);
      const props = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, fromSchema(v, depth + 1, w)]),
      );
      return fc.record(props, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
