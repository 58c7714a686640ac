import { createSignal, Show } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { api } from '../api/client.ts'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { reloadOnRoleChange, takeRoleChangeNote } from '../members/role-change.ts'
import { forgetGroup, noteLeftGroup } from '../pages/last-group.ts'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PresenceList } from './PresenceList.tsx'

export function GroupHeader() {
  const group = useGroup()
  const { t } = useI18n()
  const [asking, setAsking] = createSignal(false)
  let leaveButton: HTMLButtonElement | undefined
  const groupName = () => group.group()?.group.name ?? ''
  // Leaving also leaves nothing of the group on this device (a shared computer): the local
  // copy of the board and the landing page's way back. It ends on the landing page, which
  // says the group was left and no longer offers it.
  const leave = async () => {
    await api.leave(group.room).catch(() => undefined)
    await group.forgetLocalCopy()
    forgetGroup(group.room)
    noteLeftGroup(groupName())
    location.assign('/')
  }
  reloadOnRoleChange(group.provider, group.room)
  const roleChanged = takeRoleChangeNote(group.room)
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
        {/* A round lead who entered the group: the way back to their rounds (nobody else). */}
        <Show when={group.session.isRoundLead}>
          <a class="button subtle" href="/omgang" data-testid="back-to-rounds">
            {t('rounds.title')}
          </a>
        </Show>
        <ConnectionStatus />
        <LanguageSwitch />
        <button
          ref={leaveButton}
          type="button"
          class="button subtle"
          aria-haspopup="dialog"
          onClick={() => setAsking(true)}
        >
          {t('nav.leave')}
        </button>
      </div>
      <Show when={asking()}>
        <ConfirmDialog
          title={t('leave.title', { group: groupName() })}
          text={t('leave.text')}
          confirmLabel={t('leave.confirm')}
          cancelLabel={t('leave.cancel')}
          failedText={t('error.generic')}
          onConfirm={leave}
          onClose={(confirmed) => {
            setAsking(false)
            if (!confirmed) leaveButton?.focus()
          }}
        />
      </Show>
      <Show when={roleChanged}>
        <p class="read-only-banner" role="status">
          {t('roleChanged.notice', { role: t(`role.${group.session.role}`) })}
        </p>
      </Show>
      <Show when={group.readOnly}>
        <p class="read-only-banner" data-testid="read-only-banner">
          {t('conn.readOnly')}
        </p>
      </Show>
    </header>
  )
}
