import dayjs from 'dayjs';

/*
 * What a person types, turned into the value the API expects, and back.
 * Incomplete input is passed on as it is, so the API's message about it
 * appears under the field rather than the input silently dropping it.
 */

/** A NUMBER input's text (or number) as a JSON number; null when empty or not a number yet ("-"). */
export function numberValue(input: number | string): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const text = input.trim();
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/** The picker's local value (`YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss`) for a stored DATE value. */
export function pickerDate(value: unknown, format: 'date' | 'datetime'): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  const instant = dayjs(value);
  return instant.isValid() ? instant.format('YYYY-MM-DD HH:mm:ss') : null;
}

/**
 * The picker's local value as the API stores it: `YYYY-MM-DD` for a date;
 * for a datetime, ISO 8601 with the person's own offset (`2024-05-31T14:30:00+02:00`).
 */
export function storedDate(picked: string | null, format: 'date' | 'datetime'): string | null {
  if (!picked) return null;
  if (format === 'date') return picked.slice(0, 10);
  const instant = dayjs(picked);
  return instant.isValid() ? instant.format('YYYY-MM-DDTHH:mm:ssZ') : null;
}

/**
 * A colour as the field's format spells it, lowercase: `#abc` → `#aabbcc`;
 * in an `rgba` field a colour without opacity is opaque (`#aabbcc` → `#aabbccff`).
 * Anything else is kept as typed (the API says what is wrong with it); empty is null.
 */
export function colorValue(input: string, format: 'rgb' | 'rgba'): string | null {
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  const match = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
  if (!match) return input;
  let hex = match[1];
  if (hex.length <= 4) hex = [...hex].map((digit) => digit + digit).join('');
  if (format === 'rgba' && hex.length === 6) hex += 'ff';
  return `#${hex}`;
}

/** Strings only, for inputs that show a list (a stored value of another shape shows empty). */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Numbers only (entry and media ids). */
export function idsOf(value: unknown): number[] {
  return Array.isArray(value)
    ? value.filter((item): item is number => typeof item === 'number')
    : [];
}
