import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '../../src/router/root.ts';

/** Cookies as a browser would keep them for one site (enough for the session cookie). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];

  /** Sent as `User-Agent`, to stand for a particular browser. */
  constructor(readonly userAgent?: string) {}

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(line);
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie) headers.set('cookie', cookie);
    if (this.userAgent) headers.set('user-agent', this.userAgent);
    const response = await fetch(input, { ...init, headers });
    this.store(response);
    return response;
  };
}

/** A typed client like the web app's: queries and mutations over HTTP, subscriptions over SSE. */
export const createTestClient = (baseUrl: string, jar = new CookieJar()) => {
  const url = `${baseUrl}/trpc`;
  // A browser names the page's origin on every POST; a form upload is refused without it.
  const fetchFromPage: typeof jar.fetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', baseUrl);
    return jar.fetch(input, { ...init, headers });
  };
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({ fetch: jar.fetch }),
        }),
        false: httpLink({ url, fetch: fetchFromPage }),
      }),
    ],
  });
  return { client, jar };
};

export type TestClient = ReturnType<typeof createTestClient>['client'];
export type ClientError = TRPCClientError<AppRouter>;

export const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ClientError,
  );
