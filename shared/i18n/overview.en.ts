import type { overviewSv } from './overview.sv.ts'

type Texts = { [Key in keyof typeof overviewSv]: (typeof overviewSv)[Key] }

/** The round overview in English, spread into en.ts. */
export const overviewEn: Texts = {
  'overview.title': 'Round overview',
  'overview.roundLink': 'Overview of the groups',
  'overview.groupLink': 'The whole round’s overview',
  'overview.back': 'Back to the round',
  'overview.backToGroup': 'Back to the group',
  'overview.intro':
    'Every group of the round side by side, counted from the groups’ own checklists and PDSA plans. Only the benchmarking organisations score.',
  'overview.readOnly': 'You see the round’s figures as a facilitator. Nothing can be changed here.',
  'overview.loading': 'Adding up the round …',
  'overview.failed': 'The overview could not be loaded. Try again.',
  'overview.retry': 'Try again',
  'overview.generated': 'Figures read {time}.',
  'overview.organisationCount': {
    one: '{n} benchmarking organisation',
    other: '{n} benchmarking organisations',
  },
  'overview.items.heading': 'Checklist: mean per item and meeting',
  'overview.items.caption':
    'Mean score (1–3) per item and meeting across the round’s organisations, and the improvement from the first to the last scored meeting.',
  'overview.items.item': 'Item',
  'overview.items.improvement': 'Improvement',
  'overview.items.respondents': 'Organisations that scored',
  'overview.items.none': '–',
  'overview.criterion.heading': 'The Modellkommun criterion per meeting',
  'overview.criterion.caption':
    'Organisations per meeting meeting the criterion (no 1 and at least six 3s), having scored every item, and having scored anything.',
  'overview.criterion.row': 'Count',
  'overview.criterion.met': 'Meet the criterion',
  'overview.criterion.fullyScored': 'Scored every item',
  'overview.criterion.scored': 'Scored',
  'overview.plans.heading': 'PDSA plans per results-chain level',
  'overview.plans.caption':
    'Improvement plans per level reached when followed up, and organisations with at least one plan at the level or beyond.',
  'overview.plans.level': 'Level',
  'overview.plans.count': 'Plans',
  'overview.plans.reaching': 'Organisations at the level or beyond',
  'overview.plans.none': 'Not assessed yet',
  'overview.groups.heading': 'The groups',
  'overview.groups.caption':
    'Each group of the round: organisations, meetings held of those planned, the next meeting, PDSA plans and last activity.',
  'overview.groups.group': 'Group',
  'overview.groups.organisations': 'Organisations',
  'overview.groups.meetings': 'Meetings held',
  'overview.groups.heldOf': '{held} of {planned}',
  'overview.groups.undated': '{n} without a date',
  'overview.groups.next': 'Next meeting',
  'overview.groups.noNext': 'None planned',
  'overview.groups.plans': 'PDSA plans',
  'overview.groups.lastActivity': 'Last activity',
  'overview.groups.never': 'None yet',
  'overview.groups.mentor': 'mentor',
  'overview.groups.unreadable':
    'This version of the service could not read the group’s workspace; it is not counted.',
  'overview.groups.none': 'The round has no groups yet.',
}
