import { describe, expect, it } from 'vitest'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import type { Document } from '../../src/corpus/types.js'
import { passageHolding, seedsWith } from '../helpers/documents.js'

// A news page as a browser saves it: site furniture, JSON-LD and Open Graph metadata, a byline,
// an update box, and a WordPress comment section with a reply.
const PAGE = `<!DOCTYPE html>
<!-- saved from url=(0035)https://example.org/2019/rongcheng/ -->
<html><head><meta charset="utf-8"><title>Scores in Rongcheng | Example Weekly</title>
<meta property="og:site_name" content="Example Weekly">
<meta property="og:title" content="Scores in Rongcheng">
<link rel="canonical" href="https://example.org/2019/rongcheng/">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Weekly"},
{"@type":"NewsArticle","headline":"Scores in Rongcheng","author":[{"@type":"Person","name":"Jane Doe"}],
"datePublished":"2019-03-04T10:00:00+08:00","publisher":{"@type":"Organization","name":"Example Weekly"}}]}</script>
</head><body>
<header class="site-header"><a href="/">Example Weekly</a><nav><a href="/world">World</a> <a href="/tech">Tech</a></nav></header>
<div id="cookie-banner">We use cookies to improve your experience on our site. <button>Accept all cookies</button></div>
<main><article class="post">
<h1>Scores in Rongcheng</h1>
<p class="byline">By Jane Doe</p>
<div class="share-buttons"><a>Share on Facebook</a> <a>Tweet this</a></div>
<p>Rongcheng gives every resident 1,000 points at the start of the year, and the city deducts points for traffic
violations and for unpaid bills. Residents can earn points back by volunteering at the library.</p>
<p>Officials say the system is voluntary for most people, though some employers check the scores before hiring,
which critics say makes it compulsory in practice.</p>
<h2>What residents say</h2>
<p>A shopkeeper told us that nobody on her street had lost points in two years,<br>and that she had never been
asked for her score &amp; had never heard of anyone who was.</p>
<div class="update"><p><strong>Update (March 6):</strong> The city told us the points are reset every year, not
every two years as we first wrote.</p></div>
<aside class="related-posts"><h3>Related stories</h3><ul><li><a href="/x">How Suining scores its residents</a></li></ul></aside>
</article>
<section id="comments" class="comments-area">
<h2 class="comments-title">3 thoughts on “Scores in Rongcheng”</h2>
<ol class="comment-list">
<li id="comment-11" class="comment even thread-even depth-1 parent">
<article id="div-comment-11" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Li Wei</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-11"><time datetime="2019-03-05T09:12:00+08:00">March 5, 2019 at 9:12 am</time></a></div></footer>
<div class="comment-content"><p>This is nonsense, the points are not reset every two years.</p><p>I live there.</p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
</article>
<ol class="children">
<li id="comment-12" class="comment byuser bypostauthor odd alt depth-2">
<article id="div-comment-12" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Jane Doe</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-12"><time datetime="2019-03-05T11:40:00+08:00">March 5, 2019 at 11:40 am</time></a></div></footer>
<div class="comment-content"><p>Thank you, we have corrected the article.</p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
</article>
</li>
</ol>
</li>
<li id="comment-13" class="comment odd alt thread-odd depth-1">
<article id="div-comment-13" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Gray</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-13"><time datetime="2019-03-07T08:00:00+08:00">March 7, 2019 at 8:00 am</time></a></div></footer>
<div class="comment-content"><p>Employers in my city never ask for the score.</p></div>
</article>
</li>
</ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form></div>
</section>
</main>
<footer class="site-footer"><p>© 2019 Example Weekly. All rights reserved.</p></footer>
</body></html>`

const read = (files: Record<string, string | Uint8Array>) => readCorpus(seedsWith(files, false))
const only = (files: Record<string, string | Uint8Array>): Document => {
  const corpus = read(files)
  expect(corpus.errors).toEqual([])
  expect(corpus.documents).toHaveLength(1)
  return corpus.documents[0] as Document
}
const holding = passageHolding

