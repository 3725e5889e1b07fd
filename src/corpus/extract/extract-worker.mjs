// The asynchronous readers (PDF.js through unpdf, mammoth) run here, in a worker thread, so that
// reading the seeds stays synchronous (see extract.ts). Plain JavaScript: a worker runs without
// the TypeScript loader. It returns what the libraries read, as plain data; the TypeScript
// readers make passages of it. The shapes are declared in raw.ts.
import mammoth from 'mammoth'
import { runAsWorker } from 'synckit'
import { getDocumentProxy } from 'unpdf'

/** @param {Uint8Array} bytes */
async function readPdf(bytes) {
  const pdf = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false })
  try {
    const { info, metadata } = await pdf.getMetadata()
    const pages = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const [x0, y0, x1, y1] = page.view
      const content = await page.getTextContent()
      const items = []
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const [a, b, c, d, x, y] = item.transform
        items.push({
          s: item.str,
          x,
          y,
          w: item.width,
          h: Math.hypot(c, d) || Math.hypot(a, b),
          eol: item.hasEOL,
        })
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items })
      page.cleanup()
    }
    const xmp = metadata && typeof metadata.getAll === 'function' ? metadata.getAll() : {}
    return { info: JSON.parse(JSON.stringify(info ?? {})), xmp: JSON.parse(JSON.stringify(xmp)), pages }
  } finally {
    await pdf.destroy()
  }
}

/** @param {Uint8Array} bytes */
async function readDocx(bytes) {
  const styleMap = [
    "p[style-name='Title'] => h1.title:fresh",
    "p[style-name='Subtitle'] => p.subtitle:fresh",
    'comment-reference => sup',
  ]
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap })
  return { html: result.value }
}

runAsWorker(async (/** @type {'pdf' | 'docx'} */ kind, /** @type {Uint8Array} */ bytes) => {
  try {
    return { ok: true, value: kind === 'pdf' ? await readPdf(bytes) : await readDocx(bytes) }
  } catch (cause) {
    const error = cause instanceof Error ? cause : new Error(String(cause))
    return { ok: false, name: error.name, message: error.message }
  }
})
