import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pingDb } from '@pilar/provisioning';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { crossSiteRefusal } from './http/cross-site-guard.ts';
import { handleDevMail, isLoopbackUrl } from './http/dev-mail.ts';
import { sendJson, sendText } from './http/json.ts';
import { handleLegalPage } from './http/legal-pages.ts';
import { createStaticSite } from './http/static-site.ts';
import { handleTenantCreate } from './rest/tenant-create.ts';
import { handleBundleCallback, isBundleCallbackPath } from './rest/twilio-bundle-callback.ts';
import { handleWhatsAppWebhook, isWhatsAppWebhookPath } from './rest/whatsapp-webhook.ts';
import { appRouter } from './router/root.ts';
import type { AppDependencies } from './trpc/context.ts';

const handleHealth = async (deps: AppDependencies, res: ServerResponse) => {
  try {
    await pingDb(deps.db);
    sendJson(res, 200, { status: 'ok' });
  } catch (error) {
    deps.logger.error({ err: error }, 'health check failed');
    sendJson(res, 503, { status: 'unavailable' });
  }
};

/**
 * One HTTP server: tRPC, the specification's REST route, the WhatsApp webhook, health, metrics,
 * the caught mails (without SMTP_URL) and the web app.
 */
export const createApp = (deps: AppDependencies) => {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => ({ ...deps, req, res }),
    // The largest request is a business document's upload (10 MB) with its form fields.
    maxBodySize: 11 * 1024 * 1024,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ err: error, path }, 'tRPC error');
    },
  });

  const site = deps.config.webRoot ? createStaticSite(deps.config.webRoot) : null;
  const devMailOf = () =>
    deps.mailCatcher && !deps.config.trustProxy && isLoopbackUrl(deps.outbox.publicUrl())
      ? deps.mailCatcher
      : null;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // A provider's signed callback: no browser, no session; its signature is the check.
    if (isBundleCallbackPath(path)) return handleBundleCallback(deps, req, res);
    const refusal = crossSiteRefusal(req, deps.config.allowedOrigins, deps.config.trustProxy);
    if (refusal) return sendJson(res, refusal.status, { success: false, error: refusal.message });
    if (path.startsWith('/trpc/')) return trpc(req, res);
    if (path === '/metrics' && req.method === 'GET') {
      return sendText(
        res,
        200,
        await deps.metrics.registry.metrics(),
        deps.metrics.registry.contentType,
      );
    }
    if (path === '/api/tenant/create') return handleTenantCreate(deps, req, res);
    const notFound = () => sendJson(res, 404, { success: false, error: 'Not found' });
    if (path === '/dev/mail' || path.startsWith('/dev/mail/')) {
      // Only while mail is caught instead of sent (no SMTP_URL), and never behind a proxy or on
      // a public address: a proxy's requests come from this machine too.
      const devMail = devMailOf();
      return devMail ? handleDevMail(devMail, req, res, path) : notFound();
    }
    if (isWhatsAppWebhookPath(path)) return handleWhatsAppWebhook(deps, req, res);
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/health' && readOnly) return handleHealth(deps, res);
    if (handleLegalPage(deps.config.legal, req, res, path)) return;
    if (site && readOnly && !path.startsWith('/api/')) return site(req, res, notFound);
    return notFound();
  };

  return createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      deps.logger.info(
        {
          method: req.method,
          path: (req.url ?? '').split('?')[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    route(req, res).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'unhandled request error');
      if (!res.headersSent) sendJson(res, 500, { success: false, error: 'Internal server error' });
      else res.destroy();
    });
  });
};
