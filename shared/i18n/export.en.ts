import type { exportSv } from './export.sv.ts'

/** The export buttons in English. */
export const exportEn: Record<keyof typeof exportSv, string> = {
  'export.heading': 'Download and print',
  'export.minutes': 'Download the minutes (Word)',
  'export.checklist': 'Download the checklist (Excel)',
  'export.backup': 'Download a backup (JSON)',
  'export.backupHint':
    'The whole workspace and the group’s details in one file, to restore the group from. It holds the members’ names: keep it as you keep other personal data.',
  'export.print': 'Print',
}
