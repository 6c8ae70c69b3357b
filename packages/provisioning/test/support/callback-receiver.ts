import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  /** The URL as the sender called it (this receiver's base URL and the request's path). */
  url: string;
  params: Record<string, string>;
  signature: string | undefined;
}

/** A local endpoint for a provider's form-encoded status callbacks: it keeps what it receives. */
export const startCallbackReceiver = async () => {
  const received: ReceivedCallback[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const header = req.headers['x-twilio-signature'];
    received.push({
      url: `${baseUrl}${req.url ?? '/'}`,
      params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      signature: typeof header === 'string' ? header : undefined,
    });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
