/** The instant the store tests start at: 2024-05-01 07:00 UTC. */
export const t0 = new Date('2024-05-01T07:00:00.000Z')

/** `n` minutes after {@link t0}. */
export const minutes = (n: number): Date => new Date(t0.getTime() + n * 60_000)

/** A claim of C1's scheduled Slack digest for 2024-05-01, at {@link t0}. */
export const scheduled = {
  platform: 'slack',
  channelId: 'C1',
  localDate: '2024-05-01',
  kind: 'scheduled',
  now: t0,
} as const
