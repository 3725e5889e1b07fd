import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import type { Document } from '../../src/corpus/types.js'
import { terms } from '../../src/search/text.js'
import { passageHolding, seedsWith } from '../helpers/documents.js'

// A manual page laid out as git's are (AsciiDoc in a .txt file), written for these tests.
const PAGE = `tool-annotate(1)
================

NAME
----
tool-annotate - Show who last touched each line of a file

SYNOPSIS
--------
[verse]
'tool annotate' [-w] [--since=<date>] <file>

DESCRIPTION
-----------

Marks every line of the given file with the change that last touched it,
as linkgit:tool-log[1] would list that change.
ifndef::tool-lite[]
The lite build leaves the dates out.
endif::tool-lite[]

An example of a session:

-----------------------------------------------
$ tool annotate README
4a1b2c3 (Jane 2024-01-02) first line of the readme
-----------------------------------------------

	$ tool annotate --since=2.weeks README

OPTIONS
-------
include::annotate-options.txt[]

-w::
--ignore-space::
	Ignore whitespace when comparing the versions of a line,
	so that a line only re-indented keeps its older change.
+
This can also be set with the \`annotate.ignoreSpace\` setting.

--since=<date>::
	Look only at changes newer than the given date.

// a comment the page's readers never see
:toc:

[[CONFIG]]
CONFIGURATION
-------------

annotate.ignoreSpace::
	Ignore whitespace by default, as \`-w\` does.

SEE ALSO
--------
linkgit:tool-log[1]
linkgit:tool-blame[1]

The tool's own wiki has more examples.
`

const OPTIONS = `--color::
	Color the lines by the age of their change, older lines
	in darker shades.

--progress::
	Show how far the annotation has come on the terminal.
`

const read = (files: Record<string, string>) => readCorpus(seedsWith(files, false))
const doc = (docs: readonly Document[], file: string) => docs.find((d) => d.source.file === file) as Document

