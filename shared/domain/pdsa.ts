import type { Localized } from './locale.ts'

/** Where a PDSA cycle stands. */
export const PdsaStatus = {
  Planerad: 'planerad',
  Pagar: 'pagar',
  Studerad: 'studerad',
  Avslutad: 'avslutad',
} as const
export type PdsaStatus = (typeof PdsaStatus)[keyof typeof PdsaStatus]
export const pdsaStatuses: readonly PdsaStatus[] = Object.values(PdsaStatus)

export const pdsaStatusLabels: Record<PdsaStatus, Localized> = {
  planerad: { sv: 'Planerad', en: 'Planned' },
  pagar: { sv: 'Pågår', en: 'In progress' },
  studerad: { sv: 'Uppföljd', en: 'Followed up' },
  avslutad: { sv: 'Avslutad', en: 'Closed' },
}

/** The Act step's decision: anta / anpassa / avbryta. */
export const PdsaDecision = { Anta: 'anta', Anpassa: 'anpassa', Avbryta: 'avbryta' } as const
export type PdsaDecision = (typeof PdsaDecision)[keyof typeof PdsaDecision]
export const pdsaDecisions: readonly PdsaDecision[] = Object.values(PdsaDecision)

export const pdsaDecisionLabels: Record<PdsaDecision, Localized> = {
  anta: { sv: 'Anta', en: 'Adopt' },
  anpassa: { sv: 'Anpassa', en: 'Adapt' },
  avbryta: { sv: 'Avbryta', en: 'Abandon' },
}

/** The text fields of a plan, after IHI's worksheet, in the order they are filled in. */
export const pdsaTextFields = [
  'aim',
  'change',
  'plan',
  'prediction',
  'measure',
  'do',
  'study',
  'act',
] as const
export type PdsaTextField = (typeof pdsaTextFields)[number]

export const pdsaFieldLabels: Record<PdsaTextField, Localized> = {
  aim: { sv: 'Syfte/mål', en: 'Aim' },
  change: { sv: 'Förändring att testa', en: 'Change to test' },
  plan: { sv: 'Plan: vem, vad, när, var', en: 'Plan: who, what, when, where' },
  prediction: { sv: 'Förutsägelse', en: 'Prediction' },
  measure: { sv: 'Hur vi mäter', en: 'How we measure' },
  do: { sv: 'Gör: vad hände', en: 'Do: what happened' },
  study: { sv: 'Studera: resultat mot förutsägelse', en: 'Study: results against prediction' },
  act: { sv: 'Agera: beslut och nästa cykel', en: 'Act: decision and next cycle' },
}
