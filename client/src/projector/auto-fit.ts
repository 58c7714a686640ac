import { onCleanup } from 'solid-js'

export interface AutoFitOptions {
  /** The smallest font size in px (beyond it the content is clipped, never scrolled). */
  min: number
  /** The largest font size in px, given the box (read again on every fit). */
  max: (box: HTMLElement) => number
}

/**
 * Shrinks `box`'s font size (everything inside sizes in em) until `content` fits it
 * without scrolling, from `max` down to `min`: a projector shows a short agenda in large
 * type and a long one smaller, at 1920×1080 and 1280×720 alike. Fits again when the box
 * resizes or the content changes (a remote edit, a new spotlight), once per frame. Words
 * are kept whole while shrinking (a word wider than its column overflows, so it counts);
 * they break anywhere only when even `min` cannot fit them (`data-wrap` on the box).
 */
export function autoFit(box: HTMLElement, content: HTMLElement, options: AutoFitOptions): void {
  // The box's own scroll size: it clips (overflow hidden) but still counts what it clips,
  // the content's margins and a descendant a pixel past the edge included.
  const fits = () => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth
  const setSize = (px: number) => {
    box.style.fontSize = `${px}px`
  }
  /** The largest size that fits, with words kept whole ("Hedemora", not "Hede/mora"). */
  function largestFitting(max: number): number {
    setSize(max)
    if (fits()) return max
    // Binary search to half a pixel: a handful of layouts, not one per pixel.
    let low = options.min
    let high = max
    while (high - low > 0.5) {
      const middle = (low + high) / 2
      setSize(middle)
      if (fits()) low = middle
      else high = middle
    }
    return low
  }
  function fit(): void {
    box.dataset.wrap = 'words'
    const size = largestFitting(Math.max(options.min, options.max(box)))
    setSize(size)
    // Even the smallest size leaves a word wider than its column (a pasted link): only
    // then may words break anywhere.
    if (!fits()) box.dataset.wrap = 'anywhere'
  }
  let frame = 0
  const schedule = () => {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(fit)
  }
  const resized = new ResizeObserver(schedule)
  resized.observe(box)
  // The content's own size too: an image or a font arriving changes it without a mutation.
  resized.observe(content)
  const changed = new MutationObserver(schedule)
  changed.observe(content, { childList: true, subtree: true, characterData: true })
  void document.fonts?.ready.then(schedule)
  schedule()
  onCleanup(() => {
    cancelAnimationFrame(frame)
    resized.disconnect()
    changed.disconnect()
  })
}
