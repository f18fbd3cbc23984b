/**
 * The cache port: per-user cached read models, invalidated by bumping the user's generation on
 * every committed write (so no key is ever listed or deleted one by one).
 */
export abstract class CacheStore {
  /** The value cached under `key` for the user's current generation, or null. */
  abstract get<T>(userId: string, key: string): Promise<T | null>;
  abstract set<T>(userId: string, key: string, value: T, ttlSeconds: number): Promise<void>;
  /** Makes everything cached for the user stale. */
  abstract invalidateUser(userId: string): Promise<void>;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

/** One process (standalone, PostgreSQL-only): a bounded map. */
export class InMemoryCacheStore extends CacheStore {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000) {
    super();
  }

  async get<T>(userId: string, key: string): Promise<T | null> {
    const entry = this.entries.get(this.key(userId, key));
    if (!entry || entry.expiresAt < Date.now()) return null;
    return entry.value as T;
  }

  async set<T>(userId: string, key: string, value: T, ttlSeconds: number): Promise<void> {
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(this.key(userId, key), { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async invalidateUser(userId: string): Promise<void> {
    this.generations.set(userId, (this.generations.get(userId) ?? 0) + 1);
  }

  private key(userId: string, key: string): string {
    return `${userId}:${this.generations.get(userId) ?? 0}:${key}`;
  }
}
