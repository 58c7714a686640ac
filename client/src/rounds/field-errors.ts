import { ApiFailure } from '../api/client.ts'

/** A problem with one field: which one (`path`, as zod names it) and what to say. */
export interface Issue {
  path: readonly PropertyKey[]
  message: string
}

/** Messages per field, keyed by the field's path ('name', 'meetingPlan.2.date'). */
export type FieldErrors = Record<string, string>

const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.')

/** The element id a form gives the field at `key`, so the error summary can link to it. */
export const fieldId = (form: string, key: string): string => `${form}-${key.replace(/\./g, '-')}`

/**
 * The issues of a form's own check (the shared zod schema) or of the server's 400, in the
 * UI's words: `explain` names the message for a field, or null to show the server's own.
 * The first issue per field is kept (the one to fix first).
 */
export function fieldErrors(
  issues: readonly Issue[],
  explain: (key: string, issue: Issue) => string | null,
): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const key = pathKey(issue.path)
    errors[key] ??= explain(key, issue) ?? issue.message
  }
  return errors
}

/** The issues of a failed call (a 400 names fields; other failures name none). */
export const issuesOf = (failure: unknown): readonly Issue[] =>
  failure instanceof ApiFailure ? failure.issues : []

/** A 409 from the rounds API: the change cannot be made as things are (its own words). */
export const isConflict = (failure: unknown): boolean =>
  failure instanceof ApiFailure && failure.code === 'conflict'

/** Focus the element with this id once the change that makes it has rendered. */
export const focusSoon = (id: string): void =>
  queueMicrotask(() => document.getElementById(id)?.focus())
