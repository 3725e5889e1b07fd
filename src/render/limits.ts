/** Block Kit's limits, as Slack documents them (characters and counts). */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of a section block's text. */
  sectionText: 3000,
  /** Elements of a context block. */
  contextElements: 10,
  /** Characters of a header block's text. */
  headerText: 150,
  /** Characters of a button's text. */
  buttonText: 75,
  /** Characters of a message's top-level `text` (the notification fallback). */
  messageText: 40000,
} as const

/** Discord's message limits, as Discord documents them (characters and counts). */
export const DISCORD_LIMITS = {
  /** Characters of a message's content. */
  content: 2000,
  /** Embeds in one message. */
  embeds: 10,
  /** Characters of an embed's title. */
  embedTitle: 256,
  /** Characters of an embed's description. */
  embedDescription: 4096,
  /** Fields of one embed. */
  embedFields: 25,
  /** Characters of a field's name. */
  fieldName: 256,
  /** Characters of a field's value. */
  fieldValue: 1024,
  /** Characters of an embed's footer text. */
  footerText: 2048,
  /** Characters of all embeds of a message together. */
  embedTotal: 6000,
  /** Components (buttons) in one action row. */
  buttonsPerRow: 5,
} as const
