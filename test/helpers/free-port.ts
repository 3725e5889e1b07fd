import { createServer } from 'node:net'

/** A port on 127.0.0.1 where nothing listens: one the OS handed out, then closed again. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A URL on 127.0.0.1 where nothing listens (see {@link freePort}). */
export async function unusedUrl(path: string): Promise<string> {
  return `http://127.0.0.1:${await freePort()}${path}`
}
