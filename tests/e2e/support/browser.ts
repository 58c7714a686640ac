import type { LaunchOptions } from '@playwright/test'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/**
 * Playwright's own browser where it is installed, else Debian's Chromium (Playwright's
 * download is not reachable on our machines). The flags keep Chromium from calling home
 * on a closed network and let it run as root in CI.
 */
export function chromiumLaunchOptions(exists: (path: string) => boolean): LaunchOptions {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ]
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
    return { executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, args }
  }
  return exists(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM, args } : { args }
}
