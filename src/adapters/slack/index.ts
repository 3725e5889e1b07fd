export {
  createSlackBot,
  type SlackBot,
  type SlackBotOptions,
  type SlackMemoryOptions,
} from './create-slack-bot.js'
export { CHANNEL_GONE, SlackPostError, SlackStartError, slackErrorCode } from './errors.js'
