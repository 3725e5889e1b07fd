import { DOMParser, parseHTML } from 'linkedom'

// The project compiles without the DOM library types (it runs on Node): the little of the DOM
// that the readers use is typed here, and linkedom's documents are read through it.

/** An element, as the HTML and Word readers use it. */
export interface DomElement {
  readonly tagName: string
  readonly textContent: string | null
  readonly parentElement: DomElement | null
  readonly children: ArrayLike<DomElement>
  innerHTML: string
  getAttribute(name: string): string | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
  closest(selectors: string): DomElement | null
  matches(selectors: string): boolean
  contains(other: DomElement): boolean
  remove(): void
  replaceWith(...nodes: (DomElement | string)[]): void
}

/** A parsed document. */
export interface DomDocument {
  readonly documentElement: DomElement | null
  readonly body: DomElement | null
  readonly head: DomElement | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
  /** The document's top-level nodes (a comment before `<html>` is one). */
  readonly childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>
  cloneNode(deep: boolean): DomDocument
}

/** Parses an HTML page. */
export function parseHtmlDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument
}

/** Parses an XML part (of a Word file). */
export function parseXmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument
}

/** The elements matching `selectors` under `root`, as an array in document order. */
export function all(root: DomElement | DomDocument, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors))
}
