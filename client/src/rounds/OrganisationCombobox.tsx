import { createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js'
import { organisationKindLabels } from '../../../shared/domain/labels.ts'
import {
  findOfficialOrganisation,
  type OfficialOrganisation,
} from '../../../shared/domain/municipalities.ts'
import { searchOfficialOrganisations } from '../../../shared/domain/municipality-search.ts'
import { useI18n } from '../i18n/context.tsx'

/** How long typing must pause before the number of results is said (not on every key). */
const ANNOUNCE_DELAY_MS = 500

/**
 * Picks a kommun or region from the official list by typing its name or code: the
 * accessible autocomplete pattern of GOV.UK and Digg (ARIA 1.2 combobox). The input keeps
 * focus; ↓/↑ move through the list (aria-activedescendant), Enter picks, Escape closes, and
 * a polite live region says how many were found once typing pauses. A pick is handed to
 * `onPick` and the input empties for the next one (a group has several organisations).
 */
export function OrganisationCombobox(props: {
  label: string
  hint: string
  /** Codes already in the group: not offered again. */
  taken: ReadonlySet<string>
  onPick: (organisation: OfficialOrganisation) => void
  /** An error about this field (from the form's check or the server). */
  error?: string | undefined
  testId?: string
  /** The input's id, for focus from outside (a removal puts focus back here). */
  inputId?: string
}) {
  const { t, l } = useI18n()
  const id = createUniqueId()
  // eslint-disable-next-line solid/reactivity -- an element's id is set once
  const inputId = props.inputId ?? `${id}-input`
  const listId = `${id}-list`
  const optionId = (index: number) => `${id}-option-${index}`
  const [query, setQuery] = createSignal('')
  const [open, setOpen] = createSignal(false)
  const [active, setActive] = createSignal(-1)
  const [said, setSaid] = createSignal('')
  let input: HTMLInputElement | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))

  const results = createMemo(() =>
    searchOfficialOrganisations(query(), { limit: 30 }).filter(
      (organisation) => !props.taken.has(organisation.code),
    ),
  )
  const expanded = () => open() && query().trim() !== ''

  const announce = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (query().trim() === '') return setSaid('')
      const n = results().length
      setSaid(n === 0 ? t('rounds.combobox.none') : t('rounds.combobox.count', { n }))
    }, ANNOUNCE_DELAY_MS)
  }

  const pick = (organisation: OfficialOrganisation) => {
    props.onPick(organisation)
    setQuery('')
    setOpen(false)
    setActive(-1)
    clearTimeout(timer)
    setSaid('')
    input?.focus()
  }

  const move = (by: number) => {
    const count = results().length
    if (count === 0) return
    setOpen(true)
    const next = active() + by
    setActive(next < 0 ? count - 1 : next >= count ? 0 : next)
    document.getElementById(optionId(active()))?.scrollIntoView({ block: 'nearest' })
  }

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (event.altKey) return setOpen(true)
        return move(1)
      case 'ArrowUp':
        event.preventDefault()
        return move(-1)
      case 'Enter': {
        // Enter never sends the surrounding form from here: it picks, or does nothing.
        if (!expanded()) return
        event.preventDefault()
        const chosen = results()[active()] ?? (results().length === 1 ? results()[0] : undefined)
        if (chosen) pick(chosen)
        return
      }
      case 'Escape':
        if (expanded()) {
          event.preventDefault()
          setOpen(false)
          setActive(-1)
        } else if (query() !== '') {
          event.preventDefault()
          setQuery('')
        }
        return
      case 'Tab':
        setOpen(false)
        setActive(-1)
    }
  }

  return (
    <div class="field combobox" data-testid={props.testId}>
      <label for={inputId}>{props.label}</label>
      <span id={`${id}-hint`} class="hint">
        {props.hint}
      </span>
      <Show when={props.error}>
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      </Show>
      <input
        id={inputId}
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded() && results().length > 0}
        aria-controls={listId}
        aria-activedescendant={expanded() && active() >= 0 ? optionId(active()) : undefined}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        aria-invalid={props.error ? true : undefined}
        value={query()}
        onInput={(event) => {
          setQuery(event.currentTarget.value)
          setOpen(true)
          setActive(-1)
          announce()
        }}
        onKeyDown={onKeyDown}
        onFocus={() => query() && setOpen(true)}
        onBlur={() => {
          setOpen(false)
          setActive(-1)
        }}
      />
      <ul
        id={listId}
        role="listbox"
        class="combobox-list"
        aria-label={props.label}
        hidden={!expanded() || results().length === 0}
      >
        <For each={results()}>
          {(organisation, index) => (
            <li
              id={optionId(index())}
              role="option"
              class="combobox-option"
              aria-selected={active() === index()}
              // Picking by mouse or touch must not blur the input first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(organisation)}
            >
              <span class="combobox-name">{organisation.name}</span>
              <span class="combobox-meta">
                {l(organisationKindLabels[organisation.kind])} {organisation.code}
                {organisation.kind === 'kommun' ? ` · ${countyOf(organisation)}` : ''}
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={expanded() && results().length === 0}>
        <p class="combobox-empty">{t('rounds.combobox.none')}</p>
      </Show>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {said()}
      </div>
    </div>
  )
}

const countyOf = (organisation: OfficialOrganisation): string =>
  findOfficialOrganisation(organisation.countyCode)?.placeName ?? ''
