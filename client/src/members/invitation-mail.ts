import type { MeetingSummary } from '../../../shared/api.ts'
import { meetingKindLabels, roleLabels } from '../../../shared/domain/labels.ts'
import type { Role } from '../../../shared/roles.ts'

export interface InvitationMailInput {
  url: string
  /** ISO 8601 */
  expiresAt: string
  maxUses: number
  role: Role
  group: string
  cohort: string
  /** The organisation the link is for (null: any of the group's). */
  organisation: string | null
  /** The group's coming meeting, if one has a date. */
  nextMeeting: MeetingSummary | null
  meetingHost: string | null
  /** Who sends it (the facilitator). */
  sender: string
}

const what: Record<Role, string> = {
  facilitator: 'leder gruppens träffar och hanterar gruppens medlemmar och inbjudningar',
  participant: 'arbetar på gruppens gemensamma arbetsyta',
  viewer: 'följer gruppens arbetsyta men ändrar inget',
}

const day = (date: Date) =>
  date.toLocaleDateString('sv-SE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })

/**
 * The coming meeting with a date (today or later), earliest first. An archived meeting is
 * not coming, whatever its date; a deleted one is never listed (the group's and the round's
 * reads leave them out), and one marked deleted is skipped here too.
 */
export function nextMeetingOf(
  meetings: readonly (MeetingSummary & { deletedAt?: string | null })[],
  today: string,
) {
  return (
    meetings
      .filter((meeting) => !meeting.archivedAt && !meeting.deletedAt)
      .filter((meeting) => meeting.date !== null && meeting.date >= today)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0] ?? null
  )
}

/**
 * A ready e-mail in Swedish for a new invitation: what the group is, the coming meeting,
 * what to do with the link, and how long it holds. The facilitator copies it into their
 * own e-mail (the server sends no mail).
 */
export function invitationMail(input: InvitationMailInput): { subject: string; body: string } {
  const subject = `Inbjudan till ${input.group} i Modellrummet`
  const role = roleLabels[input.role].sv
  const lines = [
    'Hej!',
    '',
    `Du är inbjuden till benchmarkinggruppen ${input.group} (${input.cohort}) i Modellrummet. ` +
      'Där arbetar gruppen tillsammans med agendan, jämförelsematrisen, PDSA-planerna och ' +
      'checklistan för självskattning, före, under och efter träffarna.',
  ]
  const meeting = input.nextMeeting
  if (meeting?.date) {
    const title = meeting.title || meetingKindLabels[meeting.kind].sv
    const when = `${day(new Date(`${meeting.date}T12:00:00`))}${meeting.startTime ? ` kl. ${meeting.startTime}` : ''}`
    const where = [input.meetingHost && `hos ${input.meetingHost}`, meeting.place]
      .filter(Boolean)
      .join(', ')
    lines.push('', `Nästa träff: ${title}, ${when}${where ? ` (${where})` : ''}.`)
  }
  lines.push(
    '',
    'Så här gör du:',
    `1. Öppna länken: ${input.url}`,
    input.organisation
      ? '2. Skriv ditt namn, välj din funktion och klicka på "Gå med".'
      : '2. Skriv ditt namn, välj din organisation och funktion och klicka på "Gå med".',
    '3. Spara gärna sidan som bokmärke. I samma webbläsare kommer du sedan tillbaka direkt, ' +
      'utan konto eller lösenord.',
    '',
    `Du går med som ${role}${input.organisation ? ` för ${input.organisation}` : ''}: ` +
      `du ${what[input.role]}. ` +
      `Länken gäller till och med ${day(new Date(input.expiresAt))}` +
      (input.maxUses === 1
        ? ' och kan användas en gång, så dela den inte vidare.'
        : ` och kan användas av ${input.maxUses} personer.`),
    '',
    'Hälsningar',
    input.sender,
  )
  return { subject, body: lines.join('\n') }
}
