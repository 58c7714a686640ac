import type { historySv } from './history.sv.ts'

type Texts = { [Key in keyof typeof historySv]: (typeof historySv)[Key] }

/** The version history page and the board's undo after a removal in English, spread into en.ts. */
export const historyEn: Texts = {
  'history.link': 'Version history',
  'history.title': 'Version history',
  'history.back': 'Back to the group',
  'history.lead':
    'The workspace is kept as versions while you work: every one from the last hour, then one per hour, day and week. Open a version to read the board as it was then.',
  'history.restoreLead':
    'A restore makes the chosen part as it was in the version, as a new change: everything else, and the history, stay as they are. The state before the restore is kept as a version of its own.',
  'history.loading': 'Fetching the versions …',
  'history.failed': 'The version history could not be fetched. Try again.',
  'history.none':
    'No version is kept yet. The workspace is kept as a version once you have worked a while, or when everyone has left it.',
  'history.versions': 'Versions',
  'history.keep': 'Keep a version now',
  'history.kept': 'The workspace is kept as the version of {at}.',
  'history.keepFailed': 'No version could be kept. Try again.',
  'history.active': 'Active: {names}',
  'history.nobodyActive': 'No changes by members since the version before.',
  'history.erasedPerson': 'Removed person',
  'history.open': 'Show the version of {at}',
  'history.shownVersion': 'The version of {at}',
  'history.readOnly': 'Read only: the workspace as it was then.',
  'history.meetingFallback': 'Meeting no longer listed ({kind})',
  'history.unknownMeeting': 'Meeting no longer listed',
  'history.noAgenda': 'No agenda.',
  'history.noQuestions': 'No questions.',
  'history.noPlans': 'No PDSA plans.',
  'history.noScores': 'No scores.',
  'history.minutes': '{n} min',
  'history.done': 'done',
  'history.score': 'Score',
  'history.comment': 'Comment',
  'history.item': 'Item',
  'history.restoreWorkspace': 'Restore the whole workspace',
  'history.restoreMeeting': 'Restore the meeting',
  'history.restorePart': 'Restore {part}',
  'history.confirmTitle': 'Restore from the version of {at}?',
  'history.confirmWorkspace':
    'Every meeting the version had becomes as it was then, for everyone in the group. Meetings added later stay as they are.',
  'history.confirmMeeting':
    '{meeting} becomes as it was then (agenda, matrix, PDSA plans and checklist), for everyone in the group. Other meetings stay as they are.',
  'history.confirmPart':
    '{part} of {meeting} becomes as it was then, for everyone in the group. Everything else stays as it is.',
  'history.confirm': 'Restore',
  'history.cancel': 'Cancel',
  'history.restoreFailed': 'The restore failed. Try again.',
  'history.restoreSealed':
    'It cannot be restored right now: a sealed scoring round is open. Have the facilitator reveal the scores first, then try again.',
  'history.restored':
    'Restored from the version of {at}. Everyone in the group sees the change now.',
  'history.restoredNothing': 'The part already was as in the version of {at}; nothing changed.',
  'undo.matrixRemoved': 'The question and every organisation’s answers were removed.',
  'undo.planRemoved': 'The plan was removed.',
  'undo.undo': 'Undo',
  'undo.undone': 'The removal is undone.',
  'matrix.removeTitle': 'Remove question {n}?',
  'matrix.removeText':
    'The question goes with every organisation’s answers, for everyone in the group. You can undo right after.',
  'pdsa.removeTitle': 'Remove {plan}?',
  'pdsa.removeText':
    'The plan goes with everything written in it, for everyone in the group. You can undo right after.',
  'remove.confirm': 'Remove',
  'remove.cancel': 'Cancel',
}
