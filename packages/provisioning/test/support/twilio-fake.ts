import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { type AvailableNumber, accountRoutes } from './twilio-fake/api-routes.ts';
import { regulatoryRoutes } from './twilio-fake/numbers-routes.ts';
import {
  type Answer,
  errorBody,
  type FakeRequest,
  hex,
  isoNow,
  newSid,
  Refusal,
  type Route,
} from './twilio-fake/protocol.ts';
import { createStore, type NumberRecord, type TrunkRecord } from './twilio-fake/store.ts';
import { trunkingRoutes } from './twilio-fake/trunking-routes.ts';

/**
 * A local Twilio for tests, on 127.0.0.1: the REST protocol the carrier speaks (basic auth,
 * form-encoded bodies, the multipart document upload, Twilio's JSON and error bodies, sid
 * prefixes), under `<baseUrl>/<label>/…` as the carrier's base-URL rewrite produces it (label =
 * api, numbers, numbers-upload, trunking). It keeps what it creates, runs the review with signed
 * status callbacks, and lets a test break it: failures, an outage, slow answers, and a listener
 * after each answer (where a reliability test may kill the process).
 *
 * The error codes the carrier depends on are Twilio's (20003, 20404, 21422, 21631, 21649); the
 * fake's other refusals (a missing parameter, a duplicate) answer 400 with code 20001, its own
 * choice. The callback's parameters (AccountSid, BundleSid, Status) are the fake's assumption:
 * the carrier reads the bundle, not the callback.
 */

export type { AvailableNumber };

export interface ReviewPlan {
  outcome: 'approve' | 'reject';
  /** The reviewer's words on a rejection (on the rejected document's `failure_reason`). */
  reason?: string;
  /**
   * From in-review to the outcome; 0 by default. `settled()` waits for an outcome due within a
   * second; `finishReviews()` ends a longer wait at once.
   */
  afterMs?: number;
}

export interface TwilioFakeOptions {
  accountSid?: string;
  authToken?: string;
  review?: ReviewPlan;
  /** The numbers on offer; by default a few in Berlin, Hamburg and München. */
  inventory?: AvailableNumber[];
  /** End-user attributes the regulation asks beyond `business_name` (an evaluation then fails). */
  requiredEndUserFields?: string[];
}

export interface FakeCall {
  label: string;
  method: string;
  /** Below the label: `/2010-04-01/Accounts/AC…/IncomingPhoneNumbers.json`. */
  path: string;
  /** Query and body parameters; a file as `<file name, N bytes>`. */
  params: Record<string, string>;
  at: number;
}

export type CallMatch =
  | { label?: string; method?: string; path?: string | RegExp }
  | ((call: FakeCall) => boolean);

export interface Failure {
  status: number;
  code?: number;
  message?: string;
}

export interface SentCallback {
  url: string;
  params: Record<string, string>;
  signature: string;
  /** The receiver's status, or the error's message when it could not be reached. */
  answer: number | string;
}

export interface FakeState {
  numbers: Omit<NumberRecord, 'created'>[];
  trunks: Omit<TrunkRecord, 'created'>[];
  credentialLists: { sid: string; friendlyName: string; usernames: string[] }[];
  bundles: { sid: string; status: string; friendlyName: string; statusCallback: string | null }[];
  documents: {
    sid: string;
    type: string;
    friendlyName: string;
    attributes: Record<string, unknown>;
    mimeType: string | null;
    fileName: string | null;
    content: Buffer | null;
    status: string;
  }[];
  addresses: {
    sid: string;
    customerName: string;
    street: string;
    city: string;
    postalCode: string;
  }[];
}

export interface TwilioFake {
  /** `http://127.0.0.1:<port>`: the carrier's `apiBaseUrl`. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Every request, in arrival order. */
  calls: FakeCall[];
  /** Every status callback sent. */
  callbacks: SentCallback[];
  /** Successful number purchases (POST IncomingPhoneNumbers.json). */
  purchases(): number;
  trunksCreated(): number;
  /** The next matching request answers this failure instead. */
  failNext(match: CallMatch, failure: Failure): void;
  /** While down, every request answers 503. */
  setDown(down: boolean): void;
  /** The next matching request is carried out (and answered) only after `ms`. */
  delayNext(match: CallMatch, ms: number): void;
  /** Called after each answer was written; returns the unsubscribe. */
  onAnswered(listener: (call: FakeCall, status: number) => void): () => void;
  setReview(plan: ReviewPlan): void;
  /** Ends every review still waiting for its outcome, now. */
  finishReviews(): void;
  /** Resolves once no request, callback or short review (see `ReviewPlan.afterMs`) is in flight. */
  settled(): Promise<void>;
  /** What exists now. */
  readonly state: FakeState;
  close(): Promise<void>;
}