describe('reading a saved web page', () => {
  const doc = only({ 'rongcheng.html': PAGE })

  it('takes the title, author, date, publisher and canonical URL from its metadata', () => {
    expect(doc.source).toMatchObject({
      file: 'rongcheng.html',
      title: 'Scores in Rongcheng',
      author: 'Jane Doe',
      publisher: 'Example Weekly',
      date: '2019-03-04',
      url: 'https://example.org/2019/rongcheng/',
    })
  })

  it('keeps every passage a verbatim span of the extracted text at its offsets', () => {
    for (const p of doc.passages) {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text)
      expect(p.text).toBe(p.text.trim())
      expect(p.text).not.toMatch(/[<>]|\n/)
    }
    expect(holding(doc, 'never been asked').text).toBe(
      'A shopkeeper told us that nobody on her street had lost points in two years, and that she had never been asked for her score & had never heard of anyone who was.',
    )
  })

  it('reads the article’s paragraphs as the author’s, under their headings', () => {
    expect(holding(doc, 'Rongcheng gives every resident 1,000 points')).toMatchObject({
      voice: 'article',
      author: 'Jane Doe',
      section: null,
    })
    expect(holding(doc, 'never been asked')).toMatchObject({
      voice: 'article',
      section: 'What residents say',
    })
  })

  it('reads the update box as the author’s update', () => {
    expect(holding(doc, 'reset every year, not every two years')).toMatchObject({
      voice: 'update',
      author: 'Jane Doe',
    })
  })

  it('reads the two-level comment thread with authors, days and the reply linked to its parent', () => {
    const liWei = holding(doc, 'This is nonsense')
    expect(liWei).toMatchObject({ voice: 'comment', author: 'Li Wei', date: '2019-03-05', replyTo: null })
    expect(holding(doc, 'I live there.')).toMatchObject({ author: 'Li Wei', commentId: liWei.id })
    const reply = holding(doc, 'we have corrected the article')
    expect(reply).toMatchObject({
      voice: 'comment',
      author: 'Jane Doe',
      replyTo: liWei.id,
      date: '2019-03-05',
    })
    expect(holding(doc, 'never ask for the score')).toMatchObject({
      author: 'Gray',
      date: '2019-03-07',
      replyTo: null,
    })
    expect(doc.passages.filter((p) => p.voice === 'comment')).toHaveLength(4)
  })

  it('drops the page’s furniture: navigation, cookie notice, share buttons, related links, byline, forms, footer', () => {
    const furniture = [
      'World',
      'cookies',
      'Share on Facebook',
      'Tweet this',
      'Related stories',
      'Suining',
      'By Jane Doe',
      'Leave a Reply',
      'Reply',
      'says:',
      'thoughts on',
      'All rights reserved',
    ]
    for (const p of doc.passages) for (const f of furniture) expect(p.text, p.id).not.toContain(f)
    expect(doc.text).not.toContain('cookies')
  })
})

describe('reading other comment markup', () => {
  it('reads a Disqus thread saved with the page, replies nested', () => {
    const doc = only({
      'disqus.html': `<html><head><title>Scores</title><meta name="author" content="Jane Doe"></head><body>
<article><h1>Scores</h1><p>Rongcheng deducts points for unpaid bills, the city says, and residents can earn them back by volunteering.</p></article>
<div id="disqus_thread"><ul id="post-list" class="post-list">
<li class="post" id="post-1"><div class="post-content"><header><span class="post-byline"><span class="author"><a href="#">Jin Peng</a></span></span>
<span class="post-meta"><a class="time-ago" title="Tuesday, March 5, 2019 10:04 AM" href="#">7 years ago</a></span></header>
<div class="post-body-inner"><div class="post-message"><p>The bills part is true, I paid one late.</p></div></div></div>
<ul class="children"><li class="post" id="post-2"><div class="post-content"><header><span class="author"><a href="#">warcaster</a></span>
<a class="time-ago" title="Wednesday, March 6, 2019 8:00 AM" href="#">7 years ago</a></header>
<div class="post-message"><p>Same here.</p></div></div></li></ul></li>
</ul></div></body></html>`,
    })
    const jin = holding(doc, 'I paid one late')
    expect(jin).toMatchObject({ voice: 'comment', author: 'Jin Peng', date: '2019-03-05', replyTo: null })
    expect(holding(doc, 'Same here.')).toMatchObject({
      author: 'warcaster',
      date: '2019-03-06',
      replyTo: jin.id,
    })
    expect(holding(doc, 'deducts points for unpaid bills')).toMatchObject({
      voice: 'article',
      author: 'Jane Doe',
    })
  })

  it('reads <article>s with an author and a time inside a comments section, nested articles as replies', () => {
    const doc = only({
      'articles.html': `<html><head><title>Scores</title></head><body><main><article><h1>Scores</h1>
<p>Rongcheng deducts points for unpaid bills, the city says, and residents can earn them back by volunteering.</p></article>
<section class="comments"><h2>Comments</h2>
<article><header><span class="username">nelle</span> <time datetime="2019-03-08">8 March</time></header>
<p>Is this the same in Suining?</p>
<article><header><span class="username">Kevin Jones</span> <time datetime="2019-03-09T07:00:00Z">9 March</time></header>
<p>No, Suining stopped its pilot.</p></article></article>
</section></main></body></html>`,
    })
    const nelle = holding(doc, 'same in Suining')
    expect(nelle).toMatchObject({ voice: 'comment', author: 'nelle', date: '2019-03-08', replyTo: null })
    expect(holding(doc, 'stopped its pilot')).toMatchObject({ author: 'Kevin Jones', replyTo: nelle.id })
  })
})

