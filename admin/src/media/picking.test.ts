import { describe, expect, it } from 'vitest';
import { addPicked, removeAt, roomIn, togglePick } from './picking';

describe('the MEDIA field’s picking', () => {
  it('has room up to the field’s maximum', () => {
    expect(roomIn([1, 2], 3)).toBe(1);
    expect(roomIn([1, 2, 3, 4], 3)).toBe(0);
  });

  it('picks, unpicks, and refuses one more than the field takes', () => {
    const options = { chosen: [7], room: 2 };
    let state = togglePick([], 1, options);
    expect(state).toEqual({ picked: [1], full: false });
    state = togglePick(state.picked, 2, options);
    expect(state).toEqual({ picked: [1, 2], full: false });
    expect(togglePick(state.picked, 3, options)).toEqual({ picked: [1, 2], full: true });
    expect(togglePick(state.picked, 1, options)).toEqual({ picked: [2], full: false });
  });

  it('does not pick what the field holds already', () => {
    expect(togglePick([], 7, { chosen: [7], room: 5 })).toEqual({ picked: [], full: false });
    expect(addPicked([7, 8], [9, 7])).toEqual([7, 8, 9]);
  });

  it('removes one item by its place, keeping a second copy of the same media', () => {
    expect(removeAt([4, 5, 4], 2)).toEqual([4, 5]);
    expect(removeAt([4, 5, 4], 0)).toEqual([5, 4]);
  });
});
