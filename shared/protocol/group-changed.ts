import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType } from './messages.ts'

/**
 * What of a group's structure changed: its meetings (added, edited, moved, archived,
 * deleted) or its members (joined, left, role changed, removed, invitations). Each open page
 * of the group fetches that part again when told.
 */
export const GroupPart = {
  Meetings: 'meetings',
  Members: 'members',
} as const

export type GroupPart = (typeof GroupPart)[keyof typeof GroupPart]

const parts: ReadonlySet<string> = new Set(Object.values(GroupPart))

export const isGroupPart = (value: string): value is GroupPart => parts.has(value)

/**
 * The relay's "the group's structure changed" frame: the message type, then the part as a
 * string. The server sends it to every connection of the room on every node.
 */
export function encodeGroupChanged(part: GroupPart): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.GroupChanged)
  encoding.writeVarString(encoder, part)
  return encoding.toUint8Array(encoder)
}

/**
 * The part named by a GroupChanged frame, read after its type; null for a part this
 * client does not know (a newer server's), which it ignores.
 */
export function readGroupChanged(decoder: decoding.Decoder): GroupPart | null {
  const part = decoding.readVarString(decoder)
  return isGroupPart(part) ? part : null
}
