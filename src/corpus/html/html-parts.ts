import type { Part } from '../parts.js'
import { all, type DomDocument, type DomElement } from './dom.js'

/**
 * Page furniture, removed before the article is looked for: scripts and forms, navigation,
 * footers, asides, cookie and consent notices, share and follow widgets, related links,
 * newsletter prompts, advertisements. An update or correction box is kept, even in an aside.
 */
const FURNITURE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'button',
  'svg',
  'nav',
  '[role="navigation"]',
  'footer',
  '[role="contentinfo"]',
  'aside',
  '[hidden]',
  '[aria-hidden="true"]',
  ...[
    'cookie',
    'consent',
    'gdpr',
    'share',
    'social',
    'related',
    'newsletter',
    'subscribe',
    'advert',
    'promo',
    'sidebar',
  ].flatMap((word) => [`[class*="${word}"]`, `[id*="${word}"]`]),
  '.ad',
  '.ads',
].join(', ')

/** An author's update or correction, as pages mark it. */
const UPDATE_BOX =
  '.update, .updates, .correction, .corrections, .editors-note, .editor-note, [class*="article-update"], [class*="correction"], [id^="update"], [id*="correction"]'

/** What holds the article: furniture never does (a `div.has-sidebar` that wraps the page is no sidebar). */
const ARTICLE = 'html, body, main, article, h1, [itemprop="articleBody"]'

/**
 * Removes the page's furniture (see FURNITURE), keeping update and correction boxes, and any
 * element that holds the article or most of the page's text (a wrapper whose class says "share").
 */
export function dropFurniture(doc: DomDocument): void {
  const pageText = doc.body?.textContent?.length ?? 0
  for (const el of all(doc, FURNITURE)) {
    if (el.matches(UPDATE_BOX) || el.querySelector(UPDATE_BOX)) continue
    if (el.matches(ARTICLE) || el.querySelector(ARTICLE)) continue
    if ((el.textContent?.length ?? 0) > pageText / 2 && !el.matches('script, style, noscript, template'))
      continue
    el.remove()
  }
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, dt, dd, figcaption, td, th'
const HEADING = /^H[1-6]$/

/**
 * The headings and paragraphs of an article's content, in order. A block that holds other blocks
 * (a list item of paragraphs, a quote of paragraphs) gives way to them; a line break is a space.
 */
export function contentParts(root: DomElement | DomDocument): Part[] {
  for (const br of all(root, 'br')) br.replaceWith(' ')
  const parts: Part[] = []
  for (const el of all(root, BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue
    const text = el.textContent ?? ''
    if (HEADING.test(el.tagName.toUpperCase()) && text.length <= 200) parts.push({ kind: 'heading', text })
    else if (el.closest(UPDATE_BOX)) parts.push({ kind: 'paragraph', text, update: true })
    else parts.push({ kind: 'paragraph', text })
  }
  return parts
}
