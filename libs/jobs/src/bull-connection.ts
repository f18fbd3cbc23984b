/** BullMQ's connection: its own clients, never timing out a blocking command (STACK.md). */
export function bullConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.slice(1) || 0),
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Back within half a second of Redis returning (ioredis waits up to 2 s by default).
    retryStrategy: (times: number) => Math.min(times * 100, 500),
  };
}
