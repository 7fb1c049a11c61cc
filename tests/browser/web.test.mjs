// web.test.mjs: what a person does in the browser, step by step, as TAP; screenshots in artifacts/.
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { base, shots, step, expect, page, cspErrors, login, finish } from './lib.mjs';

async function logout() {
  await Promise.all([page.waitForNavigation(), page.click('form.logout button')]);
}

await step('a wrong password is refused with a Vietnamese message', async () => {
  await login('vanphong', 'sai-mat-khau');
  expect((await page.textContent('main')).includes('mật khẩu không đúng'), 'no message');
  await page.screenshot({ path: `${shots}/01-login-refused.png` });
});

await step('the office logs in and sees the dashboard', async () => {
  await login('vanphong', 'demo-vanphong');
  expect(page.url() === `${base}/`, `landed on ${page.url()}`);
  expect((await page.textContent('h1')) === 'Tổng quan', 'no dashboard heading');
  await page.screenshot({ path: `${shots}/02-dashboard-office.png`, fullPage: true });
});

await step('the office opens the sessions list', async () => {
  await page.click('nav >> text=Phiên họp');
  expect((await page.textContent('h1')) === 'Phiên họp', 'no sessions heading');
  await page.screenshot({ path: `${shots}/03-sessions.png`, fullPage: true });
});

await step('the office opens session 26 and sees its agenda', async () => {
  await page.click('a:has-text("Phiên thứ 26")');
  expect((await page.textContent('h1')).includes('phiên thứ 26'), 'not session 26');
  const agenda = await page.textContent('table');
  expect(agenda.includes('56-NQ/HU'), 'agenda lacks Nghị quyết 56-NQ/HU');
  const main = await page.textContent('main');
  expect(main.includes('33/33 ủy viên có mặt'), 'no attendance against the rules');
  expect(main.includes('Biểu quyết') && main.includes('thông qua'), 'no votes');
  expect(main.includes('Tiếp thu'), 'no comments with their responses');
  expect(main.includes('Không có nội dung chất vấn'), 'no questioning section');
  expect(main.includes('BIÊN BẢN'), 'no minutes');
  await page.screenshot({ path: `${shots}/04-session-26.png`, fullPage: true });
});

await step('the office opens the notice of session 26 and downloads its PDF', async () => {
  // The notices fold under their heading, which counts them.
  expect((await page.textContent('details:has(#thong-bao) h2')) === 'Thông báo kết luận (1)', 'no notice count');
  await page.click('details:has(#thong-bao) > summary');
  await Promise.all([page.waitForNavigation(), page.click('#thong-bao a:has-text("Thông báo kết luận")')]);
  expect(page.url().includes('/notices/'), `went to ${page.url()}`);
  // the preview is the notice's HTML render, in its own frame
  expect((await page.frameLocator('iframe.paper').locator('body').textContent()).includes('THÔNG BÁO'), 'no preview');
  await page.screenshot({ path: `${shots}/04b-notice.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải PDF")')]);
  const path = `${shots}/thong-bao-26.pdf`;
  await download.saveAs(path);
  const head = readFileSync(path).subarray(0, 5).toString();
  expect(head === '%PDF-', `not a PDF: ${head}`);
  expect(statSync(path).size > 1000, 'PDF too small');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().normalize('NFC');
  expect(text.includes('Kết luận phiên họp thứ 26'), 'the PDF lacks "Kết luận phiên họp thứ 26"');
  await page.goBack();
});

await step('searching "nong thon moi" finds the agenda item on Nghị quyết 56-NQ/HU', async () => {
  await page.click('nav >> text=Tìm kiếm');
  await page.fill('input[name=q]', 'nong thon moi');
  await Promise.all([page.waitForNavigation(), page.click('form.search button')]);
  const hits = page.locator('ol.hits li');
  expect(await hits.count() > 0, 'no hits');
  const texts = await hits.allTextContents();
  const hit = texts.find((t) => t.includes('56-NQ/HU') && t.includes('nội dung phiên họp'));
  expect(hit, `no agenda hit on 56-NQ/HU among: ${texts.join(' | ')}`);
  expect((await page.locator('ol.hits mark').first().textContent()).length > 0, 'no highlight');
  await page.screenshot({ path: `${shots}/05-search.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(),
    page.locator('ol.hits li', { hasText: 'nội dung phiên họp' }).filter({ hasText: '56-NQ/HU' }).first().locator('a').click()]);
  expect(page.url().includes('/sessions/'), `went to ${page.url()}`);
});

