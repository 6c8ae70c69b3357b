import {
  type FieldIssue,
  fieldIssueOf,
  type SectionValue,
  type SettingsSection,
  sectionSchemas,
} from '@pilar/provisioning/contracts';
import type { Problem } from '../../errors/useErrorText.ts';

/** Field path ("hours.monday.close") → the first problem with it. */
export type Problems = Record<string, Problem>;

export type Validation<S extends SettingsSection> =
  | { ok: true; data: SectionValue<S>; problems: Problems }
  | { ok: false; problems: Problems };

/** Checks a section with the same zod contract the server uses. */
export const validateSection = <S extends SettingsSection>(
  section: S,
  value: unknown,
): Validation<S> => {
  const result = sectionSchemas[section].safeParse(value);
  if (result.success) return { ok: true, data: result.data as SectionValue<S>, problems: {} };
  return { ok: false, problems: problemsByPath(result.error.issues.map(fieldIssueOf)) };
};

const problemsByPath = (issues: readonly FieldIssue[], pathOf = (path: string) => path) => {
  const problems: Problems = {};
  for (const { path, problem, params } of issues) problems[pathOf(path)] ??= { problem, params };
  return problems;
};

/** The server's field issues of a save, without the `value.` prefix of the save's input. */
export const serverProblems = (issues: readonly FieldIssue[]) =>
  problemsByPath(issues, (path) => path.replace(/^value\.?/, ''));
