import { oneLine } from '../lay-out.js'
import type { ReaderComment } from '../parts.js'
import type { ReadError } from '../types.js'
import { type DisqusThread, pageKey } from './disqus-export.js'

/** A comments export as it was used: how many comment passages it gave the pages it is about. */
export interface CommentExportUse {
  file: string
  passages: number
}

const passagesIn = (comments: readonly ReaderComment[]): number =>
  comments.reduce(
    (n, c) => n + c.paragraphs.filter((p) => oneLine(p) !== '').length + passagesIn(c.replies),
    0,
  )

/** The threads of the comments exports in the seeds folder, handed to the pages they are about. */
export class CommentExports {
  private readonly byPage = new Map<string, { file: string; comments: ReaderComment[] }[]>()
  private readonly used = new Map<string, number>()
  private readonly links = new Map<string, string[]>()

  /** Adds an export's threads. */
  add(file: string, threads: readonly DisqusThread[]): void {
    this.used.set(file, 0)
    this.links.set(
      file,
      threads.map((t) => t.link),
    )
    for (const t of threads) {
      const list = this.byPage.get(pageKey(t.link)) ?? []
      list.push({ file, comments: t.comments })
      this.byPage.set(pageKey(t.link), list)
    }
  }

  /** The comments exported for the page at `url` (none when it has no URL or no thread). */
  take(url: string | undefined): ReaderComment[] {
    if (!url) return []
    const out: ReaderComment[] = []
    for (const { file, comments } of this.byPage.get(pageKey(url)) ?? []) {
      this.used.set(file, (this.used.get(file) ?? 0) + passagesIn(comments))
      out.push(...comments)
    }
    return out
  }

  /** The exports whose comments some page took, with how many passages they gave. */
  uses(): CommentExportUse[] {
    return [...this.used].filter(([, n]) => n > 0).map(([file, passages]) => ({ file, passages }))
  }

  /** One line for each export no page took anything from. */
  unmatched(): ReadError[] {
    return [...this.used]
      .filter(([, n]) => n === 0)
      .map(([file]) => {
        const links = this.links.get(file) ?? []
        const example = links[0] ? ` (e.g. ${links[0]})` : ''
        return {
          file,
          code: 'UNMATCHED' as const,
          message: `seeds/${file}: none of its ${links.length} Disqus threads is about a page in seeds/ (pages are matched by their canonical URL); save the pages they link to${example} as .html in seeds/.`,
        }
      })
  }
}
