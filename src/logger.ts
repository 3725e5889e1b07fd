import pino, { type Logger } from 'pino'

/** Keys whose values never reach a log, wherever they appear in a logged object. */
export const REDACTED_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'Authorization',
  'password',
  'secret',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DISCORD_TOKEN',
  'CITEBOT_SECRET',
] as const

// Token shapes of Slack (xoxb-, xapp-, xoxp-) and Discord (three base64 parts), in any logged text.
const TOKEN_TEXT = /\b(xox[abprs]-[\w-]+|xapp-[\w-]+|[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40})\b/g

/** Replaces anything shaped like a token in a string. */
export function scrub(text: string): string {
  return text.replace(TOKEN_TEXT, '[redacted]')
}

/** The application's logger: JSON lines on standard error, with secrets redacted. */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      redact: {
        paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
        censor: '[redacted]',
      },
      formatters: {
        log: (obj) => JSON.parse(scrub(JSON.stringify(obj))) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>,
          )
        },
      },
    },
    destination,
  )
}

export type { Logger }
