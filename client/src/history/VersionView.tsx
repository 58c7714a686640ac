import { createMemo, For, Show, type JSX } from 'solid-js'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import type {
  HistoryMeeting,
  HistoryVersionResponse,
  RestorePart,
  RestoreScope,
} from '../../../shared/history-api.ts'
import { useGroup } from '../app/group-context.tsx'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { useI18n } from '../i18n/context.tsx'
import { AgendaPart, ChecklistPart, MatrixPart, PlansPart } from './VersionParts.tsx'

/** What a restore button asks for, with the words its confirmation uses. */
export interface RestoreRequestView {
  scope: RestoreScope
  /** What is restored, in words ("Agenda i BM1"). */
  what: string
}

const partLabels: Record<RestorePart, MessageKey> = {
  agenda: 'board.agenda',
  matrix: 'board.matrix',
  pdsa: 'board.pdsa',
  checklist: 'board.checklist',
}

/**
 * One version of the workspace, read only: each meeting it had with its four parts, in
 * the group's meeting order (a meeting deleted since is shown by its kind). Facilitators
 * get a restore button for the workspace, each meeting and each part.
 */
export function VersionView(props: {
  data: HistoryVersionResponse
  at: string
  onRestore?: (request: RestoreRequestView, button: HTMLButtonElement) => void
}) {
  const group = useGroup()
  const { t, l } = useI18n()
  const checklistVersion = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? '')
  const listed = () => group.group()?.meetings ?? []
  const meetings = createMemo(() => {
    const order = new Map(listed().map((meeting, index) => [meeting.id, index]))
    return [...props.data.meetings].sort(
      (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
    )
  })
  const titleOf = (meeting: HistoryMeeting) => {
    const found = listed().find((m) => m.id === meeting.id)
    if (found) return found.title || l(meetingKindLabels[found.kind])
    return meeting.kind
      ? t('history.meetingFallback', { kind: l(meetingKindLabels[meeting.kind]) })
      : t('history.unknownMeeting')
  }

  const RestoreButton = (button: { label: string; request: RestoreRequestView }) => (
    <Show when={props.onRestore}>
      {(restore) => (
        <button
          type="button"
          class="button"
          aria-haspopup="dialog"
          onClick={(event) => restore()(button.request, event.currentTarget)}
        >
          {button.label}
        </button>
      )}
    </Show>
  )

  const Part = (part: { meeting: HistoryMeeting; name: RestorePart; children: JSX.Element }) => {
    const headingId = () => `v-${part.meeting.id}-${part.name}`
    const label = () => t(partLabels[part.name])
    return (
      <section class="version-part" aria-labelledby={headingId()}>
        <div class="section-head">
          <h3 id={headingId()}>{label()}</h3>
          <RestoreButton
            label={t('history.restorePart', { part: label().toLowerCase() })}
            request={{
              scope: { meetingId: part.meeting.id, part: part.name },
              what: t('history.confirmPart', { part: label(), meeting: titleOf(part.meeting) }),
            }}
          />
        </div>
        {part.children}
      </section>
    )
  }

  return (
    <div class="version-view">
      <h2 id="version-heading" tabindex="-1">
        {t('history.shownVersion', { at: props.at })}
      </h2>
      <p class="hint">{t('history.readOnly')}</p>
      <RestoreButton
        label={t('history.restoreWorkspace')}
        request={{ scope: 'workspace', what: t('history.confirmWorkspace') }}
      />
      <For each={meetings()}>
        {(meeting) => (
          <section class="version-meeting" aria-labelledby={`v-${meeting.id}`}>
            <div class="section-head">
              <h2 id={`v-${meeting.id}`}>{titleOf(meeting)}</h2>
              <RestoreButton
                label={t('history.restoreMeeting')}
                request={{
                  scope: { meetingId: meeting.id },
                  what: t('history.confirmMeeting', { meeting: titleOf(meeting) }),
                }}
              />
            </div>
            <Part meeting={meeting} name="agenda">
              <AgendaPart meeting={meeting} />
            </Part>
            <Part meeting={meeting} name="matrix">
              <MatrixPart meeting={meeting} />
            </Part>
            <Part meeting={meeting} name="pdsa">
              <PlansPart meeting={meeting} />
            </Part>
            <Show when={meeting.checklist}>
              <Part meeting={meeting} name="checklist">
                <ChecklistPart meeting={meeting} version={checklistVersion()} />
              </Part>
            </Show>
          </section>
        )}
      </For>
    </div>
  )
}
