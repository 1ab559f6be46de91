import { expect } from 'vitest';

/** A caller of the API that sends the session cookie and CSRF token of one signed-in user. */
export type ApiCaller = (method: string, path: string, body?: unknown) => Promise<Response>;

/** Signs in over HTTP and returns a caller that sends the session cookie and CSRF token. */
export async function apiSession(baseUrl: string, username: string, password: string): Promise<ApiCaller> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { user } = (await login.json()) as { user: { csrfToken: string } };
  return (method, path, body) =>
    fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': user.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** The admin opens an analyst account for every unit; the analyst sets their own password and is signed in with it. */
export async function createAnalyst(baseUrl: string, adminPassword: string, analyst: { username: string; displayName: string; password: string }): Promise<ApiCaller> {
  const admin = await apiSession(baseUrl, 'admin', adminPassword);
  const created = await admin('POST', '/users', { username: analyst.username, displayName: analyst.displayName, role: 'analyst', allUnits: true });
  expect(created.status).toBe(201);
  const { initialPassword } = (await created.json()) as { initialPassword: string };
  const first = await apiSession(baseUrl, analyst.username, initialPassword);
  expect((await first('POST', '/auth/password', { currentPassword: initialPassword, newPassword: analyst.password })).status).toBe(204);
  return apiSession(baseUrl, analyst.username, analyst.password);
}
