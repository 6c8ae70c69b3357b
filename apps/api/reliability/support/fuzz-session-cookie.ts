import fc from 'fast-check';
import { SESSION_COOKIE } from '../../src/http/cookies.ts';
import { headerValue, TRICKY_STRINGS } from './fuzz-inputs.ts';
import type { FuzzOwner } from './fuzz-target.ts';

/** Cookie headers around the session cookie: tricky values, the real one, other cookies. */
export const sessionCookieHeader = (owner: FuzzOwner) => {
  const cookieValue = fc.oneof(
    fc.constantFrom(...TRICKY_STRINGS.filter((text) => /^[\x20-\x7e]*$/.test(text))),
    headerValue,
    fc.constant(owner.cookie.slice(SESSION_COOKIE.length + 1)),
  );
  return fc.oneof(
    cookieValue.map((value) => `${SESSION_COOKIE}=${value}`),
    fc
      .tuple(cookieValue, headerValue)
      .map(([value, other]) => `${other}; ${SESSION_COOKIE}=${value}`),
    headerValue,
  );
};
