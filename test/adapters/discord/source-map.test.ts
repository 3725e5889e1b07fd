import type { APIEmbed } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { sourceMapOf } from '../../../src/chat/sources.js'
import { sourceMapImage } from '../../../src/render/source-map-png.js'
import { pngSize } from '../../helpers/png.js'
import { checkAndClose, type Running, seedEngine, startBot } from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

const expected = () => sourceMapImage(sourceMapOf(seedEngine().kb))

describe('the map of the sources on Discord', () => {
  it('attaches the map (a PNG, multipart) to the private /sources list and shows it in an embed', async () => {
    running = await startBot()
    const { fake } = running
    const { id } = fake.interactionCreate({ type: 'command', name: 'sources' })
    const callback = await fake.waitForRequest('POST', new RegExp(`^/interactions/${id}/`))
    const body = callback.body as { data: { flags: number; embeds: APIEmbed[]; attachments?: unknown[] } }
    expect(body.data.flags).toBe(64)
    const file = callback.files[0]
    expect(file?.name).toBe('sources-map.png')
    const image = expected()
    expect(pngSize(file?.bytes ?? Buffer.alloc(0))).toEqual({
      width: image.pngWidth,
      height: image.pngHeight,
    })
    expect(file?.bytes.equals(image.png)).toBe(true)
    const shown = body.data.embeds.find((e) => e.image?.url === 'attachment://sources-map.png')
    expect(shown?.title).toBe('Which sources draw on which')
    expect(body.data.embeds[0]?.title).toBe('Sources I quote from (5)')
  })

  it('attaches the map to its reply to a mention asking for /sources', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} /sources` })
    const post = await fake.waitFor(
      (q) =>
        q.method === 'POST' &&
        (q.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
          asked.id,
    )
    expect(post.files.map((f) => f.name)).toEqual(['sources-map.png'])
    expect(pngSize(post.files[0]?.bytes ?? Buffer.alloc(0)).width).toBe(expected().pngWidth)
    expect(post.body).toMatchObject({ allowed_mentions: { parse: [] } })
  })
})
