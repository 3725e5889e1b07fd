/** One schema change. Never edit or reorder a released migration: add a new one. */
export interface Migration {
  /** 1 for the first migration, then 2, 3…; the database's `PRAGMA user_version` is the last one applied. */
  version: number
  /** A short kebab-case description, logged in the `migrations` table. */
  name: string
  /** The SQL to run (several statements allowed); it runs inside the open's migration transaction. */
  up: string
}

// Conventions for the schema: times are ISO-8601 UTC text (see time.ts); booleans are INTEGER 0/1; tables are
// STRICT so that a wrongly typed value fails loudly instead of being stored as whatever it was.

/** Citebot's migrations, in order. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial-schema',
    up: `
      CREATE TABLE subscriptions (
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        channel_id TEXT NOT NULL,
        time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        inactive_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) STRICT;

      CREATE TABLE digest_runs (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        channel_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
        claimed_at TEXT NOT NULL,
        claims INTEGER NOT NULL DEFAULT 1,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        completed_at TEXT
      ) STRICT;
      -- The at-most-one-scheduled-digest-per-channel-per-day guarantee: a second scheduled INSERT for the same
      -- day fails on this index, whichever process or connection tries it. Manual runs are outside it.
      CREATE UNIQUE INDEX digest_runs_one_scheduled_per_day
        ON digest_runs (platform, channel_id, local_date) WHERE kind = 'scheduled';
      CREATE INDEX digest_runs_by_completion ON digest_runs (platform, channel_id, status, completed_at);

      CREATE TABLE shown_claims (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        shown_at TEXT NOT NULL,
        PRIMARY KEY (platform, channel_id, claim_id)
      ) STRICT;

      CREATE TABLE source_snapshots (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        hashes TEXT NOT NULL CHECK (json_valid(hashes)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) STRICT;

      -- No user ids here, by design: the log is for seeing what a channel asks and what went unanswered.
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
        asked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX questions_by_channel_time ON questions (platform, channel_id, asked_at);

      -- user_key is an opaque hash the caller derives, never a user id.
      CREATE TABLE feedback (
        platform TEXT NOT NULL,
        answer_key TEXT NOT NULL,
        user_key TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        question TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, answer_key, user_key)
      ) STRICT;
      CREATE INDEX feedback_by_channel ON feedback (platform, channel_id);
    `,
  },
  {
    version: 2,
    name: 'conversation-turns',
    up: `
      -- The last answers of each conversation (a Slack thread or DM, a Discord reply chain or thread), so that a
      -- follow-up ("who disputes that?") is answered about them. Bounded by the store: a few per conversation,
      -- for a few days (OpenStoreOptions.conversationTurns, conversationDays). No user ids.
      CREATE TABLE conversation_turns (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        conversation_key TEXT NOT NULL,
        message_key TEXT,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conversation_turns_by_conversation ON conversation_turns (platform, conversation_key, id);
      CREATE UNIQUE INDEX conversation_turns_by_message
        ON conversation_turns (platform, message_key) WHERE message_key IS NOT NULL;
      CREATE INDEX conversation_turns_by_time ON conversation_turns (created_at);
    `,
  },
  {
    version: 3,
    name: 'feedback-keyed-voters',
    up: `
      -- Per-installation secrets (the key of the HMAC that stands for a voter in feedback), made on first use.
      CREATE TABLE installation (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      -- Until now a voter was SHA-256("citebot:<platform>:<user id>"), which anyone holding the database can
      -- recompute for known ids. Without the raw ids those keys cannot be rehashed, so each becomes a random key
      -- marked legacy: the vote still counts, no one can be found from it, and a new click by that person on an
      -- old answer counts as a new voter.
      UPDATE feedback SET user_key = 'legacy:' || lower(hex(randomblob(16)));
    `,
  },
  {
    version: 4,
    name: 'shared-event-memory',
    up: `
      -- Events claimed for handling (a Slack event id, a question message), so that a retry or a second event
      -- for the same message is handled once by all the processes on this database. Kept a day (eventHours).
      CREATE TABLE handled_events (
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        event_key TEXT NOT NULL,
        handled_at TEXT NOT NULL,
        PRIMARY KEY (platform, event_key)
      ) STRICT;
      CREATE INDEX handled_events_by_time ON handled_events (handled_at);

      -- Threads the bot answered in: a follow-up there needs no mention, on any process and after a restart.
      CREATE TABLE answered_threads (
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        thread_key TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (platform, thread_key)
      ) STRICT;
      CREATE INDEX answered_threads_by_time ON answered_threads (answered_at);
    `,
  },
]
