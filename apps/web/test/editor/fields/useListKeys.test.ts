import { describe, expect, it } from 'vitest';
import { moveItem } from '../../../src/editor/fields/useListKeys.ts';

describe('moveItem', () => {
  it('moves an item down and up', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('returns a copy and leaves the list as it was', () => {
    const list = ['a', 'b'];
    const moved = moveItem(list, 0, 0);
    expect(moved).toEqual(['a', 'b']);
    expect(moved).not.toBe(list);
    moveItem(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });

  it('moves objects as they are', () => {
    const first = { date: '2026-12-24' };
    const second = { date: '2026-12-31' };
    const [movedFirst] = moveItem([first, second], 1, 0);
    expect(movedFirst).toBe(second);
  });

  it('changes nothing when there is no item at the start position', () => {
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
    expect(moveItem([], 0, 1)).toEqual([]);
  });

  it('puts an item moved past the end last', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
  });
});
