import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** The specification's bcrypt cost. */
export const BCRYPT_COST = 10;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * bcrypt (bcryptjs, `$2b$`, cost 10) in a pool of worker threads, one per core, so
 * concurrent signups and logins use every core and the event loop stays free.
 */
export const createPasswordHasher = ({ threads = availableParallelism() } = {}): PasswordHasher => {
  const pool = new Piscina({
    filename: new URL('./bcrypt-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    hash: (password) => pool.run({ op: 'hash', password, cost: BCRYPT_COST }),
    verify: (password, hash) => pool.run({ op: 'verify', password, hash }),
    close: () => pool.destroy(),
  };
};
