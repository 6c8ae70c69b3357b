export const EVIL = 'https://evil.example';

const fieldValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

type Body = string | FormData;
type BodyKind = 'form' | 'text' | 'multipart' | 'json' | 'disguised';

/**
 * The bodies a foreign page can make a browser send without a CORS preflight. A multipart one
 * is a real form upload (files as files): its type and boundary are fetch's, as a browser's.
 */
const BODIES: Record<
  BodyKind,
  { contentType: string | null; body: (payload: Record<string, unknown>) => Body }
> = {
  form: {
    contentType: 'application/x-www-form-urlencoded',
    body: (payload: Record<string, unknown>) =>
      new URLSearchParams(
        Object.entries(payload).map(([key, value]): [string, string] => [key, fieldValue(value)]),
      ).toString(),
  },
  // <form enctype="text/plain"> with a field named like JSON: the body is the JSON itself.
  text: {
    contentType: 'text/plain',
    body: (payload: Record<string, unknown>) => JSON.stringify(payload),
  },
  multipart: {
    contentType: null,
    body: (payload: Record<string, unknown>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(payload))
        form.append(key, value instanceof Blob ? value : fieldValue(value));
      return form;
    },
  },
  // Not sendable cross-site without a preflight, but refused all the same.
  json: {
    contentType: 'application/json',
    body: (payload: Record<string, unknown>) => JSON.stringify(payload),
  },
  disguised: {
    contentType: 'text/plain; charset=application/json',
    body: (payload: Record<string, unknown>) => JSON.stringify(payload),
  },
};

const FORM_KINDS = ['form', 'text', 'multipart'] as const;

/** A forged post and the refusal it must get. */
export interface ForgedAttempt {
  kind: BodyKind;
  origin: string | null;
  status: number;
  error: string;
}

/**
 * From each foreign origin every kind of body, JSON too: 403; without Origin a form upload
 * (multipart needs no preflight, so it must name its origin): 403; other non-JSON: 400.
 */
export const forgedAttempts = (foreignOrigins: string[]): ForgedAttempt[] => [
  ...foreignOrigins.flatMap((origin) =>
    ([...FORM_KINDS, 'json'] as const).map((kind) => ({
      kind,
      origin,
      status: 403,
      error: `Cross-site request from ${origin} refused`,
    })),
  ),
  { kind: 'multipart', origin: null, status: 403, error: 'A form upload must name its Origin' },
  ...(['form', 'text', 'disguised'] as const).map((kind) => ({
    kind,
    origin: null,
    status: 400,
    error: 'Content-Type must be application/json',
  })),
];

/** Posts `payload` as the attempt's kind of body, with the attempt's Origin and `cookie`. */
export const postForged = async (
  url: string,
  { kind, origin }: ForgedAttempt,
  payload: Record<string, unknown>,
  cookie: string,
) => {
  const { contentType, body } = BODIES[kind];
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      ...(contentType ? { 'content-type': contentType } : {}),
      cookie,
      ...(origin ? { origin } : {}),
    },
    body: body(payload),
  });
  return {
    status: response.status,
    text: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
    setsCookie: response.headers.getSetCookie().length > 0,
  };
};

/** What is wrong with the answer to an attempt: anything but exactly its refusal. */
export const refusalProblems = (
  label: string,
  attempt: ForgedAttempt,
  result: { status: number; text: string },
) => {
  const expected = JSON.stringify({ success: false, error: attempt.error });
  const from = attempt.origin ? `from ${attempt.origin}` : 'without Origin';
  return result.status === attempt.status && result.text === expected
    ? []
    : [`${label} ${attempt.kind} ${from}: ${result.status} ${result.text}`];
};
