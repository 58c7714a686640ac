import type { Rolldown } from 'vite'

/**
 * How the build splits the group's lazy code (vite.config.ts): into three chunks instead
 * of the ~20 small ones the automatic split made, each of which a returning visit read from
 * the HTTP cache and ran one by one before the board could render (ARCHITECTURE.md "Client
 * performance", bench:client):
 * - `group`: what `GroupShell` needs (Yjs, the relay's client, the workspace's schemas);
 * - `board`: what the meeting's board needs beyond it (`MeetingBoard`);
 * - `common`: what of those the round lead's pages (`/omgang…`, `/leda`) share, so those
 *   pages still load no Yjs.
 * What the entry imports stays in the entry (the initial JS does not grow); every other lazy
 * part (the group's other pages, the results' chart, English) keeps its own chunk.
 */
export function groupChunks(clientSource: string) {
  const entry = `${clientSource}/main.tsx`
  const app = `${clientSource}/app/App.tsx`
  const shell = `${clientSource}/app/GroupShell.tsx`
  const board = `${clientSource}/board/MeetingBoard.tsx`
  // A page that reads the group's context renders inside GroupShell: it is a group's page.
  const groupContext = `${clientSource}/app/group-context.tsx`

  const staticClosure = (roots: string[], ctx: Rolldown.ChunkingContext): Set<string> => {
    const seen = new Set<string>()
    const next = [...roots]
    for (let id = next.pop(); id !== undefined; id = next.pop()) {
      if (seen.has(id)) continue
      seen.add(id)
      next.push(...(ctx.getModuleInfo(id)?.importedIds ?? []))
    }
    return seen
  }

  const plan = (ctx: Rolldown.ChunkingContext): Map<string, string> => {
    const initial = staticClosure([entry], ctx)
    const lazyPages = ctx.getModuleInfo(app)?.dynamicallyImportedIds ?? []
    const notGroupPages = lazyPages.filter((id) => !staticClosure([id], ctx).has(groupContext))
    const sharedWithOthers = staticClosure(notGroupPages, ctx)
    const chunks = new Map<string, string>()
    const assign = (ids: Set<string>, name: string) => {
      for (const id of ids)
        if (!initial.has(id)) chunks.set(id, sharedWithOthers.has(id) ? 'common' : name)
    }
    assign(staticClosure([board], ctx), 'board')
    assign(staticClosure([shell], ctx), 'group') // after the board: the shell's part wins
    return chunks
  }

  let chunks: Map<string, string> | undefined
  return {
    /** Rolldown's `codeSplitting` group name: the chunk of a module, or null (automatic). */
    name(id: string, ctx: Rolldown.ChunkingContext): string | null {
      chunks ??= plan(ctx)
      return chunks.get(id) ?? null
    },
  }
}
