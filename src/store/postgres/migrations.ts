import type { Migration } from '../migrations.js'

// The Postgres twin of ../migrations.ts: the same versions, names and tables, in Postgres's types (times are
// timestamptz, flags boolean, snapshots jsonb). A migration added there is added here, with the same version
// and name (a test checks both lists agree).

const platform = `text NOT NULL CHECK (platform IN ('slack', 'discord', 'console'))`

/** Citebot's Postgres migrations, in order. */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial-schema',
    up: `
      CREATE TABLE subscriptions (
        platform ${platform},
        channel_id text NOT NULL,
        time text NOT NULL,
        time_zone text NOT NULL,
        active boolean NOT NULL,
        inactive_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE digest_runs (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform ${platform},
        channel_id text NOT NULL,
        local_date text NOT NULL CHECK (local_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        kind text NOT NULL CHECK (kind IN ('scheduled', 'manual')),
        status text NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
        claimed_at timestamptz NOT NULL,
        claims integer NOT NULL DEFAULT 1,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        completed_at timestamptz
      );
      -- At most one scheduled digest per channel per day, whichever process or connection inserts it.
      CREATE UNIQUE INDEX digest_runs_one_scheduled_per_day
        ON digest_runs (platform, channel_id, local_date) WHERE kind = 'scheduled';
      CREATE INDEX digest_runs_by_completion ON digest_runs (platform, channel_id, status, completed_at);

      CREATE TABLE shown_claims (
        platform text NOT NULL,
        channel_id text NOT NULL,
        claim_id text NOT NULL,
        shown_at timestamptz NOT NULL,
        -- The order claims were recorded in, for claims shown at the same instant.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (platform, channel_id, claim_id)
      );

      CREATE TABLE source_snapshots (
        platform text NOT NULL,
        channel_id text NOT NULL,
        hashes jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      -- No user ids here, by design.
      CREATE TABLE questions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform text NOT NULL,
        channel_id text NOT NULL,
        question text NOT NULL,
        answered boolean NOT NULL,
        asked_at timestamptz NOT NULL
      );
      CREATE INDEX questions_by_channel_time ON questions (platform, channel_id, asked_at);

      -- user_key is an opaque hash the caller derives, never a user id.
      CREATE TABLE feedback (
        platform text NOT NULL,
        answer_key text NOT NULL,
        user_key text NOT NULL,
        channel_id text NOT NULL,
        question text NOT NULL,
        vote text NOT NULL CHECK (vote IN ('up', 'down')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, answer_key, user_key)
      );
      CREATE INDEX feedback_by_channel ON feedback (platform, channel_id);
    `,
  },
  {
    version: 2,
    name: 'conversation-turns',
    up: `
      -- The last answers of each conversation, for follow-ups; bounded by the store. No user ids.
      CREATE TABLE conversation_turns (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform ${platform},
        conversation_key text NOT NULL,
        message_key text,
        payload json NOT NULL,
        created_at timestamptz NOT NULL
      );
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
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL
      );
      -- Voters keyed by a recomputable SHA-256 of their id become random keys marked legacy (see ../migrations.ts).
      UPDATE feedback SET user_key = 'legacy:' || replace(gen_random_uuid()::text, '-', '');
    `,
  },
  {
    version: 4,
    name: 'shared-event-memory',
    up: `
      CREATE TABLE handled_events (
        platform ${platform},
        event_key text NOT NULL,
        handled_at timestamptz NOT NULL,
        PRIMARY KEY (platform, event_key)
      );
      CREATE INDEX handled_events_by_time ON handled_events (handled_at);

      CREATE TABLE answered_threads (
        platform ${platform},
        thread_key text NOT NULL,
        answered_at timestamptz NOT NULL,
        PRIMARY KEY (platform, thread_key)
      );
      CREATE INDEX answered_threads_by_time ON answered_threads (answered_at);
    `,
  },
]
