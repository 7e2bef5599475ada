import type { SqlDatabase } from './sql.js';
import { type Row, json, num, str } from './sql-rows.js';
import type { AdminRole, AdminSession, AdminUser, AuditEntry, Store } from './types.js';

/** The audit log is read a page at a time: never more rows than this in one answer. */
export const MAX_AUDIT_PAGE = 500;

function toAdminUser(row: Row, prefix = ''): AdminUser {
  return {
    id: String(row[`${prefix}id`]),
    email: String(row[`${prefix}email`]),
    role: String(row[`${prefix}role`]) as AdminRole,
    passwordHash: String(row[`${prefix}password_hash`]),
    createdAt: Number(row[`${prefix}created_at`]),
    disabledAt: num(row[`${prefix}disabled_at`]),
  };
}

function toAdminSession(row: Row): AdminSession {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    csrfToken: String(row.csrf_token),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: num(row.revoked_at),
  };
}

function toAuditEntry(row: Row): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.at),
    userId: str(row.user_id),
    action: String(row.action),
    subject: String(row.subject),
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/**
 * Console accounts, their sessions and the audit log, in SQL shared by
 * PGlite and PostgreSQL: a session revoked by one process is refused by all.
 *
 * @example
 * const store = { ...adminMethods(db) }
 * await store.createAdminUser({ id, email: 'li.wei@example.com', role: 'owner', passwordHash, createdAt: Date.now(), disabledAt: null })
 */
export function adminMethods(
  db: SqlDatabase,
): Pick<
  Store,
  | 'createAdminUser'
  | 'findAdminUserByEmail'
  | 'listAdminUsers'
  | 'createAdminSession'
  | 'findAdminSession'
  | 'revokeAdminSession'
  | 'revokeAdminSessionsOfUser'
  | 'disableAdminUser'
  | 'appendAuditEntry'
  | 'listAuditEntries'
> {
  return {
    async createAdminUser(user) {
      // ON CONFLICT: two CLI runs adding one email race to one row, the other gets null.
      const { rows } = await db.query(
        `INSERT INTO cartlift_admin_users (id, email, role, password_hash, created_at, disabled_at)
              VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (email) DO NOTHING RETURNING *`,
        [user.id, user.email, user.role, user.passwordHash, user.createdAt, user.disabledAt],
      );
      return rows[0] ? toAdminUser(rows[0]) : null;
    },

    async findAdminUserByEmail(email) {
      const { rows } = await db.query('SELECT * FROM cartlift_admin_users WHERE email = $1', [email]);
      return rows[0] ? toAdminUser(rows[0]) : null;
    },

    async listAdminUsers() {
      const { rows } = await db.query('SELECT * FROM cartlift_admin_users ORDER BY created_at, id');
      return rows.map((row) => toAdminUser(row));
    },

    async createAdminSession(session) {
      await db.query(
        `INSERT INTO cartlift_admin_sessions (id, user_id, csrf_token, created_at, expires_at, revoked_at)
              VALUES ($1, $2, $3, $4, $5, $6)`,
        [session.id, session.userId, session.csrfToken, session.createdAt, session.expiresAt, session.revokedAt],
      );
    },

    async findAdminSession(id, now) {
      // One query decides validity: expiry, revocation and a disabled user are all checked where the rows live.
      const { rows } = await db.query(
        `SELECT s.*, u.id AS u_id, u.email AS u_email, u.role AS u_role, u.password_hash AS u_password_hash,
                u.created_at AS u_created_at, u.disabled_at AS u_disabled_at
           FROM cartlift_admin_sessions s JOIN cartlift_admin_users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
        [id, now],
      );
      const row = rows[0];
      return row ? { session: toAdminSession(row), user: toAdminUser(row, 'u_') } : null;
    },

    async revokeAdminSession(id, now) {
      const { rows } = await db.query('UPDATE cartlift_admin_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, now]);
      return rows.length > 0;
    },

    async revokeAdminSessionsOfUser(userId, now) {
      const { rows } = await db.query(
        'UPDATE cartlift_admin_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING id',
        [userId, now],
      );
      return rows.length;
    },

    async disableAdminUser(userId, now) {
      // The enabled owners are locked first: of two owners disabling each other at once, the
      // second waits, then counts the owners left without the first and is refused.
      const { rows } = await db.query(
        `WITH owners AS (SELECT id FROM cartlift_admin_users WHERE role = 'owner' AND disabled_at IS NULL FOR UPDATE)
         UPDATE cartlift_admin_users SET disabled_at = $2
          WHERE id = $1 AND disabled_at IS NULL
            AND (role <> 'owner' OR EXISTS (SELECT 1 FROM owners WHERE owners.id <> $1))
          RETURNING *`,
        [userId, now],
      );
      return rows[0] ? toAdminUser(rows[0]) : null;
    },

    async appendAuditEntry(entry) {
      const { rows } = await db.query(
        `INSERT INTO cartlift_audit_log (at, user_id, action, subject, before, after)
              VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb) RETURNING *`,
        [entry.at, entry.userId, entry.action, entry.subject, json(entry.before), json(entry.after)],
      );
      return toAuditEntry(rows[0]!);
    },

    async listAuditEntries({ action, userId, beforeId, limit = 100 } = {}) {
      const bounded = Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.floor(limit) || 1));
      // Newest first by id: ids grow with insertion, so a page boundary never skips or repeats an entry.
      const { rows } = await db.query(
        `SELECT * FROM cartlift_audit_log
          WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR user_id = $2) AND ($3::bigint IS NULL OR id < $3)
          ORDER BY id DESC LIMIT $4`,
        [action ?? null, userId ?? null, beforeId ?? null, bounded],
      );
      return rows.map(toAuditEntry);
    },
  };
}
