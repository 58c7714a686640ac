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
    // The GPU process's (software) work on a thread of the browser's own: the e2e run keeps
    // both cores busy, and three specs took 104 s instead of 111 (two alternating pairs).
    '--in-process-gpu',
  ]
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
    return { executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, args }
  }
  return exists(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM, args } : { args }
}
