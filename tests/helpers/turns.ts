/** Counts the event loop's turns (one per check phase) from now until stopped. */
export function countTurns() {
  let turns = 0
  let counting = true
  const goRound = () => {
    turns += 1
    if (counting) setImmediate(goRound)
  }
  setImmediate(goRound)
  return {
    now: () => turns,
    stop: () => (counting = false),
  }
}
