import { roleLabels } from '../../shared/domain/labels.ts'
import type { Role } from '../../shared/roles.ts'
import type { DemoRound } from './ensure-demo.ts'
import { joinLink } from './invites.ts'

/** A role as the CLI prints it: the UI's Swedish name, and the id `--role` takes. */
export const cliRoleName = (role: Role): string => `${roleLabels[role].sv} (${role})`

/** The demo links, readable: one block per group. */
export function formatDemoLinks(round: DemoRound, publicUrl: string): string {
  const lines = [`Demo round: ${round.groups.length} groups`, '']
  for (const group of round.groups) {
    lines.push(`${group.name}  (room ${group.room})`)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      lines.push(`  ${cliRoleName(role).padEnd(28)} ${joinLink(publicUrl, group.invites[role])}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}
