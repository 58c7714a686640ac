import { lazy } from 'solid-js'

/**
 * The board's Resultat tab: the results' reads, tables and styles load when the tab is
 * first opened (uPlot later still, with the first chart), so the board's own chunk keeps
 * its size.
 */
export const LazyGroupResultsView = lazy(() =>
  import('./GroupResultsView.tsx').then((m) => ({ default: m.GroupResultsView })),
)
