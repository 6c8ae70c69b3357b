// The embedded PostgreSQL the API starts when no DATABASE_URL is set.
export { EmbeddedPostgresError } from './db/embedded/embedded-postgres-error.ts';
export { freeLoopbackPort } from './db/embedded/free-port.ts';
export { EMBEDDED_POSTGRES_MAJOR } from './db/embedded/postgres-binaries.ts';
export { findRetiredPgliteData, RETIRED_PGLITE_FOLDER } from './db/embedded/retired-pglite.ts';
export {
  CLUSTER_FOLDER,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  PASSWORD_FILE,
  startEmbeddedPostgres,
} from './db/embedded/start-embedded-postgres.ts';
