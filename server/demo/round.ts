/**
 * The demo round: the real 2019 Modellkommuner and Modellregioner groups (SKL's news of
 * 22 November 2018). Ids are stable, so seeding twice finds what is already there.
 */
import { MeetingKind, defaultMeetingPlan } from '../../shared/domain/meeting-kind.ts'
import {
  GroupMemberRole,
  OrganisationKind,
  type GroupMemberRole as MemberRole,
  type OrganisationKind as OrgKind,
} from '../../shared/domain/organisation.ts'

export interface DemoOrganisation {
  id: string
  name: string
  kind: OrgKind
  /** SCB/Kolada municipality code; null for regions and associations. */
  municipalityCode: string | null
  /** Where a benchmarking meeting hosted by this organisation takes place. */
  venue: string
}

interface DemoMember {
  organisationId: string
  role: MemberRole
}

export interface DemoGroup {
  id: string
  cohortId: string
  name: string
  room: string
  members: DemoMember[]
  /** BM1, BM2 and BM3 dates (YYYY-MM-DD); the host rotates among the benchmarking members. */
  dates: { bm1: string; bm2: string; bm3: string }
}

export interface DemoCohort {
  id: string
  name: string
  track: string
  startYear: number
  endYear: number
  checklistVersion: string
  meetingPlan: MeetingKind[]
  /** Arranged by SKR for the whole round, in Stockholm. */
  uppstart: string
  resultatkonferens: string
}

const SKR_PLACE = 'SKR, Stockholm'

export const demoCohorts: DemoCohort[] = [
  {
    id: 'modellkommuner-2019-2020',
    name: 'Modellkommuner 2019–2020',
    track: 'kommuner',
    startYear: 2019,
    endYear: 2020,
    checklistVersion: 'skr-2019',
    meetingPlan: [...defaultMeetingPlan],
    uppstart: '2019-02-07',
    resultatkonferens: '2020-10-15',
  },
  {
    id: 'modellregioner-2019-2020',
    name: 'Modellregioner 2019–2020',
    track: 'regioner',
    startYear: 2019,
    endYear: 2020,
    checklistVersion: 'skr-2019',
    meetingPlan: [...defaultMeetingPlan],
    uppstart: '2019-02-08',
    resultatkonferens: '2020-10-16',
  },
]

const kommun = (slug: string, name: string, code: string, venue: string): DemoOrganisation => ({
  id: `kommun-${slug}`,
  name,
  kind: OrganisationKind.Kommun,
  municipalityCode: code,
  venue,
})

const region = (slug: string, name: string, venue: string): DemoOrganisation => ({
  id: `region-${slug}`,
  name,
  kind: OrganisationKind.Region,
  municipalityCode: null,
  venue,
})

