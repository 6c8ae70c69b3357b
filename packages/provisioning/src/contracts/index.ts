// Browser-safe entry: zod contracts, defaults, the prompt renderer and types — no database,
// crypto or bcrypt.
export * from '../defaults/agent-prompt.ts';
export * from '../defaults/tenant-config.ts';
export * from '../prompt/render-agent-prompt.ts';
export * from './account.ts';
export * from './go-live.ts';
export * from './locale.ts';
export * from './problems.ts';
export * from './runs.ts';
export * from './settings-sections.ts';
export * from './signup.ts';
export * from './team.ts';
export * from './tenant-config.ts';
