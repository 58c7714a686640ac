import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'

/**
 * The timer's optional sound: one short, soft tone (WebAudio, no file to load). Browsers
 * start audio only after a click on the page, so a screen that never had one (the
 * projector, opened in a new tab) reports `ready() === false` while the sound is `wanted`,
 * and offers a button that calls `unlock()`.
 */
export function createChime(wanted: Accessor<boolean>): {
  play(): void
  unlock(): void
  ready: Accessor<boolean>
} {
  let context: AudioContext | null = null
  const [ready, setReady] = createSignal(false)
  const audio = (): AudioContext | null => {
    if (context) return context
    if (typeof AudioContext === 'undefined') return null
    context = new AudioContext()
    setReady(context.state === 'running')
    context.addEventListener('statechange', () => setReady(context?.state === 'running'))
    return context
  }
  const unlock = () => void audio()?.resume()
  // Made when the sound is first wanted, so ready() can tell whether a click is needed.
  createEffect(() => wanted() && audio())
  // Any click on the page counts as the permission to play.
  document.addEventListener('pointerdown', unlock, { once: true })
  onCleanup(() => {
    document.removeEventListener('pointerdown', unlock)
    void context?.close()
  })

  function play(): void {
    const ctx = audio()
    if (!ctx || ctx.state !== 'running') return
    const start = ctx.currentTime + 0.02
    const gain = ctx.createGain()
    gain.connect(ctx.destination)
    // A soft attack and a long fade: a bell-like cue, not an alarm.
    gain.gain.setValueAtTime(0, start)
    gain.gain.linearRampToValueAtTime(0.25, start + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.001, start + 1.2)
    for (const [frequency, delay] of [
      [660, 0],
      [880, 0.18],
    ] as const) {
      const tone = ctx.createOscillator()
      tone.type = 'sine'
      tone.frequency.value = frequency
      tone.connect(gain)
      tone.start(start + delay)
      tone.stop(start + 1.25)
    }
  }

  return { play, unlock, ready }
}