export const demoOrganisations: DemoOrganisation[] = [
  kommun('askersund', 'Askersunds kommun', '1882', 'Kommunhuset, Askersund'),
  kommun('fagersta', 'Fagersta kommun', '1982', 'Stadshuset, Fagersta'),
  kommun('hedemora', 'Hedemora kommun', '2083', 'Stadshuset, Hedemora'),
  kommun('botkyrka', 'Botkyrka kommun', '0127', 'Kommunalhuset, Tumba'),
  kommun('vasteras', 'Västerås stad', '1980', 'Stadshuset, Västerås'),
  kommun('uppsala', 'Uppsala kommun', '0380', 'Stationsgatan 12, Uppsala'),
  kommun('nordmaling', 'Nordmalings kommun', '2401', 'Kommunhuset, Nordmaling'),
  kommun('ornskoldsvik', 'Örnsköldsviks kommun', '2284', 'Kommunhuset, Örnsköldsvik'),
  kommun('robertsfors', 'Robertsfors kommun', '2409', 'Kommunhuset, Robertsfors'),
  kommun('vannas', 'Vännäs kommun', '2460', 'Kommunhuset, Vännäs'),
  kommun('trelleborg', 'Trelleborgs kommun', '1287', 'Stadshuset, Trelleborg'),
  kommun('olofstrom', 'Olofströms kommun', '1060', 'Rådhuset, Olofström'),
  kommun('ostra-goinge', 'Östra Göinge kommun', '1256', 'Kommunhuset, Broby'),
  kommun('kristianstad', 'Kristianstads kommun', '1290', 'Rådhus Skåne, Kristianstad'),
  kommun('malmo', 'Malmö stad', '1280', 'Stadshuset, Malmö'),
  kommun('sodertalje', 'Södertälje kommun', '0181', 'Stadshuset, Södertälje'),
  kommun('ostersund', 'Östersunds kommun', '2380', 'Rådhuset, Östersund'),
  kommun('norrtalje', 'Norrtälje kommun', '0188', 'Kommunhuset, Norrtälje'),
  {
    id: 'kommunforbund-norrbottens-kommuner',
    name: 'Förbundet Norrbottens kommuner',
    kind: OrganisationKind.Kommunforbund,
    municipalityCode: null,
    venue: 'Norrbottens kommuner, Luleå',
  },
  kommun('boden', 'Bodens kommun', '2582', 'Stadshuset, Boden'),
  kommun('lulea', 'Luleå kommun', '2580', 'Stadshuset, Luleå'),
  kommun('pitea', 'Piteå kommun', '2581', 'Stadshuset, Piteå'),
  region('gotland', 'Region Gotland', 'Regionens hus, Visby'),
  region('varmland', 'Region Värmland', 'Regionens hus, Karlstad'),
  region('vasterbotten', 'Region Västerbotten', 'Regionens hus, Umeå'),
  region('gavleborg', 'Region Gävleborg', 'Regionens hus, Gävle'),
  region('halland', 'Region Halland', 'Regionens hus, Halmstad'),
  region('norrbotten', 'Region Norrbotten', 'Regionhuset, Luleå'),
]

const { Benchmarking, Mentor, SupportingMentor } = GroupMemberRole
const bench = (slug: string): DemoMember => ({ organisationId: slug, role: Benchmarking })
const mentor = (slug: string): DemoMember => ({ organisationId: slug, role: Mentor })
const supporting = (slug: string): DemoMember => ({ organisationId: slug, role: SupportingMentor })

const kommuner = 'modellkommuner-2019-2020'
const regioner = 'modellregioner-2019-2020'

/** The group whose BM1 is filled in, so a newcomer sees a living board. */
export const LIVING_GROUP_ID = 'mk2019-askersund-fagersta'

