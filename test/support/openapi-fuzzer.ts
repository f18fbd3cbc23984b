import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Requests generated from the committed OpenAPI document: every operation, with path and query
 * parameters and JSON bodies that are valid, at their boundaries, of the wrong type, malformed,
 * deeply nested or huge. Deterministic for a seed (printed by the caller).
 */

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  format?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  parameters: Parameter[];
  body: Schema | null;
}

export interface FuzzRequest {
  operationId: string;
  method: Operation['method'];
  url: string;
  /** A JSON value, or a raw string sent as it is (malformed JSON). */
  body?: unknown;
  raw?: string;
  contentType?: string;
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same requests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadOperations(
  file = path.join(__dirname, '..', '..', 'openapi', 'openapi.json'),
): {
  operations: Operation[];
  schemas: Record<string, Schema>;
} {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Document;
  const operations: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({
        method: method as Operation['method'],
        path: p,
        operationId: op.operationId,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return { operations, schemas: doc.components.schemas };
}

const WEIRD_STRINGS = [
  '',
  ' ',
  'null',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '😀'.repeat(50),
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  'x'.repeat(5_000),
  '1e309',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
  'not-a-uuid',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-1-1',
  '2026-03-10T12:00:00Z',
];
const WEIRD_NUMBERS = [
  0,
  -1,
  1,
  2,
  7,
  8,
  23,
  24,
  53,
  54,
  365,
  366,
  371,
  372,
  1e308,
  -1e308,
  0.5,
  2 ** 31,
  2 ** 53 + 1,
  -0,
];

export class Fuzzer {
  constructor(
    private readonly random: () => number,
    private readonly schemas: Record<string, Schema>,
    /** Ids that exist (the fuzzing user's habits, goals and logs), to reach past the 404s. */
    private readonly knownIds: () => string[],
    private readonly today: string,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s.$ref && i < 10; i++) s = this.schemas[s.$ref.split('/').pop()!] ?? {};
    if (s.allOf?.length) return this.resolve(s.allOf[0]);
    if (s.oneOf?.length) return this.resolve(this.pick(s.oneOf));
    return s;
  }

  /**
   * Set for a share of the requests: values that are likely valid (recent dates, known ids,
   * small numbers), so that real writes happen between the hostile ones and the statistics
   * checked at the end have something to be wrong about.
   */
  private tame = false;

  private date(): string {
    const offset = this.tame
      ? -Math.floor(this.random() * 60)
      : Math.floor((this.random() - 0.7) * 800);
    return new Date(Date.parse(`${this.today}T00:00:00Z`) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }

  private id(): string {
    const known = this.knownIds();
    if (known.length > 0 && (this.tame || this.chance(0.6))) return this.pick(known);
    if (this.chance(0.5)) {
      const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
      hex[12] = '4';
      return `${hex.slice(0, 8).join('')}-${hex.slice(8, 12).join('')}-${hex.slice(12, 16).join('')}-${hex.slice(16, 20).join('')}-${hex.slice(20).join('')}`;
    }
    return encodeURIComponent(this.pick(WEIRD_STRINGS));
  }

  /** Anything at all: the wrong type for wherever it goes. */
  private junk(depth = 0): unknown {
    const kinds = ['string', 'number', 'bool', 'null', 'array', 'object', 'deep', 'huge'];
    switch (this.pick(kinds)) {
      case 'string':
        return this.pick(WEIRD_STRINGS);
      case 'number':
        return this.pick(WEIRD_NUMBERS);
      case 'bool':
        return this.chance(0.5);
      case 'null':
        return null;
      case 'array':
        return depth > 2 ? [] : [this.junk(depth + 1), this.junk(depth + 1)];
      case 'object':
        return depth > 2 ? {} : { a: this.junk(depth + 1), __proto__x: 1, constructor: 'x' };
      case 'deep': {
        let v: unknown = 1;
        const levels = this.pick([20, 31, 33, 200, 3000]);
        for (let i = 0; i < levels; i++) v = this.chance(0.5) ? [v] : { a: v };
        return v;
      }
      default:
        return Array.from({ length: this.pick([501, 999, 1001, 20_000]) }, () => 7);
    }
  }

  /** A value for `schema`: usually valid, sometimes at or past a boundary, sometimes junk. */
  value(schema: Schema, name = '', depth = 0): unknown {
    if (!this.tame && this.chance(0.08)) return this.junk(depth);
    const s = this.resolve(schema);
    if (s.nullable && this.chance(this.tame ? 0.02 : 0.1)) return null;
    if (s.enum)
      return this.tame || this.chance(0.9)
        ? this.pick(s.enum)
        : this.pick(['', 'AT_RISK', 'at_risk', 'bogus']);
    if (this.tame && (s.type === 'number' || s.type === 'integer')) {
      const low = s.minimum ?? 1;
      return Math.min(s.maximum ?? low + 4, low + Math.floor(this.random() * 5));
    }
    if (
      this.tame &&
      s.type === 'string' &&
      !/date|^from$|^to$|deadline|habitId|^id$|email|time$|timezone/i.test(name)
    )
      return `v${Math.floor(this.random() * 1000)}`;
    switch (s.type) {
      case 'string': {
        if (/date|^from$|^to$|deadline/i.test(name))
          return this.chance(0.85) ? this.date() : this.pick(WEIRD_STRINGS);
        if (/habitId|^id$/i.test(name)) return this.id();
        if (/email/i.test(name))
          return this.pick([
            'a@example.com',
            'x'.repeat(250) + '@e.com',
            'no-at-sign',
            `f${Math.floor(this.random() * 1e6)}@example.com`,
          ]);
        if (/time$/i.test(name)) return this.pick(['07:30', '24:00', '23:59', '7:5', '']);
        if (/timezone/i.test(name))
          return this.pick([
            'UTC',
            'Europe/Paris',
            'Pacific/Chatham',
            'Mars/Base',
            'America/New_York',
          ]);
        const max = s.maxLength ?? 200;
        const lengths = [s.minLength ?? 0, Math.max(0, (s.minLength ?? 1) - 1), max, max + 1, 5];
        return 'x'.repeat(this.pick(lengths));
      }
      case 'number':
      case 'integer': {
        if (this.chance(0.4) && (s.minimum !== undefined || s.maximum !== undefined)) {
          const bounds = [s.minimum, s.maximum].filter((n): n is number => n !== undefined);
          const b = this.pick(bounds);
          return this.pick([b - 1, b, b + 1, b + 0.5]);
        }
        return this.pick(WEIRD_NUMBERS.concat([1, 2, 3, 5, 10]));
      }
      case 'boolean':
        return this.chance(0.9) ? this.chance(0.5) : this.pick(['true', 1, 0]);
      case 'array': {
        if (depth > 4) return [];
        const n =
          this.tame || this.chance(0.9)
            ? Math.floor(this.random() * 4)
            : this.pick([(s.maxItems ?? 10) + 1, 2000]);
        return Array.from({ length: n }, () => this.value(s.items ?? {}, name, depth + 1));
      }
      case 'object':
      default: {
        if (!s.properties) return this.chance(0.5) ? {} : this.junk(depth);
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries(s.properties)) {
          const required = s.required?.includes(key) ?? false;
          if (required ? this.chance(0.95) : this.chance(0.5))
            out[key] = this.value(prop, key, depth + 1);
        }
        if (this.chance(0.05))
          out[this.pick(['isAdmin', 'userId', 'id', 'version', '__proto__'])] = this.junk(depth);
        return out;
      }
    }
  }

  private query(op: Operation): string {
    const parts: string[] = [];
    for (const p of op.parameters.filter((p) => p.in === 'query')) {
      if (this.chance(0.4)) continue;
      const v = this.value(p.schema ?? { type: 'string' }, p.name);
      const values = Array.isArray(v) ? v : [v];
      for (const item of values.slice(0, 3))
        parts.push(
          // Capped: past ~16 kB of URL Node's HTTP parser answers 431 before the app is asked.
          `${encodeURIComponent(p.name)}=${encodeURIComponent((typeof item === 'object' ? JSON.stringify(item) : String(item)).slice(0, 1000))}`,
        );
    }
    if (this.chance(0.05))
      parts.push(
        `${this.pick(['from', 'status', 'x'])}[a]=1`,
        `${this.pick(['to', 'limit'])}=1&${'to'}=2`,
      );
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  }

  request(op: Operation): FuzzRequest {
    this.tame = this.chance(0.3);
    const url = op.path.replace(/\{(\w+)\}/g, () => this.id()) + this.query(op);
    const base: FuzzRequest = { operationId: op.operationId, method: op.method, url };
    if (op.body === null && !this.chance(0.05)) return base;
    const roll = this.tame ? 1 : this.random();
    if (roll < 0.04) return { ...base, raw: '{"a": [1, 2', contentType: 'application/json' };
    if (roll < 0.06)
      return { ...base, raw: 'name=x', contentType: 'application/x-www-form-urlencoded' };
    if (roll < 0.07) return { ...base, raw: '[]'.repeat(3), contentType: 'text/plain' };
    if (roll < 0.09)
      return { ...base, raw: JSON.stringify(this.junk()), contentType: 'application/json' };
    return { ...base, body: op.body ? this.value(op.body) : this.junk() };
  }
}
