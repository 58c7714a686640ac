import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { GroupWorkspaceResponse } from '../../../shared/api.ts'
import { recordFirstBoardContent, timeFirstBoardContent } from './first-content.ts'
import type { Product } from './product.ts'

/** The demo round's group the client benches open (Askersund's, with the living board). */
function benchGroup(product: Product) {
  const group = product.groups.find((g) => g.room.startsWith('askersund'))
  if (!group) throw new Error('the demo round has no Askersund group')
  return group
}

/**
 * A browser context (a device) joined to the bench's group as a participant, recording each
 * page's first board content, and the URL of the group's BM1 board.
 */
export async function joinedBoard(
  browser: Browser,
  product: Product,
  name: string,
): Promise<{ context: BrowserContext; url: string }> {
  const group = benchGroup(product)
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  await recordFirstBoardContent(context)
  const join = await context.request.post(`${product.url}/api/join`, {
    data: { invite: group.invites.participant, name },
  })
  if (!join.ok()) throw new Error(`join failed: ${join.status()} ${await join.text()}`)
  const workspace = (await (
    await context.request.get(`${product.url}/api/rooms/${group.room}/group`)
  ).json()) as GroupWorkspaceResponse
  const meeting = workspace.meetings.find((m) => m.kind === 'bm1')
  if (!meeting) throw new Error('the demo group has no BM1')
  return { context, url: `${product.url}/g/${group.room}/m/${meeting.id}` }
}

/**
 * One navigation to `url` in a new tab of the device, its first board content in ms; the tab
 * is closed after. `prepare` sets the tab up first (a throttled connection).
 */
export async function timedVisit(
  context: BrowserContext,
  url: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<number> {
  const page = await context.newPage()
  try {
    await prepare?.(page)
    return await timeFirstBoardContent(page, url)
  } finally {
    await page.close()
  }
}
