/** The export buttons (client/src/exports), in Swedish: spread into sv.ts by one line. */
export const exportSv = {
  'export.heading': 'Ladda ner och skriv ut',
  'export.minutes': 'Ladda ner protokoll (Word)',
  'export.checklist': 'Ladda ner checklistan (Excel)',
  'export.backup': 'Ladda ner säkerhetskopia (JSON)',
  'export.backupHint':
    'Hela arbetsytan och gruppens uppgifter i en fil, för att kunna återställa gruppen. Innehåller medlemmarnas namn: spara den som övriga personuppgifter.',
  'export.print': 'Skriv ut',
}
