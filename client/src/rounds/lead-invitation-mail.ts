interface LeadInvitationMailInput {
  url: string
  /** ISO 8601 */
  expiresAt: string
  /** The round the new lead is for; null: every round. */
  round: string | null
  /** Who sends it (the round lead making the link). */
  sender: string
}

const day = (date: Date) =>
  date.toLocaleDateString('sv-SE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })

/**
 * A ready e-mail in Swedish inviting another round lead (omgångsledare): what the role is,
 * which rounds it covers, what to do with the link and how long it holds. Copied into the
 * sender's own e-mail (the server sends no mail).
 */
export function leadInvitationMail(input: LeadInvitationMailInput): {
  subject: string
  body: string
} {
  const subject = 'Inbjudan att bli omgångsledare i Modellrummet'
  const scope = input.round
    ? `Du blir omgångsledare för ${input.round}: du ser och ändrar omgångens grupper och ` +
      'träffar, bjuder in gruppernas processledare och läser omgångens logg.'
    : 'Du blir omgångsledare för alla omgångar: du lägger upp omgångar och grupper, bjuder ' +
      'in gruppernas processledare och kan bjuda in fler omgångsledare.'
  const lines = [
    'Hej!',
    '',
    'Du är inbjuden att bli omgångsledare i Modellrummet, arbetsytan för benchmarkinggrupperna ' +
      'i SKR:s Modellkommuner och Modellregioner.',
    '',
    scope,
    '',
    'Så här gör du:',
    `1. Öppna länken: ${input.url}`,
    '2. Skriv ditt namn och klicka på "Fortsätt".',
    '3. Spara gärna sidan med omgångarna som bokmärke. I samma webbläsare kommer du sedan ' +
      'tillbaka direkt, utan konto eller lösenord.',
    '',
    `Länken gäller till och med ${day(new Date(input.expiresAt))} och kan användas en gång, ` +
      'så dela den inte vidare.',
    '',
    'Hälsningar',
    input.sender,
  ]
  return { subject, body: lines.join('\n') }
}
