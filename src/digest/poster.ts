import { renderDigestText } from '../render/plain-text.js'
import type { Platform } from '../store/index.js'
import type { Digest } from './types.js'

/**
 * Posts a digest to a channel of one platform. The Slack and Discord adapters implement it with their
 * `postDigest(channelId, digest)`. `post` rejects when the digest did not reach the channel, with the
 * platform's error (its `code`, or `data.error` for Slack's Web API, is read by `isChannelGone`).
 */
export interface DigestPoster {
  /** The platform whose channels this poster reaches. */
  readonly platform: Platform
  /** Posts the digest in the channel; resolves once it is posted (with anything, e.g. Slack's message ts: ignored). */
  post(channelId: string, digest: Digest): Promise<unknown>
}

/** A poster for the console chat (and tests): writes each digest as plain text to a stream. */
export function consolePoster(output: NodeJS.WritableStream, platform: Platform = 'console'): DigestPoster {
  return {
    platform,
    post(_channelId, digest) {
      return new Promise<void>((resolve, reject) => {
        output.write(`${renderDigestText(digest)}\n`, (error) => (error ? reject(error) : resolve()))
      })
    },
  }
}
