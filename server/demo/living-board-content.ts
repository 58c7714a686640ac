/**
 * What Askersund, Fagersta and their mentor Hedemora wrote at BM1 (ledning och styrning),
 * so a newcomer opens a living board. Invented but realistic, after the 2019 report.
 */

/** Answers per organisation, in the order of the default BM1 matrix questions. */
export const bm1Answers: Record<string, string[]> = {
  'kommun-askersund': [
    'Mål- och resultatstyrning: kommunfullmäktige beslutar om vision och fyra inriktningsmål i Mål och budget. Nämnderna bryter ner dem i nämndmål, förvaltningarna i verksamhetsplaner. Uppföljning i delårsrapport och årsredovisning.',
    'Jämställdhet syns i visionen och i ett inriktningsmål ("Alla invånare ska ha samma möjligheter"), men inte i nämndmålen. Budgetdirektiven saknar krav på könsuppdelad analys.',
    'Kommunfullmäktige beslutade om jämställdhetsintegrering 2018 och kommunstyrelsen efterfrågar nu könsuppdelad statistik i delårsrapporten.',
    'Styrkedjan bryts mellan nämndmål och verksamhetsplan: jämställdhet blir ett eget spår i stället för en del av ordinarie styrning. Cheferna saknar stöd för att analysera skillnader.',
    'Krav på könsuppdelad statistik och analys i budgetdirektiven för 2020. Vi testar först i föreningsbidragen (kultur och fritid).',
  ],
  'kommun-fagersta': [
    'Balanserad styrning i fyra perspektiv. Kommunfullmäktiges mål följs upp med nyckeltal i vårt uppföljningssystem, tydlig kedja från fullmäktige till enhet.',
    'Ett övergripande jämställdhetsmål i Mål och budget 2019 med två nyckeltal: andel kvinnor och män på chefsposter och sjukfrånvaro per kön.',
    'Nyckeltalen följs upp kvartalsvis och HR-statistiken är redan könsuppdelad. Kommunledningsgruppen har gått SKL:s utbildning i jämställdhetsintegrering.',
    'Målet handlar om oss som arbetsgivare, inte om vad invånarna får. Brukarstatistiken i socialtjänsten och vuxenutbildningen redovisas inte per kön.',
    'Göra om jämställdhetsmålet till ett verksamhetsmål om likvärdig service för kvinnor och män. Börja med SFI och språkcaféet.',
  ],
  'kommun-hedemora': [
    'Vi hade samma problem 2017: jämställdheten låg i en separat plan vid sidan av styrningen. Vi flyttade in den i ordinarie Mål och budget.',
    'I dag har varje nämnd minst ett mål där resultatet följs upp för kvinnor och män, flickor och pojkar.',
    'Låt politiken efterfråga analysen i varje delårsrapport – då händer det. Vår ekonomichef äger frågan, inte bara strategen.',
    'Vi arbetar fortfarande med att analysen ska leda till beslut och inte stanna vid statistik.',
    'Vi delar gärna vår mall för könskonsekvensbeskrivning i tjänsteskrivelser.',
  ],
}

/** Agenda items (by position in the default agenda) already done when the board opens. */
export const bm1AgendaDone = 4

/**
 * Checklist scores per organisation (skr-2019, items 1–10; 1 = ej påbörjat, 2 = behöver
 * utvecklas, 3 = genomfört) for uppstart and BM1, with a comment on some items.
 */
export const checklistScores: Record<
  string,
  { uppstart: number[]; bm1: number[]; comments?: Record<number, string> }
> = {
  'kommun-askersund': {
    uppstart: [3, 2, 2, 1, 2, 1, 1, 1, 1, 1],
    bm1: [3, 2, 2, 2, 2, 2, 1, 1, 1, 1],
    comments: {
      1: 'KF-beslut 2018.',
      6: 'Delårsrapporten har börjat redovisa per kön, inte analysen.',
      7: 'Ingen mall för könskonsekvensbeskrivning än.',
    },
  },
  'kommun-fagersta': {
    uppstart: [3, 2, 1, 2, 2, 2, 1, 1, 1, 1],
    bm1: [3, 3, 2, 2, 3, 2, 1, 2, 1, 1],
    comments: {
      2: 'KS efterfrågar jämställdhetsresultat kvartalsvis.',
      5: 'Mål och nyckeltal i Mål och budget 2019.',
      8: 'Bara HR-statistik hittills; brukarstatistik saknas.',
    },
  },
}

export interface DemoPdsa {
  organisationId: string
  title: string
  aim: string
  change: string
  plan: string
  prediction: string
  measure: string
  doText?: string
  checklistItems: number[]
}

/** Improvements planned at BM1, to be followed up at BM2. */
export const bm1PdsaPlans: DemoPdsa[] = [
  {
    organisationId: 'kommun-askersund',
    title: 'Könsuppdelad statistik i föreningsbidragen',
    aim: 'Aktivitetsstödet till föreningar ska komma flickor och pojkar lika till del.',
    change:
      'Föreningarna redovisar deltagartillfällen per kön och ålder i ansökan om aktivitetsstöd.',
    plan: 'Fritidskonsulenten ändrar ansökningsblanketten inför höstens ansökningar (augusti 2019). Kultur- och fritidsnämnden får en sammanställning i oktober.',
    prediction: 'Pojkarnas idrotter får mer stöd per deltagartillfälle än flickornas.',
    measure:
      'Kronor per deltagartillfälle för flickor och pojkar; andel av bidraget per kön och förening.',
    checklistItems: [6, 8],
  },
  {
    organisationId: 'kommun-fagersta',
    title: 'Fler kvinnor i språkcaféet',
    aim: 'Andelen kvinnor bland deltagarna i språkcaféet ska öka från 30 % till 40 % under hösten 2019.',
    change: 'Ett extra tillfälle dagtid på biblioteket, med barnpassning i rummet bredvid.',
    plan: 'Biblioteket och integrationsenheten startar tillfället i september; SFI-lärarna berättar om det i sina grupper. Närvaro räknas varje gång.',
    prediction:
      'Fler kvinnor kommer dagtid när barnen är omhändertagna; männen fortsätter på kvällarna.',
    measure: 'Andel kvinnor och män per tillfälle (närvarolista), dagtid och kväll för sig.',
    checklistItems: [8, 9],
  },
  {
    organisationId: 'kommun-askersund',
    title: 'Könskonsekvensbeskrivning i tjänsteskrivelser',
    aim: 'Beslutsunderlag till kommunstyrelsen beskriver konsekvenser för kvinnor och män, flickor och pojkar.',
    change: 'Hedemoras mall, anpassad, blir ett obligatoriskt avsnitt i tjänsteskrivelsen.',
    plan: 'Kanslichefen testar mallen i fem ärenden till kommunstyrelsen i maj–juni 2019 och frågar handläggarna vad som var svårt.',
    prediction: 'Avsnittet fylls i, men ofta med "inga konsekvenser" utan underlag.',
    measure: 'Antal ärenden med ifyllt avsnitt; hur många som bygger på statistik per kön.',
    doText: 'Mallen användes i två ärenden i april (lokalförsörjning, färdtjänst).',
    checklistItems: [7],
  },
]
