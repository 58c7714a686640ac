import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js'
import type uPlot from 'uplot'
import { useI18n } from '../i18n/context.tsx'

/** One point per phase: its label and the total, null where the phase is not scored. */
export interface TotalsPoint {
  label: string
  total: number | null
}

const cssVar = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback

/**
 * The checklist total per phase as a line with a marker and the figure written at every
 * point, against the list's maximum (dashed, labelled). One organisation per chart, so no
 * colour carries meaning; the text alternative and the table beside it say the same.
 * uPlot is imported here only, so it loads with the results page and nowhere else.
 */
export function TotalsChart(props: {
  points: TotalsPoint[]
  max: number
  alt: string
  /**
   * Sized by its box: the box's CSS height and font size, not the page's (the projector's
   * stage scales its type to the screen, and the chart with it).
   */
  fill?: boolean
}) {
  const { t } = useI18n()
  const [state, setState] = createSignal<'loading' | 'ready' | 'failed'>('loading')
  let box: HTMLDivElement | undefined
  let plot: uPlot | undefined
  let UPlot: typeof uPlot | undefined

  const draw = () => {
    if (!box || !UPlot) return
    plot?.destroy()
    const points = props.points
    const max = props.max
    // Type follows the page's, or the box's where it fills it (on the projector).
    const rem =
      parseFloat(getComputedStyle(props.fill ? box : document.documentElement).fontSize) || 16
    // Strokes and markers grow with the type, so the line reads from the back of a room.
    const stroke = props.fill ? Math.max(3, Math.round(rem / 7)) : 3
    const font = `${Math.round(rem * 0.8)}px system-ui, sans-serif`
    // The draw hook paints in canvas pixels (uPlot scales its own axes' fonts).
    const canvasFont = (size: number, weight = 400) =>
      `${weight} ${Math.round(rem * size * (devicePixelRatio || 1))}px system-ui, sans-serif`
    const ink = cssVar('--ink', '#1b1f24')
    const soft = cssVar('--ink-soft', '#4a5059')
    const accent = cssVar('--accent', '#1d4f91')
    const line = cssVar('--line', '#c9ced6')
    const width = Math.max(240, box.clientWidth)
    const labelled: uPlot.Plugin = {
      hooks: {
        draw: (u) => {
          const ctx = u.ctx
          const ratio = devicePixelRatio || 1
          ctx.save()
          // The maximum, dashed and named, so the line's height reads without the axis.
          const top = u.valToPos(max, 'y', true)
          ctx.strokeStyle = soft
          ctx.setLineDash([6 * ratio, 4 * ratio])
          ctx.lineWidth = ratio
          ctx.beginPath()
          ctx.moveTo(u.bbox.left, top)
          ctx.lineTo(u.bbox.left + u.bbox.width, top)
          ctx.stroke()
          ctx.setLineDash([])
          ctx.font = canvasFont(0.8)
          ctx.fillStyle = soft
          ctx.textAlign = 'right'
          ctx.textBaseline = 'bottom'
          ctx.fillText(`max ${max}`, u.bbox.left + u.bbox.width, top - 3 * ratio)
          // Each total written above its marker.
          ctx.font = canvasFont(0.95, 600)
          ctx.fillStyle = ink
          ctx.textAlign = 'center'
          points.forEach((point, index) => {
            if (point.total === null) return
            const x = u.valToPos(index, 'x', true)
            const y = u.valToPos(point.total, 'y', true)
            // Above the marker, however large it is drawn.
            ctx.fillText(String(point.total), x, y - (stroke * 2 + 4) * ratio)
          })
          ctx.restore()
        },
      },
    }
    plot = new UPlot(
      {
        width,
        height: props.fill
          ? Math.max(120, box.clientHeight)
          : Math.round(Math.min(320, Math.max(200, width * 0.5))),
        legend: { show: false },
        // Room on the right for the last phase's name under its tick.
        padding: [Math.round(rem), Math.round(rem * 1.5), 0, 0],
        cursor: { show: false },
        plugins: [labelled],
        scales: {
          x: { time: false, range: [-0.5, points.length - 0.5] },
          y: { range: [0, max + Math.ceil(max / 6)] },
        },
        axes: [
          {
            font,
            stroke: ink,
            grid: { show: false },
            ticks: { stroke: line },
            splits: () => points.map((_point, index) => index),
            values: (_u, splits) => splits.map((index) => points[index]?.label ?? ''),
            gap: 6,
          },
          {
            font,
            stroke: ink,
            grid: { stroke: line, width: 1 },
            ticks: { stroke: line },
            splits: () => [0, Math.round(max / 3), Math.round((2 * max) / 3), max],
            size: Math.round(rem * 2.6),
          },
        ],
        series: [
          {},
          {
            stroke: accent,
            width: stroke,
            spanGaps: true,
            points: { size: stroke * 4, width: stroke, stroke: accent, fill: '#ffffff' },
          },
        ],
      },
      [points.map((_point, index) => index), points.map((point) => point.total)],
      box,
    )
  }

  // The box's size: a narrower window or a projector draws the chart again at its size.
  const [size, setSize] = createSignal('')
  onMount(() => {
    import('uplot')
      .then(async (module) => {
        await import('uplot/dist/uPlot.min.css')
        UPlot = module.default
        setState('ready')
      })
      .catch(() => setState('failed'))
    const resize = new ResizeObserver(() =>
      setSize(`${Math.round(box?.clientWidth ?? 0)}×${props.fill ? (box?.clientHeight ?? 0) : ''}`),
    )
    if (box) resize.observe(box)
    onCleanup(() => {
      resize.disconnect()
      plot?.destroy()
    })
  })
  // Live: a score changed, the language or the width draws the chart again.
  createEffect(() => {
    JSON.stringify(props.points)
    void props.max
    void size()
    if (state() === 'ready') draw()
  })

  return (
    <div class="totals-chart">
      <div ref={box} role="img" aria-label={props.alt} class="totals-chart-canvas" />
      <Show when={state() === 'loading'}>
        <p class="hint">{t('results.chartLoading')}</p>
      </Show>
      <Show when={state() === 'failed'}>
        <p class="hint">{t('results.chartFailed')}</p>
      </Show>
    </div>
  )
}