const DEFAULT_INVENTORY: AvailableNumber[] = [
  { phoneNumber: '+493012345671', locality: 'Berlin', postalCode: '10115', region: 'Berlin' },
  { phoneNumber: '+493012345672', locality: 'Berlin', postalCode: '10117', region: 'Berlin' },
  { phoneNumber: '+494012345671', locality: 'Hamburg', postalCode: '20095', region: 'Hamburg' },
  { phoneNumber: '+498912345671', locality: 'München', postalCode: '80331', region: 'Bayern' },
  { phoneNumber: '+498912345672', locality: 'München', postalCode: '80333', region: 'Bayern' },
];

const DEFAULT_REJECTION =
  'The document does not show the business name and address given in the business information.';

/** A review at most this long counts as in flight for `settled()`. */
const SETTLED_WAITS_FOR_REVIEW_MS = 1_000;

const matches = (match: CallMatch, call: FakeCall) => {
  if (typeof match === 'function') return match(call);
  if (match.label && match.label !== call.label) return false;
  if (match.method && match.method.toUpperCase() !== call.method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string'
    ? call.path.includes(match.path)
    : match.path.test(call.path);
};

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const parseRequest = async (req: IncomingMessage, body: Buffer): Promise<FakeRequest> => {
  const url = new URL(req.url ?? '/', 'http://fake');
  const [, label = '', ...rest] = url.pathname.split('/');
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  let file: FakeRequest['file'] = null;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  } else if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': type },
    }).formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') {
        params[name] = value;
      } else {
        const content = Buffer.from(await value.arrayBuffer());
        file = { name: value.name, type: value.type, content };
        params[name] = `<${value.name}, ${content.length} bytes>`;
      }
    }
  }
  return { label, method: req.method ?? 'GET', path: `/${rest.join('/')}`, params, file };
};

