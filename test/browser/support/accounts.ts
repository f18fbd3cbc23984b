import { Page } from 'playwright-core';

/** A user made over the API, and a Bearer-authenticated fetch for them ("another device"). */
export interface TestUser {
  email: string;
  password: string;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function registerUser(
  baseUrl: string,
  account: { email: string; password: string; fullName?: string; timezone?: string },
): Promise<TestUser> {
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(account),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return {
    email: account.email,
    password: account.password,
    api: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...json, authorization: `Bearer ${accessToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status >= 400) {
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      }
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
  };
}

/** Signs in through the page and waits for Today. */
export async function signInThroughPage(page: Page, user: TestUser): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Today' }).waitFor();
}

/** Makes daily habits over the API; returns their ids by name. */
export async function createDailyHabits(
  user: TestUser,
  names: string[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) {
    const habit = await user.api<{ id: string }>('POST', '/api/habits', {
      name,
      frequency: 'daily',
    });
    ids[name] = habit.id;
  }
  return ids;
}
