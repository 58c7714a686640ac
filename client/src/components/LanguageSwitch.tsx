import { useI18n } from '../i18n/context.tsx'

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n()
  return (
    <button
      type="button"
      class="button subtle"
      lang={locale() === 'sv' ? 'en' : 'sv'}
      onClick={() => setLocale(locale() === 'sv' ? 'en' : 'sv')}
    >
      {t('lang.switch')}
    </button>
  )
}
