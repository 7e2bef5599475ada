import type { Review } from '@cartlift/reviews';
import { describe, expect, test } from 'vitest';
import { signedIn } from '../../test/console-session.js';
import { storeVariants, unique, useHarness } from '../../test/harness.js';

function review(overrides: Partial<Review> = {}): Review {
  return {
    id: unique('rev'),
    sku: 'TEA-LJ-100',
    rating: 4,
    title: 'Fresh and green',
    body: 'Brews a clear cup.',
    author: 'Ann',
    language: 'en',
    photos: [],
    attributes: {},
    helpful: 0,
    createdAt: Date.UTC(2026, 0, 1),
    status: 'pending',
    verified: false,
    ...overrides,
  };
}

describe.each(storeVariants())('review moderation in the console on $name', ({ open }) => {
  const h = useHarness(open);

  test('the queue lists pending reviews oldest first; approving publishes one, audits it, records its history and moves the counts', async () => {
    const sku = unique('SKU');
    const newer = review({ sku, createdAt: Date.UTC(2026, 1, 2) });
    const older = review({ sku, createdAt: Date.UTC(2026, 1, 1), rating: 1, title: '<img src=x onerror=alert(1)>' });
    await h.store.addReview(newer);
    await h.store.addReview(older);
    const marketer = await signedIn(h, 'marketer');

    const queue = await marketer.read(`/admin/api/reviews?status=pending&product=${sku}`);
    expect(queue.status).toBe(200);
    expect(queue.body.reviews.map((r: Review) => r.id)).toEqual([older.id, newer.id]);
    expect(queue.body.reviews[0].title).toBe('<img src=x onerror=alert(1)>');

    const approved = await marketer.change('POST', `/admin/api/reviews/${older.id}/approve`, {});
    expect([approved.status, approved.body.review.status]).toEqual([200, 'published']);
    const counts = await marketer.read(`/admin/api/reviews/counts?product=${sku}`);
    expect(counts.body.counts[1]).toEqual({ published: 1, rejected: 0, pending: 0 });
    expect(counts.body.counts[4]).toEqual({ published: 0, rejected: 0, pending: 1 });

    const page = await h.call('GET', `/reviews?product=${sku}`);
    expect(page.body.reviews.map((r: Review) => r.id)).toEqual([older.id]);

    const one = await marketer.read(`/admin/api/reviews/${older.id}`);
    expect(one.body.history).toEqual([{ at: expect.any(Number), status: 'published', actor: marketer.email }]);
    const audit = await h.store.listAuditEntries({ action: 'review_approved' });
    expect(audit.find((entry) => entry.subject.includes(older.id))?.before).toEqual({ status: 'pending', rejectionReason: null, reply: null });
  });

  test('rejecting needs a reason, keeps it, and the reply is set, then removed by an empty body', async () => {
    const target = review({ sku: unique('SKU') });
    await h.store.addReview(target);
    const marketer = await signedIn(h, 'marketer');

    const bare = await marketer.change('POST', `/admin/api/reviews/${target.id}/reject`, {});
    expect([bare.status, bare.body.error.field]).toEqual([400, 'reason']);
    expect(bare.body.error.message).toMatch(/reason must be a sentence of 1 to 500 characters; received nothing/);
    const rejected = await marketer.change('POST', `/admin/api/reviews/${target.id}/reject`, { reason: 'Advertises another shop.' });
    expect(rejected.body.review).toMatchObject({ status: 'rejected', rejectionReason: 'Advertises another shop.' });

    const replied = await marketer.change('POST', `/admin/api/reviews/${target.id}/reply`, { body: 'Thank you, 谢谢！' });
    expect(replied.body.review.reply).toEqual({ body: 'Thank you, 谢谢！', createdAt: expect.any(Number) });
    const tooLong = await marketer.change('POST', `/admin/api/reviews/${target.id}/reply`, { body: 'x'.repeat(2001) });
    expect([tooLong.status, tooLong.body.error.field]).toEqual([400, 'body']);
    const removed = await marketer.change('POST', `/admin/api/reviews/${target.id}/reply`, { body: '' });
    expect(removed.body.review.reply).toBeUndefined();

    const one = await marketer.read(`/admin/api/reviews/${target.id}`);
    expect(one.body.history.map((entry: { status: string; reason?: string }) => [entry.status, entry.reason])).toEqual([
      ['rejected', 'Advertises another shop.'],
      ['replied', undefined],
      ['reply_removed', undefined],
    ]);
  });

  test('viewers read but cannot moderate; a change needs the CSRF header; an unknown review is a 404; bad filters name their field', async () => {
    const target = review();
    await h.store.addReview(target);
    const viewer = await signedIn(h, 'viewer');
    const marketer = await signedIn(h, 'marketer');
    expect((await viewer.read('/admin/api/reviews')).status).toBe(200);
    expect((await viewer.change('POST', `/admin/api/reviews/${target.id}/approve`, {})).status).toBe(403);
    const forged = await marketer.change('POST', `/admin/api/reviews/${target.id}/approve`, {}, { csrf: false });
    expect([forged.status, forged.body.error.code]).toEqual([403, 'csrf_failed']);
    expect((await h.call('GET', '/admin/api/reviews')).status).toBe(401);
    const missing = await marketer.change('POST', '/admin/api/reviews/nope/approve', {});
    expect([missing.status, missing.body.error.code]).toEqual([404, 'review_not_found']);
    expect((await marketer.change('POST', `/admin/api/reviews/${target.id}/delete`, {})).status).toBe(404);
    expect((await marketer.read('/admin/api/reviews/%E0%A4%A')).status).toBe(404);
    for (const [query, field] of [
      ['status=spam', 'status'],
      ['rating=6', 'rating'],
      ['limit=500', 'limit'],
      ['cursor=%%%', 'cursor'],
    ]) {
      const res = await marketer.read(`/admin/api/reviews?${query}`);
      expect([res.status, res.body.error.field], query).toEqual([400, field]);
    }
  });

  test('pages with a cursor and filters by rating and text', async () => {
    const sku = unique('SKU');
    for (let i = 0; i < 5; i++)
      await h.store.addReview(review({ sku, createdAt: Date.UTC(2026, 2, i + 1), rating: i % 2 ? 2 : 5, body: i === 3 ? '杯子很薄，好看' : 'fine' }));
    const viewer = await signedIn(h, 'viewer');
    const first = await viewer.read(`/admin/api/reviews?product=${sku}&limit=2`);
    const second = await viewer.read(`/admin/api/reviews?product=${sku}&limit=2&cursor=${first.body.nextCursor}`);
    const third = await viewer.read(`/admin/api/reviews?product=${sku}&limit=2&cursor=${second.body.nextCursor}`);
    const dates = [...first.body.reviews, ...second.body.reviews, ...third.body.reviews].map((r: Review) => r.createdAt);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(dates).size).toBe(5);
    expect(third.body.nextCursor).toBeUndefined();
    expect((await viewer.read(`/admin/api/reviews?product=${sku}&rating=2`)).body.reviews).toHaveLength(2);
    expect((await viewer.read(`/admin/api/reviews?product=${sku}&q=${encodeURIComponent('很薄')}`)).body.reviews).toHaveLength(1);
  });

  test('imports a CSV export: a row per outcome, idempotent on re-import, dates, status and verified kept', async () => {
    const sku = unique('cup');
    const csv = [
      '\uFEFFproduct_handle,rating,title,body,reviewer_name,reviewer_email,review_date,curated,verified_purchase,reply,picture_urls',
      `${sku},5,Lovely,"Thin walls,\r\nwarm glaze",Ann,ann@example.com,2024-03-05 10:20:00 UTC,ok,true,Thanks!,https://cdn.example/a.jpg http://cdn.example/b.jpg`,
      `${sku},2,釉色一般,杯子有点小,李伟,li@example.com,2024-04-01,not-yet,false,,`,
      `${sku},9,Bad,Rating,Bo,,2024-04-02,ok,,,`,
      '',
    ].join('\r\n');
    const marketer = await signedIn(h, 'marketer');
    const send = () => h.call('POST', '/admin/api/reviews/import?source=judge.me', csv, { ...marketer.headers, 'content-type': 'text/csv' });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 2, duplicates: 0, refused: 1 });
    expect(first.body.rows[2]).toEqual({ row: 4, outcome: 'refused', message: 'Row 4, column "rating": must be a whole number from 1 to 5; received "9".' });
    const again = await send();
    expect(again.body).toMatchObject({ imported: 0, duplicates: 2, refused: 1 });

    const all = (await marketer.read(`/admin/api/reviews?product=${sku}`)).body.reviews as Review[];
    const ann = all.find((r) => r.author === 'Ann')!;
    expect(ann).toMatchObject({
      status: 'published',
      verified: true,
      body: 'Thin walls,\r\nwarm glaze',
      createdAt: Date.UTC(2024, 2, 5, 10, 20),
      language: 'en',
    });
    expect(ann.photos).toEqual([{ url: 'https://cdn.example/a.jpg' }]);
    expect(ann.reply?.body).toBe('Thanks!');
    expect(JSON.stringify(all)).not.toContain('ann@example.com');
    expect(all.find((r) => r.author === '李伟')).toMatchObject({ status: 'pending', verified: false, language: 'zh-CN' });
    const history = (await marketer.read(`/admin/api/reviews/${ann.id}`)).body.history;
    expect(history).toEqual([{ at: expect.any(Number), status: 'published', reason: 'Imported from judge.me.', actor: 'import' }]);
  });

  test('the import refuses a file without a product column, a non-CSV type, and a viewer', async () => {
    const marketer = await signedIn(h, 'marketer');
    const viewer = await signedIn(h, 'viewer');
    const noProduct = await h.call('POST', '/admin/api/reviews/import', 'rating,review_date\n5,2024-01-01\n', {
      ...marketer.headers,
      'content-type': 'text/csv',
    });
    expect([noProduct.status, noProduct.body.error.field]).toEqual([400, 'body']);
    expect(noProduct.body.error.message).toMatch(/needs a product column.*its header row has: rating, review_date/);
    const wrongType = await marketer.change('POST', '/admin/api/reviews/import', { rows: [] });
    expect([wrongType.status, wrongType.body.error.field]).toEqual([415, 'content-type']);
    const denied = await h.call('POST', '/admin/api/reviews/import', 'sku,rating\n', { ...viewer.headers, 'content-type': 'text/csv' });
    expect(denied.status).toBe(403);
    const huge = await h.call('POST', '/admin/api/reviews/import', `sku,rating,date\n${'A,5,2024-01-01\n'.repeat(400_000)}`, {
      ...marketer.headers,
      'content-type': 'text/csv',
    });
    expect([huge.status, huge.body.error.field]).toEqual([413, 'body']);
  });
});
