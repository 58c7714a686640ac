import { lazy } from 'solid-js'

/**
 * The group home's results summary, loaded after the home itself: it brings the checklist
 * lists' texts and the results' reads, which the first page a member opens does not need.
 */
export const LazyResultsSummary = lazy(() =>
  import('./ResultsSummary.tsx').then((m) => ({ default: m.ResultsSummary })),
)
