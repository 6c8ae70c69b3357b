import {
  type SectionValue,
  type SettingsSection,
  sectionSchemas,
} from '@pilar/provisioning/contracts';

/** Field path ("hours.monday.close") → the first problem with it, in the contract's words. */
export type Problems = Record<string, string>;

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
  const problems: Problems = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    problems[path] ??= issue.message;
  }
  return { ok: false, problems };
};

/** The server's field errors of a save, without the `value.` prefix of the save's input. */
export const serverProblems = (fieldErrors: Record<string, string[]> | null | undefined) => {
  const problems: Problems = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const first = messages[0];
    if (first) problems[path.replace(/^value\.?/, '')] = first;
  }
  return problems;
};
