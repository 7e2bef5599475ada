import { axeViolations } from './axe';
import { cupAtCheckout, drawer, openStore } from './checkout-helpers';
import { expect, test } from './fixtures';

// After a refused Pay, a field the shopper corrects stops saying it is wrong:
// the error and its aria-invalid go as they type (Pay checks it again), and the
// sentence above Pay goes with the last one.

test('correcting a field clears its error, and the last one clears "Please correct the highlighted fields."', async ({ page, problems }) => {
  await openStore(page);
  await cupAtCheckout(page);
  const sheet = drawer(page);
  const pay = sheet.getByRole('button', { name: /^Pay / });
  await expect(pay).toBeEnabled();
  await pay.click();
  const name = sheet.locator('#cartlift-name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(sheet.locator('#cartlift-name-error')).toBeVisible();
  await name.fill('Jamie Rivera');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(sheet.locator('#cartlift-name-error')).toHaveCount(0);
  // Others still wrong: the sentence stays until none is.
  await expect(sheet.getByText('Please correct the highlighted fields.')).toBeVisible();
  const invalid = sheet.locator('[aria-invalid=true]');
  for (let left = await invalid.count(); left > 0; left = await invalid.count()) {
    const field = invalid.first();
    const tag = await field.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await field.selectOption({ index: 1 });
    else if ((await field.getAttribute('id')) === 'cartlift-email') await field.fill('jamie@example.com');
    else if ((await field.getAttribute('id')) === 'cartlift-postal') await field.fill('97209');
    else await field.fill('1200 NW Everett St');
  }
  await expect(sheet.getByText('Please correct the highlighted fields.')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems.uncaught).toEqual([]);
});
