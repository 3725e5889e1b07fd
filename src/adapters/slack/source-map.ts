import type { webApi } from '@slack/bolt'
import { sourceMapImage } from '../../render/source-map-png.js'
import type { SourceMapData } from '../../render/source-map-svg.js'
import type { SlackDeps } from './deps.js'
import { slackErrorCode } from './errors.js'
import type { Place } from './post.js'

/** The map's file name and its description for screen readers. */
export const MAP_FILE = 'sources-map.png'
export const MAP_ALT =
  'Map of the sources: a box per source with its date and author, an arrow for each source another draws on; works outside the corpus dimmed.'

/**
 * Uploads the map of the sources with Slack's file upload flow (files.getUploadURLExternal, the bytes to
 * the upload URL, files.completeUploadExternal): shared in `place` (a channel, in its thread when set), or
 * kept private to the bot when `place` is null (for an image block of a private reply). Returns the file's id,
 * or null when Slack refused (logged with Slack's error code; the list was already answered).
 */
export async function uploadSourceMap(
  deps: Pick<SlackDeps, 'log'>,
  client: webApi.WebClient,
  map: SourceMapData,
  place: Place | null,
): Promise<string | null> {
  const image = sourceMapImage(map)
  const where =
    place === null
      ? {}
      : { channel_id: place.channel, ...(place.threadTs === undefined ? {} : { thread_ts: place.threadTs }) }
  try {
    const res = await client.filesUploadV2({
      ...where,
      file: image.png,
      filename: MAP_FILE,
      title: 'Which sources draw on which',
      alt_text: MAP_ALT,
    })
    const completed = (res.files as { files?: { id?: string }[] }[] | undefined)?.[0]?.files?.[0]
    return completed?.id ?? null
  } catch (error) {
    deps.log.error(
      { slackError: slackErrorCode(error), method: 'files.uploadV2', channel: place?.channel },
      'could not upload the map of the sources',
    )
    return null
  }
}

/** An image block showing an uploaded file (the map, in a private reply). */
export function mapImageBlock(fileId: string) {
  return { type: 'image' as const, slack_file: { id: fileId }, alt_text: MAP_ALT }
}
