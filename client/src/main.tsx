import './zod-config.ts'
import { render } from 'solid-js/web'
import { App } from './app/App.tsx'
import './styles/base.css'
import './styles/layout.css'
import './styles/board.css'
import './styles/facilitation.css'
import './styles/print.css'

const root = document.getElementById('root')
if (root) render(() => <App />, root)
