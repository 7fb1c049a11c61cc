// imports.test.mjs: the office brings a past notice in from a file on a phone (390×844): the import page from the navigation, the preview, "Nhập vào kho", the stored notice with its tasks; nothing scrolls sideways.
import { readFileSync } from 'node:fs';
import { page, context, step, expect, login, finish, base, shots, cspErrors } from './lib.mjs';

const phone = { width: 390, height: 844 };
// The seed notice, as session 90: the demo holds session 26 and the tests before add the next ones,
// which would make it a duplicate.
const seed = readFileSync(new URL('../seed/tan-yen-2023-10-04-phien-26.md', import.meta.url), 'utf8')
  .replaceAll('thứ 26', 'thứ 90');

async function overflow() {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

await step('the office finds the import page from the notices', async () => {
  await context.clearCookies();
  await page.setViewportSize(phone);
  await login('vanphong', 'demo-vanphong');
  await page.goto(`${base}/notices`);
  await Promise.all([page.waitForNavigation(), page.click('a[href="/imports"]')]);
  expect((await page.textContent('h1')).includes('Nhập văn bản đã có'), 'the import page opens');
  expect(await page.locator('input[type=file][name=file]').count() === 1, 'it has a file field');
});

await step('the preview shows what was read, on a phone without sideways scrolling', async () => {
  await page.setInputFiles('input[name=file]', {
    name: 'phien-90.md', mimeType: 'text/markdown', buffer: Buffer.from(seed, 'utf8'),
  });
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Xem trước")')]);
  const html = await page.content();
  expect(html.includes('Xem trước: phien-90.md'), 'the preview names the file');
  expect(html.includes('Phiên họp thứ 90 của Ban Chấp hành Đảng bộ huyện'), 'the session is read');
  expect(html.includes('Huyện ủy Tân Yên'), 'the issuer is read');
  const lead = await page.locator('td[data-label="Chủ trì"]', { hasText: 'Văn phòng Huyện ủy' }).count();
  expect(lead >= 1, 'a task names its lead unit');
  const over = await overflow();
  expect(over <= 0, `the preview scrolls sideways by ${over}px`);
  await page.screenshot({ path: `${shots}/import-preview-390.png`, fullPage: true });
});

await step('"Nhập vào kho" stores it and lands on the notice with its tasks', async () => {
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Nhập vào kho")')]);
  const refused = await page.locator('#ferr-file').count() ? await page.textContent('#ferr-file') : '';
  expect(/\/notices\/\d+/.test(page.url()), `lands on a notice (${page.url()}: ${refused})`);
  const html = await page.content();
  expect(html.includes('Nhiệm vụ đang theo dõi từ phiên họp (3)'), 'its three tasks are listed');
  expect(html.includes('theo dõi, đôn đốc việc thực hiện Thông báo này'), 'with their content');
  const over = await overflow();
  expect(over <= 0, `the notice scrolls sideways by ${over}px`);
  await page.screenshot({ path: `${shots}/import-stored-390.png`, fullPage: true });
  expect(cspErrors.length === 0, `CSP errors: ${cspErrors.join('; ')}`);
});

await finish();
