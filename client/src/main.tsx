import './zod-config.ts'
import { render } from 'solid-js/web'
import { App } from './app/App.tsx'
import { startGroupLoad } from './app/group-load.ts'
import { loadCatalogue, storedLocale } from './i18n/context.tsx'
import './styles/base.css'
import './styles/layout.css'
import './styles/board.css'
import './styles/facilitation.css'
import './styles/print.css'

// A group's page: its session and group are asked for, and its code (lazy in App.tsx) is
// fetched, while this entry runs, not once the router renders it: a first visit does not
// wait one more round trip, nor a returning one the ~100 ms the group's code takes to load.
const groupLoad = startGroupLoad(location.pathname)
if (location.pathname.startsWith('/g/')) {
  void import('./app/GroupShell.tsx')
  if (location.pathname.includes('/m/')) void import('./board/MeetingBoard.tsx')
  else void import('./pages/GroupHome.tsx')
}

const root = document.getElementById('root')
// A language other than Swedish is loaded first (from the cache after the first visit).
if (root)
  void loadCatalogue(storedLocale()).then(() => render(() => <App groupLoad={groupLoad} />, root))
