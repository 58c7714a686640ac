/** The smallest change turning `before` into `after`: one delete and one insert. */
export function diffText(
  before: string,
  after: string,
): { index: number; remove: number; insert: string } {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before[start] === after[start]) start++
  // Never between the halves of a surrogate pair (an emoji): Yjs would store each half alone.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  let end = 0
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff
