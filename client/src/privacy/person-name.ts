import { isErasedName } from '../../../shared/domain/display-name.ts'
import type { I18n } from '../i18n/context.tsx'

/** A person's name as shown: an erased person's neutral marker reads "Borttagen person". */
export const personName = (name: string, t: I18n['t']): string =>
  isErasedName(name) ? t('privacy.removedPerson') : name
