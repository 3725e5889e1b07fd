import { describe, expect, it } from 'vitest'
import { parseDigestArgs, parseTime } from '../../src/digest/args.js'

const defaults = { timeZone: 'Europe/Paris' }

describe('/digest arguments', () => {
  it('subscribes at 09:00 in the default zone with no time or zone', () => {
    expect(parseDigestArgs('subscribe', defaults)).toEqual({
      kind: 'subscribe',
      time: '09:00',
      timeZone: 'Europe/Paris',
    })
  })

  it('defaults to the server’s time zone', () => {
    expect(parseDigestArgs('subscribe 10:00')).toEqual({
      kind: 'subscribe',
      time: '10:00',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    })
  })

  it.each([
    ['9:30', '09:30'],
    ['09:30', '09:30'],
    ['21:00', '21:00'],
    ['0:05', '00:05'],
    ['9am', '09:00'],
    ['9:30pm', '21:30'],
    ['9:30 PM', '21:30'],
    ['9:30_pm', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['9h30', '09:30'],
  ])('reads the time %s as %s', (written, time) => {
    expect(parseDigestArgs(`subscribe ${written} UTC`, defaults)).toEqual({
      kind: 'subscribe',
      time,
      timeZone: 'UTC',
    })
  })

  it('takes the zone before or after the time, in any case, with spaces for underscores', () => {
    expect(parseDigestArgs('SUBSCRIBE america/new_york 8:15', defaults)).toEqual({
      kind: 'subscribe',
      time: '08:15',
      timeZone: 'America/New_York',
    })
    expect(parseDigestArgs('subscribe 8:15 America/New York', defaults)).toMatchObject({
      timeZone: 'America/New_York',
    })
    expect(parseDigestArgs('subscribe Asia/Tokyo', defaults)).toEqual({
      kind: 'subscribe',
      time: '09:00',
      timeZone: 'Asia/Tokyo',
    })
  })

  it.each([
    ['subscribe 25:00', 'is not a time'],
    ['subscribe 9:60', 'is not a time'],
    ['subscribe 13pm', 'is not a time'],
    ['subscribe 9', 'is not a time'],
    ['subscribe 9:00 10:00', 'one time'],
    ['subscribe 9:00 Mars/Olympus_Mons', 'not a time zone'],
    ['subscribe 9:00 Europe/Paris extra', 'not a time zone'],
    ['subscribe tomorrow', 'not a time zone'],
    ['status now', 'takes no arguments'],
    ['weekly', 'I don’t know /digest weekly'],
  ])('gives usage for %j', (args, why) => {
    const parsed = parseDigestArgs(args, defaults)
    expect(parsed.kind).toBe('usage')
    if (parsed.kind === 'usage') {
      expect(parsed.message).toContain(why)
      expect(parsed.message).toContain('Usage: /digest subscribe [HH:MM] [time zone]')
    }
  })

  it('reads unsubscribe, status and now, and gives usage for nothing', () => {
    expect(parseDigestArgs(' unsubscribe ')).toEqual({ kind: 'unsubscribe' })
    expect(parseDigestArgs('Status')).toEqual({ kind: 'status' })
    expect(parseDigestArgs('now')).toEqual({ kind: 'now' })
    expect(parseDigestArgs('').kind).toBe('usage')
  })

  it('refuses times that are not times', () => {
    for (const bad of ['24:00', '7', '7:5', 'noon', '0am', '13am', '9a'])
      expect(parseTime(bad), bad).toBeNull()
  })
})
