import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { MeDto, UpdateMeDto, UserDto } from '../../libs/auth/src';

export interface SignUpOverrides {
  email?: string;
  password?: string;
  fullName?: string;
  timezone?: string;
  /** Settings register does not take are applied afterwards with PATCH /api/users/me. */
  dayStartHour?: number;
  nudgeHour?: number;
  emailNudges?: boolean;
}

export interface SignedUp {
  accessToken: string;
  /** Delivered in the body (`tokenDelivery: "body"`). */
  refreshToken: string;
  user: UserDto | MeDto;
  email: string;
  password: string;
  /** Headers for an authenticated request: `.set(s.auth)`. */
  auth: { Authorization: string };
}

/** Registers a new user (a unique e-mail per call unless given) and signs in. */
export async function signUp(http: App, overrides: SignUpOverrides = {}): Promise<SignedUp> {
  const { dayStartHour, nudgeHour, emailNudges, ...registration } = overrides;
  const email = registration.email ?? `user-${randomUUID()}@example.com`;
  const password = registration.password ?? 'correct horse battery staple';
  const registered = await request(http)
    .post('/api/auth/register')
    .send({ ...registration, email, password });
  if (registered.status !== 201)
    throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);

  const login = await request(http)
    .post('/api/auth/login')
    .send({ email, password, tokenDelivery: 'body' });
  if (login.status !== 200)
    throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const accessToken: string = login.body.accessToken;
  const auth = { Authorization: `Bearer ${accessToken}` };

  let user: UserDto | MeDto = registered.body;
  const settings: UpdateMeDto = { dayStartHour, nudgeHour, emailNudges };
  if (Object.values(settings).some((value) => value !== undefined)) {
    const patched = await request(http).patch('/api/users/me').set(auth).send(settings);
    if (patched.status !== 200)
      throw new Error(
        `PATCH /api/users/me answered ${patched.status}: ${JSON.stringify(patched.body)}`,
      );
    user = patched.body;
  }
  return {
    accessToken,
    refreshToken: login.body.refreshToken,
    user,
    email: registered.body.email,
    password,
    auth,
  };
}
