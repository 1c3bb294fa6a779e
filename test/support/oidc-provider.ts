import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID Foundation)
 * on 127.0.0.1 for the SSO tests, with its development login and consent pages, and a browser-less
 * driver that walks the authorization code flow with fetch, following redirects by hand and
 * submitting the provider's forms, keeping one cookie jar per origin as a browser would.
 */

export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name (the login name is also the subject). Change them between sign-ins. */
  accounts: Map<string, IdpAccount>;
  close(): Promise<void>;
}

export async function startTestIdp(opts: { redirectUri: string; postLogoutRedirectUri?: string; clientId?: string; clientSecret?: string }): Promise<TestIdp> {
  const { default: Provider } = (await import('oidc-provider')) as unknown as { default: new (issuer: string, config: unknown) => { callback(): (req: IncomingMessage, res: ServerResponse) => void } };
  const accounts = new Map<string, IdpAccount>();
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = opts.clientId ?? 'airlock-test';
  const clientSecret = opts.clientSecret ?? 'a-client-secret-that-is-long-enough-for-hs256';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        ...(opts.postLogoutRedirectUri ? { post_logout_redirect_uris: [opts.postLogoutRedirectUri] } : {}),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies per origin, with their paths, as a browser keeps them (no expiry handling: tests are short). */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }[]>();

  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const list = this.cookies.get(origin) ?? [];
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const pathAttr = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : '/';
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0$/i.test(a));
      const rest = list.filter((c) => !(c.name === name && c.path === path));
      if (!expired && value !== '') rest.push({ name, value, path });
      list.splice(0, list.length, ...rest);
    }
    this.cookies.set(origin, list);
  }

  header(url: string): string {
    const u = new URL(url);
    return (this.cookies.get(u.origin) ?? [])
      .filter((c) => u.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).origin)?.find((c) => c.name === name)?.value;
  }

  delete(url: string, name: string): void {
    const origin = new URL(url).origin;
    this.cookies.set(origin, (this.cookies.get(origin) ?? []).filter((c) => c.name !== name));
  }
}

export interface FlowResult {
  /** The last response from the app (the callback's answer). */
  status: number;
  location: string | null;
  setCookies: string[];
  /** Every URL visited, in order. */
  visited: string[];
}

/**
 * Runs the sign-in: GET the app's start URL, follow the redirects to the provider, submit its login
 * form (any password: development interactions) and consent, and stop at the app's callback answer.
 * `beforeCallback` may rewrite the callback URL (to tamper with `state`, say).
 */
export async function ssoSignIn(opts: {
  appUrl: string;
  startPath: string;
  login: string;
  jar?: CookieJar;
  beforeCallback?: (url: URL) => URL;
}): Promise<FlowResult> {
  const jar = opts.jar ?? new CookieJar();
  const visited: string[] = [];
  let url = opts.appUrl + opts.startPath;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const isCallback = url.startsWith(`${opts.appUrl}/api/auth/sso/callback`);
    if (isCallback && opts.beforeCallback) url = opts.beforeCallback(new URL(url)).toString();
    visited.push(`${method} ${url}`);
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(url), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.store(url, res);
    const location = res.headers.get('location');
    // The app answers twice: the start (on to the provider) and the callback (the outcome).
    const leavesApp = location !== null && !new URL(location, url).toString().startsWith(opts.appUrl);
    const startsFlow = url.includes('/api/auth/sso/start') || url.includes('/api/auth/sso/initiate');
    if (url.startsWith(opts.appUrl) && !(startsFlow && leavesApp)) {
      return { status: res.status, location, setCookies: res.headers.getSetCookie(), visited };
    }
    if (location) {
      url = new URL(location, url).toString();
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(login|consent)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !prompt || !action) throw new Error(`Unexpected page at ${url}: ${res.status} ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    method = 'POST';
    body = prompt === 'login' ? new URLSearchParams({ prompt, login: opts.login, password: 'any password' }).toString() : new URLSearchParams({ prompt }).toString();
  }
  throw new Error(`Too many redirects: ${visited.join(' -> ')}`);
}
