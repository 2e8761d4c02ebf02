/*
 * The MEDIA field's choices: the field holds media ids in order; the picker
 * adds to them, within the field's maximum.
 */

/** How many more the field takes. */
export function roomIn(chosen: number[], maxLength: number): number {
  return Math.max(0, maxLength - chosen.length);
}

/**
 * Picks or unpicks one media in the picker. Refused (`full`) when the field
 * has no room for another; one already in the field is not picked twice.
 */
export function togglePick(
  picked: number[],
  id: number,
  options: { chosen: number[]; room: number },
): { picked: number[]; full: boolean } {
  if (picked.includes(id)) return { picked: picked.filter((other) => other !== id), full: false };
  if (options.chosen.includes(id)) return { picked, full: false };
  if (picked.length >= options.room) return { picked, full: true };
  return { picked: [...picked, id], full: false };
}

/** The field's value with what was picked added at its end, in the order picked. */
export function addPicked(chosen: number[], picked: number[]): number[] {
  return [...chosen, ...picked.filter((id) => !chosen.includes(id))];
}

/** The field's value without the item at `index` (the same media may be in it twice). */
export function removeAt(chosen: number[], index: number): number[] {
  return chosen.filter((_, at) => at !== index);
}