describe('reading a Disqus comments export', () => {
  const EXPORT = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="7"><link>https://example.org/2019/rongcheng</link><title>Scores in Rongcheng</title></thread>
<thread dsq:id="8"><link>https://example.org/2019/other/</link><title>Another post</title></thread>
<post dsq:id="101"><message><![CDATA[<p>The library volunteering counts double, I was told.</p>]]></message>
<createdAt>2019-03-08T10:04:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
<author><name>Jin Peng</name><isAnonymous>false</isAnonymous></author><thread dsq:id="7"/></post>
<post dsq:id="102"><message><![CDATA[<p>Not at my branch.</p>]]></message><createdAt>2019-03-09T08:00:00Z</createdAt>
<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>warcaster</name></author><thread dsq:id="7"/><parent dsq:id="101"/></post>
<post dsq:id="103"><message><![CDATA[<p>Removed by its writer.</p>]]></message><createdAt>2019-03-09T09:00:00Z</createdAt>
<isDeleted>true</isDeleted><isSpam>false</isSpam><author><name>Gone</name></author><thread dsq:id="7"/></post>
<post dsq:id="104"><message><![CDATA[<p>Cheap loans, write to me.</p>]]></message><createdAt>2019-03-09T09:30:00Z</createdAt>
<isDeleted>false</isDeleted><isSpam>true</isSpam><author><name>Lender</name></author><thread dsq:id="7"/></post>
<post dsq:id="201"><message><![CDATA[<p>On the other post.</p>]]></message><createdAt>2019-03-01T09:00:00Z</createdAt>
<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Elsewhere</name></author><thread dsq:id="8"/></post>
</disqus>`

  it('reads the thread about the page (by its canonical URL) into its comments, replies nested', () => {
    const corpus = read({ 'rongcheng.html': PAGE, 'comments.xml': EXPORT })
    expect(corpus.errors).toEqual([])
    const doc = corpus.documents[0] as Document
    const jin = holding(doc, 'counts double')
    expect(jin).toMatchObject({ voice: 'comment', author: 'Jin Peng', date: '2019-03-08', replyTo: null })
    expect(holding(doc, 'Not at my branch.')).toMatchObject({ author: 'warcaster', replyTo: jin.id })
    expect(holding(doc, 'Cheap loans')).toMatchObject({ author: 'Lender', spam: true })
    expect(doc.text).not.toContain('Removed by its writer')
    expect(doc.text).not.toContain('On the other post')
    // The page's own comment section is still read.
    expect(holding(doc, 'This is nonsense').author).toBe('Li Wei')
    expect(corpus.commentExports).toEqual([{ file: 'comments.xml', passages: 3 }])
  })

  it('names an export about no page in seeds/ and an .xml that is no Disqus export, one line each', () => {
    const corpus = read({
      'rongcheng.html': PAGE,
      'elsewhere.xml': EXPORT.replace('https://example.org/2019/rongcheng', 'https://example.org/2020/gone'),
      'feed.xml': '<?xml version="1.0"?><rss><channel><title>Feed</title></channel></rss>',
    })
    expect(corpus.documents).toHaveLength(1)
    const byFile = Object.fromEntries(corpus.errors.map((e) => [e.file, e]))
    expect(byFile['elsewhere.xml']?.code).toBe('UNMATCHED')
    expect(byFile['elsewhere.xml']?.message).toMatch(/^seeds\/elsewhere\.xml: none of its 2 Disqus threads/)
    expect(byFile['feed.xml']?.message).toMatch(/^seeds\/feed\.xml: not a Disqus comments export/)
  })
})

describe('page layouts', () => {
  it('reads an article inside a wrapper whose class names a sidebar or sharing, and drops the sidebar itself', () => {
    const doc = only({
      'wrapped.html': `<html><head><title>Wrapped</title></head><body><div class="layout has-sidebar share-enabled">
<div class="col"><h2>Wrapped</h2><p>Rongcheng deducts points for unpaid bills, the city says, and residents earn them back.</p>
<p>A second paragraph of the article, long enough to read as the article's own text.</p></div>
<div class="sidebar"><p>Popular this week: ten ways to raise your score.</p></div></div></body></html>`,
    })
    expect(doc.passages.map((p) => p.text.slice(0, 20))).toEqual([
      'Rongcheng deducts po',
      'A second paragraph o',
    ])
  })
})

describe('decoding and refusing pages', () => {
  it('decodes a page in the charset its <meta> declares', () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>Caf\xe9 scores</title></head><body><article><p>The caf\xe9 on Main Street lost points for serving after midnight, the owner told us.</p></article></body></html>'
    const doc = only({ 'cafe.htm': Buffer.from(html, 'latin1') })
    expect(doc.source.title).toBe('Café scores')
    expect(doc.passages[0]?.text).toContain('The café on Main Street')
  })

  it('skips a page with no text and a binary file named .html, each with one line naming it, and reads the rest', () => {
    const corpus = readCorpus(
      seedsWith({
        'app.html':
          '<html><head><title>App</title><script>render()</script></head><body><div id="root"></div></body></html>',
        'image.html': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
        'rongcheng.html': PAGE,
      }),
    )
    expect(corpus.documents).toHaveLength(6)
    const byFile = Object.fromEntries(corpus.errors.map((e) => [e.file, e]))
    expect(byFile['app.html']?.code).toBe('NO_TEXT')
    expect(byFile['image.html']?.code).toBe('BINARY')
    for (const e of corpus.errors) {
      expect(e.message).toMatch(new RegExp(`^seeds/${e.file}: `))
      expect(e.message).not.toContain('\n')
    }
  })
})
