import { useParams, useSearchParams } from '@solidjs/router'
import { createResource, createUniqueId, For, Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { LeadFrame } from '../rounds/LeadFrame.tsx'
import { roundsApi } from '../rounds/rounds-client.ts'
import { AuditEvents } from './AuditEvents.tsx'
import { GroupPeople } from './GroupPeople.tsx'
import { RetentionSection } from './RetentionSection.tsx'
import '../styles/members.css'
import '../styles/privacy.css'

/** The families of events the log can be narrowed to (`kind` as a prefix). */
const kindFamilies = [
  'invitation',
  'member',
  'meeting',
  'round',
  'group',
  'lead',
  'person',
] as const

/**
 * `/omgang/:cohortId/logg?grupp=&typ=`: the round's audit log for its round lead, with
 * the chosen group's people (links to their person pages, the group's data to download)
 * and how long the round's access lasts after it closes.
 */
export function AuditPage() {
  const params = useParams<{ cohortId: string }>()
  return <LeadFrame>{() => <AuditView cohortId={params.cohortId} />}</LeadFrame>
}

function AuditView(props: { cohortId: string }) {
  const { t } = useI18n()
  const id = createUniqueId()
  const [search, setSearch] = useSearchParams<{ grupp?: string; typ?: string }>()
  const [round] = createResource(() => props.cohortId, roundsApi.round)

  const filter = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const value = (name: string) => {
      const chosen = form.get(name)
      return typeof chosen === 'string' && chosen !== '' ? chosen : undefined
    }
    setSearch({ grupp: value('grupp'), typ: value('typ') })
  }

  return (
    <>
      <p>
        <a href={`/omgang/${encodeURIComponent(props.cohortId)}`}>{t('privacy.backToRound')}</a>
      </p>
      <h1>
        {t('audit.title')}
        <Show when={round()}>{(loaded) => <span class="hint"> · {loaded().name}</span>}</Show>
      </h1>
      <p>{t('audit.intro')}</p>
      <form class="audit-filter" onSubmit={filter}>
        <div class="field">
          <label for={`${id}-group`}>{t('audit.group')}</label>
          <select id={`${id}-group`} name="grupp">
            <option value="">{t('audit.allGroups')}</option>
            <For each={round()?.groups ?? []}>
              {(group) => (
                <option value={group.id} selected={search.grupp === group.id}>
                  {group.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-kind`}>{t('audit.kind')}</label>
          <select id={`${id}-kind`} name="typ">
            <option value="">{t('audit.allKinds')}</option>
            <For each={kindFamilies}>
              {(family) => (
                <option value={family} selected={search.typ === family}>
                  {t(`audit.kinds.${family}`)}
                </option>
              )}
            </For>
          </select>
        </div>
        <button type="submit" class="button primary">
          {t('audit.filter')}
        </button>
      </form>
      <Show when={search.grupp} keyed>
        {(groupId) => <GroupPeople cohortId={props.cohortId} groupId={groupId} />}
      </Show>
      <AuditEvents cohortId={props.cohortId} groupId={search.grupp} kind={search.typ} />
      <RetentionSection cohortId={props.cohortId} />
    </>
  )
}
