import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createTenant,
  fieldErrorsOf,
  isDomainError,
  parseOrThrow,
  signupInputSchema,
} from '@pilar/provisioning';
import { httpStatusOf, retryAfterHeader } from '../errors.ts';
import { clientAddress } from '../http/client-info.ts';
import { BadRequestBodyError, readJsonObject, sendJson } from '../http/json.ts';
import { type AppDependencies, signupDeps } from '../trpc/context.ts';
import { tenantCreateDocs } from './tenant-create-docs.ts';

const MAX_BODY_BYTES = 16 * 1024;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The optional `Idempotency-Key` header (IETF draft): printable ASCII, at most 255 characters. */
const idempotencyKeyOf = (req: IncomingMessage) => {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key))
    throw new BadRequestBodyError(400, 'Idempotency-Key must be 1–255 printable ASCII characters');
  return key;
};

/** The specification's REST contract: `POST` creates and provisions, `GET` documents. */
export const handleTenantCreate = async (
  deps: AppDependencies,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  if (req.method === 'GET') {
    return sendJson(res, 200, tenantCreateDocs(`http://${req.headers.host ?? 'localhost:3000'}`));
  }
  if (req.method !== 'POST') {
    return sendJson(
      res,
      405,
      { success: false, error: 'Method not allowed' },
      { allow: 'GET, POST' },
    );
  }
  try {
    const body = await readJsonObject(req, MAX_BODY_BYTES);
    // Validated first: a malformed body is refused before it claims a key or costs a hash.
    const signup = parseOrThrow(signupInputSchema, body);
    const { tenantId, ownerId, defaultConfig, status } = await createTenant(
      deps.db,
      { ...signupDeps(deps), feed: deps.feed },
      {
        signup,
        idempotencyKey: idempotencyKeyOf(req),
        clientAddress: clientAddress(req, deps.config.trustProxy),
        // The specification's contract has no consent field: calling it is the acceptance.
        source: 'api',
        userAgent: req.headers['user-agent'] ?? null,
        timeoutMs: deps.config.restWaitTimeoutMs,
      },
    );
    return sendJson(res, 201, { success: true, tenantId, ownerId, defaultConfig, status });
  } catch (error) {
    if (error instanceof BadRequestBodyError) {
      return sendJson(res, error.status, { success: false, error: error.message });
    }
    if (isDomainError(error)) {
      return sendJson(
        res,
        httpStatusOf(error),
        {
          success: false,
          error: error.message,
          ...(isDomainError(error, 'INVALID_INPUT')
            ? { fieldErrors: fieldErrorsOf(error.data.issues) }
            : {}),
        },
        retryAfterHeader(error),
      );
    }
    deps.logger.error({ err: error }, 'tenant creation failed');
    return sendJson(res, 500, { success: false, error: 'Internal server error' });
  }
};
