import Redis from 'ioredis';
import request from 'supertest';
import { RedisEmitterPublisher } from '../../libs/realtime/src';
import { signUp, SignedUp } from '../support/auth';
import { testRedisUrl } from '../support/services';
import { connectEvents, EventSocket, listen, sleep } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-10T12:00:00Z';

describe('real time in scaled mode (PostgreSQL + Redis, in-process)', () => {
  let t: TestApp;
  let url: string;
  let alice: SignedUp;
  let redis: Redis;
  const sockets: EventSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ now: NOW, redis: true });
    url = await listen(t.app);
    alice = await signUp(t.http);
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await redis?.quit();
    await t?.close();
  });

  it('through the Socket.IO Redis adapter, each of the user’s sockets gets each event exactly once', async () => {
    expect(t.config.mode).toBe('scaled');
    sockets.push(
      await connectEvents(url, { token: alice.accessToken }),
      await connectEvents(url, { token: alice.accessToken }),
    );
    const habit = await request(t.http)
      .post('/api/habits')
      .set(alice.auth)
      .send({ name: 'Run', frequency: 'daily', startDate: '2026-03-10' });
    await request(t.http)
      .post('/api/habit-logs')
      .set(alice.auth)
      .send({ habitId: habit.body.id, status: 'done' });
    for (const socket of sockets) await socket.waitForEvents(2);
    await sleep(1_500);
    for (const socket of sockets)
      expect(socket.events.map((e) => e.type)).toEqual(['habit_logged', 'streak_update']);
  });

  it('a process without a Socket.IO server (the worker) reaches the user’s sockets through @socket.io/redis-emitter', async () => {
    const [socket] = sockets;
    const before = socket.events.length;
    await new RedisEmitterPublisher(redis).publish(alice.user.id, [
      { type: 'nudge', seq: 1000, payload: { habitId: 'h', name: 'Run', localDate: '2026-03-10' } },
    ]);
    await socket.waitForEvents(before + 1);
    expect(socket.events[before]).toEqual({
      type: 'nudge',
      seq: 1000,
      payload: { habitId: 'h', name: 'Run', localDate: '2026-03-10' },
    });
  });
});
