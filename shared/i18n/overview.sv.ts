/**
 * The round overview in Swedish (client/src/overview): spread into sv.ts, so the shared
 * catalogue changes by one line.
 */
export const overviewSv = {
  'overview.title': 'Omgångens översikt',
  'overview.roundLink': 'Översikt över grupperna',
  'overview.groupLink': 'Hela omgångens översikt',
  'overview.back': 'Tillbaka till omgången',
  'overview.backToGroup': 'Tillbaka till gruppen',
  'overview.intro':
    'Alla grupper i omgången sida vid sida, räknat från gruppernas egna checklistor och PDSA-planer. Bara de benchmarkande organisationerna skattar.',
  'overview.readOnly': 'Du ser omgångens siffror som processledare. Här kan inget ändras.',
  'overview.loading': 'Räknar ihop omgången …',
  'overview.failed': 'Det gick inte att hämta översikten. Försök igen.',
  'overview.retry': 'Försök igen',
  'overview.generated': 'Uppgifterna hämtades {time}.',
  'overview.organisationCount': {
    one: '{n} benchmarkande organisation',
    other: '{n} benchmarkande organisationer',
  },
  'overview.items.heading': 'Checklistan: medelvärde per punkt och träff',
  'overview.items.caption':
    'Medelvärde av skattningarna (1–3) per punkt och träff, över omgångens organisationer, och förbättringen från första till sista skattade träff.',
  'overview.items.item': 'Punkt',
  'overview.items.improvement': 'Förbättring',
  'overview.items.respondents': 'Organisationer som skattat',
  'overview.items.none': '–',
  'overview.criterion.heading': 'Modellkommun-kriteriet per träff',
  'overview.criterion.caption':
    'Antal organisationer per träff som uppfyller kriteriet (ingen 1:a och minst sex 3:or), som skattat alla punkter och som skattat något.',
  'overview.criterion.row': 'Antal',
  'overview.criterion.met': 'Uppfyller kriteriet',
  'overview.criterion.fullyScored': 'Har skattat alla punkter',
  'overview.criterion.scored': 'Har skattat',
  'overview.plans.heading': 'PDSA-planer per nivå i resultatkedjan',
  'overview.plans.caption':
    'Antal förbättringsplaner per nivå de nått vid uppföljningen, och antal organisationer med minst en plan på nivån eller längre.',
  'overview.plans.level': 'Nivå',
  'overview.plans.count': 'Planer',
  'overview.plans.reaching': 'Organisationer på nivån eller längre',
  'overview.plans.none': 'Inte bedömd än',
  'overview.groups.heading': 'Grupperna',
  'overview.groups.caption':
    'Varje grupp i omgången: organisationer, hållna av planerade träffar, nästa träff, PDSA-planer och senaste aktivitet.',
  'overview.groups.group': 'Grupp',
  'overview.groups.organisations': 'Organisationer',
  'overview.groups.meetings': 'Träffar hållna',
  'overview.groups.heldOf': '{held} av {planned}',
  'overview.groups.undated': '{n} utan datum',
  'overview.groups.next': 'Nästa träff',
  'overview.groups.noNext': 'Ingen planerad',
  'overview.groups.plans': 'PDSA-planer',
  'overview.groups.lastActivity': 'Senaste aktivitet',
  'overview.groups.never': 'Ingen ännu',
  'overview.groups.mentor': 'mentor',
  'overview.groups.unreadable':
    'Gruppens arbetsyta kunde inte läsas av den här versionen av tjänsten; den räknas inte med.',
  'overview.groups.none': 'Omgången har inga grupper ännu.',
}
