import { describe, expect, it } from 'vitest'
import { Role } from '../../../shared/roles.ts'
import { parsePresence, stampPresence } from '../../../shared/workspace/presence.ts'

const identity = {
  participantId: 'p1',
  name: 'Bo',
  organisationId: null,
  function: null,
  role: Role.Participant,
}

describe('presence: which part a member has open and whether they follow', () => {
  it('the server keeps a valid view and drops an invalid one', () => {
    const view = { meetingId: 'm1', part: 'matrix', following: false }
    expect(stampPresence({ view }, identity).view).toEqual(view)
    expect(stampPresence({ view: { ...view, part: 'lobby' } }, identity)).not.toHaveProperty('view')
    expect(stampPresence({ view: { ...view, following: 'yes' } }, identity)).not.toHaveProperty(
      'view',
    )
  })

  it('a presence without a view (an older client) still reads', () => {
    const stamped = stampPresence({}, identity)
    expect(parsePresence(stamped)).toEqual(stamped)
    expect(parsePresence({ ...stamped, view: null })?.view).toBeNull()
  })
})
