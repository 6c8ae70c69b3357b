import { isObject, sameValue } from './same-value.ts';

/**
 * Three-way merge of one section: `base` is what the owner started from, `mine` what they
 * entered, `theirs` what was saved in the meantime. Field by field, a field the owner changed
 * keeps the owner's value and every other field takes the newer saved value. Lists (rules,
 * time ranges, closing days) count as one field each.
 */
export const mergeSection = <T>(base: unknown, mine: T, theirs: T): T => {
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const keys = new Set([...Object.keys(theirs), ...Object.keys(mine)]);
    return Object.fromEntries(
      [...keys].map((key) => [key, mergeSection(base[key], mine[key], theirs[key])]),
    ) as T;
  }
  return sameValue(mine, base) ? theirs : mine;
};
