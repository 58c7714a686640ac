import { Route, Router } from '@solidjs/router'
import { lazy, untrack, type JSX } from 'solid-js'
import { I18nProvider } from '../i18n/context.tsx'
import { Landing } from '../pages/Landing.tsx'
import { JoinPage } from '../pages/JoinPage.tsx'
import { GroupLoadContext, type GroupLoadHandoff } from './group-load.ts'

// The group's pages (and with them Yjs, the relay's client and the workspace's schemas) are
// loaded when a group is opened: the landing and the join page do not need them, and they
// were most of the initial JS (ARCHITECTURE.md, "Client performance"). main.tsx starts
// loading them at once on a group's URL.
const GroupShell = lazy(() => import('./GroupShell.tsx').then((m) => ({ default: m.GroupShell })))
const GroupHome = lazy(() =>
  import('../pages/GroupHome.tsx').then((m) => ({ default: m.GroupHome })),
)

const MeetingBoard = lazy(() =>
  import('../board/MeetingBoard.tsx').then((m) => ({ default: m.MeetingBoard })),
)

const MembersPage = lazy(() =>
  import('../pages/MembersPage.tsx').then((m) => ({ default: m.MembersPage })),
)

const ResultsPage = lazy(() =>
  import('../results/ResultsPage.tsx').then((m) => ({ default: m.ResultsPage })),
)

// The round lead's pages (client/src/rounds), each loaded when first opened.
const leadPage = <K extends string>(load: () => Promise<Record<K, () => JSX.Element>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })))
const LeadJoinPage = leadPage(() => import('../rounds/LeadJoinPage.tsx'), 'LeadJoinPage')
const RoundsPage = leadPage(() => import('../rounds/RoundsPage.tsx'), 'RoundsPage')
const RoundFormPage = leadPage(() => import('../rounds/RoundFormPage.tsx'), 'RoundFormPage')
const RoundPage = leadPage(() => import('../rounds/RoundPage.tsx'), 'RoundPage')
const GroupFormPage = leadPage(() => import('../rounds/GroupFormPage.tsx'), 'GroupFormPage')
const CopyRoundPage = leadPage(() => import('../rounds/CopyRoundPage.tsx'), 'CopyRoundPage')
const AuditPage = leadPage(() => import('../privacy/AuditPage.tsx'), 'AuditPage')
const PersonPage = leadPage(() => import('../privacy/PersonPage.tsx'), 'PersonPage')
const RoundOverviewPage = leadPage(
  () => import('../overview/RoundOverviewPage.tsx'),
  'RoundOverviewPage',
)
const GroupRoundOverviewPage = lazy(() =>
  import('../overview/GroupRoundOverviewPage.tsx').then((m) => ({
    default: m.GroupRoundOverviewPage,
  })),
)

const HistoryPage = lazy(() =>
  import('../history/HistoryPage.tsx').then((m) => ({ default: m.HistoryPage })),
)

const ProjectorRoute = lazy(() =>
  import('../projector/ProjectorRoute.tsx').then((m) => ({ default: m.ProjectorRoute })),
)

/**
 * Routes: / (landing), /join#<token>, /g/:room (group home), /g/:room/m/:meetingId (board),
 * /g/:room/m/:meetingId/visning (the projector view, without the group's header),
 * /g/:room/medlemmar (members and invitations, for facilitators), /g/:room/resultat (results).
 */
export function App(props: { groupLoad?: GroupLoadHandoff }) {
  // One handoff for the page's life (main.tsx makes it before the first render).
  const groupLoad = untrack(() => props.groupLoad)
  return (
    <GroupLoadContext.Provider value={groupLoad}>
      <Router root={I18nProvider}>
        <Route path="/" component={Landing} />
        <Route path="/join" component={JoinPage} />
        <Route path="/leda" component={LeadJoinPage} />
        <Route path="/omgang" component={RoundsPage} />
        <Route path="/omgang/ny" component={RoundFormPage} />
        <Route path="/omgang/:cohortId" component={RoundPage} />
        <Route path="/omgang/:cohortId/redigera" component={RoundFormPage} />
        <Route path="/omgang/:cohortId/kopiera" component={CopyRoundPage} />
        <Route path="/omgang/:cohortId/ny-grupp" component={GroupFormPage} />
        <Route path="/omgang/:cohortId/grupp/:groupId" component={GroupFormPage} />
        <Route path="/omgang/:cohortId/logg" component={AuditPage} />
        <Route path="/omgang/:cohortId/oversikt" component={RoundOverviewPage} />
        <Route path="/omgang/:cohortId/person/:participantId" component={PersonPage} />
        <Route path="/g/:room/m/:meetingId/visning" component={ProjectorRoute} />
        <Route path="/g/:room" component={GroupShell}>
          <Route path="/" component={GroupHome} />
          <Route path="/m/:meetingId" component={MeetingBoard} />
          <Route path="/medlemmar" component={MembersPage} />
          <Route path="/resultat" component={ResultsPage} />
          <Route path="/historik" component={HistoryPage} />
          <Route path="/omgang" component={GroupRoundOverviewPage} />
        </Route>
        <Route path="*" component={Landing} />
      </Router>
    </GroupLoadContext.Provider>
  )
}
