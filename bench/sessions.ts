import type { BenchUser } from './dataset';
import { BENCH_PASSWORD } from './dataset';

/** Access tokens last 15 minutes: sign in again when one is older than this. */
const REFRESH_AFTER_MS = 10 * 60 * 1000;

/**
 * The bench users' access tokens, obtained by signing in through the API like a client (any
 * process of the run accepts them: they share JWT_SECRET and the database).
 */
export class Sessions {
  private readonly tokens = new Map<string, { token: string; at: number }>();

  /** Signs in every listed user whose token is missing or old (a few at a time: argon2 is slow). */
  async ensure(apiUrl: string, users: readonly BenchUser[]): Promise<void> {
    const stale = users.filter((u) => {
      const t = this.tokens.get(u.id);
      return !t || Date.now() - t.at > REFRESH_AFTER_MS;
    });
    const queue = [...stale];
    const worker = async () => {
      for (let user = queue.shift(); user; user = queue.shift()) {
        const res = await fetch(`${apiUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: user.email,
            password: BENCH_PASSWORD,
            tokenDelivery: 'body',
          }),
        });
        if (res.status !== 200)
          throw new Error(`sign-in of ${user.email} failed: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { accessToken: string };
        this.tokens.set(user.id, { token: body.accessToken, at: Date.now() });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  }

  token(user: BenchUser): string {
    const t = this.tokens.get(user.id);
    if (!t) throw new Error(`${user.email} is not signed in`);
    return t.token;
  }
}
