import { useState } from 'react';

let counter = 0;
const freshKey = () => {
  counter += 1;
  return `item-${counter}`;
};

/**
 * Stable React keys for a list of plain values (rules, closing days) that the owner can add
 * to, delete from and reorder. A list replaced from outside (reload) gets new keys.
 */
export const useListKeys = (length: number) => {
  const [keys, setKeys] = useState<string[]>(() => Array.from({ length }, freshKey));
  const aligned =
    keys.length === length ? keys : Array.from({ length }, (_, index) => keys[index] ?? freshKey());
  if (aligned !== keys) setKeys(aligned);
  return {
    keys: aligned,
    added: () => setKeys([...aligned, freshKey()]),
    removed: (index: number) => setKeys(aligned.filter((_, at) => at !== index)),
    moved: (from: number, to: number) => setKeys(moveItem(aligned, from, to)),
  };
};

/** A copy of the list with one item moved to another position. */
export const moveItem = <T>(items: readonly T[], from: number, to: number): T[] => {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
};
