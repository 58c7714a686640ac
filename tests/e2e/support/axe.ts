import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * The page's serious and critical WCAG 2.1 A/AA violations (only inside `include` when given),
 * one line each naming the rule and the elements, so a failing `toEqual([])` says what broke.
 */
export async function seriousOrWorse(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  const results = await (include ? builder.include(include) : builder).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
