import type { SqlDatabase } from './sql.js';

/** One schema change. `id` orders them; applied ids are recorded in `cartlift_migrations`. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The upsert adding `changes` (rows of cartlift_reviews with a `delta` of 1 or
 * -1) to cartlift_review_counts: each published row counts once in its
 * dimensions, once per attribute answer, once per topic. Groups whose changes
 * cancel (an update that moved nothing counted) write nothing.
 */
function countChanges(changes: string): string {
  return `INSERT INTO cartlift_review_counts AS c (sku, rating, has_photos, verified, has_variant, variant, kind, name, value, n)
    SELECT r.sku, r.rating, r.has_photos, r.verified, r.variant IS NOT NULL, coalesce(r.variant, ''), f.kind, f.name, f.value, sum(r.delta)
      FROM (${changes}) r
      CROSS JOIN LATERAL (SELECT 'all' AS kind, '' AS name, '' AS value
                          UNION ALL SELECT 'attr', e.key, e.value FROM jsonb_each_text(r.attributes) e
                          UNION ALL SELECT 'topic', '', t FROM unnest(r.topics) t) f
     WHERE r.status = 'published'
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.delta) <> 0
    ON CONFLICT (sku, rating, has_photos, verified, has_variant, variant, kind, name, value) DO UPDATE SET n = c.n + excluded.n;`;
}