await step('the page is usable on a phone', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, 'the page scrolls sideways on a phone');
  await page.screenshot({ path: `${shots}/06-dashboard-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
});

await step('the stylesheet loads under the Content-Security-Policy', async () => {
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('header.top')).backgroundColor);
  expect(bg === 'rgb(163, 22, 26)', `header background ${bg}`);
  expect(cspErrors.length === 0, cspErrors.join('; '));
});

await step('a unit reporter reports progress on a task of its own unit', async () => {
  await logout();
  await login('donvi', 'demo-donvi');
  await page.goto(`${base}/don-vi`);
  const form = page.locator('form.report').first();
  expect(await form.count() === 1, 'no open task to report on');
  await form.locator('textarea[name=text]').fill('Đơn vị đã triển khai, đạt 80% khối lượng (kiểm thử trình duyệt)');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect((await page.textContent('main')).includes('đạt 80% khối lượng'), 'report not in the timeline');
  await page.screenshot({ path: `${shots}/07-reported.png`, fullPage: true });
});

await step('the dashboard shows the new report', async () => {
  await page.goto(`${base}/`);
  const reports = await page.textContent('ul.reports');
  expect(reports.includes('đạt 80% khối lượng'), `dashboard reports: ${reports}`);
  await logout();
  await login('vanphong', 'demo-vanphong');
  expect((await page.textContent('ul.reports')).includes('đạt 80% khối lượng'), 'office dashboard unchanged');
  await page.screenshot({ path: `${shots}/08-dashboard-after-report.png`, fullPage: true });
});

await step('logout ends the session', async () => {
  await logout();
  await page.goto(`${base}/sessions`);
  expect(page.url().endsWith('/login'), `still in at ${page.url()}`);
});

// administration
await step('the administrator adds a term and sees it in the list', async () => {
  await login('admin', 'demo-admin');
  await page.click('nav >> text=Quản trị');
  expect((await page.textContent('nav.sub')).includes('Nhiệm kỳ'), 'no admin sub-menu');
  await Promise.all([page.waitForNavigation(), page.click('nav.sub >> text=Nhiệm kỳ')]);
  expect((await page.textContent('h1')) === 'Nhiệm kỳ', 'no terms heading');
  const form = page.locator('form[action="/admin/terms"]');
  await form.locator('select[name=body]').selectOption({ label: 'Đảng ủy xã Liên Sơn' });
  await form.locator('input[name=name]').fill('XXV');
  await form.locator('input[name=year_from]').fill('2025');
  await form.locator('input[name=year_to]').fill('2020');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  const refused = await page.textContent('main');
  expect(refused.includes('nhiệm kỳ 2025-2020 không hợp lệ'), 'no message for a term ending before it starts');
  expect(!(await page.textContent('table')).includes('XXV'), 'a refused term was written');
  await page.screenshot({ path: `${shots}/09-admin-term-refused.png`, fullPage: true });
  await form.locator('input[name=year_to]').fill('2030');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect(page.url() === `${base}/admin/terms`, `landed on ${page.url()}`);
  const row = page.locator('tr', { hasText: 'Đảng ủy xã Liên Sơn' }).filter({ hasText: 'XXV' });
  expect(await row.count() === 1, 'the new term is not listed');
  expect((await row.textContent()).includes('2025–2030'), 'the term\'s years are not shown');
  await page.screenshot({ path: `${shots}/10-admin-term-added.png`, fullPage: true });
});

await step('the admin pages are usable on a phone', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of ['/admin', '/admin/organs', '/admin/profiles']) {
    await page.goto(`${base}${p}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(!overflow, `${p} scrolls sideways on a phone`);
    if (p === '/admin') await page.screenshot({ path: `${shots}/11-admin-accounts-phone.png`, fullPage: true });
  }
  await page.screenshot({ path: `${shots}/12-admin-profiles-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(cspErrors.length === 0, cspErrors.join('; '));
  await logout();
});

await finish();
