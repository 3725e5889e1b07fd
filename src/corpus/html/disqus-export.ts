import { parseDate } from '../byline.js'
import type { ReaderComment } from '../parts.js'
import { type ReadResult, readError } from '../read-error.js'
import { all, type DomElement, parseHtmlDocument, parseXmlDocument } from './dom.js'

/** One thread of a Disqus export: the comments on one page, by that page's address. */
export interface DisqusThread {
  link: string
  comments: ReaderComment[]
}

/** A page's address as threads and pages are matched by: no scheme, `www.`, query, fragment or final slash. */
export function pageKey(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase()
}

const child = (el: DomElement, tag: string) =>
  Array.from(el.children).find((c) => c.tagName.toLowerCase() === tag.toLowerCase())
const textOf = (el: DomElement, tag: string) => child(el, tag)?.textContent?.trim() ?? ''

/** A post's message (HTML) as paragraphs. */
function paragraphs(html: string): string[] {
  const doc = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`)
  for (const br of all(doc, 'br')) br.replaceWith(' ')
  const blocks = all(doc, 'p, li, blockquote, pre').filter((b) => !b.querySelector('p, li, blockquote, pre'))
  const texts = blocks.length > 0 ? blocks.map((b) => b.textContent ?? '') : [doc.body?.textContent ?? '']
  return texts.filter((t) => t.trim() !== '')
}

/**
 * Reads a Disqus comments export (the XML file Disqus's admin exports: `<thread>`s with their
 * page's `<link>`, `<post>`s with their `<message>`, `<author><name>`, `<createdAt>`, `<thread>`
 * and `<parent>`). Deleted posts are left out; posts Disqus marked as spam are kept as spam.
 */
export function readDisqusExport(file: string, bytes: Uint8Array): ReadResult<DisqusThread[]> {
  const fail = (why: string) => readError(file, 'UNREADABLE', why)
  let root: DomElement | null = null
  try {
    root = parseXmlDocument(new TextDecoder('utf-8').decode(bytes)).documentElement
  } catch (cause) {
    return fail(`not readable XML (${(cause as Error).message}); export the comments from Disqus again.`)
  }
  if (root?.tagName.toLowerCase() !== 'disqus')
    return fail(
      'not a Disqus comments export (an XML file whose root is <disqus>); only those are read of .xml files.',
    )
  const links = new Map<string, string>()
  for (const t of Array.from(root.children).filter((c) => c.tagName.toLowerCase() === 'thread'))
    links.set(t.getAttribute('dsq:id') ?? '', textOf(t, 'link'))
  const posts = new Map<string, { comment: ReaderComment; thread: string; parent: string | null }>()
  for (const p of Array.from(root.children).filter((c) => c.tagName.toLowerCase() === 'post')) {
    if (textOf(p, 'isDeleted') === 'true') continue
    const author = child(p, 'author')
    const comment: ReaderComment = {
      author: (author && textOf(author, 'name')) || null,
      date: parseDate(textOf(p, 'createdAt')) ?? null,
      paragraphs: paragraphs(textOf(p, 'message')),
      replies: [],
    }
    if (textOf(p, 'isSpam') === 'true') comment.spam = true
    posts.set(p.getAttribute('dsq:id') ?? String(posts.size), {
      comment,
      thread: child(p, 'thread')?.getAttribute('dsq:id') ?? '',
      parent: child(p, 'parent')?.getAttribute('dsq:id') ?? null,
    })
  }
  const threads = new Map<string, DisqusThread>()
  for (const post of posts.values()) {
    const parent = post.parent ? posts.get(post.parent) : undefined
    if (parent) {
      parent.comment.replies.push(post.comment)
      continue
    }
    const link = links.get(post.thread)
    if (!link) continue
    const thread = threads.get(link) ?? { link, comments: [] }
    thread.comments.push(post.comment)
    threads.set(link, thread)
  }
  return { ok: true, doc: [...threads.values()] }
}
