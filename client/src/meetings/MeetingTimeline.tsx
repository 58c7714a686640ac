import { createEffect, createSignal, For, Show } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { MeetingSummary } from '../../../shared/api.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { api } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { createUndoOffer } from '../components/undo-offer.ts'
import { UndoOffer } from '../components/UndoOffer.tsx'
import { useI18n } from '../i18n/context.tsx'
import { MeetingForm } from '../pages/MeetingForm.tsx'
import { MeetingCard, type MeetingActions } from './MeetingCard.tsx'
import { isShown } from './meeting-order.ts'
import '../styles/meetings.css'

type Pending = { kind: 'archive' | 'delete'; meeting: MeetingSummary; opener: HTMLElement }

/**
 * The group's meetings on its home page, live (the group is read again whenever the relay
 * says its meetings changed): the main list, then "Arkiverade träffar". Facilitators add,
 * edit and move a meeting (the form), and archive, restore or delete one (archive and
 * delete after a confirmation, a delete with "Ångra" for a while after, as on the board);
 * the others see the list only.
 */
export function MeetingTimeline() {
  const group = useGroup()
  const { t, l } = useI18n()
  // Kept by id, so a live refetch re-renders only what changed and keeps focus in place.
  const [meetings, setMeetings] = createStore<MeetingSummary[]>([])
  createEffect(() => setMeetings(reconcile(group.group()?.meetings ?? [], { key: 'id' })))
  const shown = () => meetings.filter(isShown)
  const archived = () => meetings.filter((meeting) => !isShown(meeting))
  const titleOf = (meeting: MeetingSummary) => meeting.title || l(meetingKindLabels[meeting.kind])

  const [editing, setEditing] = createSignal<MeetingSummary | 'new' | null>(null)
  const [pending, setPending] = createSignal<Pending | null>(null)
  const [said, setSaid] = createSignal('')
  let heading: HTMLHeadingElement | undefined
  let editOpener: HTMLElement | undefined
  let undoButton: HTMLButtonElement | undefined
  // "Ångra" after a delete brings the meeting back on the server; its board's content never
  // left the workspace, so it comes back whole, for everyone (told live like the delete).
  const deletion = createUndoOffer()
  const offerUndo = (meeting: MeetingSummary, title: string) =>
    deletion.show(t('meetings.deletedDone', { title }), async () => {
      await api.undeleteMeeting(group.room, meeting.id)
      group.refetchGroup()
      // The offer's button goes: focus to the list it came back to.
      heading?.focus()
      return true
    })

  // Said once each time, even when the same words come twice.
  const announce = (text: string) => {
    setSaid('')
    queueMicrotask(() => setSaid(text))
  }

  const actions: MeetingActions = {
    edit(meeting, opener) {
      editOpener = opener
      // A copy: the form starts from these values, not from live ones changing under it.
      setEditing({ ...meeting })
    },
    archive: (meeting, opener) => setPending({ kind: 'archive', meeting, opener }),
    remove: (meeting, opener) => setPending({ kind: 'delete', meeting, opener }),
    restore(meeting) {
      const title = titleOf(meeting)
      api.archiveMeeting(group.room, meeting.id, false).then(
        () => {
          announce(t('meetings.restoredDone', { title }))
          group.refetchGroup()
        },
        () => announce(t('meetings.failed')),
      )
    },
  }

  const carryOut = async ({ kind, meeting }: Pending): Promise<void> => {
    if (kind === 'archive') await api.archiveMeeting(group.room, meeting.id, true)
    else await api.deleteMeeting(group.room, meeting.id)
  }

  const formDone = (saved: MeetingSummary | null) => {
    const wasNew = editing() === 'new'
    setEditing(null)
    if (saved) {
      const title = titleOf(saved)
      announce(t(wasNew ? 'meetings.addedDone' : 'meetings.savedDone', { title }))
      group.refetchGroup()
    }
    ;(editOpener?.isConnected ? editOpener : heading)?.focus()
  }

  return (
    <section aria-labelledby="meetings-heading">
      <div class="section-head">
        <h2 id="meetings-heading" ref={heading} tabindex="-1">
          {t('home.meetings')}
        </h2>
        <Show when={group.facilitator}>
          <button
            type="button"
            class="button"
            onClick={(event) => {
              editOpener = event.currentTarget
              setEditing('new')
            }}
          >
            {t('home.addMeeting')}
          </button>
        </Show>
      </div>
      <Show when={group.facilitator}>
        <UndoOffer
          undo={deletion}
          failedText={t('meetings.failed')}
          ref={(button) => (undoButton = button)}
        />
      </Show>
      <p class="visually-hidden" role="status" data-testid="meetings-status">
        {said()}
      </p>
      {/* Keyed: editing another meeting is a fresh form, not this one's values kept. */}
      <Show when={group.facilitator && editing()} keyed>
        {(current) => (
          <MeetingForm
            meeting={current === 'new' ? null : current}
            meetings={meetings}
            organisations={group.group()?.organisations ?? []}
            title={titleOf}
            onDone={formDone}
          />
        )}
      </Show>
      <ol class="timeline">
        <For each={shown()}>
          {(meeting) => (
            <MeetingCard meeting={meeting} title={titleOf(meeting)} actions={actions} />
          )}
        </For>
      </ol>
      <Show when={archived().length > 0}>
        <details class="archived-meetings">
          <summary>{t('meetings.archived', { n: archived().length })}</summary>
          <p class="hint">{t('meetings.archivedHint')}</p>
          <ol class="timeline">
            <For each={archived()}>
              {(meeting) => (
                <MeetingCard meeting={meeting} title={titleOf(meeting)} actions={actions} />
              )}
            </For>
          </ol>
        </details>
      </Show>
      <Show when={pending()} keyed>
        {(what) => {
          const title = titleOf(what.meeting)
          const archiving = what.kind === 'archive'
          return (
            <ConfirmDialog
              title={t(archiving ? 'meetings.confirmArchiveTitle' : 'meetings.confirmDeleteTitle', {
                title,
              })}
              text={t(archiving ? 'meetings.confirmArchiveText' : 'meetings.confirmDeleteText')}
              confirmLabel={t(
                archiving ? 'meetings.confirmArchiveYes' : 'meetings.confirmDeleteYes',
              )}
              cancelLabel={t('meetings.cancel')}
              failedText={t('meetings.failed')}
              danger={!archiving}
              onConfirm={() => carryOut(what)}
              onClose={(confirmed) => {
                setPending(null)
                if (!confirmed) {
                  what.opener.focus()
                  return
                }
                group.refetchGroup()
                if (archiving) {
                  announce(t('meetings.archivedDone', { title }))
                  heading?.focus()
                  return
                }
                // Said by the undo offer's live region; the deleted card's button is gone,
                // so focus goes to "Ångra".
                offerUndo(what.meeting, title)
                queueMicrotask(() => (undoButton ?? heading)?.focus())
              }}
            />
          )
        }}
      </Show>
    </section>
  )
}
