import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../src/index.ts';

describe('password hasher (bcrypt in worker threads)', () => {
  const hasher = createPasswordHasher({ threads: 2 });
  afterAll(async () => {
    await hasher.close();
  });

  it('produces standard cost-10 bcrypt hashes that any bcrypt library verifies', async () => {
    const hash = await hasher.hash('Grüße-aus-Köln-2026');
    expect(hash).toMatch(/^\$2b\$10\$[./A-Za-z0-9]{53}$/);
    expect(await bcrypt.compare('Grüße-aus-Köln-2026', hash)).toBe(true);
    expect(await hasher.verify('Grüße-aus-Köln-2026', hash)).toBe(true);
    expect(await hasher.verify('Grüße-aus-Koeln-2026', hash)).toBe(false);
    expect(await hasher.verify('x', await bcrypt.hash('x', 10))).toBe(true);
  });

  it('keeps the event loop free while hashing (eight hashes would block it for ~0.5 s on the main thread)', async () => {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    await Promise.all(Array.from({ length: 8 }, (_, i) => hasher.hash(`passwort-${i}`)));
    histogram.disable();
    expect(histogram.max / 1e6).toBeLessThan(60);
  });
});

/** Nice value of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
const threadNiceness = () =>
  new Map(
    readdirSync('/proc/self/task').map((tid) => [
      tid,
      Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]),
    ]),
  );

describe.runIf(process.platform === 'linux')('password hasher priority', () => {
  it('hashes in threads ten nice levels below the event loop, which keeps its priority', async () => {
    const before = threadNiceness();
    const processNice = getPriority();
    const hasher = createPasswordHasher({ threads: 2 });
    try {
      await Promise.all([hasher.hash('eins'), hasher.hash('zwei')]);
      // New threads only: a pool closed just before may still be winding its threads down.
      const lowered = [...threadNiceness()].filter(
        ([tid, nice]) => !before.has(tid) && nice === processNice + 10,
      );
      expect(lowered).toHaveLength(2);
      expect(getPriority()).toBe(processNice);
    } finally {
      await hasher.close();
    }
  });
});
