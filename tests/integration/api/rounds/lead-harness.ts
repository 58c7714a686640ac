import { spawnSync } from 'node:child_process'
import type { RoundLead } from '../../../../shared/rounds-api.ts'
import { json, PUBLIC_URL, type ApiHarness } from '../harness.ts'

/** The admin-invite command as people run it, against the harness's database file. */
export const adminInviteCli = (databaseUrl: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'admin-invite', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  })

/** The token in a printed `…/leda#<token>` link. */
export const tokenOfLink = (output: string): string => {
  const match = new RegExp(`${PUBLIC_URL}/leda#([A-Za-z0-9_-]+)`).exec(output)
  if (!match?.[1]) throw new Error(`no round lead link in: ${output}`)
  return match[1]
}

export interface SignedInLead {
  lead: RoundLead
  /** `mr_lead=…` for a Cookie header. */
  cookie: string
  headers: Record<string, string>
}

/**
 * A round lead signed in through `POST /api/lead/join`, with an invitation made by the
 * service the CLI and the invitations route use (over `cohortId`, or every round).
 */
export async function signInLead(
  api: ApiHarness,
  cohortId: string | null,
  displayName = 'Karin Omgång',
): Promise<SignedInLead> {
  const { token } = await api.services.leads.invite({
    cohortId,
    expiresAt: new Date(Date.now() + 60_000),
    createdBy: null,
  })
  const response = await api.app.request('/api/lead/join', json({ token, displayName }))
  if (response.status !== 200) throw new Error(`lead join: ${response.status}`)
  const body = (await response.json()) as { lead: RoundLead }
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { lead: body.lead, cookie, headers: { cookie } }
}

/** A JSON request with a method and headers (the harness's `json` is a POST). */
export const send = (
  method: 'POST' | 'PATCH' | 'DELETE' | 'GET',
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit => (method === 'GET' ? { method, headers } : { ...json(body, headers), method })
