import type { meetingsSv } from './meetings.sv.ts'

type Texts = { [Key in keyof typeof meetingsSv]: (typeof meetingsSv)[Key] }

/** Changing a group's meetings on its home page (client/src/meetings) in English. */
export const meetingsEn: Texts = {
  'meetings.archive': 'Archive',
  'meetings.delete': 'Delete',
  'meetings.restore': 'Restore',
  'meetings.archived': { one: 'Archived meetings ({n})', other: 'Archived meetings ({n})' },
  'meetings.archivedHint':
    'Archived meetings are not shown in the list above. Their boards and content are kept.',
  'meetings.confirmArchiveTitle': 'Archive “{title}”?',
  'meetings.confirmArchiveText':
    'The meeting moves to Archived meetings at the bottom of the page, for everyone in the group. Its board and all its content are kept, and it can be restored.',
  'meetings.confirmArchiveYes': 'Archive the meeting',
  'meetings.confirmDeleteTitle': 'Delete “{title}”?',
  'meetings.confirmDeleteText':
    'The meeting disappears from the group’s list for everyone, and its board can no longer be opened. Its content is kept in the version history.',
  'meetings.confirmDeleteYes': 'Delete the meeting',
  'meetings.cancel': 'Cancel',
  'meetings.failed': 'That did not work. Check the connection and try again.',
  'meetings.archivedDone': '“{title}” was archived.',
  'meetings.deletedDone': '“{title}” was deleted.',
  'meetings.restoredDone': '“{title}” was restored.',
  'meetings.savedDone': '“{title}” was saved.',
  'meetings.addedDone': '“{title}” was added.',
  'meetings.position': 'Place in the order',
  'meetings.positionFirst': 'First',
  'meetings.positionAfter': 'After {title}',
  'meetings.needDateOrTitle': 'Give the new meeting a date or a title.',
  'meetings.orderChanged':
    'Someone else changed the meetings meanwhile. The list is up to date: choose the place again.',
  'meetings.gone':
    'This meeting does not exist. A facilitator may have deleted it; its content is kept in the version history.',
  'meetings.backHome': 'To the group’s home page',
  'meetings.editTitle': 'Edit “{title}”',
  'meetings.newTitle': 'New meeting',
}
