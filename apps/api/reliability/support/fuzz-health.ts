import fc from 'fast-check';
import { type Answer, clip, freshConnection, networkFailure } from './fuzz-answer.ts';
import { junk, textOf } from './fuzz-inputs.ts';
import { parseJson } from './parse-json.ts';

/** /health or /metrics, GET or HEAD, with junk as the query string. */
export const healthCase = fc.tuple(
  fc.constantFrom('/health', '/metrics'),
  fc.constantFrom('GET', 'HEAD'),
  junk,
);

type HealthCase = typeof healthCase extends fc.Arbitrary<infer T> ? T : never;

/** Sends one case: /health must answer JSON, /metrics the Prometheus text format. */
export const probeHealth = async (
  baseUrl: string,
  [path, method, query]: HealthCase,
): Promise<Answer> => {
  const search = encodeURIComponent(textOf(query).replace(/[\ud800-\udfff]/g, '')).slice(0, 4000);
  try {
    const response = await fetch(`${baseUrl}${path}?${search}`, {
      method,
      headers: freshConnection(),
    });
    const text = await response.text();
    const wellFormed =
      method === 'HEAD' || (path === '/health' ? parseJson(text).ok : text.includes('# HELP'));
    return {
      status: response.status,
      label: `${path} ${response.status}`,
      accepted: response.status === 200,
      malformed: wellFormed ? null : clip(text),
    };
  } catch (error) {
    return networkFailure(error);
  }
};