export const startTwilioFake = async (options: TwilioFakeOptions = {}): Promise<TwilioFake> => {
  const accountSid = options.accountSid ?? newSid('AC');
  const authToken = options.authToken ?? hex(16);
  const store = createStore(accountSid);
  const regulationSid = newSid('RN');
  const endUserFields = ['business_name', ...(options.requiredEndUserFields ?? [])];
  let review: ReviewPlan = options.review ?? { outcome: 'approve' };

  const calls: FakeCall[] = [];
  const callbacks: SentCallback[] = [];
  const failures: { match: CallMatch; failure: Failure }[] = [];
  const delays: { match: CallMatch; ms: number }[] = [];
  const answeredListeners = new Set<(call: FakeCall, status: number) => void>();
  const inFlight = new Set<Promise<unknown>>();
  const reviewTimers = new Map<string, { timer: NodeJS.Timeout; resolve: () => void }>();
  let down = false;

  const track = (promise: Promise<unknown>) => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  };

  // — the review —
  const sendCallback = (url: string, params: Record<string, string>) => {
    const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
    track(
      fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': signature,
        },
        body: new URLSearchParams(params),
        signal: AbortSignal.timeout(5_000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          callbacks.push({ url, params, signature, answer: response.status });
        })
        .catch((error: unknown) => {
          callbacks.push({ url, params, signature, answer: (error as Error).message });
        }),
    );
  };

  const setBundleStatus = (bundleSid: string, status: string) => {
    const bundle = store.bundles.get(bundleSid);
    if (!bundle) return;
    bundle.status = status;
    bundle.updated = isoNow();
    if (bundle.statusCallback) {
      sendCallback(bundle.statusCallback, {
        AccountSid: accountSid,
        BundleSid: bundleSid,
        Status: status,
      });
    }
  };

  const decide = (bundleSid: string) => {
    reviewTimers.delete(bundleSid);
    const bundle = store.bundles.get(bundleSid);
    if (bundle?.status !== 'in-review') return;
    const bundled = [...store.assignments.values()]
      .filter((item) => item.bundleSid === bundleSid)
      .map((item) => store.documents.get(item.objectSid))
      .filter((document) => document !== undefined);
    if (review.outcome === 'approve') {
      for (const document of bundled) document.status = 'approved';
      bundle.validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString();
      setBundleStatus(bundleSid, 'twilio-approved');
    } else {
      for (const document of bundled) {
        document.status = 'rejected';
        document.failureReason = review.reason ?? DEFAULT_REJECTION;
      }
      setBundleStatus(bundleSid, 'twilio-rejected');
    }
  };

  /** pending-review (the submission's answer), then in-review, then the outcome. */
  const startReview = (bundleSid: string) => {
    const afterMs = review.afterMs ?? 0;
    let inReview = () => {};
    track(
      new Promise<void>((resolve) => {
        inReview = resolve;
      }),
    );
    setImmediate(() => {
      setBundleStatus(bundleSid, 'in-review');
      const decided = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          decide(bundleSid);
          resolve();
        }, afterMs);
        timer.unref();
        reviewTimers.set(bundleSid, { timer, resolve });
      });
      if (afterMs <= SETTLED_WAITS_FOR_REVIEW_MS) track(decided);
      inReview();
    });
  };

  const routes: Record<string, Route[]> = {
    ...regulatoryRoutes(store, { regulationSid, endUserFields, startReview }),
    api: accountRoutes(store, [...(options.inventory ?? DEFAULT_INVENTORY)]),
    trunking: trunkingRoutes(store),
  };

  // — the protocol —
  const authorized = (req: IncomingMessage) => {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return false;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return (
      colon > 0 &&
      sameSecret(decoded.slice(0, colon), accountSid) &&
      sameSecret(decoded.slice(colon + 1), authToken)
    );
  };

  const take = <T extends { match: CallMatch }>(plans: T[], call: FakeCall) => {
    const index = plans.findIndex((plan) => matches(plan.match, call));
    return index < 0 ? undefined : plans.splice(index, 1)[0];
  };

  const route = async (request: FakeRequest): Promise<Answer> => {
    for (const [method, pattern, handler] of routes[request.label] ?? []) {
      const match = method === request.method ? pattern.exec(request.path) : null;
      if (!match) continue;
      try {
        return await handler(request, match.slice(1));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return { status: error.status, body: errorBody(error.status, error.code, error.message) };
      }
    }
    const missing = `/${request.label}${request.path}`;
    return {
      status: 404,
      body: errorBody(404, 20404, `The requested resource ${missing} was not found`),
    };
  };

  const answer = async (request: FakeRequest, call: FakeCall, req: IncomingMessage) => {
    if (down) return { status: 503, body: errorBody(503, 20503, 'Service Unavailable') };
    if (!authorized(req)) return { status: 401, body: errorBody(401, 20003, 'Authenticate') };
    const delay = take(delays, call);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const failure = take(failures, call)?.failure;
    if (failure) {
      const code = failure.code ?? (failure.status >= 500 ? 20500 : 20001);
      const message = failure.message ?? `Failure ${code}`;
      return { status: failure.status, body: errorBody(failure.status, code, message) };
    }
    return route(request);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const request = await parseRequest(req, await readBody(req));
      const call: FakeCall = {
        label: request.label,
        method: request.method,
        path: request.path,
        params: request.params,
        at: Date.now(),
      };
      calls.push(call);
      const { status, body } = await answer(request, call, req);
      res.on('finish', () => {
        for (const listener of answeredListeners) listener(call, status);
      });
      if (body === undefined) {
        res.writeHead(status).end();
        return;
      }
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
    } catch (error) {
      const text = JSON.stringify(errorBody(500, 20500, `Fake error: ${(error as Error).message}`));
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(text);
    }
  };

  const server = createServer((req, res) => track(handle(req, res)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    calls,
    callbacks,
    purchases: () => store.purchases,
    trunksCreated: () => store.trunksCreated,
    failNext: (match, failure) => {
      failures.push({ match, failure });
    },
    setDown: (value) => {
      down = value;
    },
    delayNext: (match, ms) => {
      delays.push({ match, ms });
    },
    onAnswered: (listener) => {
      answeredListeners.add(listener);
      return () => answeredListeners.delete(listener);
    },
    setReview: (plan) => {
      review = plan;
    },
    finishReviews: () => {
      for (const [bundleSid, { timer, resolve }] of [...reviewTimers]) {
        clearTimeout(timer);
        decide(bundleSid);
        resolve();
      }
    },
    settled: async () => {
      while (inFlight.size > 0) {
        await Promise.allSettled([...inFlight]);
        // What just finished may have started more (a review's next status, its callback).
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    get state(): FakeState {
      const { numbers, trunks, credentialLists, credentials, bundles, documents, addresses } =
        store;
      return {
        numbers: [...numbers.values()].map(({ created: _, ...number }) => number),
        trunks: [...trunks.values()].map(({ created: _, ...trunk }) => ({
          ...trunk,
          originationUrls: trunk.originationUrls.map((url) => ({ ...url })),
          credentialListSids: [...trunk.credentialListSids],
          phoneNumberSids: [...trunk.phoneNumberSids],
        })),
        credentialLists: [...credentialLists.values()].map((list) => ({
          sid: list.sid,
          friendlyName: list.friendlyName,
          usernames: [...credentials.values()]
            .filter((credential) => credential.credentialListSid === list.sid)
            .map((credential) => credential.username),
        })),
        bundles: [...bundles.values()].map(({ sid, status, friendlyName, statusCallback }) => ({
          sid,
          status,
          friendlyName,
          statusCallback,
        })),
        documents: [...documents.values()].map(
          ({ created: _, failureReason: __, ...document }) => document,
        ),
        addresses: [...addresses.values()].map(
          ({ sid, customerName, street, city, postalCode }) => ({
            sid,
            customerName,
            street,
            city,
            postalCode,
          }),
        ),
      };
    },
    close: async () => {
      for (const { timer, resolve } of reviewTimers.values()) {
        clearTimeout(timer);
        resolve();
      }
      reviewTimers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
};
