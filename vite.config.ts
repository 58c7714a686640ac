import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// The client is built into dist/client and served by the Hono server (server/http/static.ts).
// In development `vite` proxies the API and the WebSocket relay to the server on :3000.
export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
})
