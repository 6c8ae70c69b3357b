import { createServer } from 'node:net';

/** A loopback port nobody listens on right now (the caller must still handle losing a race). */
export const freeLoopbackPort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
