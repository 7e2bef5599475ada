import type { Page } from '@playwright/test';
import {
  drawer,
  effort,
  fillCard,
  fillContact,
  intentsFor,
  newEmail,
  openCart,
  openStore,
  openStoreIn,
  paidIntentId,
  payAmount,
  payRemembered,
  stripeFor,
} from './checkout-helpers';
import { booted, expect, test } from './fixtures';

// "One price everywhere", as shoppers meet it: what the Pay button or the
// wallet shows is what is charged, or nothing is charged and the shopper is
// told the new total and why; failures come back in the shopper's language.

const CUP = { name: /Add to cart/, nth: 1 };

/** A cup in the cart of the Chinese storefront, and the sheet filled as a shopper types it. */
async function chineseSheet(page: Page, email: string): Promise<void> {
  await openStoreIn(page, 'zh-CN');
  await page.getByRole('button', { name: CUP.name }).nth(CUP.nth).click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: '去结账' }).click();
  await drawer(page).getByLabel('邮箱').fill(email);
  await drawer(page).getByLabel('姓名').fill('李伟');
  // China's form: province, city, district, street; no postcode, the phone required.
  await drawer(page).getByLabel('电话', { exact: true }).fill('+86 138 0013 8000');
  await drawer(page).getByLabel('省份').selectOption('浙江省');
  await drawer(page).getByLabel('城市').fill('杭州市');
  await drawer(page).getByLabel('详细地址').fill('西湖路1号');
}

/** What the server charges this shopper for one cup now. */
async function serverTotal(page: Page, email: string, codes: string[] = []): Promise<number> {
  const quote = await (
    await page.request.post('/api/cartlift/quote', { data: { lines: [{ sku: 'CUP-CELADON', quantity: 1 }], codes, contact: { email } } })
  ).json();
  return quote.total;
}

test('a returning shopper is shown what they are charged: no second first-order offer, no second WELCOME10, by card and by WeChat Pay', async ({
  page,
  problems,
}) => {
  const email = newEmail('back');
  await payRemembered(page, email, ['WELCOME10']);

  // Card: the drawer already prices for the saved email, and a used code leaves with its reason.
  await openStore(page);
  await page.getByRole('button', { name: CUP.name }).nth(CUP.nth).click();
  await openCart(page);
  await expect(drawer(page).locator('[part=first-purchase]')).toHaveCount(0);
  await drawer(page).getByLabel('Coupon code').fill('WELCOME10');
  await drawer(page).getByRole('button', { name: 'Apply' }).click();
  await expect(drawer(page).getByRole('alert').filter({ hasText: 'You have already used' })).toBeVisible();
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(drawer(page).getByLabel('Email')).toHaveValue(email);
  await fillCard(page, effort());
  const shown = await payAmount(page);
  expect(shown).toBe(await serverTotal(page, email));
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  const stripe = await stripeFor(page);
  expect((await stripe.paymentIntents.retrieve(await paidIntentId(page))).amount).toBe(shown);

  // WeChat Pay: the same.
  await openStore(page);
  await page.getByRole('button', { name: CUP.name }).nth(CUP.nth).click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(drawer(page).getByLabel('Email')).toHaveValue(email);
  await page.getByRole('tab', { name: 'WeChat Pay' }).click();
  const shownWechat = await payAmount(page);
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: 'Simulate scan' }).click();
  const wechat = await stripe.paymentIntents.retrieve(await paidIntentId(page));
  expect([wechat.amount, wechat.status]).toEqual([shownWechat, 'succeeded']);
  expect(shownWechat).toBe(await serverTotal(page, email));
  // Every intent this shopper ever had was charged what was shown, or canceled.
  for (const intent of await intentsFor(stripe, email)) expect(['succeeded', 'canceled']).toContain(intent.status);
  expect(problems.uncaught).toEqual([]);
});

