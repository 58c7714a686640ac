import { z } from 'zod/mini'

/**
 * The page's CSP has no 'unsafe-eval'. Without this, zod probes `new Function` when a
 * schema is created (at import) to compile its parsers; each probe is a reported CSP
 * violation, though zod falls back all the same. main.tsx imports this module first, so it
 * runs before any module that defines a schema.
 */
z.config({ jitless: true })
