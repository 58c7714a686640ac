/**
 * Changing a group's meetings on its home page (client/src/meetings) in Swedish: spread
 * into sv.ts, so these texts sit together and the shared catalogue changes by one line.
 */
export const meetingsSv = {
  'meetings.archive': 'Arkivera',
  'meetings.delete': 'Ta bort',
  'meetings.restore': 'Återställ',
  'meetings.archived': { one: 'Arkiverade träffar ({n})', other: 'Arkiverade träffar ({n})' },
  'meetings.archivedHint':
    'Arkiverade träffar visas inte i listan ovan. Arbetsytan och innehållet finns kvar.',
  'meetings.confirmArchiveTitle': 'Arkivera ”{title}”?',
  'meetings.confirmArchiveText':
    'Träffen flyttas till Arkiverade träffar längst ned på sidan, för alla i gruppen. Arbetsytan och allt innehåll finns kvar, och träffen kan återställas.',
  'meetings.confirmArchiveYes': 'Arkivera träffen',
  'meetings.confirmDeleteTitle': 'Ta bort ”{title}”?',
  'meetings.confirmDeleteText':
    'Träffen försvinner ur gruppens lista för alla, och dess arbetsyta går inte längre att öppna. Innehållet sparas i versionshistoriken.',
  'meetings.confirmDeleteYes': 'Ta bort träffen',
  'meetings.cancel': 'Avbryt',
  'meetings.failed': 'Det gick inte. Kontrollera anslutningen och försök igen.',
  'meetings.archivedDone': '”{title}” arkiverades.',
  'meetings.deletedDone': '”{title}” togs bort.',
  'meetings.restoredDone': '”{title}” återställdes.',
  'meetings.savedDone': '”{title}” sparades.',
  'meetings.addedDone': '”{title}” lades till.',
  'meetings.position': 'Plats i ordningen',
  'meetings.positionFirst': 'Först',
  'meetings.positionAfter': 'Efter {title}',
  'meetings.needDateOrTitle': 'Ange ett datum eller en rubrik för den nya träffen.',
  'meetings.orderChanged':
    'Någon annan ändrade träffarna under tiden. Listan är uppdaterad: välj platsen igen.',
  'meetings.gone':
    'Träffen finns inte. Den kan ha tagits bort av en processledare; innehållet finns kvar i versionshistoriken.',
  'meetings.backHome': 'Till gruppens startsida',
  'meetings.editTitle': 'Ändra ”{title}”',
  'meetings.newTitle': 'Ny träff',
}
