import { parseDate } from '../byline.js'
import type { ReaderComment } from '../parts.js'
import { all, type DomDocument, type DomElement } from './dom.js'

/** Where a page keeps its comments: WordPress, Disqus and the common ids and classes. */
const CONTAINERS = [
  '#comments',
  '.comments',
  '.commentlist',
  '.comment-list',
  '.comments-area',
  '.comments-section',
  '.comment-section',
  '#disqus_thread',
  '#post-list',
  '.post-list',
  'section[aria-label="Comments"]',
  '[data-component="comments"]',
].join(', ')

/** One comment: WordPress's `li.comment`, Disqus's `li.post`, schema.org's Comment, or an `<article>`. */
const ITEMS = [
  'li.comment',
  'li[id^="comment-"]',
  'li.post',
  '.comment',
  '[itemtype*="schema.org/Comment"]',
  '[itemprop="comment"]',
  'article',
].join(', ')

/** Its writer's name, most specific first (WordPress's `.fn`, Disqus's `.author`, microdata). */
const AUTHOR = [
  '.comment-author .fn',
  '.fn',
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '.comment-author',
  '.author',
  '.username',
  '.user-name',
  '.commenter',
  '.byline',
  'cite',
].join(', ')

/** Its text, most specific first. */
const BODY = [
  '.comment-content',
  '.post-message',
  '[itemprop="text"]',
  '[itemprop="commentText"]',
  '.comment-text',
  '.comment-body',
  '.message',
  '.content',
  '.text',
  '.body',
]

/** Parts of a comment that are not its text: who, when, the reply link. */
const META =
  'header, footer, time, .comment-meta, .comment-metadata, .commentmetadata, .comment-author, .author, .says, .reply, .comment-reply-link, .post-meta, .comment-awaiting-moderation, .vcard, cite'

const PARAGRAPHS = 'p, li, blockquote, pre'

/**
 * The reader comments of a page, nested as replies, with their writers and days. The comment
 * sections are removed from the document, so that what remains is the article and its furniture.
 */
export function takeHtmlComments(doc: DomDocument): ReaderComment[] {
  const containers = all(doc, CONTAINERS).filter((c) => !c.matches('body, main, html'))
  const outer = containers.filter((c) => !containers.some((o) => o !== c && o.contains(c)))
  const out: ReaderComment[] = []
  for (const container of outer) {
    out.push(...commentsIn(container))
    container.remove()
  }
  return out
}

function commentsIn(container: DomElement): ReaderComment[] {
  const marked = all(container, ITEMS)
  const firstIn = (el: DomElement) => marked.find((i) => i !== el && el.contains(i))
  // A comment is one element even where its markup nests two (WordPress's `li.comment` holding an
  // `article.comment-body`, `<li><article>` lists): the list item stands for it, so that the
  // replies listed beside the article in that item are inside it.
  const lifted = marked.map((el) => {
    const li = el.parentElement
    const wraps = el.tagName !== 'LI' && li?.tagName === 'LI' && container.contains(li) && firstIn(li) === el
    return wraps && li ? li : el
  })
  const items = new Set(lifted)
  for (const el of [...items]) {
    const parent = nearest(el, items, container)
    // (A list item inside a comment's list item is a reply, not the comment's own markup.)
    if (el.tagName !== 'LI' && parent?.tagName === 'LI' && firstIn(parent) === el) items.delete(el)
  }
  const found = new Map<DomElement, ReaderComment>()
  for (const el of items) {
    const owns = (x: DomElement) => !items.has(x) && nearest(x, items, container) === el
    const author = authorOf(el, owns)
    const date = dateOf(el, owns)
    // An `<article>` counts as a comment when it names a writer or a time, as comment markup does.
    if (el.matches('article') && author === null && date === null) continue
    found.set(el, { author, date, paragraphs: bodyOf(el, owns), replies: [] })
  }
  const roots: ReaderComment[] = []
  for (const [el, comment] of found) {
    const parent = nearest(el, new Set(found.keys()), container)
    const into = parent ? found.get(parent) : undefined
    if (into) into.replies.push(comment)
    else roots.push(comment)
  }
  return roots
}

/** The comment element nearest above `x` (not `x` itself), within the container. */
function nearest(x: DomElement, items: ReadonlySet<DomElement>, container: DomElement): DomElement | null {
  for (let at = x.parentElement; at && at !== container; at = at.parentElement) if (items.has(at)) return at
  return null
}

function authorOf(el: DomElement, owns: (x: DomElement) => boolean): string | null {
  const name = all(el, AUTHOR).find(owns)?.textContent
  const t = name
    ?.replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+says:?$/i, '')
  return t && t.length <= 80 ? t : null
}

const DATED =
  'a.time-ago, .comment-date, .comment-metadata, .commentmetadata, .comment-meta, .post-meta, .date'

function dateOf(el: DomElement, owns: (x: DomElement) => boolean): string | null {
  for (const time of all(el, 'time').filter(owns)) {
    const d = parseDate(time.getAttribute('datetime') ?? '') ?? parseDate(time.textContent ?? '')
    if (d) return d
  }
  for (const x of all(el, DATED).filter(owns)) {
    const d = parseDate(x.getAttribute('title') ?? '') ?? parseDate(x.textContent ?? '')
    if (d) return d
  }
  return null
}

/** Within `within`, whether `x` is part of a comment's furniture (who, when, the reply link). */
function inMeta(x: DomElement, within: DomElement): boolean {
  for (let at: DomElement | null = x; at && at !== within; at = at.parentElement)
    if (at.matches(META)) return true
  return false
}

function bodyOf(el: DomElement, owns: (x: DomElement) => boolean): string[] {
  const body =
    BODY.map((selector) => all(el, selector).find((x) => owns(x) && !inMeta(x, el))).find(Boolean) ?? el
  const blocks = all(body, PARAGRAPHS).filter(
    (p) => owns(p) && !inMeta(p, body) && all(p, PARAGRAPHS).length === 0,
  )
  if (blocks.length > 0) return blocks.map((p) => p.textContent ?? '')
  return body === el ? [] : [body.textContent ?? '']
}