describe('reading manuals by their markup', () => {
  const corpus = read({ 'tool-annotate.txt': PAGE, 'annotate-options.txt': OPTIONS })
  const page = doc(corpus.documents, 'tool-annotate.txt')

  it('reads a .txt manual as AsciiDoc: its title, and its NAME line as the page topic', () => {
    expect(corpus.errors).toEqual([])
    expect(page.markup).toBe('adoc')
    expect(page.source.title).toBe('tool-annotate(1)')
    expect(page.source.topic).toBe('tool-annotate - Show who last touched each line of a file')
  })

  it('puts an option’s description under the option’s name, continuation included', () => {
    const desc = passageHolding(page, 'Ignore whitespace when comparing')
    expect(desc.section).toBe('-w, --ignore-space')
    expect(passageHolding(page, 'This can also be set').section).toBe('-w, --ignore-space')
    expect(passageHolding(page, 'Look only at changes newer').section).toBe('--since=<date>')
  })

  it('keeps the synopsis, listings, literal paragraphs and comments out of the passages', () => {
    const texts = page.passages.map((p) => p.text).join('\n')
    expect(texts).not.toContain("'tool annotate' [-w]")
    expect(texts).not.toContain('4a1b2c3')
    expect(texts).not.toContain('--since=2.weeks')
    expect(texts).not.toContain('a comment the page')
    expect(texts).not.toContain(':toc:')
    expect(texts).not.toContain('include::')
  })

  it('files the NAME and DESCRIPTION paragraphs under the page, the others under their heading', () => {
    expect(passageHolding(page, 'Marks every line').section).toBe('tool-annotate(1)')
    expect(passageHolding(page, 'tool-annotate - Show who').section).toBe('tool-annotate(1)')
    expect(passageHolding(page, 'own wiki has more examples').section).toBe('SEE ALSO')
  })

  it('reads a title under an anchor (`[[CONFIG]]`) as a title, not its underline as a listing that hides the rest', () => {
    expect(passageHolding(page, 'Ignore whitespace by default').section).toBe('annotate.ignoreSpace')
    expect(page.passages.filter((p) => p.text.includes('CONFIGURATION'))).toEqual([])
    expect(passageHolding(page, 'own wiki has more examples').section).toBe('SEE ALSO')
  })

  it('ends a paragraph at a preprocessor line: the line is no text of it', () => {
    expect(page.passages.filter((p) => /ifndef|endif/.test(p.text))).toEqual([])
    expect(passageHolding(page, 'The lite build').text).toBe('The lite build leaves the dates out.')
  })

  it('keeps a paragraph of links only out of the passages: it says nothing to quote', () => {
    expect(page.passages.filter((p) => p.text.includes('linkgit:tool-blame[1]'))).toEqual([])
  })

  it('keeps every passage a verbatim span of its file, markup and line breaks included', () => {
    for (const p of page.passages) expect(PAGE.slice(p.start, p.end)).toBe(p.text)
    expect(passageHolding(page, 'Marks every line').text).toBe(
      'Marks every line of the given file with the change that last touched it,\nas linkgit:tool-log[1] would list that change.',
    )
  })

  it('reads linkgit: links and attribute references as the words they stand for', () => {
    expect(terms('as linkgit:tool-log[1] would list it')).toEqual(terms('as tool-log would list it'))
    expect(terms('tool-credential{litdd}daemon')).toEqual(terms('tool credential daemon'))
  })

  it('gives an included file of options the topic of the page that includes it', () => {
    const options = doc(corpus.documents, 'annotate-options.txt')
    expect(options.markup).toBe('adoc')
    expect(options.source.topic).toBe(page.source.topic)
    expect(passageHolding(options, 'Color the lines').section).toBe('--color')
  })

  it('reads reStructuredText: titles, definition and option lists, literal blocks and directives', () => {
    const rst = `Annotating files
================

:Author: Jane Roe

Usage
-----

Run the tool on a file to see who last touched each line::

    tool annotate README

.. code-block:: shell

   tool annotate --since=yesterday README

.. note::

   Lines only moved keep their older change.

-w, --ignore-space  Ignore whitespace when comparing lines.

ignoreSpace
    The setting that does what \`\`-w\`\` does, see :ref:\`the options <options>\`.
`
    const d = doc(read({ 'guide.rst': rst }).documents, 'guide.rst')
    expect(d.markup).toBe('rst')
    expect(d.source.title).toBe('Annotating files')
    expect(d.source.author).toBe('Jane Roe')
    const texts = d.passages.map((p) => p.text)
    expect(texts).toContain('Run the tool on a file to see who last touched each line:')
    expect(texts.join('\n')).not.toContain('tool annotate README')
    expect(texts.join('\n')).not.toContain('--since=yesterday')
    expect(passageHolding(d, 'Lines only moved').section).toBe('Usage')
    expect(passageHolding(d, 'Ignore whitespace when comparing').section).toBe('-w, --ignore-space')
    expect(passageHolding(d, 'The setting that does').section).toBe('ignoreSpace')
    for (const p of d.passages) expect(rst.slice(p.start, p.end)).toBe(p.text)
    expect(terms('see :ref:`the options <options>`')).toEqual(terms('see the options'))
  })

  it('reads Markdown headings as sections and leaves fenced code out', () => {
    const md = `# Setting up

Install it with the package manager; it needs a recent runtime to start.

## Configuration

The file \`config.toml\` holds the settings, see [the reference](https://example.org/ref).

\`\`\`toml
# a comment in the code, not a heading
name = "x"
\`\`\`

Options
-------

Every option has a default that suits most teams well enough.
`
    const d = doc(read({ 'setup.md': md }).documents, 'setup.md')
    expect(d.source.title).toBe('Setting up')
    expect(passageHolding(d, 'holds the settings').section).toBe('Configuration')
    expect(passageHolding(d, 'Every option has').section).toBe('Options')
    expect(d.passages.map((p) => p.text).join('\n')).not.toContain('name = "x"')
    expect(terms('see [the reference](https://example.org/ref).')).toEqual(terms('see the reference.'))
  })

  it('reads the seeds, posts and articles, as prose: no seed looks like a manual', () => {
    const seeds = readCorpus(join(import.meta.dirname, '..', '..', 'seeds'))
    expect(seeds.documents.every((d) => d.markup === undefined && d.source.topic === undefined)).toBe(true)
    const text = readFileSync(
      join(import.meta.dirname, '..', '..', 'seeds', '000_69de7e6420143b03.txt'),
      'utf8',
    )
    expect(text.length).toBeGreaterThan(0)
  })
})
