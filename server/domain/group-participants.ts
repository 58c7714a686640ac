import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { participants } from '../../db/schema.ts'

/**
 * A group's members, first joined first. Members a facilitator removed are kept for
 * history (authorship, audit), not shown as the group's.
 */
export const groupParticipantRows = (db: Database, groupId: string) =>
  db
    .select()
    .from(participants)
    .where(and(eq(participants.groupId, groupId), isNull(participants.removedAt)))
    .orderBy(asc(participants.createdAt), asc(participants.id))
