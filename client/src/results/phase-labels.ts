import { checklistPhaseLabels, type ChecklistPhase } from '../../../shared/domain/checklist.ts'
import type { Localized } from '../../../shared/domain/locale.ts'

/**
 * The phases' names where room is short: "Avslutningskonferens" is one 20-letter word, too
 * wide for a phone's table column or a chart's tick. Tables get a soft hyphen (it breaks
 * there only when it must; screen readers ignore it), the chart the short name (two lines
 * collided with BM3's tick on a phone).
 */
export const tablePhaseLabels: Record<ChecklistPhase, Localized> = {
  ...checklistPhaseLabels,
  avslutning: { sv: 'Avslutnings\u00adkonferens', en: 'Closing conference' },
}

export const chartPhaseLabels: Record<ChecklistPhase, Localized> = {
  ...checklistPhaseLabels,
  avslutning: { sv: 'Avslutning', en: 'Closing' },
}
