// Writes pending reviews into a console e2e server's embedded database before it starts
// (PGlite is one process's at a time): `node seed-reviews.mjs <dataDir>`. Through the real
// store, so the rows are exactly what the server reads.
import { openStore } from '@cartlift/server';

const [dataDir] = process.argv.slice(2);
const store = await openStore({ kind: 'pglite', dataDir });
const base = Date.UTC(2026, 10, 1);
const reviews = [
  { id: 'e2e-approve', rating: 1, title: 'Leaked <b>everywhere</b>', body: '<img src=x onerror="window.__xss=1">The lid leaks.', author: 'Ann' },
  { id: 'e2e-reject', rating: 5, title: 'Buy at other-shop.example', body: 'Cheaper there.', author: 'Spam Bot' },
  { id: 'e2e-reply', rating: 3, title: '茶很香', body: '包装有点简单。', author: '李伟', language: 'zh-CN' },
];
for (const [index, review] of reviews.entries()) {
  await store.addReview({
    sku: 'TEA-LJ-100',
    language: 'en',
    photos: [],
    attributes: {},
    helpful: 0,
    status: 'pending',
    verified: index === 0,
    createdAt: base + index * 60_000,
    ...review,
  });
}
await store.close();
