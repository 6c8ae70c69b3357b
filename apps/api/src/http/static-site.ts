import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the built web app: hashed assets cached for a year, every other path falls back to
 * index.html (client-side routes), which is never cached so a deploy takes effect at once.
 */
export const createStaticSite = (root: string) => {
  if (!existsSync(root)) return null;
  const serve = sirv(root, {
    // Look files up on every request instead of a list made at start-up: a rebuilt app is
    // served at once, and a file that disappeared is a 404 rather than a crashed process.
    dev: true,
    single: true,
    etag: true,
    gzip: false,
    setHeaders: (res, pathname) => {
      res.setHeader(
        'cache-control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'same-origin');
    },
  });
  return (req: IncomingMessage, res: ServerResponse, notFound: () => void) =>
    serve(req, res, notFound);
};
