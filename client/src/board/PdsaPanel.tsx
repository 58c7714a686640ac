import { createSignal, For, Show } from 'solid-js'
import {
  addPdsaPlan,
  pdsaPlansOf,
  plansForMeeting,
  removePdsaPlan,
  type PdsaPlan,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from '../meeting/meeting-context.tsx'
import { writePath } from '../meeting/write-access.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { PdsaPlanCard } from './PdsaPlanCard.tsx'
import { createRemovalUndo } from './removal-undo.ts'
import { UndoOffer } from '../components/UndoOffer.tsx'

/** PDSA plans per organisation, and the previous meeting's plans up for follow-up. */
export function PdsaPanel(props: { meetingId: string; previousMeetingId: string | null }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  // A new plan is planned at this meeting, so the meeting's lock keeps it out as well.
  const mayAdd = () =>
    meeting.access.may(writePath.plan('(new)')) &&
    meeting.access.may(writePath.notes(props.meetingId))
  const plans = createYSnapshot(group.doc, () =>
    plansForMeeting(group.doc, props.meetingId, props.previousMeetingId),
  )
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')

  // A plan goes with everything written in it: asked first, and its remover can undo it
  // for a while (their own removals only).
  const removal = createRemovalUndo(() => pdsaPlansOf(group.doc))
  const [asking, setAsking] = createSignal<{ plan: PdsaPlan; title: string } | null>(null)
  let removeButton: HTMLButtonElement | undefined
  let undoButton: HTMLButtonElement | undefined
  const confirmRemoval = async (planId: string) =>
    removal.remove(group.doc, () => removePdsaPlan(group.doc, planId), t('undo.planRemoved'))
  const askRemove = (plan: PdsaPlan) => (title: string, button: HTMLButtonElement) => {
    removeButton = button
    setAsking({ plan, title })
  }

  const add = (organisationId: string) => {
    const id = addPdsaPlan(group.doc, { organisationId, plannedAtMeetingId: props.meetingId })
    queueMicrotask(() => document.getElementById(`pdsa-${id}-aim`)?.focus())
  }

  return (
    <div class="pdsa">
      <Show when={plans.value.followUp.length > 0}>
        <section aria-labelledby="pdsa-follow-up">
          <h3 id="pdsa-follow-up">{t('pdsa.followUp')}</h3>
          <For each={plans.value.followUp}>
            {(plan) => (
              <PdsaPlanCard plan={plan} meetingId={props.meetingId} onRemove={askRemove(plan)} />
            )}
          </For>
        </section>
      </Show>
      <h3>{t('pdsa.plannedHere')}</h3>
      <For each={organisations()}>
        {(org) => {
          const own = () => plans.value.planned.filter((plan) => plan.organisationId === org.id)
          return (
            <section class="pdsa-org" aria-labelledby={`pdsa-org-${org.id}`}>
              <div class="section-head">
                <h4 id={`pdsa-org-${org.id}`}>{org.name}</h4>
                <Show when={mayAdd()}>
                  <button type="button" class="button" onClick={() => add(org.id)}>
                    {t('pdsa.add')}
                    <span class="visually-hidden"> {t('pdsa.for', { org: org.name })}</span>
                  </button>
                </Show>
              </div>
              <Show when={own().length > 0} fallback={<p class="hint">{t('pdsa.none')}</p>}>
                <For each={own()}>
                  {(plan) => (
                    <PdsaPlanCard
                      plan={plan}
                      meetingId={props.meetingId}
                      onRemove={askRemove(plan)}
                    />
                  )}
                </For>
              </Show>
            </section>
          )
        }}
      </For>
      <UndoOffer undo={removal} ref={(button) => (undoButton = button)} />
      <Show when={asking()}>
        {(question) => (
          <ConfirmDialog
            title={t('pdsa.removeTitle', { plan: question().title })}
            text={t('pdsa.removeText')}
            confirmLabel={t('remove.confirm')}
            cancelLabel={t('remove.cancel')}
            failedText={t('error.generic')}
            danger
            onConfirm={() => confirmRemoval(question().plan.id)}
            onClose={(confirmed) => {
              setAsking(null)
              // The removed plan's button is gone: focus goes to the undo offer instead.
              queueMicrotask(() => (confirmed ? undoButton : removeButton)?.focus())
            }}
          />
        )}
      </Show>
    </div>
  )
}
