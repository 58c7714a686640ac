import { createComputed, createSignal, onCleanup } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'

/**
 * A reactive, plain-JSON view of part of the Y.Doc. `read` runs again on every document
 * update (and when its own reactive inputs change); `reconcile` keeps unchanged rows, so
 * only what changed re-renders and inputs keep focus.
 */
export function createYSnapshot<T>(doc: Y.Doc, read: () => T): { readonly value: T } {
  const [version, setVersion] = createSignal(0)
  const bump = () => setVersion((v) => v + 1)
  doc.on('update', bump)
  onCleanup(() => doc.off('update', bump))
  const [state, setState] = createStore<{ value: T }>({ value: read() })
  createComputed(() => {
    version()
    setState('value', reconcile(read(), { key: 'id', merge: true }))
  })
  return state
}
