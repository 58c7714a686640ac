import { Hono } from 'hono'
import type { GroupWorkspaceResponse } from '../../shared/api.ts'
import { requireSession } from '../auth/middleware.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { Groups } from '../domain/groups.ts'
import type { AppEnv } from '../http/env.ts'
import { apiError } from '../http/errors.ts'

export interface GroupRouteDeps {
  sessions: Sessions
  groups: Groups
}

/** `GET /api/rooms/:room/group`: the group's workspace frame, for any session of the room. */
export function createGroupRoutes({ sessions, groups }: GroupRouteDeps) {
  const app = new Hono<AppEnv>()

  app.get('/:room/group', requireSession(sessions), async (c) => {
    const body: GroupWorkspaceResponse | null = await groups.workspace(c.get('session').groupId)
    if (!body) throw apiError(404, 'not_found', 'This group no longer exists.')
    return c.json(body)
  })

  return app
}
