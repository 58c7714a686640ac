import { GroupShell } from '../app/GroupShell.tsx'
import { ProjectorView } from './ProjectorView.tsx'

/** `/g/:room/m/:meetingId/visning`: the group's live workspace without its header. */
export function ProjectorRoute() {
  return (
    <GroupShell bare>
      <ProjectorView />
    </GroupShell>
  )
}
