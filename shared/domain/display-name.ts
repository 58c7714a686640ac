/**
 * What a name shown to the others may contain: the join form and the API apply the same
 * rule (shared/api.ts), so a name the form accepts is never refused by the server.
 *
 * Refused: control characters (a newline or an escape sequence in a presence label or a
 * log line), bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069: they turn
 * the text after them around, so "Anna" can render as someone else's name), lone
 * surrogates, and names with nothing visible (only spaces, zero-width characters, fillers
 * or combining marks).
 */
export const DISPLAY_NAME_MAX_LENGTH = 80

export type TextProblem = 'control' | 'bidi'
export type DisplayNameProblem = 'empty' | 'too_long' | 'invisible' | TextProblem

const CONTROL = /[\p{Cc}\p{Cs}\u2028\u2029]/u
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u
/**
 * One character that draws something: not whitespace, not a format character (zero-width
 * space and joiners, word joiner, BOM), not a combining mark alone, and not one of the
 * blank "letters" (Hangul fillers, Braille blank, Mongolian vowel separator).
 */
const VISIBLE =
  /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800\u180E]/u

/** For any free text the API stores and shows (a meeting's title or place). */
export const textProblem = (text: string): TextProblem | null => {
  if (CONTROL.test(text)) return 'control'
  if (BIDI_CONTROL.test(text)) return 'bidi'
  return null
}

/** The problem with a display name (already trimmed), or null when it may be used. */
export const displayNameProblem = (name: string): DisplayNameProblem | null => {
  if (name.length === 0) return 'empty'
  if (name.length > DISPLAY_NAME_MAX_LENGTH) return 'too_long'
  const problem = textProblem(name)
  if (problem) return problem
  return VISIBLE.test(name) ? null : 'invisible'
}

/** The API's wording for each problem (the client shows its own, translated). */
export const displayNameMessages: Record<DisplayNameProblem, string> = {
  empty: 'A name is required.',
  too_long: `A name has at most ${DISPLAY_NAME_MAX_LENGTH} characters.`,
  invisible: 'A name needs at least one visible character.',
  control: 'A name cannot contain control characters (such as line breaks or tabs).',
  bidi: 'A name cannot contain text-direction override characters (U+202A–202E, U+2066–2069).',
}

export const textMessages: Record<TextProblem, string> = {
  control: 'The text cannot contain control characters (such as line breaks or tabs).',
  bidi: 'The text cannot contain text-direction override characters (U+202A–202E, U+2066–2069).',
}

/**
 * The name an erased person's row keeps: empty, which no one can choose as a name (see
 * displayNameProblem), so it never passes for a person. The UI shows it as "Borttagen
 * person" / "Removed person" (i18n `privacy.removedPerson`). Here, not in privacy-api.ts:
 * the board shows names, and that module's schemas would bring zod's full API with them.
 */
export const ERASED_DISPLAY_NAME = ''

export const isErasedName = (name: string): boolean => name === ERASED_DISPLAY_NAME
