import { api } from '../../api/client';

/** A staff sign-in as the browser keeps it (local storage, so a desk survives a reload). */
export interface StoredSignIn {
  accessToken: string;
  refreshToken: string;
  /** epoch ms when the access token stops working */
  accessExpiresAt: number;
}

const KEY = 'qz.console.signIn';
/** renew this long before the access token ends, so no request goes out with a dying one */
const RENEW_MARGIN_MS = 20_000;

type Listener = (signIn: StoredSignIn | null) => void;
const listeners = new Set<Listener>();

export function readSignIn(): StoredSignIn | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSignIn) : null;
  } catch {
    return null;
  }
}

function write(signIn: StoredSignIn | null): void {
  try {
    if (signIn) window.localStorage.setItem(KEY, JSON.stringify(signIn));
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the sign-in lasts as long as the page
  }
  listeners.forEach((l) => l(signIn));
}

export function onSignInChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const stored = (t: TokenAnswer): StoredSignIn => ({
  accessToken: t.accessToken,
  refreshToken: t.refreshToken,
  accessExpiresAt: Date.now() + t.expiresIn * 1000,
});

async function postJson(path: string, body: object): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** Signs in; the error body of a refusal (401, 429) is thrown as is. */
export async function signIn(email: string, password: string): Promise<void> {
  const res = await postJson('/api/auth/login', { email, password });
  const body = (await res.json().catch(() => ({}))) as TokenAnswer & { message?: string; statusCode?: number };
  if (!res.ok) throw Object.assign(new Error(body.message ?? res.statusText), { status: res.status, body });
  write(stored(body));
}

export async function signOut(): Promise<void> {
  const current = readSignIn();
  write(null);
  if (current) await postJson('/api/auth/logout', { refreshToken: current.refreshToken }).catch(() => undefined);
}

let inFlight: Promise<StoredSignIn | null> | null = null;

/**
 * Renews the access token with the refresh token: one request at a time in this page, and one
 * at a time across tabs (Web Locks), since a refresh token used twice ends the sign-in.
 */
export function refreshSignIn(): Promise<StoredSignIn | null> {
  inFlight ??= (async () => {
    const before = readSignIn();
    if (!before) return null;
    const run = async () => {
      const now = readSignIn();
      // another tab renewed while we waited for the lock
      if (now && now.refreshToken !== before.refreshToken) return now;
      if (!now) return null;
      const res = await postJson('/api/auth/refresh', { refreshToken: now.refreshToken }).catch(() => null);
      if (!res) return now; // offline: keep the tokens, try again later
      if (!res.ok) {
        write(null);
        return null;
      }
      const next = stored((await res.json()) as TokenAnswer);
      write(next);
      return next;
    };
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? ((await locks.request('qz.console.refresh', run)) as StoredSignIn | null) : run();
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** A bearer token good for at least the next few seconds, renewed first when needed. */
export async function freshAccessToken(): Promise<string | null> {
  const current = readSignIn();
  if (!current) return null;
  if (current.accessExpiresAt - Date.now() > RENEW_MARGIN_MS) return current.accessToken;
  return (await refreshSignIn())?.accessToken ?? null;
}

const isAuthRoute = (url: string) => new URL(url, window.location.origin).pathname.startsWith('/api/auth/');
const retries = new Map<string, Request>();

/**
 * The client middleware: every API call carries the staff token, renewed before it ends; a 401
 * (a token ended early, e.g. after a restart) is renewed once and the request sent again.
 */
api.use({
  async onRequest({ request, id }) {
    if (isAuthRoute(request.url) || request.headers.has('Authorization')) return request;
    const token = await freshAccessToken();
    if (!token) return request;
    request.headers.set('Authorization', `Bearer ${token}`);
    retries.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = retries.get(id);
    retries.delete(id);
    if (response.status !== 401 || !original) return response;
    const next = await refreshSignIn();
    if (!next) return response;
    const again = new Request(original);
    again.headers.set('Authorization', `Bearer ${next.accessToken}`);
    return fetch(again);
  },
});

/** fetch with the staff token (file downloads and uploads that do not go through openapi-fetch). */
export async function authFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(path, { ...init, headers });
  };
  const res = await send(await freshAccessToken());
  if (res.status !== 401 || !readSignIn()) return res;
  const next = await refreshSignIn();
  return next ? send(next.accessToken) : res;
}
