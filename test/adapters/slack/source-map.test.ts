import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sourceMapOf } from '../../../src/chat/sources.js'
import { sourceMapImage } from '../../../src/render/source-map-png.js'
import {
  appMentionEvent,
  FAKE_IDS,
  type FakeSlack,
  nextTs,
  slashCommand,
  startFakeSlack,
} from '../../fakes/slack.js'
import { seedEngine } from '../../helpers/built.js'
import { pngSize } from '../../helpers/png.js'
import { type Harness, shown, startBot } from './harness.js'

let fake: FakeSlack
let h: Harness | undefined

beforeEach(async () => {
  fake = await startFakeSlack()
  h = await startBot(fake, { mode: 'socket' })
})

afterEach(async () => {
  await h?.stop()
  await fake.close()
})

const expected = () => sourceMapImage(sourceMapOf(seedEngine().kb))

describe('the map of the sources on Slack', () => {
  it('uploads the map into the thread of a “/sources” mention, after the list, through Slack’s upload flow', async () => {
    const ts = nextTs()
    await fake.sendEnvelope('events_api', appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> /sources`, ts }))
    const list = await fake.waitForCall('chat.postMessage')
    expect(shown(list.body)).toMatch(/I quote from 5 sources/)
    const done = await fake.waitForCall('files.completeUploadExternal', (c) => c.ok)
    expect(done.body.channel_id).toBe(FAKE_IDS.channelId)
    expect(done.body.thread_ts).toBe(ts)
    const asked = fake.callsTo('files.getUploadURLExternal')[0]
    expect(asked?.body.filename).toBe('sources-map.png')
    expect(fake.calls.indexOf(list)).toBeLessThan(fake.calls.indexOf(asked as NonNullable<typeof asked>))
    const file = fake.uploads.files[0]
    expect(file?.completed).toMatchObject({ channel: FAKE_IDS.channelId, threadTs: ts })
    const size = pngSize(file?.bytes ?? new Uint8Array())
    const image = expected()
    expect(size).toEqual({ width: image.pngWidth, height: image.pngHeight })
    expect(file?.bytes?.equals(image.png)).toBe(true)
  })

  it('shows the map in the private /sources reply as an image of a file kept private', async () => {
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope('slash_commands', slashCommand({ command: '/sources', text: '', responseUrl }))
    const reply = await fake.waitForResponse()
    expect(reply.body.response_type).toBe('ephemeral')
    const file = fake.uploads.files[0]
    expect(file?.completed).toMatchObject({ channel: null })
    const blocks = reply.body.blocks as { type: string; slack_file?: { id: string }; alt_text?: string }[]
    const image = blocks.find((b) => b.type === 'image')
    expect(image?.slack_file?.id).toBe(file?.id)
    expect(image?.alt_text).toMatch(/Map of the sources/)
    expect(pngSize(file?.bytes ?? new Uint8Array()).width).toBe(expected().pngWidth)
  })

  it('still answers the list when Slack refuses the upload, and logs Slack’s error code', async () => {
    fake.failNext('files.getUploadURLExternal', { error: 'not_allowed' })
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope('slash_commands', slashCommand({ command: '/sources', text: '', responseUrl }))
    const reply = await fake.waitForResponse()
    expect(shown(reply.body)).toMatch(/I quote from 5 sources/)
    expect((reply.body.blocks as { type: string }[]).some((b) => b.type === 'image')).toBe(false)
    expect(
      h?.logs.some(
        (l) => l.msg === 'could not upload the map of the sources' && l.slackError === 'not_allowed',
      ),
    ).toBe(true)
  })
})
