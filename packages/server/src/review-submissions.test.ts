import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storeVariants, unique, useHarness, type Harness } from '../test/harness.js';
import { addAdminUser } from './admin/users.js';
import type { ReviewInvitationLink, ReviewInvitationOrder } from './reviews/invitations.js';

const DAY = 86_400_000;
const PASSWORD = 'tea-and-celadon-cups';
const review = (extra: Record<string, unknown> = {}) => ({
  rating: 5,
  title: 'Fresh',
  body: 'Sweet aftertaste, whole leaves.',
  author: 'Lin',
  language: 'en',
  ...extra,
});

/** Every onReviewInvitation call, in order. */
function mailbox() {
  const calls: Array<{ order: ReviewInvitationOrder; links: ReviewInvitationLink[] }> = [];
  return { calls, hook: (order: ReviewInvitationOrder, links: ReviewInvitationLink[]) => void calls.push({ order, links }) };
}

/** A paid order of a tea (variant "Spring") and a cup, and the links the hook received for it. */
async function paidOrder(h: Harness, mail: ReturnType<typeof mailbox>) {
  const checkoutId = unique('co');
  const paid = await h.checkout({
    checkoutId,
    lines: [
      { sku: 'TEA-LJ-100', quantity: 1, variant: 'Spring' },
      { sku: 'CUP-CELADON', quantity: 2 },
    ],
    contact: { email: `${unique('buyer')}@example.com` },
  });
  expect(paid.body.status).toBe('succeeded');
  await h.sandbox.webhooksIdle();
  await expect.poll(() => mail.calls.filter((c) => c.order.paymentIntentId === paid.body.paymentIntentId).length).toBe(1);
  const { links } = mail.calls.find((c) => c.order.paymentIntentId === paid.body.paymentIntentId)!;
  return { checkoutId, paymentIntentId: paid.body.paymentIntentId as string, links };
}

