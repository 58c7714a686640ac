import './zod-config.ts'
import { render } from 'solid-js/web'
import { App } from './app/App.tsx'
import { loadCatalogue, storedLocale } from './i18n/context.tsx'
import './styles/base.css'
import './styles/layout.css'
import './styles/board.css'
import './styles/facilitation.css'
import './styles/print.css'

// A group's page: its code (lazy in App.tsx) is fetched while this entry runs, not once the
// router asks for it, so a first visit does not wait one more round trip.
if (location.pathname.startsWith('/g/')) {
  void import('./app/GroupShell.tsx')
  if (location.pathname.includes('/m/')) void import('./board/MeetingBoard.tsx')
  else void import('./pages/GroupHome.tsx')
}

const root = document.getElementById('root')
// A language other than Swedish is loaded first (from the cache after the first visit).
if (root) void loadCatalogue(storedLocale()).then(() => render(() => <App />, root))
