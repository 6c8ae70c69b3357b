import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTenant, fieldErrorsOf, InvalidInputError } from '@pilar/provisioning';
import { httpStatusOf, isDomainError } from '../errors.ts';
import { BadRequestBodyError, readJsonObject, sendJson } from '../http/json.ts';
import type { AppDependencies } from '../trpc/context.ts';
import { tenantCreateDocs } from './tenant-create-docs.ts';

const MAX_BODY_BYTES = 16 * 1024;

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
    const { tenantId, ownerId, defaultConfig, status } = await createTenant(deps.db, body, {
      engine: deps.engine,
      feed: deps.feed,
      timeoutMs: deps.config.restWaitTimeoutMs,
    });
    return sendJson(res, 201, { success: true, tenantId, ownerId, defaultConfig, status });
  } catch (error) {
    if (error instanceof BadRequestBodyError) {
      return sendJson(res, error.status, { success: false, error: error.message });
    }
    if (isDomainError(error)) {
      return sendJson(res, httpStatusOf(error), {
        success: false,
        error: error.message,
        ...(error instanceof InvalidInputError ? { fieldErrors: fieldErrorsOf(error.issues) } : {}),
      });
    }
    deps.logger.error({ err: error }, 'tenant creation failed');
    return sendJson(res, 500, { success: false, error: 'Internal server error' });
  }
};
