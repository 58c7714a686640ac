import { onMount, type ParentProps } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { autoFit, type AutoFitOptions } from './auto-fit.ts'

/** A box whose content's font size shrinks until it fits the box (auto-fit.ts). */
export function FitBox(
  props: ParentProps<{ class: string; fit: AutoFitOptions; as?: 'div' | 'aside'; label?: string }>,
) {
  let box!: HTMLElement
  let content!: HTMLDivElement
  onMount(() => autoFit(box, content, props.fit))
  return (
    <Dynamic
      component={props.as ?? 'div'}
      class={props.class}
      ref={(el: HTMLElement) => (box = el)}
      aria-label={props.label}
    >
      <div class="projector-fit" ref={content}>
        {props.children}
      </div>
    </Dynamic>
  )
}
