import type { Localized } from './locale.ts'

interface ChecklistItem {
  id: string
  text: Localized
}

/**
 * When an organisation may call itself a Modellkommun on a list: every item scored, no 1,
 * and at least `minThrees` 3s. A rule belongs to its list, as the list's items do.
 */
interface ModellkommunRule {
  minThrees: number
}

/** A checklist is a versioned template; a cohort picks one. */
export interface ChecklistVersion {
  id: string
  name: Localized
  items: readonly ChecklistItem[]
  criterion: ModellkommunRule
}

const items = (prefix: string, texts: readonly Localized[]): ChecklistItem[] =>
  texts.map((text, index) => ({ id: `${prefix}-${index + 1}`, text }))

/** The 2019 version (SKR report appendix 1): ten items. */
export const checklist2019: ChecklistVersion = {
  id: 'skr-2019',
  name: {
    sv: 'Checklista för jämställdhetsintegrering (2019)',
    en: 'Gender mainstreaming checklist (2019)',
  },
  // "En kommun får kalla sig Modellkommun när det inte finns någon 1:a och när det finns
  // minst sex 3:or" (SKL's report, chapter Deltagarnas resultat).
  criterion: { minThrees: 6 },
  items: items('skr2019', [
    {
      sv: 'Den politiska församlingen har tagit beslut om jämställdhetsintegrering.',
      en: 'The elected assembly has decided on gender mainstreaming.',
    },
    {
      sv: 'Den politiska ledningen efterfrågar resultat av arbetet med jämställdhetsintegrering.',
      en: 'The political leadership asks for the results of gender mainstreaming.',
    },
    {
      sv: 'De högsta cheferna säkerställer att politikernas beslut om jämställdhetsintegrering genomförs i organisationen.',
      en: "Top managers ensure that the politicians' decisions on gender mainstreaming are carried out.",
    },
    {
      sv: 'Ledningen säkerställer organisationens kompetens för att arbeta med jämställdhetsintegrering.',
      en: "Management ensures the organisation's competence to work with gender mainstreaming.",
    },
    {
      sv: 'Jämställdhetsperspektivet är synligt i mål, budget och andra styrdokument.',
      en: 'The gender equality perspective is visible in goals, budget and other steering documents.',
    },
    {
      sv: 'All individbaserad statistik redovisas och analyseras med kön som indelningsgrund.',
      en: 'All individual-based statistics are reported and analysed by sex.',
    },
    {
      sv: 'I beslutsunderlag finns en beskrivning av konsekvenser för kvinnor och män, flickor och pojkar.',
      en: 'Decision documents describe the consequences for women and men, girls and boys.',
    },
    {
      sv: 'Verksamheternas resultat för kvinnor och män, flickor och pojkar, kan utläsas ur ordinarie verksamhets- och budgetuppföljning.',
      en: 'Results for women and men, girls and boys, can be read from the ordinary operational and budget follow-up.',
    },
    {
      sv: 'Jämställdhetsintegreringen har lett till konkreta och hållbara förbättringar i verksamheterna.',
      en: 'Gender mainstreaming has led to concrete and lasting improvements in the services.',
    },
    {
      sv: 'Tillvägagångssättet för jämställdhetsintegrering kan systematiseras och överföras till andra verksamheter.',
      en: 'The approach to gender mainstreaming can be systematised and transferred to other services.',
    },
  ]),
}

/** The 2017–18 version (SKL report, table 1): thirteen items, max 39 points. */
export const checklist2017: ChecklistVersion = {
  id: 'skl-2017',
  name: {
    sv: 'Checklista för jämställdhetsintegrering (2017–18)',
    en: 'Gender mainstreaming checklist (2017–18)',
  },
  // The 2017–18 round scored this list, and its report states the rule for that round in
  // the same words, beside this list's Table 1: no 1 and at least six 3s, counted over all
  // thirteen items (so a 1 on items 11–13 bars it too). It is not scaled to the longer list
  // (eight 3s would be the same share of 13): no source says so.
  criterion: { minThrees: 6 },
  items: items('skl2017', [
    {
      sv: 'Vi har tagit politiskt beslut om jämställdhetsintegrering.',
      en: 'We have taken a political decision on gender mainstreaming.',
    },
    {
      sv: 'Den politiska ledningen tar ansvar för att sprida resultat och omsätta till långsiktiga effekter i organisationen.',
      en: 'The political leadership takes responsibility for spreading results and turning them into lasting effects.',
    },
    {
      sv: 'De högsta cheferna tar ansvar för att sprida resultat och omsätta i verksamheten.',
      en: 'Top managers take responsibility for spreading results and putting them into practice.',
    },
    {
      sv: 'Vi har en tydlig bild över vårt styr- och uppföljningssystem.',
      en: 'We have a clear picture of our steering and follow-up system.',
    },
    {
      sv: 'Perspektivet är synligt i mål, budget och andra styrdokument.',
      en: 'The perspective is visible in goals, budget and other steering documents.',
    },
    {
      sv: 'Vi sätter övergripande jämställdhetsmål eller jämställdhetsintegrerade mål.',
      en: 'We set overall gender equality goals or gender-mainstreamed goals.',
    },
    {
      sv: 'I beslutsunderlag beskriver vi konsekvenser för kvinnor/män, flickor och pojkar.',
      en: 'In decision documents we describe consequences for women/men, girls and boys.',
    },
    {
      sv: 'Vi redovisar könsuppdelad statistik på alla nivåer i uppföljningen.',
      en: 'We report sex-disaggregated statistics at every level of follow-up.',
    },
    {
      sv: 'Vi kommenterar och analyserar den könsuppdelade statistiken i uppföljningen.',
      en: 'We comment on and analyse the sex-disaggregated statistics in follow-up.',
    },
    {
      sv: 'Vi följer upp jämställdhet i ordinarie verksamhets- och budgetuppföljning.',
      en: 'We follow up gender equality in the ordinary operational and budget follow-up.',
    },
    {
      sv: 'Vi har åstadkommit konkreta och hållbara förbättringar i olika verksamhetsområden.',
      en: 'We have achieved concrete and lasting improvements in several service areas.',
    },
    {
      sv: 'Vi säkerställer kompetens för att arbeta med jämställdhetsintegrering.',
      en: 'We ensure the competence to work with gender mainstreaming.',
    },
    {
      sv: 'Vårt tillvägagångssätt kan systematiseras och överföras till andra verksamhetsområden och kommuner.',
      en: 'Our approach can be systematised and transferred to other service areas and municipalities.',
    },
  ]),
}

const checklistVersions: readonly ChecklistVersion[] = [checklist2019, checklist2017]

/** The versions a new round may pick (the round lead's form; the API checks against it). */
export const checklistVersionIds: readonly string[] = checklistVersions.map((version) => version.id)

export const getChecklistVersion = (id: string): ChecklistVersion =>
  checklistVersions.find((version) => version.id === id) ?? checklist2019
