import * as Y from 'yjs'
import { sessionCookieName } from '../../shared/protocol/messages.ts'
import { randomToken } from '../auth/tokens.ts'
import { nextTurn } from '../next-turn.ts'

/** A room name no group has: the warm-up's lookup finds no session. */
const NO_ROOM = 'warm-up'

/**
 * Takes the path of a join's session check once, a step per turn, before the early server
 * hands over the joins it held. The first join after a restart paid for what runs only
 * once: the session lookup's first statement, crypto's first load when Yjs draws a client
 * id, and for the first request among them Node's fetch classes and Hono building its
 * router. Together, within the turn that replays the first held joins, they made the
 * storm's longest stall (`npm run bench:storm` profiled: 45–110 ms at the hand-over, 15–30
 * of it these). The relay's upgrade (relay/ws-upgrade.ts) asks the same session check as
 * the route taken here. Resolves with the status the app answered (401: no such session).
 */
export async function warmUp(
  serve: (request: Request) => Response | Promise<Response>,
): Promise<number> {
  await nextTurn()
  const join = new Request(`http://warm-up.invalid/api/rooms/${NO_ROOM}/session`, {
    headers: { cookie: `${sessionCookieName(NO_ROOM)}=${randomToken()}` },
  })
  await nextTurn()
  const answer = await serve(join)
  await nextTurn()
  new Y.Doc({ guid: NO_ROOM }).destroy()
  return answer.status
}