export const demoGroups: DemoGroup[] = [
  {
    id: LIVING_GROUP_ID,
    cohortId: kommuner,
    name: 'Askersund och Fagersta',
    room: 'askersund-fagersta',
    members: [bench('kommun-askersund'), bench('kommun-fagersta'), mentor('kommun-hedemora')],
    dates: { bm1: '2019-04-10', bm2: '2019-09-25', bm3: '2020-02-12' },
  },
  {
    id: 'mk2019-botkyrka-vasteras',
    cohortId: kommuner,
    name: 'Botkyrka och Västerås',
    room: 'botkyrka-vasteras',
    members: [bench('kommun-botkyrka'), bench('kommun-vasteras'), mentor('kommun-uppsala')],
    dates: { bm1: '2019-04-03', bm2: '2019-10-02', bm3: '2020-02-05' },
  },
  {
    id: 'mk2019-nordmaling-ornskoldsvik-robertsfors',
    cohortId: kommuner,
    name: 'Nordmaling, Örnsköldsvik och Robertsfors',
    room: 'nordmaling-ornskoldsvik-robertsfors',
    members: [
      bench('kommun-nordmaling'),
      bench('kommun-ornskoldsvik'),
      bench('kommun-robertsfors'),
      mentor('kommun-vannas'),
    ],
    dates: { bm1: '2019-04-24', bm2: '2019-10-09', bm3: '2020-02-26' },
  },
  {
    id: 'mk2019-trelleborg-olofstrom-ostra-goinge',
    cohortId: kommuner,
    name: 'Trelleborg, Olofström och Östra Göinge',
    room: 'trelleborg-olofstrom-ostra-goinge',
    members: [
      bench('kommun-trelleborg'),
      bench('kommun-olofstrom'),
      bench('kommun-ostra-goinge'),
      mentor('kommun-kristianstad'),
      supporting('kommun-malmo'),
    ],
    dates: { bm1: '2019-04-17', bm2: '2019-09-18', bm3: '2020-02-19' },
  },
  {
    id: 'mk2019-sodertalje-ostersund',
    cohortId: kommuner,
    name: 'Södertälje och Östersund',
    room: 'sodertalje-ostersund',
    members: [bench('kommun-sodertalje'), bench('kommun-ostersund'), mentor('kommun-norrtalje')],
    dates: { bm1: '2019-05-08', bm2: '2019-10-16', bm3: '2020-03-04' },
  },
  {
    // SKL's list pairs Förbundet Norrbottens kommuner (benchmarking) with "Boden och Luleå
    // med stöd av Piteå" (mentors): Boden and Luleå went through the 2017–18 round.
    id: 'mk2019-norrbottens-kommuner',
    cohortId: kommuner,
    name: 'Förbundet Norrbottens kommuner',
    room: 'norrbottens-kommuner',
    members: [
      bench('kommunforbund-norrbottens-kommuner'),
      mentor('kommun-boden'),
      mentor('kommun-lulea'),
      supporting('kommun-pitea'),
    ],
    dates: { bm1: '2019-05-15', bm2: '2019-10-23', bm3: '2020-03-11' },
  },
  {
    // The first regions round had no earlier participants to act as mentors.
    id: 'mr2019-gotland-varmland-vasterbotten',
    cohortId: regioner,
    name: 'Gotland, Värmland och Västerbotten',
    room: 'gotland-varmland-vasterbotten',
    members: [bench('region-gotland'), bench('region-varmland'), bench('region-vasterbotten')],
    dates: { bm1: '2019-04-11', bm2: '2019-09-26', bm3: '2020-02-13' },
  },
  {
    id: 'mr2019-gavleborg-halland-norrbotten',
    cohortId: regioner,
    name: 'Gävleborg, Halland och Norrbotten',
    room: 'gavleborg-halland-norrbotten',
    members: [bench('region-gavleborg'), bench('region-halland'), bench('region-norrbotten')],
    dates: { bm1: '2019-04-25', bm2: '2019-10-10', bm3: '2020-02-27' },
  },
]

export interface DemoMeeting {
  id: string
  kind: MeetingKind
  sequence: number
  date: string
  startTime: string
  durationMinutes: number
  hostOrganisationId: string | null
  place: string
}

/**
 * The five meetings of a group: uppstart and resultatkonferens at SKR in Stockholm (no
 * host), BM1–BM3 hosted in turn by the benchmarking organisations.
 */
export function demoMeetingsOf(group: DemoGroup, cohort: DemoCohort): DemoMeeting[] {
  const hosts = group.members.filter((m) => m.role === Benchmarking).map((m) => m.organisationId)
  const venue = (id: string) => demoOrganisations.find((o) => o.id === id)?.venue ?? id
  const hosted = (kind: MeetingKind, sequence: number, date: string): DemoMeeting => {
    const host = hosts[(sequence - 2) % hosts.length] ?? null
    return {
      id: `${group.room}-${kind}`,
      kind,
      sequence,
      date,
      startTime: '09:30',
      durationMinutes: 360,
      hostOrganisationId: host,
      place: host ? venue(host) : SKR_PLACE,
    }
  }
  const atSkr = (kind: MeetingKind, sequence: number, date: string): DemoMeeting => ({
    id: `${group.room}-${kind}`,
    kind,
    sequence,
    date,
    startTime: '10:00',
    durationMinutes: 300,
    hostOrganisationId: null,
    place: SKR_PLACE,
  })
  return [
    atSkr(MeetingKind.Uppstart, 1, cohort.uppstart),
    hosted(MeetingKind.LedningOchStyrning, 2, group.dates.bm1),
    hosted(MeetingKind.Uppfoljning, 3, group.dates.bm2),
    hosted(MeetingKind.Forbattringsarbete, 4, group.dates.bm3),
    atSkr(MeetingKind.Resultatkonferens, 5, cohort.resultatkonferens),
  ]
}
