import { createSignal, Show } from 'solid-js'
import { setMeetingControl, type JoinLink } from '../../../shared/workspace/control.ts'
import { api } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/** The invitation's link, landing on this meeting's board once joined (JoinPage reads `m`). */
function meetingJoinUrl(url: string, meetingId: string): string {
  const link = new URL(url)
  link.searchParams.set('m', meetingId)
  return link.toString()
}

/** The room's join QR code: participant, for a day, for up to 50 phones. */
const roomInvitation = { role: 'participant', days: 1, maxUses: 50 } as const

/**
 * For facilitators: one click makes a time-limited participant invitation and puts its
 * link in the meeting's control state, where the projector shows it as a QR code; the
 * other click takes it off the screen (the invitation runs out by itself).
 */
export function JoinLinkButton(props: { meetingId: string; joinLink: JoinLink | null }) {
  const group = useGroup()
  const { t } = useI18n()
  const [busy, setBusy] = createSignal(false)
  const [failed, setFailed] = createSignal(false)
  async function show(): Promise<void> {
    setBusy(true)
    setFailed(false)
    try {
      const invitation = await api.createInvitation(group.room, roomInvitation)
      setMeetingControl(group.doc, props.meetingId, {
        joinLink: {
          url: meetingJoinUrl(invitation.url, props.meetingId),
          expiresAt: Date.parse(invitation.expiresAt),
        },
      })
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  const hide = () => setMeetingControl(group.doc, props.meetingId, { joinLink: null })
  return (
    <Show when={group.facilitator}>
      <div class="join-link-control">
        <Show
          when={props.joinLink}
          fallback={
            <button type="button" class="button" disabled={busy()} onClick={() => void show()}>
              {t('projector.showQr')}
            </button>
          }
        >
          <button type="button" class="button" onClick={hide}>
            {t('projector.hideQr')}
          </button>
        </Show>
        <Show when={failed()}>
          <p class="error" role="alert">
            {t('projector.qrFailed')}
          </p>
        </Show>
      </div>
    </Show>
  )
}
