import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const PRISM = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));
const LISTENING = /Prism is listening on (http:\/\/[\d.]+:\d+)/;

export interface PrismMock {
  url: string;
  stop(): Promise<void>;
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });

/**
 * `prism mock` for one OpenAPI document on a free loopback port (it validates every request
 * against the document and answers a violation with 422), ready once it says it listens.
 */
export const startPrism = (document: string, startupMs = 90_000): Promise<PrismMock> =>
  new Promise((resolve, reject) => {
    const child = spawn(PRISM, ['mock', '--host', '127.0.0.1', '--port', '0', document], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ready = false;
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stopped(child).then(() => reject(new Error(`${reason}\n${output.slice(-2_000)}`)));
    };
    const timer = setTimeout(() => fail(`Prism did not start within ${startupMs} ms`), startupMs);
    const read = (chunk: Buffer) => {
      // Prism logs every request: the output is read throughout, kept only until it listens.
      if (ready) return;
      output += chunk.toString('utf8');
      const listening = LISTENING.exec(output);
      if (!listening?.[1]) return;
      ready = true;
      clearTimeout(timer);
      resolve({ url: listening[1], stop: () => stopped(child) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', (error) => fail(`Prism could not be started: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (!ready) fail(`Prism exited (${code ?? signal}) before it listened`);
    });
  });

export interface DispatchedRequest {
  label: string;
  method: string;
  path: string;
  status: number;
  body: string;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

/**
 * One base URL for several mocks: `<url>/<label>/<path>` is forwarded to `<targets[label]>/<path>`,
 * as the carrier's base-URL rewrite addresses Twilio's hosts. Every exchange is kept.
 */
export const startLabelDispatcher = async (targets: Record<string, string>) => {
  const exchanges: DispatchedRequest[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dispatcher');
    const [, label = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const target = targets[label];
    if (!target) {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`No mock for ${label}`);
      return;
    }
    const body = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && !HOP_BY_HOP.has(entry[0]),
      ),
    );
    const method = req.method ?? 'GET';
    const answer = await fetch(`${target}${path}${url.search}`, {
      method,
      headers,
      body: method === 'GET' || method === 'DELETE' ? undefined : new Uint8Array(body),
      redirect: 'manual',
    });
    const text = await answer.text();
    exchanges.push({ label, method, path, status: answer.status, body: text });
    const contentType = answer.headers.get('content-type');
    res.writeHead(answer.status, contentType ? { 'Content-Type': contentType } : {});
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
