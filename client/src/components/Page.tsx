import type { JSX, ParentProps } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { SkipLink } from './SkipLink.tsx'

/** The frame of pages outside a group: skip link, header, main. */
export function Page(props: ParentProps<{ actions?: JSX.Element }>) {
  const { t } = useI18n()
  return (
    <>
      <SkipLink />
      <header class="app-header">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        <div class="header-actions">
          {props.actions}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" class="page" tabindex="-1">
        {props.children}
      </main>
    </>
  )
}
