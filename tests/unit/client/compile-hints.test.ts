import { describe, expect, it } from 'vitest'
import { COMPILE_HINT, hintChunk } from '../../../client/compile-hints.ts'

const built = () => {
  const chunk = {
    fileName: 'assets/board-abc.js',
    code: 'import{a}from"./x.js";a()',
    map: { mappings: ';AAAA,CAAC' },
  }
  const bundle = {
    'assets/board-abc.js': { type: 'chunk' as const },
    'assets/board-abc.js.map': {
      type: 'asset' as const,
      source: JSON.stringify({ version: 3, mappings: ';AAAA,CAAC' }),
    },
  }
  return { chunk, bundle }
}

describe('the compile hint of a built chunk', () => {
  it('is the first line, and the source map skips that line', () => {
    const { chunk, bundle } = built()
    hintChunk(chunk, bundle)
    expect(chunk.code.split('\n')).toEqual([COMPILE_HINT, 'import{a}from"./x.js";a()'])
    expect(chunk.map.mappings).toBe(';;AAAA,CAAC')
    const written = bundle['assets/board-abc.js.map'].source
    expect(JSON.parse(written)).toEqual({ version: 3, mappings: ';;AAAA,CAAC' })
  })

  it('is added once, however often the bundle is written', () => {
    const { chunk, bundle } = built()
    hintChunk(chunk, bundle)
    hintChunk(chunk, bundle)
    expect(chunk.code.match(/allFunctionsCalledOnLoad/g)).toHaveLength(1)
    expect(chunk.map.mappings).toBe(';;AAAA,CAAC')
  })
})
