import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { readGroupResults } from '../../../shared/results/group.ts'
import { useGroup } from '../app/group-context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/**
 * The group's results, live: read again from the shared Y.Doc on every change, so a score
 * entered on the board shows here at once. Only benchmarking organisations score.
 */
export function createGroupResults() {
  const group = useGroup()
  const version = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019')
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')
  const results = createYSnapshot(group.doc, () =>
    readGroupResults(group.doc, {
      version: version(),
      organisationIds: organisations().map((org) => org.id),
      meetings: group.group()?.meetings ?? [],
    }),
  )
  return { version, organisations, results }
}
