import type { BrowserContext, Page } from '@playwright/test'
import type { GroupWorkspaceResponse } from '../../../shared/api.ts'
import { livingGroupOf } from '../../helpers/demo-round.ts'
import {
  recordFirstBoardContent,
  timeFirstBoardContent,
  type BoardContentTimes,
} from './first-content.ts'
import type { Product } from './product.ts'

/**
 * Joins `context` (a device) to a group with an invitation, recording its pages' first board
 * content.
 */
export async function joinGroup(
  context: BrowserContext,
  base: string,
  invite: string,
  name: string,
): Promise<void> {
  await recordFirstBoardContent(context)
  const join = await context.request.post(`${base}/api/join`, { data: { invite, name } })
  if (!join.ok()) throw new Error(`join failed: ${join.status()} ${await join.text()}`)
}

/**
 * Joins `context` (a device) to the demo round's living group as a participant (`joinGroup`);
 * the URL of the group's BM1 board.
 */
export async function joinBoard(
  context: BrowserContext,
  product: Product,
  name: string,
): Promise<string> {
  const group = livingGroupOf(product.groups)
  await joinGroup(context, product.url, group.invites.participant, name)
  const workspace = (await (
    await context.request.get(`${product.url}/api/rooms/${group.room}/group`)
  ).json()) as GroupWorkspaceResponse
  const meeting = workspace.meetings.find((m) => m.kind === 'bm1')
  if (!meeting) throw new Error('the demo group has no BM1')
  return `${product.url}/g/${group.room}/m/${meeting.id}`
}

/** How long a device's first visit stays open: until the device has kept its copy of the room. */
const KEEP_COPY_MS = 500

/**
 * One navigation to `url` in a new tab of the device: when its board first showed content
 * and when the live board did, ms from navigation; the tab is closed after (`linger` ms
 * after). `prepare` sets the tab up first (a throttled
 * connection).
 */
export async function timedVisit(
  context: BrowserContext,
  url: string,
  prepare?: (page: Page) => Promise<void>,
  linger = 0,
): Promise<BoardContentTimes> {
  const page = await context.newPage()
  try {
    await prepare?.(page)
    const times = await timeFirstBoardContent(page, url)
    if (linger > 0) await page.waitForTimeout(linger)
    return times
  } finally {
    await page.close()
  }
}

/** The device's first visit to the board, open until the device keeps its copy of the room. */
export const firstVisit = (
  context: BrowserContext,
  url: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<BoardContentTimes> => timedVisit(context, url, prepare, KEEP_COPY_MS)