test('a wallet whose email bought before: nothing charged, the new total and why, then one more click pays it', async ({ page, problems }) => {
  // The wallet's account: a shopper who buys once through the wallet, then comes back.
  const walletEmail = newEmail('wallet-back');
  const wallet = page.getByRole('button', { name: 'Pay (test wallet)' });
  const payByWallet = async () => {
    await wallet.click();
    const sheet = page.getByRole('dialog', { name: 'Test wallet' });
    await sheet.getByLabel('Wallet email').fill(walletEmail);
    await sheet.getByRole('button', { name: 'Confirm test payment' }).click();
  };
  await openStore(page);
  await page.getByRole('button', { name: CUP.name }).nth(CUP.nth).click();
  await openCart(page);
  await payByWallet();
  await paidIntentId(page);

  // A new visit: the drawer can't know the wallet's email, so it shows the first-order price.
  await page.goto('/');
  await booted(page);
  await page.getByRole('button', { name: CUP.name }).nth(CUP.nth).click();
  await openCart(page);
  await expect(drawer(page).locator('[part=first-purchase]')).toBeVisible();
  const stripe = await stripeFor(page);
  await payByWallet();
  const total = await serverTotal(page, walletEmail);
  const money = `$${(total / 100).toFixed(2)}`;
  const changed = drawer(page).getByRole('alert').filter({ hasText: 'Nothing was charged' });
  await expect(changed).toContainText('Your first-order discount was used on an earlier order.');
  await expect(changed).toContainText(`The total is now ${money}`);
  expect((await intentsFor(stripe, walletEmail)).map((pi) => pi.status)).toEqual(['succeeded']);
  // The drawer now shows the server's total, and the wallet charges it.
  await expect(drawer(page).locator('dl')).toContainText(money);
  await payByWallet();
  const intent = await stripe.paymentIntents.retrieve(await paidIntentId(page));
  expect([intent.amount, intent.status]).toEqual([total, 'succeeded']);
  expect(problems.uncaught).toEqual([]);
});

test('a failed Alipay return opens the sheet again with what was typed and says so in Chinese; nothing was charged', async ({ page, problems }) => {
  const email = newEmail('alipay-fail');
  await chineseSheet(page, email);
  await page.getByRole('tab', { name: '支付宝' }).click();
  await drawer(page)
    .getByRole('button', { name: /^支付 / })
    .click();
  await page.getByRole('button', { name: /Fail test payment/ }).click();
  await booted(page);
  await expect(drawer(page).getByRole('alert').filter({ hasText: '未扣款' })).toContainText('支付未获授权，未扣款，请重试。');
  await expect(drawer(page).getByLabel('邮箱')).toHaveValue(email);
  await expect(drawer(page).getByLabel('详细地址')).toHaveValue('西湖路1号');
  const stripe = await stripeFor(page);
  expect((await intentsFor(stripe, email)).map((pi) => pi.status)).toEqual(['canceled']);
  // Trying again with a card pays.
  await page.getByRole('tab', { name: '银行卡' }).click();
  await page.getByLabel('卡号').fill('4242424242424242');
  await page.getByLabel('有效期（月 / 年）').fill('12/40');
  await page.getByLabel('安全码（CVC）').fill('123');
  await drawer(page)
    .getByRole('button', { name: /^支付 / })
    .click();
  await paidIntentId(page);
  expect(problems.uncaught).toEqual([]);
});

test('closing the WeChat Pay QR code charges nothing and says so in Chinese; scanning on the next try pays', async ({ page, problems }) => {
  const email = newEmail('wechat-close');
  await chineseSheet(page, email);
  await page.getByRole('tab', { name: '微信支付' }).click();
  await drawer(page)
    .getByRole('button', { name: /^支付 / })
    .click();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(drawer(page).getByRole('alert').filter({ hasText: '二维码' })).toHaveText('您在付款前关闭了微信支付二维码，未扣款。');
  const stripe = await stripeFor(page);
  expect((await intentsFor(stripe, email)).map((pi) => pi.status)).toEqual(['canceled']);
  await drawer(page)
    .getByRole('button', { name: /^支付 / })
    .click();
  await page.getByRole('button', { name: '模拟扫码' }).click();
  await paidIntentId(page);
  expect((await intentsFor(stripe, email)).map((pi) => pi.status).sort()).toEqual(['canceled', 'succeeded']);
  expect(problems.uncaught).toEqual([]);
});

test('the thank-you screen shows the order number, items, amount charged and receipt email, and still does after a reload', async ({ page, problems }) => {
  const email = newEmail('thanks');
  await openStore(page);
  await page.getByRole('button', { name: CUP.name }).nth(CUP.nth).click();
  await openCart(page);
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await fillContact(page, effort(), email);
  await fillCard(page, effort());
  const shown = await payAmount(page);
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  const id = await paidIntentId(page);
  const number = id.replace(/^pi_/, '').slice(-9).toUpperCase();
  const screen = async () => {
    const status = drawer(page).getByRole('status').filter({ hasText: 'Your payment went through' });
    await expect(status).toContainText(`Order number: ${number}.`);
    await expect(status).toContainText('Celadon tea cup × 1');
    await expect(status).toContainText(`Amount charged $${(shown / 100).toFixed(2)}`);
    await expect(status).toContainText(`A receipt goes to ${email}.`);
  };
  await screen();
  await page.reload();
  await booted(page);
  await screen();
  // Closed, it stays closed.
  await drawer(page).getByRole('button', { name: 'Continue shopping' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.has('cartlift-order')).toBe(false);
  await page.reload();
  await booted(page);
  await expect(drawer(page)).toHaveCount(0);
  expect(problems.uncaught).toEqual([]);
});
