import { chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLUSTER_FOLDER,
  EMBEDDED_POSTGRES_MAJOR,
  EmbeddedPostgresError,
  PASSWORD_FILE,
  startEmbeddedPostgres,
} from '../src/embedded.ts';

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-embedded-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  /** A cluster folder the server could use: as root, `nobody`'s (PostgreSQL runs as it). */
  const clusterFolderOfServerAccount = async () => {
    await mkdir(join(dataDir, CLUSTER_FOLDER));
    if (process.getuid?.() === 0) await chown(join(dataDir, CLUSTER_FOLDER), 65_534, 65_534);
  };

  it('gives two starts on one fresh folder one cluster and one server, owned by one of them', async () => {
    const starts = await Promise.all([
      startEmbeddedPostgres({ dataDir, durable: false }),
      startEmbeddedPostgres({ dataDir, durable: false }),
    ]);
    try {
      expect(starts.map((start) => start.owned).sort()).toEqual([false, true]);
      expect(starts[0]?.port).toBe(starts[1]?.port);
      const client = postgres(starts[0]?.url ?? '', { max: 1 });
      const [row] = await client`select current_setting('server_version_num')::int / 10000 as major,
        lower('ÄÖÜ STRASSE') as lowered`;
      await client.end();
      expect(row).toEqual({ major: EMBEDDED_POSTGRES_MAJOR, lowered: 'äöü strasse' });
    } finally {
      for (const start of starts) await start.stop();
    }
  });

  it('refuses a cluster of another PostgreSQL major and says what to do', async () => {
    await clusterFolderOfServerAccount();
    await writeFile(join(dataDir, CLUSTER_FOLDER, 'PG_VERSION'), '15\n');
    const start = startEmbeddedPostgres({ dataDir });
    await expect(start).rejects.toThrow(EmbeddedPostgresError);
    await expect(start).rejects.toThrow(
      `holds a PostgreSQL 15 cluster, but this version runs PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}`,
    );
  });

  it('refuses to replace a lost password file, and clears what an interrupted first start left', async () => {
    const abandoned = join(dataDir, `${CLUSTER_FOLDER}.initdb-999999999-x`);
    await mkdir(abandoned);
    const first = await startEmbeddedPostgres({ dataDir, durable: false });
    await first.stop();
    await expect(stat(abandoned)).rejects.toThrow('ENOENT');
    await rm(join(dataDir, PASSWORD_FILE));
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      `${join(dataDir, PASSWORD_FILE)} is missing`,
    );
  });

  it.runIf(process.getuid?.() === 0)(
    'names the owner of a cluster that the server account cannot run',
    async () => {
      const first = await startEmbeddedPostgres({ dataDir, durable: false });
      await first.stop();
      // As if a normal user (here: root, uid 0) had created it: a root process runs it as nobody.
      await chown(join(dataDir, CLUSTER_FOLDER), 0, 0);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
        'belongs to the user with uid 0, but PostgreSQL would run as nobody',
      );
    },
  );

  it('refuses a cluster folder that holds something else instead of overwriting it', async () => {
    await clusterFolderOfServerAccount();
    await writeFile(join(dataDir, CLUSTER_FOLDER, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      'holds files but no PostgreSQL cluster',
    );
  });
});
