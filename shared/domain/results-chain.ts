import type { Localized } from './locale.ts'

/** How far an improvement reaches (resultatkedjan, after Statskontoret), in order. */
export const ResultsChainLevel = {
  Aktivitet: 'aktivitet',
  Produkt: 'produkt',
  Arbetssatt: 'arbetssatt',
  Utfall: 'utfall',
  Samhallseffekt: 'samhallseffekt',
} as const
export type ResultsChainLevel = (typeof ResultsChainLevel)[keyof typeof ResultsChainLevel]
export const resultsChainLevels: readonly ResultsChainLevel[] = Object.values(ResultsChainLevel)

export const resultsChainLabels: Record<ResultsChainLevel, Localized> = {
  aktivitet: { sv: 'Aktivitet', en: 'Activity' },
  produkt: { sv: 'Ny/ändrad produkt', en: 'New/changed product' },
  arbetssatt: { sv: 'Nytt/ändrat arbetssätt', en: 'New/changed way of working' },
  utfall: { sv: 'Nytt/ändrat utfall', en: 'New/changed outcome' },
  samhallseffekt: { sv: 'Samhällseffekt', en: 'Societal effect' },
}

export const isResultsChainLevel = (value: unknown): value is ResultsChainLevel =>
  typeof value === 'string' && (resultsChainLevels as readonly string[]).includes(value)
