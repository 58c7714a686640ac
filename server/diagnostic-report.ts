/** `excludeNetwork`: Node ≥ 20.13 (`--report-exclude-network`); @types/node 20 lacks it. */
export type ReportSettings = NodeJS.ProcessReport & { excludeNetwork: boolean }

/**
 * Node's diagnostic report names both ends of every open socket by a reverse DNS lookup,
 * synchronously, on the main thread (nodejs/node#55576), unless network information is
 * excluded. libSQL's loader asks for a report to tell glibc from musl, and a restart loads
 * it while the early server holds its members' reconnecting sockets: with 2,000 of them a
 * report took 73–88 ms here, 28–29 ms without network information, and with addresses
 * whose lookup goes to a slow resolver each socket can cost seconds. Nothing of ours reads
 * a report's network part. Called first thing in the process entry.
 */
export function excludeNetworkFromReports(): void {
  const settings = process.report as ReportSettings
  settings.excludeNetwork = true
}
