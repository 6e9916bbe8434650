/** Separators inside a name that stay visible (少数民族 names such as 买买提·艾力, Latin names). */
const SEPARATOR = /^[\s·・•.-]$/u;

/** What an erased personal text reads as (the event store's `ERASED`): not a name, left as it is. */
const ERASED = '[erased]';

/**
 * A person's name as shown to someone who is not of the record's unit (DOMAIN.md §5, "Minimum
 * disclosure"): the first and the last character kept, every character between starred, one star
 * per character, separators (`·`, spaces) kept: `王建国` → `王*国`, `欧阳娜娜` → `欧**娜`,
 * `买买提·艾力` → `买**·*力`. A two-character name keeps its first: `王芳` → `王*`; a
 * one-character name is `*`. Characters are counted as code points, so a name with a character
 * outside the basic plane (`𠮷`) is masked as it reads. An empty name, and an erased one, stay.
 */
export function maskName(name: string): string;
export function maskName(name: string | null): string | null;
export function maskName(name: string | null | undefined): string | null | undefined;
export function maskName(name: string | null | undefined): string | null | undefined {
  if (name === null || name === undefined || name === '' || name === ERASED) return name;
  const chars = Array.from(name);
  const star = (c: string): string => (SEPARATOR.test(c) ? c : '*');
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return [chars[0], ...chars.slice(1, -1).map(star), chars[chars.length - 1]].join('');
}