describe.each(storeVariants())('reviews written from a paid order on $name (moderation "all", invitations only)', ({ open }) => {
  const mail = mailbox();
  let offset = 0;
  const h = useHarness(open, {
    onReviewInvitation: mail.hook,
    now: () => Date.now() + offset,
    reviews: { invitationUrl: (line) => `https://shop.example/review/${line.sku}#form`, attributes: { size: ['small', 'large'] } },
  });
  afterEach(() => {
    offset = 0;
  });
  const post = (body: unknown, ip = unique('ip')) => h.call('POST', '/reviews', body, { 'x-test-ip': ip });

  test('a paid order mails one signed link per line once (the webhook after the settle adds none), 180 days valid', async () => {
    const { links, paymentIntentId } = await paidOrder(h, mail);
    expect(links.map((l) => [l.sku, l.variant, l.productName])).toEqual([
      ['TEA-LJ-100', 'Spring', 'West Lake Longjing tea 100 g'],
      ['CUP-CELADON', undefined, 'Celadon tea cup'],
    ]);
    expect(links[0]!.url).toBe(`https://shop.example/review/TEA-LJ-100?cartlift_review=${links[0]!.token}#form`);
    expect(links[0]!.token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    const order = await h.store.getOrder(paymentIntentId);
    expect(links[0]!.expiresAt).toBe(order!.createdAt + 180 * DAY);
    const about = await h.call('GET', `/reviews/invitation?token=${links[1]!.token}`);
    expect(about.status).toBe(200);
    expect(about.body).toEqual({ sku: 'CUP-CELADON', productName: 'Celadon tea cup', expiresAt: links[1]!.expiresAt, used: false });
  });

  test("a review through a link is verified, about the invitation's product (not the one sent), pending; the link then answers 410", async () => {
    const { links } = await paidOrder(h, mail);
    const res = await post({ ...review({ attributes: { size: 'small' } }), invitation: links[0]!.token, product: 'POT-YIXING', variant: 'Autumn' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^rv_/), status: 'pending' });
    const again = await post({ ...review(), invitation: links[0]!.token });
    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([
      410,
      'invitation_used',
      'invitation was already used: each review link writes one review.',
    ]);
    const about = await h.call('GET', `/reviews/invitation?token=${links[0]!.token}`);
    expect([about.status, about.body.used]).toEqual([410, true]);
    // Pending: not shown to shoppers yet.
    expect((await h.call('GET', '/reviews?product=TEA-LJ-100')).body.total).toBe(0);
    const { invitations } = await h.store.listReviewInvitations({ limit: 200 });
    expect(invitations.find((i) => i.reviewId === res.body.id)).toMatchObject({
      sku: 'TEA-LJ-100',
      variant: 'Spring',
      reviewId: res.body.id,
      usedAt: expect.any(Number),
    });
  });

  test('two posts with one token at once make exactly one review', async () => {
    const { links } = await paidOrder(h, mail);
    const answers = await Promise.all([post({ ...review(), invitation: links[1]!.token }), post({ ...review({ rating: 1 }), invitation: links[1]!.token })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410]);
  });

  test('a forged, a mangled and an expired token are refused with sentences', async () => {
    const { links } = await paidOrder(h, mail);
    const [id] = links[0]!.token.split('.');
    const forged = await post({ ...review(), invitation: `${id}.${'A'.repeat(43)}` });
    expect([forged.status, forged.body.error.field, forged.body.error.message]).toEqual([
      404,
      'invitation',
      'invitation is not a review link this shop sent; use the link from the order email, unchanged.',
    ]);
    expect((await h.call('GET', '/reviews/invitation?token=nonsense-token')).status).toBe(404);
    expect((await h.call('GET', '/reviews/invitation')).body.error.field).toBe('token');
    offset = 181 * DAY;
    const expired = await post({ ...review(), invitation: links[0]!.token });
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/^invitation expired on \d{4}-\d\d-\d\d: review links work for 180 days after the order\.$/);
  });

  test('without an invitation a shop that only takes verified reviews answers 403', async () => {
    const res = await post({ ...review(), product: 'TEA-LJ-100' });
    expect([res.status, res.body.error.field, res.body.error.message]).toEqual([
      403,
      'invitation',
      'This shop publishes reviews from its customers only: send the invitation token from the review link in the order email.',
    ]);
  });

  test('every problem at once, each naming the field, what it must be and what was received', async () => {
    const res = await post({
      product: 'TEA-LJ-100',
      rating: 6,
      title: 'x'.repeat(121),
      body: '',
      author: 'A',
      language: 'english!',
      attributes: { size: 'huge', colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('rating');
    expect(res.body.problems).toEqual([
      { field: 'rating', message: 'rating must be a whole number from 1 to 5; received 6.' },
      { field: 'title', message: 'title must be text, at most 120 characters without control characters; received 121 characters.' },
      { field: 'body', message: 'body must be the review text, 1 to 5000 characters without control characters; received 0 characters.' },
      { field: 'language', message: 'language must be a BCP-47 tag such as "en" or "zh-CN"; received "english!".' },
      { field: 'attributes.size', message: 'attributes.size must be one of "small", "large"; received "huge".' },
      { field: 'attributes.colour', message: 'attributes.colour is not a question this shop asks; it asks "size".' },
    ]);
    expect((await h.call('POST', '/reviews', 'not json', { 'x-test-ip': unique('ip') })).status).toBe(400);
  });

  test('"Review later" mails the unused links again through the hook, once a day per order, only for the checkout id that paid', async () => {
    const { checkoutId, paymentIntentId, links } = await paidOrder(h, mail);
    await post({ ...review(), invitation: links[0]!.token });
    const before = mail.calls.length;
    const first = await h.call('POST', '/reviews/remind', { checkoutId }, { 'x-test-ip': unique('ip') });
    expect([first.status, first.body]).toEqual([202, { sent: true, links: 1 }]);
    expect(mail.calls.length).toBe(before + 1);
    expect(mail.calls.at(-1)!.order.paymentIntentId).toBe(paymentIntentId);
    expect(mail.calls.at(-1)!.links.map((l) => l.token)).toEqual([links[1]!.token]);
    const second = await h.call('POST', '/reviews/remind', { checkoutId }, { 'x-test-ip': unique('ip') });
    expect(second.body.sent).toBe(false);
    expect(mail.calls.length).toBe(before + 1);
    const stranger = await h.call('POST', '/reviews/remind', { checkoutId: unique('co') }, { 'x-test-ip': unique('ip') });
    expect([stranger.status, stranger.body.error.field]).toEqual([404, 'checkoutId']);
  });

  test('the console lists invitations newest first, a page at a time, without tokens or emails, to a signed-in viewer only', async () => {
    await paidOrder(h, mail);
    const email = `${unique('viewer')}@example.com`;
    await addAdminUser(h.store, { email, role: 'viewer', password: PASSWORD, now: Date.now() });
    const login = await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': unique('ip') });
    const cookie = `cartlift_admin=${/cartlift_admin=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]}`;
    const first = await h.call('GET', '/admin/api/review-invitations?limit=1', undefined, { cookie });
    expect(first.status).toBe(200);
    expect(first.body.invitations).toHaveLength(1);
    expect(first.body.invitations[0]).toMatchObject({ usedAt: null, reviewId: null, expiresAt: expect.any(Number) });
    expect(first.body.invitations[0].email).toBeUndefined();
    expect(JSON.stringify(first.body)).not.toMatch(/token|@example\.com/);
    // The newest order's two lines, over two pages (one order's lines share a created time).
    const next = await h.call('GET', `/admin/api/review-invitations?limit=1&cursor=${first.body.nextCursor}`, undefined, { cookie });
    expect([first.body.invitations[0].sku, next.body.invitations[0].sku].sort()).toEqual(['CUP-CELADON', 'TEA-LJ-100']);
    expect((await h.call('GET', '/admin/api/review-invitations?cursor=zzz', undefined, { cookie })).body.error.field).toBe('cursor');
    expect((await h.call('GET', '/admin/api/review-invitations')).status).toBe(401);
  });
});

describe.each(storeVariants())('reviews a shop takes without invitations, published unless held, with votes and photos, on $name', ({ open }) => {
  const h = useHarness(open, {
    allowedOrigins: ['https://shop.example'],
    reviews: { acceptUnverified: true, moderation: 'flagged', perHour: { submissions: 5 } },
  });
  const post = (body: unknown, ip = unique('ip')) => h.call('POST', '/reviews', body, { 'x-test-ip': ip });
  const vote = (body: unknown, ip = unique('ip')) => h.call('POST', '/reviews/helpful', body, { 'x-test-ip': ip });
  let product = '';
  beforeEach(() => {
    // Each test reads its own product's page.
    product = ['TEA-LJ-100', 'CUP-CELADON', 'POT-YIXING'][Math.floor(Math.random() * 3)]!;
  });

  test('an unverified review is published at once with verified: false; profanity holds one (en or zh-CN) for a person', async () => {
    const clean = await post({ ...review({ author: unique('Ann') }), product });
    expect(clean.body.status).toBe('published');
    const page = await h.call('GET', `/reviews?product=${product}&sort=newest&limit=25`);
    expect(page.body.reviews.find((r: { id: string }) => r.id === clean.body.id)).toMatchObject({ verified: false, status: 'published', rating: 5 });
    const rude = await post({ ...review({ body: 'The seller is a 傻 逼' }), product });
    expect(rude.body.status).toBe('pending');
    const swear = await post({ ...review({ title: 'shit tea' }), product });
    expect(swear.body.status).toBe('pending');
    // The moderator sees how each review arrived: its first history row is the shopper's, with the hold's reason.
    const store = await h.handler.store();
    expect((await store.reviewWithHistory(rude.body.id))?.history).toEqual([
      { at: expect.any(Number), status: 'pending', reason: 'profanity: zh-CN', actor: 'shopper' },
    ]);
    expect((await store.reviewWithHistory(clean.body.id))?.history).toEqual([{ at: expect.any(Number), status: 'published', actor: 'shopper' }]);
    const unknown = await post({ ...review(), product: 'NOT-IN-CATALOG' });
    expect([unknown.status, unknown.body.error.field]).toEqual([404, 'product']);
  });

  test("reviews published at once refresh their product's topics: words two reviews share become a filter", async () => {
    for (const author of ['Mei', 'Tom']) await post({ ...review({ author, title: 'Lovely', body: 'The lotus tin keeps it fresh.' }), product });
    const page = await h.call('GET', `/reviews?product=${product}`);
    expect(page.body.facets.topics.map((t: { topic: string }) => t.topic)).toContain('lotus tin');
    const filtered = await h.call('GET', `/reviews?product=${product}&topic=${encodeURIComponent('lotus tin')}`);
    expect(filtered.body.total).toBe(2);
  });

  test('helpful votes count once per shopper, rewrite the most-helpful order, and only on published reviews', async () => {
    const a = (await post({ ...review(), product: 'POT-YIXING' })).body.id as string;
    const b = (await post({ ...review({ rating: 4 }), product: 'POT-YIXING' })).body.id as string;
    const held = (await post({ ...review({ body: 'fuuuuck' }), product: 'POT-YIXING' })).body.id as string;
    const shopper = unique('anon-shopper');
    expect((await vote({ review: b, shopper, helpful: true })).body).toEqual({ counted: true, helpful: 1, notHelpful: 0 });
    expect((await vote({ review: b, shopper, helpful: false })).body).toEqual({ counted: false, helpful: 1, notHelpful: 0 });
    expect((await vote({ review: b, shopper: unique('anon-other'), helpful: true })).body).toEqual({ counted: true, helpful: 2, notHelpful: 0 });
    expect((await vote({ review: a, shopper, helpful: false })).body).toEqual({ counted: true, helpful: 0, notHelpful: 1 });
    const top = await h.call('GET', '/reviews?product=POT-YIXING&sort=helpful&limit=1');
    expect(top.body.reviews[0].id).toBe(b);
    const pending = await vote({ review: held, shopper, helpful: true });
    expect([pending.status, pending.body.error.field]).toEqual([404, 'review']);
    const bad = await vote({ review: b, shopper: 'x', helpful: 'yes' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'shopper']);
  });

  test('photos attach to one review only, and the review shows them', async () => {
    const { jpegWithGps } = await import('../test/photo-fixtures.js');
    const uploaded = await h.handler(
      new Request(`http://cartlift.test${h.handler.basePath}/reviews/photos`, { method: 'POST', body: (await jpegWithGps()) as Uint8Array<ArrayBuffer> }),
      { clientIp: unique('ip') },
    );
    const photo = (await uploaded.json()) as { id: string; url: string };
    const first = await post({ ...review(), product: 'CUP-CELADON', photos: [photo.id] });
    expect(first.status).toBe(201);
    const page = await h.call('GET', '/reviews?product=CUP-CELADON&media=true&limit=25');
    expect(page.body.reviews.find((r: { id: string }) => r.id === first.body.id).photos).toEqual([{ url: photo.url, width: 48, height: 64 }]);
    const reused = await post({ ...review(), product: 'CUP-CELADON', photos: [photo.id] });
    expect([reused.status, reused.body.error.field]).toEqual([409, 'photos']);
    const tooMany = await post({ ...review(), product: 'CUP-CELADON', photos: ['aaaaaaaa', 'bbbbbbbb', 'cccccccc', 'dddddddd'] });
    expect([tooMany.status, tooMany.body.error.field]).toEqual([400, 'photos']);
  });

  test('submissions per address are limited: past reviews.perHour.submissions, 429 with Retry-After and a sentence', async () => {
    const ip = unique('ip');
    for (let i = 0; i < 5; i++) expect((await post({ rating: 0 }, ip)).status).toBe(400);
    const over = await post({ ...review(), product }, ip);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.error.message).toMatch(/^Too many reviews from this address \(at most 5 an hour\); wait \d+ seconds before trying again\.$/);
    expect((await post({ ...review(), product }, unique('ip'))).status).toBe(201);
  });

  test('the new shopper routes answer preflights from allowed origins only', async () => {
    for (const path of ['/reviews', '/reviews/photos', '/reviews/helpful', '/reviews/remind']) {
      const allowed = await h.call('OPTIONS', path, undefined, { origin: 'https://shop.example', 'access-control-request-method': 'POST' });
      expect(allowed.headers.get('access-control-allow-origin'), path).toBe('https://shop.example');
      const other = await h.call('OPTIONS', path, undefined, { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' });
      expect(other.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});

describe.each(storeVariants())('a failing mailer and an unreachable database on $name', ({ open }) => {
  const logged: string[] = [];
  const h = useHarness(open, {
    onReviewInvitation: () => Promise.reject(new Error('SMTP 421 try later')),
    logger: { error: (message) => void logged.push(message) },
    reviews: { acceptUnverified: true },
  });

  test('a hook that throws is logged; the payment, its webhook and its links are unaffected', async () => {
    const paid = await h.checkout({ checkoutId: unique('co'), lines: [{ sku: 'CUP-CELADON', quantity: 1 }], contact: { email: `${unique('b')}@example.com` } });
    expect(paid.body.status).toBe('succeeded');
    await h.sandbox.webhooksIdle();
    await expect.poll(() => logged.filter((m) => m.includes(paid.body.paymentIntentId)).length).toBe(1);
    expect(logged.find((m) => m.includes(paid.body.paymentIntentId))).toBe(
      `[cartlift] onReviewInvitation failed for order ${paid.body.paymentIntentId}; its review links are still listed in the console.`,
    );
    expect(await h.store.orderReviewInvitations(paid.body.paymentIntentId)).toHaveLength(1);
    expect(await h.store.getOrder(paid.body.paymentIntentId)).not.toBeNull();
  });

  test('the database being unreachable while storing a review is a 503 with Retry-After, not a 500', async () => {
    const submitReview = h.store.submitReview;
    h.store.submitReview = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    try {
      const res = await h.call('POST', '/reviews', { ...review(), product: 'TEA-LJ-100' }, { 'x-test-ip': unique('ip') });
      expect([res.status, res.body.error.code]).toEqual([503, 'service_unavailable']);
      expect(res.headers.get('retry-after')).toBeTruthy();
    } finally {
      h.store.submitReview = submitReview;
    }
  });
});
