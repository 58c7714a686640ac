import type { Reveal } from './following.ts'

/** Frames to wait for a part that is still rendering after the follower moved to it. */
const MAX_FRAMES = 30

/** Where a follower's board shows what the facilitator brought forward. */
const revealSelector = (target: Reveal): string =>
  target.kind === 'agendaItem' ? `[data-item="${CSS.escape(target.id)}"]` : '#spotlight'

/**
 * Scrolls the current agenda item or the spotlight into view once it is on the page.
 * Focus stays where the member has it (they may be typing); motion follows their setting.
 */
export function revealOnBoard(target: Reveal): void {
  const selector = revealSelector(target)
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
  let frames = 0
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector)
    if (element) element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' })
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}
