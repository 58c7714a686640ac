import type * as Y from 'yjs'

/** Set in localStorage by an e2e test (never by the app) to reach the live document. */
const TEST_HOOKS_KEY = 'modellrummet:test-hooks'

declare global {
  interface Window {
    /** The group's live Y.Doc, for e2e tests that write what the UI does not offer. */
    modellrummetDoc?: Y.Doc
  }
}

/**
 * Gives an e2e test the live document, so it can force a write the UI refuses to offer
 * (a viewer deleting a plan) and check what the relay and this client do with it. Grants
 * nothing: anyone can already write anything from their own browser; the relay decides.
 */
export function exposeForTests(doc: Y.Doc): void {
  try {
    if (localStorage.getItem(TEST_HOOKS_KEY) === '1') window.modellrummetDoc = doc
  } catch {
    // No storage (a locked-down browser): no hooks.
  }
}
