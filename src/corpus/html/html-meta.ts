import type { PartsMeta } from '../parts.js'
import { all, type DomDocument } from './dom.js'

// JSON-LD types that describe the page's article (schema.org), best first.
const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BlogPosting',
  'Article',
  'ScholarlyArticle',
  'TechArticle',
  'Report',
  'WebPage',
]

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every object of the page's JSON-LD blocks, `@graph` lists opened. */
function jsonLdObjects(doc: DomDocument): Json[] {
  const out: Json[] = []
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x)
    else if (isObject(v)) {
      out.push(v)
      if ('@graph' in v) visit(v['@graph'])
    }
  }
  for (const script of all(doc, 'script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''))
    } catch {
      // A malformed block says nothing; the page's other metadata still does.
    }
  }
  return out
}

const typesOf = (o: Json): string[] => {
  const t = o['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

/** A name from a JSON-LD value: a string, an object with `name`, or a list of them (joined with "and"). */
function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v)
  if (isObject(v)) return nameOf(v.name)
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => Boolean(n))
    return names.length > 0 ? names.join(' and ') : undefined
  }
  return undefined
}

function clean(v: string | null | undefined): string | undefined {
  const t = v?.replace(/\s+/g, ' ').trim()
  return t ? t : undefined
}

/** A person's name, not a profile URL, without a leading "By". */
function personName(v: string | null | undefined): string | undefined {
  const t = clean(v)?.replace(/^by\s+/i, '')
  return t && !/^https?:\/\//i.test(t) ? t : undefined
}

const urlOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? clean(v) : isObject(v) ? urlOf(v['@id'] ?? v.url) : undefined

/** The content of the first `<meta>` with one of these names or properties. */
function meta(doc: DomDocument, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`)
    const value = clean(el?.getAttribute('content'))
    if (value) return value
  }
  return undefined
}

/** The address a browser noted when it saved the page ("<!-- saved from url=(0042)https://… -->"). */
function savedFrom(doc: DomDocument): string | undefined {
  for (const node of Array.from(doc.childNodes)) {
    const m = node.nodeType === 8 ? /saved from url=\(\d+\)(\S+)/.exec(node.textContent ?? '') : null
    if (m?.[1] && /^https?:/.test(m[1])) return m[1]
  }
  return undefined
}

/**
 * What a page says about itself: JSON-LD (`NewsArticle` and kin) first, then Open Graph and
 * `<meta>` tags, then `<link rel="canonical">` and `<time>`. (The `<title>`, often suffixed with
 * the site's name, is left to Readability.)
 */
export function readHtmlMeta(doc: DomDocument): PartsMeta {
  const ld = jsonLdObjects(doc)
  const article = ARTICLE_TYPES.map((t) => ld.find((o) => typesOf(o).includes(t))).find(Boolean) ?? {}
  const str = (v: unknown) => (typeof v === 'string' ? clean(v) : undefined)
  const out: PartsMeta = {}
  const title =
    str(article.headline) ?? meta(doc, 'og:title', 'twitter:title', 'dc.title', 'DC.title', 'title')
  const author =
    nameOf(article.author) ??
    personName(meta(doc, 'author', 'article:author', 'dc.creator', 'DC.creator', 'byl', 'parsely-author')) ??
    personName(doc.querySelector('[rel="author"], [itemprop="author"]')?.textContent)
  const publisher =
    nameOf(article.publisher) ?? meta(doc, 'og:site_name', 'dc.publisher', 'DC.publisher', 'publisher')
  const date =
    str(article.datePublished) ??
    str(article.dateCreated) ??
    meta(
      doc,
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publishdate',
      'dc.date',
      'DC.date',
      'dc.date.issued',
      'citation_publication_date',
    ) ??
    clean(doc.querySelector('time[pubdate], time[itemprop="datePublished"]')?.getAttribute('datetime'))
  const url =
    clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    meta(doc, 'og:url') ??
    urlOf(article.url) ??
    urlOf(article.mainEntityOfPage) ??
    savedFrom(doc)
  if (title) out.title = title
  if (author) out.author = author
  if (publisher) out.publisher = publisher
  if (date) out.date = date
  if (url && /^https?:\/\//i.test(url)) out.url = url
  return out
}
