import { describe, expect, test } from 'vitest';
import { ReviewCsvError, readReviewCsv } from './review-csv.js';

// Header rows as the apps export them (trimmed to the columns that matter here).
const YOTPO = 'Review ID,Product ID,Product Name,Review Title,Review Content,Review Score,Date,Display Name,Email,Published,Verified Purchase,Comment Content';
const SHOPIFY = 'product_handle,state,rating,title,author,email,location,body,reply,created_at,replied_at';
const STAMPED =
  'productId,productHandle,productSKU,reviewTitle,reviewMessage,reviewRating,author,email,reviewVerifiedType,reviewState,createdAt,reviewReply,reviewImageURLs';

const reviews = (text: string, source = 'csv') =>
  readReviewCsv(text, source).map((row) => {
    if ('problem' in row) throw new Error(row.problem);
    return row.review;
  });

describe('reading review apps’ CSV exports', () => {
  test('Yotpo: its own review id, "Published" true/false, a verified column and a reply', () => {
    const [first, second] = reviews(
      `${YOTPO}\n` +
        '901,TEA-LJ-100,Longjing,Great,"He said ""best"" tea",5,2024-02-01T08:00:00Z,Ann,a@x.example,true,true,Thank you\n' +
        '902,TEA-LJ-100,Longjing,Meh,Fine,3,2024-02-02T08:00:00Z,Bo,b@x.example,false,false,\n',
      'yotpo',
    );
    expect(first).toMatchObject({
      sku: 'TEA-LJ-100',
      rating: 5,
      body: 'He said "best" tea',
      status: 'published',
      verified: true,
      reply: { body: 'Thank you' },
    });
    expect(second).toMatchObject({ status: 'pending', verified: false });
    expect(second!.reply).toBeUndefined();
    // The id comes from the source's own review id: the same review in a re-export keeps it.
    expect(reviews(`${YOTPO}\n901,TEA-LJ-100,Longjing,Edited,Other text,4,2024-02-01,Ann,,true,true,\n`, 'yotpo')[0]!.id).toBe(first!.id);
  });

  test('Shopify Product Reviews: state "spam" is rejected with the word as the reason; the reply keeps its own date', () => {
    const [review] = reviews(`${SHOPIFY}\r\nceladon-cup,spam,1,Buy here,Bot,,,Cheap!,No,2024-01-05 10:00:00 UTC,2024-01-06 09:00:00 UTC\r\n`);
    expect(review).toMatchObject({ sku: 'celadon-cup', status: 'rejected', rejectionReason: 'Imported as "spam".', createdAt: Date.UTC(2024, 0, 5, 10) });
    expect(review!.reply).toEqual({ body: 'No', createdAt: Date.UTC(2024, 0, 6, 9) });
  });

  test('Stamped: the SKU column wins over the handle, Chinese text is tagged zh-CN, only https photos are kept, at most 3', () => {
    const photos = 'https://a.example/1.jpg,http://a.example/2.jpg,https://a.example/3.jpg;https://a.example/4.jpg|https://a.example/5.jpg,javascript:alert(1)';
    const [review] = reviews(
      `\uFEFF${STAMPED}\n1,celadon-cup,CUP-CELADON,好杯子,"釉色温润，\n手感很好",5,李伟,li@x.example,verified_buyer,published,1717200000,,"${photos}"\n`,
    );
    expect(review).toMatchObject({ sku: 'CUP-CELADON', body: '釉色温润，\n手感很好', language: 'zh-CN', verified: true, createdAt: 1_717_200_000_000 });
    expect(review!.photos.map((photo) => photo.url)).toEqual(['https://a.example/1.jpg', 'https://a.example/3.jpg', 'https://a.example/4.jpg']);
  });

  test('a row is refused naming its row and column; the others still read', () => {
    const rows = readReviewCsv(
      `sku,rating,date,title\nA,5,2024-01-01,ok\n,4,2024-01-01,no product\nB,4,yesterday,bad date\nC,4,2024-01-01,${'x'.repeat(301)}\n`,
      'csv',
    );
    expect(rows.map((row) => ('problem' in row ? row.problem : row.row))).toEqual([
      2,
      'Row 3, column "sku": the product is empty.',
      'Row 4, column "date": must be a date such as 2024-03-05 or 2024-03-05T10:20:00Z; received "yesterday".',
      'Row 5, column "title": must be at most 300 characters; received 301.',
    ]);
  });

  test('a file that is not CSV, or lacks a rating column, is refused whole', () => {
    expect(() => readReviewCsv('sku,rating,date\n"unclosed,5,2024-01-01\n', 'csv')).toThrow(ReviewCsvError);
    expect(() => readReviewCsv('sku,title,date\nA,ok,2024-01-01\n', 'csv')).toThrow(/needs a rating column .*header row has: sku, title, date/);
    expect(() => readReviewCsv('', 'csv')).toThrow(/empty/);
  });
});
