import { useI18n } from '../i18n/context.tsx'

/**
 * The first stop for the keyboard: skips the header to the page's main content (WCAG
 * 2.4.1). The router handles in-page links itself, so the browser never moved focus to
 * #main; the link focuses it (tabindex=-1), and the next Tab continues from there.
 */
export function SkipLink() {
  const { t } = useI18n()
  const skip = (event: MouseEvent) => {
    const main = document.getElementById('main')
    if (!main) return
    event.preventDefault()
    main.focus()
  }
  return (
    <a class="skip-link" href="#main" on:click={skip}>
      {t('app.skip')}
    </a>
  )
}
