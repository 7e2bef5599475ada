import { describe, expect, test } from 'vitest';
import { isDatabaseOutage, StoreUnavailableError } from './outage.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseOutage', () => {
  test('socket failures, PostgreSQL shutdown and connection codes, and pool failures are outages', () => {
    expect(isDatabaseOutage(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseOutage(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isDatabaseOutage(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDatabaseOutage(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseOutage(withCode('connection failure', '08006'))).toBe(true);
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseOutage(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseOutage(new Error('timeout expired'))).toBe(true);
    expect(isDatabaseOutage(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseOutage(new Error('while migrating', { cause: withCode('read ECONNRESET', 'ECONNRESET') }))).toBe(true);
    expect(isDatabaseOutage(new StoreUnavailableError('The embedded database folder /x is not a PGlite database'))).toBe(true);
  });

  test('SQL errors and everything else are bugs, not outages', () => {
    expect(isDatabaseOutage(withCode('syntax error at or near "SELEC"', '42601'))).toBe(false);
    expect(isDatabaseOutage(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseOutage(new TypeError("Cannot read properties of undefined (reading 'rows')"))).toBe(false);
    expect(isDatabaseOutage(new Error('Cannot use a pool after calling end on the pool'))).toBe(false);
    expect(isDatabaseOutage(undefined)).toBe(false);
    expect(isDatabaseOutage('ECONNREFUSED')).toBe(false);
  });
});
