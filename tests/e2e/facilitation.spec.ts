import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { demoGroups, joinAs, openBoard, type DemoGroup } from './support/demo.ts'
import { exposeLiveDoc } from './support/device-copy.ts'

/**
 * Running a meeting on the board: the facilitator leads, the others follow. These tests
 * use a group of their own (Södertälje och Östersund), so the led meeting, its locks and
 * its spotlight never reach the other specs' boards.
 */
const meetingGroup = (): DemoGroup => {
  const group = demoGroups().find((g) => g.room.startsWith('sodertalje'))
  if (!group) throw new Error('the demo round has no Södertälje group')
  return group
}

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Delar av arbetsytan' })
const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })

async function facilitatorAndParticipant(browser: Browser, meeting: RegExp) {
  const group = meetingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Mentor')
  const bo = await joinAs(browser, group.invites.participant, 'Bo Deltagare')
  await openBoard(anna, meeting, 'agenda')
  await openBoard(bo, meeting, 'agenda')
  return { group, anna, bo }
}

test('the facilitator leads: follow, stop and rejoin, bring everyone, spotlight, current item, lock, hands', async ({
  browser,
}) => {
  const { anna, bo } = await facilitatorAndParticipant(browser, /^BM1/)
  await anna.getByRole('button', { name: 'Led mötet' }).click()
  await expect(anna.getByRole('button', { name: 'Led mötet' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(bo.getByTestId('follow-status')).toHaveText('Du följer processledaren.')

  // Anna opens the matrix: Bo moves with her, and her presence list says where he is.
  await tabs(anna).getByRole('link', { name: 'Jämförelsematris' }).click()
  await bo.waitForURL(/del=matris/)
  await expect(
    anna.getByTestId('presence-list').locator('.peer', { hasText: 'Bo Deltagare' }),
  ).toContainText('Jämförelsematris · följer')
  // The facilitator leads: her entry says where she is, not that she follows.
  await expect(
    bo.getByTestId('presence-list').locator('.peer', { hasText: 'Anna Mentor' }),
  ).toContainText('Jämförelsematris')
  await expect(
    bo.getByTestId('presence-list').locator('.peer', { hasText: 'Anna Mentor' }),
  ).not.toContainText('följer')

  // A question in the spotlight: Bo reads it across every organisation, large.
  await anna.getByRole('button', { name: 'Fokus: Fråga 1' }).click()
  await expect(bo.getByTestId('spotlight')).toContainText('Fråga 1:')
  await expect(bo.getByTestId('spotlight').locator('.spotlight-answer')).not.toHaveCount(0)
  await shot(bo, 'follower-spotlight')

  // Bo looks at the PDSA plans himself: he stops following and stays when Anna moves.
  await tabs(bo).getByRole('link', { name: 'PDSA-planer' }).click()
  await expect(bo.getByTestId('follow-status')).toContainText('Du följer inte processledaren')
  await expect(bo.getByTestId('spotlight')).toHaveCount(0)
  await tabs(anna).getByRole('link', { name: 'Agenda' }).click()
  await expect(
    anna.getByTestId('presence-list').locator('.peer', { hasText: 'Bo Deltagare' }),
  ).toContainText('PDSA-planer')
  expect(bo.url()).toMatch(/del=pdsa/)
  // One click and he is back where Anna is.
  await bo.getByRole('button', { name: 'Följ igen' }).click()
  await bo.waitForURL(/del=agenda/)
  await expect(bo.getByTestId('follow-status')).toHaveText('Du följer processledaren.')

  // He wanders off again; "Ta alla hit" brings him to Anna's part.
  await tabs(bo).getByRole('link', { name: 'Checklista' }).click()
  await expect(bo.getByRole('button', { name: 'Följ igen' })).toBeVisible()
  await anna.getByRole('button', { name: 'Ta alla hit' }).click()
  await bo.waitForURL(/del=agenda/)
  await expect(bo.getByTestId('follow-status')).toHaveText('Du följer processledaren.')

  // The current item is Anna's, not the clock's; done, it offers the next one.
  const second = (page: Page) => page.getByTestId('agenda-item').nth(1)
  await second(anna).getByRole('button', { name: /^Nu:/ }).click()
  await expect(second(bo)).toHaveAttribute('aria-current', 'step')
  await expect(bo.getByTestId('agenda-now')).toHaveCount(1)
  await second(anna).getByRole('checkbox', { name: 'Klar' }).check()
  await second(anna).getByRole('button', { name: 'Nästa punkt' }).click()
  await expect(bo.getByTestId('agenda-item').nth(2)).toHaveAttribute('aria-current', 'step')

  // Bo raises his hand: everyone sees it beside his name; Anna lowers all hands.
  await bo.getByRole('button', { name: 'Räck upp handen' }).click()
  const bosHand = anna
    .getByTestId('presence-list')
    .locator('.peer', { hasText: 'Bo Deltagare' })
    .getByTestId('peer-hand')
  await expect(bosHand).toContainText('hand uppe')
  await anna.getByRole('button', { name: 'Ta ner 1 hand' }).click()
  await expect(bosHand).toHaveCount(0)
  await expect(bo.getByRole('button', { name: 'Räck upp handen' })).toHaveAttribute(
    'aria-pressed',
    'false',
  )

  // Anna locks the agenda: Bo sees who locked it, and nothing there can be changed.
  await expect(bo.getByRole('button', { name: 'Lägg till punkt' })).toBeVisible()
  await anna.getByRole('button', { name: 'Lås agendan' }).click()
  await expect(bo.getByTestId('lock-badge')).toContainText(/Låst av Anna Mentor kl\. \d\d\.\d\d/)
  await expect(bo.getByTestId('agenda-title').first()).toHaveAttribute('readonly', '')
  await expect(bo.getByRole('button', { name: 'Lägg till punkt' })).toHaveCount(0)
  await expect(bo.getByRole('button', { name: /^Ta bort:/ })).toHaveCount(0)
  await expect(bo.getByRole('checkbox', { name: 'Klar' }).first()).toBeDisabled()
  await shot(bo, 'participant-agenda-locked')
  await shot(anna, 'facilitator-agenda-locked')
  // Unlocked, Bo may edit again the moment the lock is gone.
  await anna.getByRole('button', { name: 'Lås upp agendan' }).click()
  await expect(bo.getByTestId('agenda-title').first()).not.toHaveAttribute('readonly', '')
  await expect(bo.getByRole('button', { name: 'Lägg till punkt' })).toBeVisible()

  await anna.context().close()
  await bo.context().close()
})

test('a viewer who forces a delete ends with the same board as everyone else', async ({
  browser,
}) => {
  const group = meetingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Anna Mentor')
  await openBoard(anna, /^BM2/, 'pdsa')
  await anna
    .getByRole('button', { name: /^Ny PDSA-plan/ })
    .first()
    .click()
  const planId = await anna.getByTestId('pdsa-card').first().getAttribute('data-plan')
  expect(planId).toBeTruthy()

  const vera = await joinAs(browser, group.invites.viewer, 'Vera Åhörare')
  await exposeLiveDoc(vera)
  await openBoard(vera, /^BM2/, 'pdsa')
  await vera.reload()
  const plan = vera.locator(`[data-plan="${planId}"]`)
  await expect(plan).toBeVisible()
  await expect(vera.getByRole('button', { name: 'Ta bort planen' })).toHaveCount(0)
  await expect(vera.getByRole('button', { name: /^Ny PDSA-plan/ })).toHaveCount(0)
  await expect(vera.getByRole('button', { name: /^Fokus/ })).toHaveCount(0)

  // What the UI will not offer, forced on the document: the plan vanishes on her screen …
  await vera.evaluate((id) => {
    const doc = window.modellrummetDoc
    if (!doc) throw new Error('no test hook')
    doc.getMap('pdsaPlans').delete(id!)
  }, planId)
  // … the relay refuses it, her device throws its copy away and reloads from the room:
  // the plan is back, and she is told why.
  await expect(plan).toBeVisible()
  await expect(vera.getByTestId('refusal-notice')).toHaveText(
    /Ändringen sparades inte: du har läsbehörighet och kan inte ändra tavlan\. Tavlan visar nu det som gäller för alla\./,
  )
  await expect(vera.getByTestId('pdsa-card')).toHaveCount(
    await anna.getByTestId('pdsa-card').count(),
  )
  await expect(anna.locator(`[data-plan="${planId}"]`)).toBeVisible()
  await shot(vera, 'viewer-after-refused-delete')
  // Her local copy holds the plan too: a reload (IndexedDB first) still shows it.
  await vera.reload()
  await expect(plan).toBeVisible()
  await expect(vera.getByTestId('refusal-notice')).toHaveCount(0)

  await anna.context().close()
  await vera.context().close()
})

test('the facilitator runs the meeting by keyboard alone, and the board passes axe', async ({
  browser,
}) => {
  const group = meetingGroup()
  const anna = await joinAs(browser, group.invites.facilitator, 'Axel Tangent')
  await openBoard(anna, /^BM3/, 'matris')
  const focused = anna.locator(':focus')
  /** Tabs forward until the control named `name` has focus (at most 80 stops). */
  const tabTo = async (name: string | RegExp) => {
    for (let i = 0; i < 80; i++) {
      await anna.keyboard.press('Tab')
      const label = await focused.evaluate((el) =>
        (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      )
      if (typeof name === 'string' ? label === name : name.test(label)) return
    }
    throw new Error(`no ${name} within 80 tabs`)
  }
  await anna.locator('h1').click()
  await tabTo('Led mötet')
  await anna.keyboard.press('Enter')
  await expect(focused).toHaveAttribute('aria-pressed', 'true')
  await tabTo('Ta alla hit')
  await tabTo('Lås mötet')
  await anna.keyboard.press('Enter')
  await expect(anna.getByTestId('lock-badge').first()).toContainText('Låst av Axel Tangent')
  await tabTo('Lås matrisen')
  await anna.keyboard.press('Enter')
  await expect(focused).toHaveText('Lås upp matrisen')
  await tabTo('Fokus: Fråga 2')
  await anna.keyboard.press('Space')
  await expect(anna.getByTestId('spotlight')).toContainText('Fråga 2:')
  await shot(anna, 'facilitator-keyboard')

  const results = await new AxeBuilder({ page: anna })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])

  // Everything back as it was: no lock and nobody leading.
  await anna.getByRole('button', { name: 'Lås upp mötet' }).click()
  await anna.getByRole('button', { name: 'Lås upp matrisen' }).click()
  await anna.getByRole('button', { name: 'Led mötet' }).click()
  await anna.context().close()
})
