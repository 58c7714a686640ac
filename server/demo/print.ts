import type { DemoRound } from './ensure-demo.ts'
import { joinLink } from './invites.ts'

const roleLabels = {
  facilitator: 'Facilitator (mentor)',
  participant: 'Deltagare',
  viewer: 'Åskådare',
} as const

/** The demo links, readable: one block per group. */
export function formatDemoLinks(round: DemoRound, publicUrl: string): string {
  const lines = [`Demo round: ${round.groups.length} groups`, '']
  for (const group of round.groups) {
    lines.push(`${group.name}  (room ${group.room})`)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      lines.push(`  ${roleLabels[role].padEnd(22)} ${joinLink(publicUrl, group.invites[role])}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}
