import { createResource, Show } from 'solid-js'
import type { JoinLink } from '../../../shared/workspace/control.ts'
import { useI18n } from '../i18n/context.tsx'
import { JoinLinkButton } from './JoinLinkButton.tsx'
import { qrCodeImage, shortLink } from './join-qr.ts'

/**
 * The QR code and link that let a person in the room join from their phone as a
 * participant, while the facilitator shows one (a facilitator opening the projector view
 * can show or hide it here). An expired link is not shown.
 */
export function JoinQr(props: { meetingId: string; joinLink: JoinLink | null; now: () => number }) {
  const { t, locale } = useI18n()
  const valid = () => {
    const link = props.joinLink
    return link && link.expiresAt > props.now() ? link : null
  }
  const [image] = createResource(() => valid()?.url, qrCodeImage)
  const until = (expiresAt: number) =>
    new Intl.DateTimeFormat(locale(), {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(expiresAt))
  return (
    <>
      <Show when={valid()}>
        {(link) => (
          <section
            class="projector-join"
            aria-labelledby="projector-join-heading"
            data-testid="projector-join"
          >
            <h2 id="projector-join-heading">{t('projector.join')}</h2>
            <Show when={image()}>
              {(src) => <img class="projector-qr" src={src()} alt={t('projector.qrAlt')} />}
            </Show>
            <p class="projector-link" data-testid="projector-link">
              {shortLink(link().url)}
            </p>
            <p class="projector-valid">
              {t('projector.validUntil', { time: until(link().expiresAt) })}
            </p>
          </section>
        )}
      </Show>
      <JoinLinkButton meetingId={props.meetingId} joinLink={valid()} />
    </>
  )
}
