import { describe, expect, it } from 'vitest'
import { addDays, localDateOf, localTimeOf, startOfLocalDay } from '../../src/digest/local-time.js'

describe('local days and times', () => {
  it('finds the first instant of a local day, on daylight-saving days too', () => {
    expect(startOfLocalDay('2024-03-10', 'America/New_York').toISOString()).toBe('2024-03-10T05:00:00.000Z')
    expect(startOfLocalDay('2024-03-11', 'America/New_York').toISOString()).toBe('2024-03-11T04:00:00.000Z')
    expect(startOfLocalDay('2024-11-03', 'America/New_York').toISOString()).toBe('2024-11-03T04:00:00.000Z')
    expect(startOfLocalDay('2024-05-01', 'Asia/Kathmandu').toISOString()).toBe('2024-04-30T18:15:00.000Z')
  })

  it('starts a day whose midnight daylight saving skips at the first instant after the gap', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    const start = startOfLocalDay('2024-09-08', 'America/Santiago')
    expect(start.toISOString()).toBe('2024-09-08T04:00:00.000Z')
    expect(localTimeOf(start, 'America/Santiago')).toBe('01:00')
  })

  it('reads an instant as a local date and time', () => {
    const at = new Date('2024-04-30T15:30:00Z')
    expect([localDateOf(at, 'Asia/Tokyo'), localTimeOf(at, 'Asia/Tokyo')]).toEqual(['2024-05-01', '00:30'])
    expect([localDateOf(at, 'UTC'), localTimeOf(at, 'UTC')]).toEqual(['2024-04-30', '15:30'])
  })

  it('adds days across months and years', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
  })
})
