import type { Localized } from './locale.ts'
import type { MeetingKind } from './meeting-kind.ts'

/** Where every new meeting starts; the group edits everything from there. */
export interface DefaultAgendaItem {
  title: Localized
  minutes: number
}

const q = (sv: string, en: string): Localized => ({ sv, en })

export const defaultMatrixQuestions: Record<MeetingKind, readonly Localized[]> = {
  uppstart: [
    q(
      'Varför deltar vi, och vad vill vi uppnå?',
      'Why do we take part, and what do we want to achieve?',
    ),
    q(
      'Vår utgångspunkt enligt självskattningen',
      'Our starting point according to the self-assessment',
    ),
    q('Vilka verksamheter vill vi förbättra?', 'Which services do we want to improve?'),
    q('Värd och datum för BM1–BM3', 'Host and date for BM1–BM3'),
  ],
  bm1: [
    q(
      'Hur ser vår styrmodell och styrkedja ut?',
      'What do our steering model and chain look like?',
    ),
    q(
      'Var syns jämställdhet i mål, budget och styrdokument?',
      'Where is gender equality visible in goals, budget and steering documents?',
    ),
    q(
      'Vad fungerar tillräckligt bra ur ett jämställdhetsperspektiv?',
      'What works well enough from a gender equality perspective?',
    ),
    q('Vad behöver förbättras?', 'What needs to improve?'),
    q('Vilken förbättring tar vi med hem?', 'Which improvement do we take home?'),
  ],
  bm2: [
    q(
      'Redovisas individbaserad statistik könsuppdelad, och på vilka nivåer?',
      'Are individual-based statistics reported by sex, and at which levels?',
    ),
    q(
      'Vilka nyckeltal följer vi för kvinnor och män, flickor och pojkar?',
      'Which key figures do we follow for women and men, girls and boys?',
    ),
    q('Hur analyseras skillnaderna, och av vem?', 'How are the differences analysed, and by whom?'),
    q(
      'Hur används könskonsekvensbeskrivning och jämställdhetsanalys i ärendeberedningen?',
      'How are gender impact assessments and gender analyses used in case preparation?',
    ),
    q('Vad behöver förbättras?', 'What needs to improve?'),
  ],
  bm3: [
    q('Vilken verksamhet har vi förbättrat?', 'Which service have we improved?'),
    q('Vad visade uppföljningen?', 'What did the follow-up show?'),
    q('Anta, anpassa eller avbryta?', 'Adopt, adapt or abandon?'),
    q('Hur gör vi förbättringen hållbar?', 'How do we make the improvement last?'),
    q('Vad kan andra ta över?', 'What can others take over?'),
  ],
  resultatkonferens: [
    q(
      'Vad har vi uppnått, och hur långt i resultatkedjan?',
      'What have we achieved, and how far along the results chain?',
    ),
    q('Vad tar vi vidare?', 'What do we take further?'),
    q('Kan vi bli mentorer i nästa omgång?', 'Could we become mentors in the next round?'),
  ],
  extra: [
    q('Vad vill vi ha sagt till varandra i dag?', 'What do we want to tell each other today?'),
  ],
}

const a = (sv: string, en: string, minutes: number): DefaultAgendaItem => ({
  title: { sv, en },
  minutes,
})

/** A typical benchmarking meeting (domain.md), minutes per item. */
const benchmarkingAgenda: readonly DefaultAgendaItem[] = [
  a('Välkommen och incheckning', 'Welcome and check-in', 15),
  a(
    'Uppföljning av förra träffens förbättringsarbete',
    "Follow-up of last meeting's improvements",
    30,
  ),
  a('Varje organisation presenterar', 'Each organisation presents', 60),
  a('Jämförelse i matrisen', 'Comparison in the matrix', 45),
  a('Paus', 'Break', 15),
  a('Idéer att ta med hem', 'Ideas to take home', 30),
  a('PDSA-planering på hemmaplan', 'PDSA planning for work at home', 30),
  a('Utvärdering och nästa steg', 'Evaluation and next steps', 15),
]

export const defaultAgendas: Record<MeetingKind, readonly DefaultAgendaItem[]> = {
  uppstart: [
    a('Välkommen och presentation av modellen', 'Welcome and the model concept', 30),
    a(
      'Varför deltar vi? Varje organisation berättar',
      'Why do we take part? Each organisation',
      45,
    ),
    a('Självskattning med checklistan', 'Self-assessment with the checklist', 30),
    a('Paus', 'Break', 15),
    a('Val av verksamheter att förbättra', 'Choosing services to improve', 30),
    a('Värdar och datum för BM1–BM3', 'Hosts and dates for BM1–BM3', 20),
    a('Avslutning och nästa steg', 'Closing and next steps', 10),
  ],
  bm1: benchmarkingAgenda,
  bm2: benchmarkingAgenda,
  bm3: benchmarkingAgenda,
  resultatkonferens: [
    a('Välkommen', 'Welcome', 10),
    a('Varje organisation presenterar sina resultat', 'Each organisation presents its results', 60),
    a('Resultatkedjan: hur långt har vi nått?', 'The results chain: how far have we come?', 30),
    a('Paus', 'Break', 15),
    a('Självskattning: avslutning', 'Self-assessment: closing', 20),
    a('Vad tar vi vidare?', 'What do we take further?', 30),
  ],
  extra: [
    a('Incheckning', 'Check-in', 10),
    a('Arbete', 'Work', 60),
    a('Nästa steg', 'Next steps', 10),
  ],
}
