import { readFileSync } from 'node:fs'
import { expect, type Browser, type Page } from '@playwright/test'
import { livingGroupOf, type DemoGroup } from '../../helpers/demo-round.ts'

export type { DemoGroup }

/** The demo round the e2e server was seeded with (written by support/serve.mjs via the CLI). */
export function demoGroups(): DemoGroup[] {
  return (JSON.parse(readFileSync('test-results/e2e-demo.json', 'utf8')) as { groups: DemoGroup[] })
    .groups
}

export const livingGroup = (): DemoGroup => livingGroupOf(demoGroups())

/** A fresh browser context joins through the invitation page, like a person would. */
export async function joinAs(
  browser: Browser,
  invite: string,
  name: string,
  organisation?: string,
  /** The whole link as shown (a projector's QR link carries the meeting to land on). */
  link = `/join#${invite}`,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  await page.goto(link)
  await page.getByLabel('Ditt namn').fill(name)
  if (organisation) {
    // Mentors' options carry a suffix ("Hedemora kommun (mentor)"): match by text.
    const option = page
      .getByLabel('Organisation')
      .locator('option', { hasText: organisation })
      .first()
    await page.getByLabel('Organisation').selectOption((await option.getAttribute('value')) ?? '')
  }
  await page.getByRole('button', { name: 'Gå med' }).click()
  await page.waitForURL(/\/g\//)
  await page
    .getByTestId('connection-status')
    .and(page.locator('[data-status="connected"]'))
    .waitFor()
  return page
}

/** Opens a part of a meeting's board from the group home. */
export async function openBoard(
  page: Page,
  meeting: RegExp,
  part: 'agenda' | 'matris' | 'pdsa' | 'checklista',
) {
  const url = page.url().replace(/\/m\/.*$/, '')
  if (!/\/m\//.test(page.url())) {
    await page.getByRole('link', { name: meeting }).first().click()
  } else {
    await page.goto(url)
    await page.getByRole('link', { name: meeting }).first().click()
  }
  await page.waitForURL(/\/m\//)
  const names = {
    agenda: 'Agenda',
    matris: 'Jämförelsematris',
    pdsa: 'PDSA-planer',
    checklista: 'Checklista',
  }
  await page
    .getByRole('navigation', { name: 'Delar av arbetsytan' })
    .getByRole('link', { name: names[part] })
    .click()
  await page.waitForURL(new RegExp(`del=${part}`))
}

/**
 * The living group's mentor (Anna, facilitator) and a participant (Bo) at the same part of
 * one meeting's board, each in a browser context of their own. Close both when done.
 */
export async function mentorAndParticipantAt(
  browser: Browser,
  meeting: RegExp,
  part: Parameters<typeof openBoard>[2],
  participantOrganisation = 'Askersunds kommun',
): Promise<{ anna: Page; bo: Page; close(): Promise<void> }> {
  const group = livingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Mentor', 'Hedemora kommun')
  const bo = await joinAs(
    browser,
    group.invites.participant,
    'Bo Deltagare',
    participantOrganisation,
  )
  await openBoard(anna, meeting, part)
  await openBoard(bo, meeting, part)
  return {
    anna,
    bo,
    close: async () => {
      await anna.context().close()
      await bo.context().close()
    },
  }
}

/**
 * A new BM1 meeting of the group, so no other test's lead, part, spotlight or timer is on
 * it; the page (a facilitator's, in the group) is left on the group home, showing it.
 */
export async function freshMeeting(page: Page, title: string): Promise<RegExp> {
  const { origin, pathname } = new URL(page.url())
  const room = pathname.split('/')[2]
  const response = await page.request.post(`/api/rooms/${room}/meetings`, {
    data: { kind: 'bm1', title },
    headers: { origin },
  })
  expect(response.status()).toBe(201)
  await page.reload()
  return new RegExp(title)
}
