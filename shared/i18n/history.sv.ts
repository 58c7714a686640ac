/**
 * The version history page (client/src/history) and the board's undo after a removal, in
 * Swedish: spread into sv.ts, so the shared catalogue changes by one line.
 */
export const historySv = {
  'history.link': 'Versionshistorik',
  'history.title': 'Versionshistorik',
  'history.back': 'Tillbaka till gruppen',
  'history.lead':
    'Arbetsytan sparas som versioner medan ni arbetar: alla från den senaste timmen, sedan en per timme, dag och vecka. Öppna en version för att läsa hur tavlan såg ut då.',
  'history.restoreLead':
    'En återställning gör den valda delen som den var i versionen, som en ny ändring: allt annat, och historiken, lämnas som det är. Läget före återställningen sparas som en egen version.',
  'history.loading': 'Hämtar versionerna …',
  'history.failed': 'Det gick inte att hämta versionshistoriken. Försök igen.',
  'history.none':
    'Ingen version är sparad än. Arbetsytan sparas som en version när ni har arbetat en stund eller när alla har lämnat den.',
  'history.versions': 'Versioner',
  'history.keep': 'Spara en version nu',
  'history.kept': 'Arbetsytan är sparad som versionen från {at}.',
  'history.keepFailed': 'Det gick inte att spara en version. Försök igen.',
  'history.active': 'Aktiva: {names}',
  'history.nobodyActive': 'Inga ändringar från medlemmar sedan versionen före.',
  'history.erasedPerson': 'Borttagen person',
  'history.open': 'Visa versionen från {at}',
  'history.shownVersion': 'Versionen från {at}',
  'history.readOnly': 'Bara läsning: så här såg arbetsytan ut då.',
  'history.meetingFallback': 'Träff som inte finns kvar ({kind})',
  'history.unknownMeeting': 'Träff som inte finns kvar',
  'history.noAgenda': 'Ingen agenda.',
  'history.noQuestions': 'Inga frågor.',
  'history.noPlans': 'Inga PDSA-planer.',
  'history.noScores': 'Inga poäng.',
  'history.minutes': '{n} min',
  'history.done': 'klar',
  'history.score': 'Poäng',
  'history.comment': 'Kommentar',
  'history.item': 'Punkt',
  'history.restoreWorkspace': 'Återställ hela arbetsytan',
  'history.restoreMeeting': 'Återställ träffen',
  'history.restorePart': 'Återställ {part}',
  'history.confirmTitle': 'Återställa från versionen {at}?',
  'history.confirmWorkspace':
    'Alla träffar som fanns i versionen blir som de var då, för alla i gruppen. Träffar som lagts till senare lämnas som de är.',
  'history.confirmMeeting':
    '{meeting} blir som den var då (agenda, matris, PDSA-planer och checklista), för alla i gruppen. Andra träffar lämnas som de är.',
  'history.confirmPart':
    '{part} i {meeting} blir som den var då, för alla i gruppen. Allt annat lämnas som det är.',
  'history.confirm': 'Återställ',
  'history.cancel': 'Avbryt',
  'history.restoreFailed': 'Det gick inte att återställa. Försök igen.',
  'history.restoreSealed':
    'Det går inte att återställa just nu: en förseglad bedömning pågår. Låt processledaren visa poängen först och försök sedan igen.',
  'history.restored': 'Återställt från versionen {at}. Alla i gruppen ser ändringen nu.',
  'history.restoredNothing': 'Delen var redan som i versionen {at}; inget ändrades.',
  'undo.matrixRemoved': 'Frågan och alla organisationers svar togs bort.',
  'undo.planRemoved': 'Planen togs bort.',
  'undo.undo': 'Ångra',
  'undo.undone': 'Borttagningen är ångrad.',
  'matrix.removeTitle': 'Ta bort fråga {n}?',
  'matrix.removeText':
    'Frågan tas bort med alla organisationers svar, för alla i gruppen. Du kan ångra direkt efteråt.',
  'pdsa.removeTitle': 'Ta bort {plan}?',
  'pdsa.removeText':
    'Planen tas bort med allt som skrivits i den, för alla i gruppen. Du kan ångra direkt efteråt.',
  'remove.confirm': 'Ta bort',
  'remove.cancel': 'Avbryt',
}
