/**
 * The painted board's markup: the live page's root as it shows, made safe to lie beside it.
 * No imports: the painting script (paint-first.ts) stays as small as it can be.
 */

/** The painted board's element, before the app's root. */
export const PAINTED_ID = 'painted-board'
/** On the app's root while the painted board shows (base.css: rendered, not seen). */
export const PAINTED_UNDER_CLASS = 'painted-under'
/** Marks what is never painted: it is live or personal to the moment (presence, status). */
const UNPAINTED_ATTRIBUTE = 'data-unpainted'

/**
 * The live page shows; the painted board, if any, goes. The root is shown also when the
 * painted board never came (its stylesheets still loading): it then never comes.
 */
export function releasePaintedBoard(): void {
  document.getElementById(PAINTED_ID)?.remove()
  document.getElementById('root')?.classList.remove(PAINTED_UNDER_CLASS)
}

/** Attributes that would tie the copy to the live page (ids, labels, radio groups, focus). */
const DROPPED = ['id', 'for', 'name', 'tabindex', 'autofocus', 'accesskey', 'form']
/** Kept under another name: tests and benches look for the live board's test ids. */
const TEST_ID = 'data-testid'
const PAINTED_TEST_ID = 'data-painted-testid'
/**
 * The CSP allows no style attribute in markup; a painted element's inline style is kept
 * aside and set again through the CSSOM (`unpaintStyles`), as Solid sets it.
 */
const PAINTED_STYLE = 'data-painted-style'

type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

/** What the form fields show is state, not markup: written into the copy's attributes. */
function keepValues(live: FormField, copy: FormField): void {
  if (live instanceof HTMLInputElement && (live.type === 'checkbox' || live.type === 'radio')) {
    copy.toggleAttribute('checked', live.checked)
  } else if (live instanceof HTMLTextAreaElement) {
    copy.textContent = live.value
  } else if (live instanceof HTMLSelectElement) {
    const options = (copy as HTMLSelectElement).options
    for (let i = 0; i < options.length; i++) {
      options[i]!.toggleAttribute('selected', live.options[i]?.selected ?? false)
    }
  } else {
    copy.setAttribute('value', live.value)
  }
}

/** The markup of `root` as it shows now, for the painted board. */
export function paintedMarkup(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement
  const fields = 'input, textarea, select'
  const live = root.querySelectorAll<FormField>(fields)
  const copied = copy.querySelectorAll<FormField>(fields)
  live.forEach((field, i) => {
    const twin = copied[i]
    if (twin) keepValues(field, twin)
  })
  for (const gone of copy.querySelectorAll(`[${UNPAINTED_ATTRIBUTE}], dialog, [role="alert"]`)) {
    gone.remove()
  }
  for (const element of copy.querySelectorAll('*')) {
    for (const name of DROPPED) element.removeAttribute(name)
    const testId = element.getAttribute(TEST_ID)
    if (testId !== null) {
      element.removeAttribute(TEST_ID)
      element.setAttribute(PAINTED_TEST_ID, testId)
    }
    const style = element.getAttribute('style')
    if (style !== null) {
      element.removeAttribute('style')
      element.setAttribute(PAINTED_STYLE, style)
    }
  }
  return copy.innerHTML
}

/** Sets the painted board's inline styles through the CSSOM (see PAINTED_STYLE). */
export function unpaintStyles(board: HTMLElement): void {
  for (const element of board.querySelectorAll<HTMLElement>(`[${PAINTED_STYLE}]`)) {
    element.style.cssText = element.getAttribute(PAINTED_STYLE) ?? ''
    element.removeAttribute(PAINTED_STYLE)
  }
}
