// Browser-safe entry: zod contracts, defaults and types only — no database, crypto or bcrypt.
export * from '../defaults/agent-prompt.ts';
export * from '../defaults/tenant-config.ts';
export * from './signup.ts';
export * from './tenant-config.ts';
