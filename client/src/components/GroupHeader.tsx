import { Show } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { api } from '../api/client.ts'
import { forgetGroup } from '../pages/last-group.ts'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PresenceList } from './PresenceList.tsx'

export function GroupHeader() {
  const group = useGroup()
  const { t } = useI18n()
  // Leaving also leaves nothing of the group on this device (a shared computer): the local
  // copy of the board and the landing page's way back.
  const leave = async () => {
    await api.leave(group.room).catch(() => undefined)
    await group.forgetLocalCopy()
    forgetGroup(group.room)
    location.assign('/')
  }
  return (
    <header class="app-header group-header">
      <div class="brand-block">
        <a
          class="brand"
          href={`/g/${encodeURIComponent(group.room)}`}
          aria-label={`${t('nav.home')}: ${group.group()?.group.name ?? ''}`}
        >
          {t('app.name')}
        </a>
        <Show when={group.group()}>
          {(loaded) => <span class="group-name">{loaded().group.name}</span>}
        </Show>
      </div>
      <PresenceList />
      <div class="header-actions">
        <ConnectionStatus />
        <LanguageSwitch />
        <button type="button" class="button subtle" onClick={leave}>
          {t('nav.leave')}
        </button>
      </div>
      <Show when={group.readOnly}>
        <p class="read-only-banner" data-testid="read-only-banner">
          {t('conn.readOnly')}
        </p>
      </Show>
    </header>
  )
}