// Times are epoch milliseconds in bigint columns: the clock comes from the
// server (injectable in tests), never from the database, so reservation
// expiry behaves the same on PGlite and PostgreSQL.
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'checkouts, redemptions, orders, webhook events, customers',
    sql: `
CREATE TABLE cartlift_checkouts (
  checkout_id text PRIMARY KEY,
  lease_token text,
  lease_until bigint,
  pending_create jsonb,
  payment_intent_id text UNIQUE,
  client_secret text,
  status text NOT NULL DEFAULT 'open',
  amount bigint,
  currency text,
  email text,
  email_normalized text,
  stripe_customer_id text,
  lines jsonb,
  quote jsonb,
  promotion_ids jsonb,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE TABLE cartlift_promotion_locks (
  promotion_id text PRIMARY KEY
);
CREATE TABLE cartlift_redemptions (
  promotion_id text NOT NULL,
  checkout_id text NOT NULL,
  customer_key text,
  status text NOT NULL,
  expires_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (promotion_id, checkout_id)
);
CREATE INDEX cartlift_redemptions_counting ON cartlift_redemptions (promotion_id, status, expires_at);
CREATE INDEX cartlift_redemptions_checkout ON cartlift_redemptions (checkout_id);
CREATE TABLE cartlift_orders (
  payment_intent_id text PRIMARY KEY,
  checkout_id text UNIQUE,
  amount bigint NOT NULL,
  currency text NOT NULL,
  email text,
  email_normalized text,
  stripe_customer_id text,
  lines jsonb NOT NULL,
  promotions jsonb NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX cartlift_orders_email ON cartlift_orders (email_normalized);
CREATE INDEX cartlift_orders_customer ON cartlift_orders (stripe_customer_id);
CREATE TABLE cartlift_webhook_events (
  event_id text PRIMARY KEY,
  type text NOT NULL,
  received_at bigint NOT NULL
);
CREATE TABLE cartlift_customers (
  email_normalized text PRIMARY KEY,
  stripe_customer_id text NOT NULL,
  created_at bigint NOT NULL
);
`,
  },
  {
    id: 2,
    name: 'analytics events',
    // event_id is the dedupe key: INSERT ... ON CONFLICT DO NOTHING makes
    // concurrent resends of one event store it once. time is the client's.
    sql: `
CREATE TABLE cartlift_analytics_events (
  event_id text PRIMARY KEY,
  name text NOT NULL,
  time bigint NOT NULL,
  received_at bigint NOT NULL,
  cart_id text NOT NULL,
  anonymous_id text,
  currency text NOT NULL,
  value bigint NOT NULL,
  transaction_id text,
  experiments jsonb,
  payload jsonb NOT NULL
);
CREATE INDEX cartlift_analytics_events_time ON cartlift_analytics_events (time);
`,
  },
  {
    id: 3,
    name: 'rate limits',
    // Fixed windows shared by every process on the database, so N processes
    // still allow a guesser the limit once, not N times.
    sql: `
CREATE TABLE cartlift_rate_limits (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  count bigint NOT NULL
);
CREATE INDEX cartlift_rate_limits_window ON cartlift_rate_limits (window_start);
`,
  },
  {
    id: 4,
    name: 'payment attempts: outcomes, flagged payments',
    // A checkout row is one payment attempt: its final answer is kept so a
    // retried request gets the same one. A hold (reserved redemption) now
    // counts until it is released, expired or not: only settling its attempt
    // (the intent canceled at Stripe, or paid) frees it.
    sql: `
ALTER TABLE cartlift_checkouts ADD COLUMN outcome jsonb;
CREATE INDEX cartlift_redemptions_holds ON cartlift_redemptions (status, expires_at);
CREATE TABLE cartlift_payment_flags (
  payment_intent_id text PRIMARY KEY,
  checkout_id text,
  expected_amount bigint,
  expected_currency text,
  received_amount bigint NOT NULL,
  received_currency text NOT NULL,
  reason text NOT NULL,
  created_at bigint NOT NULL
);
`,
  },
  {
    id: 5,
    name: 'shopper ids on checkouts and orders, one purchase per transaction',
    // The shopper's cart and anonymous ids travel from the checkout to the
    // order so the server's own purchase event joins the browser's funnel.
    // Purchases stored before this migration may repeat a transaction id
    // (the collector deduplicated only by event_id): the first received is
    // kept so the unique index can be built.
    sql: `
ALTER TABLE cartlift_checkouts ADD COLUMN cart_id text, ADD COLUMN anonymous_id text;
ALTER TABLE cartlift_orders ADD COLUMN cart_id text, ADD COLUMN anonymous_id text;
CREATE INDEX cartlift_orders_created ON cartlift_orders (created_at);
DELETE FROM cartlift_analytics_events e
 WHERE e.name = 'purchase' AND e.transaction_id IS NOT NULL
   AND EXISTS (SELECT 1 FROM cartlift_analytics_events f
                WHERE f.name = 'purchase' AND f.transaction_id = e.transaction_id
                  AND (f.received_at, f.event_id) < (e.received_at, e.event_id));
CREATE UNIQUE INDEX cartlift_analytics_events_purchase ON cartlift_analytics_events (transaction_id) WHERE name = 'purchase';
CREATE INDEX cartlift_analytics_events_anonymous ON cartlift_analytics_events (anonymous_id);
CREATE INDEX cartlift_analytics_events_checkout_cart ON cartlift_analytics_events (cart_id) WHERE name = 'begin_checkout';
`,
  },
  {
    id: 6,
    name: 'console accounts: admin users, sessions, audit log',
    // Emails are stored normalised (trimmed, lower case) so one address is one
    // account whatever case it is typed in. A session row is keyed by the
    // SHA-256 of its cookie token: a copy of the table (a backup, a leaked
    // dump) cannot be replayed as a cookie. The audit log is append-only;
    // user_id stays when a user is disabled, so history keeps its author.
    sql: `
CREATE TABLE cartlift_admin_users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND email <> ''),
  role text NOT NULL CHECK (role IN ('owner', 'marketer', 'viewer')),
  password_hash text NOT NULL,
  created_at bigint NOT NULL,
  disabled_at bigint
);
CREATE TABLE cartlift_admin_sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES cartlift_admin_users (id),
  csrf_token text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX cartlift_admin_sessions_user ON cartlift_admin_sessions (user_id);
CREATE TABLE cartlift_audit_log (
  id bigserial PRIMARY KEY,
  at bigint NOT NULL,
  user_id text REFERENCES cartlift_admin_users (id),
  action text NOT NULL,
  subject text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX cartlift_audit_log_at ON cartlift_audit_log (at, id);
CREATE INDEX cartlift_audit_log_action ON cartlift_audit_log (action, at);
CREATE INDEX cartlift_audit_log_user ON cartlift_audit_log (user_id, at);
`,
  },
  {
    id: 7,
    name: 'published promotion versions, the draft, recently quoted carts',
    // Every publish is a new numbered version of the whole promotions file;
    // none is ever changed or deleted, so any can be compared or published again.
    // The draft is the one working copy marketers edit; `rev` counts its saves
    // so an edit made on a stale copy is refused instead of overwriting.
    sql: `
CREATE TABLE cartlift_promotion_versions (
  version integer PRIMARY KEY,
  config jsonb NOT NULL,
  published_at bigint NOT NULL,
  published_by text,
  note text
);
CREATE TABLE cartlift_promotion_draft (
  id integer PRIMARY KEY CHECK (id = 1),
  config jsonb NOT NULL,
  rev integer NOT NULL,
  updated_at bigint NOT NULL,
  updated_by text
);
CREATE TABLE cartlift_quoted_carts (
  id bigserial PRIMARY KEY,
  cart jsonb NOT NULL,
  first_purchase boolean NOT NULL,
  segments jsonb NOT NULL,
  quoted_at bigint NOT NULL
);
`,
  },
  {
    id: 8,
    name: 'the discount each redemption holds or gave (promotion budgets, console stats)',
    // A budget caps the discount money a promotion gives, so each hold records
    // its own. Rows from before this migration take theirs from the quote their
    // checkout was priced with, so budgets and stats count past orders too.
    sql: `
ALTER TABLE cartlift_redemptions ADD COLUMN discount_amount bigint NOT NULL DEFAULT 0;
UPDATE cartlift_redemptions r
   SET discount_amount = applied.amount
  FROM (SELECT c.checkout_id, a->>'promotionId' AS promotion_id, (a->>'amount')::bigint AS amount
          FROM cartlift_checkouts c, jsonb_array_elements(CASE WHEN jsonb_typeof(c.quote->'applied') = 'array' THEN c.quote->'applied' ELSE '[]'::jsonb END) a) applied
 WHERE applied.checkout_id = r.checkout_id AND applied.promotion_id = r.promotion_id AND r.status IN ('committed', 'reserved');
`,
  },
  {
    id: 9,
    name: 'single-use codes and their batches',
    // Self-contained (it reads no table another migration adds) so it applies
    // whatever order sibling migrations land in. A batch is generated in the
    // background: `generated` is its progress and `updated_at` its heartbeat,
    // so a batch whose process died is told from one still being written. A
    // code's status moves unused → held (by one checkout, until its attempt
    // settles) → redeemed (with the order's payment intent), or back to unused.
    sql: `
CREATE TABLE cartlift_code_batches (
  id text PRIMARY KEY,
  promotion_id text NOT NULL,
  count integer NOT NULL CHECK (count BETWEEN 1 AND 100000),
  generated integer NOT NULL DEFAULT 0,
  prefix text NOT NULL,
  length integer NOT NULL,
  status text NOT NULL CHECK (status IN ('generating', 'ready', 'failed')),
  error text,
  created_at bigint NOT NULL,
  created_by text,
  updated_at bigint NOT NULL
);
CREATE INDEX cartlift_code_batches_promotion ON cartlift_code_batches (promotion_id, created_at);
CREATE TABLE cartlift_codes (
  code text PRIMARY KEY,
  promotion_id text NOT NULL,
  batch_id text NOT NULL REFERENCES cartlift_code_batches (id),
  status text NOT NULL CHECK (status IN ('unused', 'held', 'redeemed')),
  checkout_id text,
  payment_intent_id text,
  expires_at bigint,
  updated_at bigint NOT NULL
);
CREATE INDEX cartlift_codes_batch ON cartlift_codes (batch_id, status, code);
CREATE INDEX cartlift_codes_checkout ON cartlift_codes (checkout_id) WHERE checkout_id IS NOT NULL;
CREATE INDEX cartlift_codes_holds ON cartlift_codes (expires_at) WHERE status = 'held';
`,
  },
  {
    id: 10,
    name: 'analytics retention',
    // Retention deletes by the server's received_at in small batches. Events arrive in
    // received_at order, so a BRIN index (a summary per block range) finds the old ones
    // at almost no cost to each insert, where a B-tree slowed POST /events.
    sql: `
CREATE INDEX cartlift_analytics_events_received ON cartlift_analytics_events USING brin (received_at);
`,
  },
  {
    id: 11,
    name: 'analytics retention without a write cost',
    // Even the BRIN index of 10 cost PGlite's POST /events a tenth of its rate (every insert
    // visits it). Retention now finds old events through the funnel's index on the browser's
    // time (migration 1): an event received before the cut-off has a time before it plus a day,
    // unless the browser's clock ran more than a day ahead; only those few rows enter this
    // partial index, so a normal insert writes nothing more. See OLD_EVENT_IDS.
    sql: `
DROP INDEX IF EXISTS cartlift_analytics_events_received;
CREATE INDEX cartlift_analytics_events_clock_ahead ON cartlift_analytics_events (received_at) WHERE time > received_at + 86400000;
`,
  },
  {
    id: 12,
    name: 'reviews',
    // One row per review. helpful_score is helpfulScore(helpful, helpful + not_helpful) from
    // @cartlift/reviews, written by the server whenever the votes are (one definition of the
    // "most helpful" order, in TypeScript, instead of a second one in SQL); has_photos is kept
    // beside photos so the "with photos" filter, facet and sort read a plain column.
    // Shoppers only ever see a product's published reviews, in one of five orders, each broken
    // by id: every index starts (sku, status) and then follows one order, so a page is read
    // from the index in order and the cursor's keyset condition is a range on it.
    //   _newest   sort=newest, and the created_at tie-break of every other order
    //   _rating   sort=lowest, and the rating filter
    //   _highest  sort=highest: read backwards, _rating would give the oldest first within a
    //             star, so PostgreSQL would sort every review of that star for each page
    //   _helpful  sort=helpful, the default
    //   _photos   sort=photos (photos first, then newest) and media=true|false
    sql: `
CREATE TABLE cartlift_reviews (
  id text PRIMARY KEY,
  sku text NOT NULL,
  variant text,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title text NOT NULL,
  body text NOT NULL,
  author text NOT NULL,
  language text NOT NULL,
  photos jsonb NOT NULL DEFAULT '[]',
  has_photos boolean NOT NULL DEFAULT false,
  attributes jsonb NOT NULL DEFAULT '{}',
  helpful integer NOT NULL DEFAULT 0,
  not_helpful integer NOT NULL DEFAULT 0,
  helpful_score double precision NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  rejection_reason text,
  reply jsonb,
  verified boolean NOT NULL DEFAULT false
);
CREATE INDEX cartlift_reviews_newest ON cartlift_reviews (sku, status, created_at DESC, id);
CREATE INDEX cartlift_reviews_rating ON cartlift_reviews (sku, status, rating, created_at DESC, id);
CREATE INDEX cartlift_reviews_highest ON cartlift_reviews (sku, status, rating DESC, created_at DESC, id);
CREATE INDEX cartlift_reviews_helpful ON cartlift_reviews (sku, status, helpful_score DESC, created_at DESC, id);
CREATE INDEX cartlift_reviews_photos ON cartlift_reviews (sku, status, has_photos DESC, created_at DESC, id);
`,
  },
  {
    id: 13,
    name: 'review search terms and topics',
    // Search and topics are computed in TypeScript (Intl.Segmenter, @cartlift/reviews), so both
    // stores hold the same terms and answer the same: search_terms is a review's words and
    // Chinese character grams (q matches rows holding every query term, @>); topic_candidates
    // what it could count towards; topics the product's chosen topics it mentions (topic=).
    // GIN indexes answer @> on both arrays. Rows from before this migration have
    // search_terms NULL: the store fills them after migrating (backfillReviewTerms), found
    // through the partial index, since SQL cannot run the segmenter.
    // cartlift_review_counts holds the facet counts of 100,000 reviews without reading them:
    // published reviews per rating × photos × verified × variant ('all'), and per attribute
    // answer ('attr') and topic ('topic') within each. Statement triggers with transition
    // tables keep it on every insert, update and delete, whoever writes (a seed, moderation,
    // a topic refresh), one grouped upsert per statement rather than one per row.
    sql: `
ALTER TABLE cartlift_reviews ADD COLUMN search_terms text[];
ALTER TABLE cartlift_reviews ADD COLUMN topic_candidates text[] NOT NULL DEFAULT '{}';
ALTER TABLE cartlift_reviews ADD COLUMN topics text[] NOT NULL DEFAULT '{}';
CREATE INDEX cartlift_reviews_search ON cartlift_reviews USING gin (search_terms);
CREATE INDEX cartlift_reviews_topics ON cartlift_reviews USING gin (topics);
CREATE INDEX cartlift_reviews_unsearchable ON cartlift_reviews (id) WHERE search_terms IS NULL;
CREATE TABLE cartlift_review_counts (
  sku text NOT NULL,
  rating smallint NOT NULL,
  has_photos boolean NOT NULL,
  verified boolean NOT NULL,
  has_variant boolean NOT NULL,
  variant text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('all', 'attr', 'topic')),
  name text NOT NULL,
  value text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (sku, rating, has_photos, verified, has_variant, variant, kind, name, value)
);
${countChanges('SELECT r.*, 1 AS delta FROM cartlift_reviews r')}
CREATE FUNCTION cartlift_review_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${countChanges('SELECT r.*, 1 AS delta FROM new_rows r')}
  ELSIF TG_OP = 'DELETE' THEN
    ${countChanges('SELECT r.*, -1 AS delta FROM old_rows r')}
  ELSE
    ${countChanges('SELECT r.*, -1 AS delta FROM old_rows r UNION ALL SELECT r.*, 1 AS delta FROM new_rows r')}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER cartlift_review_counts_insert AFTER INSERT ON cartlift_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_counts_change();
CREATE TRIGGER cartlift_review_counts_update AFTER UPDATE ON cartlift_reviews
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_counts_change();
CREATE TRIGGER cartlift_review_counts_delete AFTER DELETE ON cartlift_reviews
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_counts_change();
`,
  },
  {
    id: 14,
    name: 'review invitations, photos, helpful votes',
    // Invitations: one per line of a paid order, created in the order's transaction. Only a
    // hash of the token is kept (a leaked table mails no one a working link); used_at and
    // review_id are set in the review's transaction, so a token makes at most one review.
    // Photos: re-encoded bytes (or a file name under reviews.photoFolder), attached to at most
    // one review. Votes: one per shopper per review, the primary key is the rule.
    // Secrets: the invitation signing key when no reviews.invitationSecret is configured,
    // made once and shared by every process.
    sql: `
ALTER TABLE cartlift_reviews ADD COLUMN held_for text;
CREATE TABLE cartlift_review_invitations (
  token_hash text PRIMARY KEY,
  invitation_id text NOT NULL UNIQUE,
  payment_intent_id text NOT NULL,
  line_index integer NOT NULL,
  sku text NOT NULL,
  variant text,
  product_name text NOT NULL,
  email text,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  review_id text,
  UNIQUE (payment_intent_id, line_index)
);
CREATE INDEX cartlift_review_invitations_recent ON cartlift_review_invitations (created_at DESC, invitation_id);
CREATE TABLE cartlift_review_photos (
  id text PRIMARY KEY,
  bytes bytea,
  file text,
  type text NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  created_at bigint NOT NULL,
  review_id text
);
CREATE TABLE cartlift_review_votes (
  review_id text NOT NULL,
  shopper text NOT NULL,
  helpful boolean NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (review_id, shopper)
);
CREATE TABLE cartlift_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at bigint NOT NULL
);
`,
  },
  {
    id: 15,
    name: 'review moderation history',
    // Every moderation change appends a row (never updated): who changed a review to which
    // status, when and why, so a merchant can show a review was not suppressed. actor is the
    // console account's email, 'import' for a CSV import, or 'shopper' for a submission.
    // The moderation queue reads pending reviews oldest first across products: _queue.
    sql: `
CREATE TABLE cartlift_review_history (
  id bigserial PRIMARY KEY,
  review_id text NOT NULL,
  at bigint NOT NULL,
  status text NOT NULL,
  reason text,
  actor text NOT NULL
);
CREATE INDEX cartlift_review_history_review ON cartlift_review_history (review_id, id);
CREATE INDEX cartlift_reviews_queue ON cartlift_reviews (status, created_at, id);
`,
  },
  {
    id: 16,
    name: 'review change log for the in-memory review index',
    // Every insert, update or delete of a review appends (sku, review id), so a process holding a
    // product's in-memory review index (store/review-index) catches up by re-reading only the rows
    // changed since the last sequence number it saw, whichever process wrote them. Statement
    // triggers with transition tables, as the counts' (migration 13): one INSERT per statement.
    // A BEFORE statement trigger takes a transaction-level advisory lock ("cart", 16) first.
    // _by_product_id lets the index's build read a product's published rows in id order, in batches.
    sql: `
CREATE TABLE cartlift_review_changes (
  seq bigserial PRIMARY KEY,
  sku text NOT NULL,
  review_id text NOT NULL
);
CREATE INDEX cartlift_review_changes_sku ON cartlift_review_changes (sku, seq);
CREATE INDEX cartlift_reviews_by_product_id ON cartlift_reviews (sku, status, id);
-- Taken before a statement's first row (so no row lock is held while waiting) and held to commit:
-- review-writing transactions commit in the order of their change numbers, so a reader that has
-- seen number n has seen every change below it (none commits late).
CREATE FUNCTION cartlift_review_changes_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1667330676, 16);
  RETURN NULL;
END $$;
CREATE TRIGGER cartlift_review_changes_lock BEFORE INSERT OR UPDATE OR DELETE ON cartlift_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_changes_lock();
CREATE FUNCTION cartlift_review_changes_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO cartlift_review_changes (sku, review_id) SELECT sku, id FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO cartlift_review_changes (sku, review_id) SELECT sku, id FROM old_rows;
  ELSE
    INSERT INTO cartlift_review_changes (sku, review_id) SELECT sku, id FROM old_rows UNION SELECT sku, id FROM new_rows;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER cartlift_review_changes_insert AFTER INSERT ON cartlift_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_changes_log();
CREATE TRIGGER cartlift_review_changes_update AFTER UPDATE ON cartlift_reviews
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_changes_log();
CREATE TRIGGER cartlift_review_changes_delete AFTER DELETE ON cartlift_reviews
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cartlift_review_changes_log();
`,
  },
];

/** Advisory-lock key shared by every Cartlift process: "cartlift" in ASCII, folded to int32. */
export const MIGRATION_LOCK_KEY = 0x6361_7274;

/**
 * Applies the migrations not yet recorded, each in its own transaction, under
 * an advisory lock so concurrent starts apply each exactly once.
 *
 * @example
 * await migrate(db) // [1] the first time, [] afterwards
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.exclusive(MIGRATION_LOCK_KEY, async (client) => {
    await client.exec('CREATE TABLE IF NOT EXISTS cartlift_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
    const { rows } = await client.query<{ id: number }>('SELECT id FROM cartlift_migrations');
    const done = new Set(rows.map((row) => Number(row.id)));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(migration.id)) continue;
      const record = `INSERT INTO cartlift_migrations (id, name, applied_at) VALUES (${migration.id}, '${migration.name.replace(/'/g, "''")}', ${Date.now()})`;
      try {
        await client.exec(`BEGIN;\n${migration.sql}\n${record};\nCOMMIT;`);
      } catch (error) {
        await client.exec('ROLLBACK').catch(() => {});
        throw error;
      }
      applied.push(migration.id);
    }
    return applied;
  });
}
