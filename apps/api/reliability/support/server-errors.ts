import type { TestServer } from '../../test/support/test-server.ts';
import { clip } from './fuzz-answer.ts';
import { isObject } from './parse-json.ts';

const describeError = (object: unknown, message?: string) => {
  const error = isObject(object) ? (object.err as Error | undefined) : undefined;
  let root: unknown = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  const cause = root !== error && root instanceof Error ? ` (cause: ${root.message})` : '';
  const frames = (error?.stack ?? '')
    .split('\n')
    .filter((line) => line.includes(' at ') && !line.includes('node_modules'))
    .slice(0, 3)
    .map((line) => line.trim().replace(/(file:\/\/)?\/[^\s(]*\/(?=(apps|packages)\/)/g, ''));
  const path = isObject(object) && object.path ? ` [${String(object.path)}]` : '';
  return `${message ?? ''}${path}: ${clip(`${error?.message ?? String(object)}`, 120)}${cause} ${frames.join(' ')}`;
};

/**
 * The server's logger is silent in tests: from now on, what it reports as an unexpected error
 * is collected (message, cause and our own stack frames) for the report.
 */
export const collectServerErrors = (logger: TestServer['deps']['logger']): string[] => {
  const collected: string[] = [];
  logger.error = ((object: unknown, message?: string) => {
    collected.push(describeError(object, message));
  }) as typeof logger.error;
  return collected;
};
