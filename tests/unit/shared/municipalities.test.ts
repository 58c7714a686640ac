import { describe, expect, it } from 'vitest'
import {
  findOfficialOrganisation,
  kommuner,
  officialOrganisations,
  regions,
} from '../../../shared/domain/municipalities.ts'
import {
  foldForSearch,
  searchOfficialOrganisations,
} from '../../../shared/domain/municipality-search.ts'

const place = (code: string) => findOfficialOrganisation(code)?.placeName
const name = (code: string) => findOfficialOrganisation(code)?.name
const codes = (query: string, options?: Parameters<typeof searchOfficialOrganisations>[1]) =>
  searchOfficialOrganisations(query, options).map((organisation) => organisation.code)

describe('the official list of kommuner and regions (SCB)', () => {
  it('has exactly 290 kommuner and 21 regions, each code once and well formed', () => {
    expect(kommuner).toHaveLength(290)
    expect(new Set(kommuner.map((kommun) => kommun.code)).size).toBe(290)
    expect(regions).toHaveLength(21)
    expect(new Set(regions.map((region) => region.code)).size).toBe(21)
    for (const kommun of kommuner) expect(kommun.code).toMatch(/^\d{4}$/)
    for (const region of regions) expect(region.code).toMatch(/^\d{2}$/)
    expect(regions.map((region) => region.code)).toEqual(
      '01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25'.split(' '),
    )
  })

  it('puts every kommun in an existing county, and every county has kommuner', () => {
    const countyCodes = new Set(regions.map((region) => region.code))
    for (const kommun of kommuner) {
      expect(countyCodes.has(kommun.code.slice(0, 2)), kommun.code).toBe(true)
      expect(kommun.countyCode).toBe(kommun.code.slice(0, 2))
    }
    const perCounty = Object.fromEntries(
      regions.map((region) => [
        region.code,
        kommuner.filter((kommun) => kommun.countyCode === region.code).length,
      ]),
    )
    expect(perCounty).toEqual({
      '01': 26,
      '03': 8,
      '04': 9,
      '05': 13,
      '06': 13,
      '07': 8,
      '08': 12,
      '09': 1,
      '10': 5,
      '12': 33,
      '13': 6,
      '14': 49,
      '17': 16,
      '18': 12,
      '19': 10,
      '20': 15,
      '21': 10,
      '22': 7,
      '23': 8,
      '24': 15,
      '25': 14,
    })
  })

  it('has the official codes and names (spot checks)', () => {
    expect(place('0180')).toBe('Stockholm')
    expect(place('1480')).toBe('Göteborg')
    expect(place('1280')).toBe('Malmö')
    expect(place('0380')).toBe('Uppsala')
    expect(place('2584')).toBe('Kiruna')
    expect(place('1980')).toBe('Västerås')
    expect(place('0188')).toBe('Norrtälje')
    expect(place('1984')).toBe('Arboga')
    expect(place('1982')).toBe('Fagersta')
    expect(place('0319')).toBe('Älvkarleby')
    expect(place('2180')).toBe('Gävle')
    expect(place('0331')).toBe('Heby')
    expect(name('01')).toBe('Region Stockholm')
    expect(name('14')).toBe('Västra Götalandsregionen')
    expect(name('12')).toBe('Region Skåne')
    expect(name('25')).toBe('Region Norrbotten')
    expect(place('14')).toBe('Västra Götalands län')
  })

  it('names each kommun as the organisation calls itself', () => {
    expect(name('1882')).toBe('Askersunds kommun')
    expect(name('0380')).toBe('Uppsala kommun')
    expect(name('2183')).toBe('Bollnäs kommun')
    expect(name('2514')).toBe('Kalix kommun')
    expect(name('1441')).toBe('Lerums kommun')
    expect(name('1256')).toBe('Östra Göinge kommun')
    expect(name('0180')).toBe('Stockholms stad')
    expect(name('1480')).toBe('Göteborgs Stad')
    expect(name('2080')).toBe('Falu kommun')
    expect(name('0980')).toBe('Region Gotland')
    expect(new Set(officialOrganisations.map((organisation) => organisation.code)).size).toBe(311)
  })
})

describe('searching the list', () => {
  it('folds case, diacritics, hyphens and spaces', () => {
    expect(foldForSearch('  Upplands-Bro ')).toBe('upplands bro')
    expect(foldForSearch('ÖRNSKÖLDSVIK')).toBe('ornskoldsvik')
  })

  it('finds by name without å, ä, ö and in any case, prefixes first', () => {
    expect(codes('goteborg')).toEqual(['1480'])
    expect(codes('MALMÖ')).toEqual(['1280'])
    expect(codes('malmo')).toEqual(['1280'])
    expect(codes('alvkarleby')).toEqual(['0319'])
    expect(codes('upplands bro')).toEqual(['0139'])
    const stockholm = codes('stockholm')
    expect(stockholm.slice(0, 2).sort()).toEqual(['01', '0180'])
    // Names starting with the query, alphabetically, before any that only hold it.
    expect(codes('karl')).toEqual(['1446', '1082', '1883', '1080', '1780', '0319'])
  })

  it('ranks a name that starts with the query before one that holds it', () => {
    const hits = codes('ede')
    // 'Edet' starts a word of Lilla Edet; Hedemora only holds 'ede'.
    expect(hits.indexOf('1462')).toBeLessThan(hits.indexOf('2083'))
    expect(hits).toContain('2083')
  })

  it('finds by code, exact first, then by prefix', () => {
    expect(codes('1982')).toEqual(['1982'])
    expect(codes('25')[0]).toBe('25')
    expect(codes('25', { limit: 50 })).toHaveLength(15)
    expect(codes('198', { limit: 50 }).sort()).toEqual(['1980', '1981', '1982', '1983', '1984'])
  })

  it('keeps to the kinds asked for, and to the limit', () => {
    expect(codes('skåne', { kinds: ['region'] })).toEqual(['12'])
    expect(codes('skåne', { kinds: ['kommun'] })).toEqual([])
    expect(codes('a', { limit: 7 })).toHaveLength(7)
    expect(codes('')).toEqual([])
    expect(codes('   ')).toEqual([])
    expect(codes('zzzz')).toEqual([])
  })
})
