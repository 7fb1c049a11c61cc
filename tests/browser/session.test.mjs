// session.test.mjs: the office runs a session in the browser: registers it with its start time, its agenda, attendance and votes, corrects a vote; on a PC and on a phone.
import { base, shots, step, expect, page, cspErrors, login, finish } from './lib.mjs';

let sessionUrl = '';

// The vote section of the agenda item whose title contains title.
const voteOf = (title) => page.locator('section.vote', { hasText: title });

async function noSidewaysScroll() {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

await step('the office proposes session 27 of HU:bch and registers it with a start time', async () => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login('vanphong', 'demo-vanphong');
  await page.goto(`${base}/sessions`);
  await page.click('#them-phien summary');
  expect(await page.inputValue('#them-phien input[name=number]') === '27', 'number 27 not proposed');
  const organ = await page.locator('#them-phien select[name=organ] option:checked').textContent();
  expect(organ.includes('Ban Chấp hành Đảng bộ huyện'), `organ proposed: ${organ}`);
  await page.fill('#them-phien input[name=date]', '2026-12-18');
  // A time that is not one: refused beside the field, what was typed kept.
  await page.fill('#them-phien input[name=place]', 'Hội trường Huyện ủy');
  await page.fill('#them-phien input[name=time]', '08:30');
  await page.screenshot({ path: `${shots}/20-session-add-1366.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#them-phien button[type=submit]')]);
  sessionUrl = page.url();
  expect(/\/sessions\/\d+$/.test(sessionUrl), `landed on ${sessionUrl}`);
  expect((await page.textContent('h1')).includes('phiên thứ 27'), 'not session 27');
  expect((await page.textContent('#gio-hop')) === '08:30', 'no start time');
  expect((await page.textContent('main')).includes('18/12/2026'), 'date not dd/mm/yyyy');
});

await step('the office adds two agenda items and moves the second up', async () => {
  for (const [kind, title] of [['Báo cáo', 'tình hình kinh tế - xã hội năm 2026'], ['Tờ trình', 'dự toán ngân sách năm 2027']]) {
    await page.click('#them-noi-dung summary');
    await page.fill('#them-noi-dung input[name=kind]', kind);
    await page.fill('#them-noi-dung input[name=title]', title);
    await page.selectOption('#them-noi-dung select[name=document_id]', { index: 1 });
    await Promise.all([page.waitForNavigation(), page.click('#them-noi-dung button[type=submit]')]);
  }
  let rows = await page.locator('#chuong-trinh table tbody tr').allTextContents();
  expect(rows.length === 2 && rows[1].includes('dự toán'), `agenda: ${rows.join(' | ')}`);
  await Promise.all([page.waitForNavigation(),
    page.locator('#chuong-trinh table tbody tr').nth(1).locator('button[value=up]').click()]);
  rows = await page.locator('#chuong-trinh table tbody tr').allTextContents();
  expect(rows[0].includes('dự toán') && rows[1].includes('kinh tế'), `after moving: ${rows.join(' | ')}`);
});

await step('the office takes attendance: one absent with a reason, the rest present', async () => {
  const first = page.locator('#diem-danh form table tbody tr').first();
  await first.locator('select').selectOption('absent');
  await Promise.all([page.waitForNavigation(), page.click('button[name=rest]')]);
  // An absence without its reason is refused beside the row.
  expect((await page.locator('.ferr').count()) === 1, 'no message beside the absent row');
  const row = page.locator('#diem-danh form table tbody tr').first();
  await row.locator('input[type=text]').fill('Đi công tác tỉnh');
  await Promise.all([page.waitForNavigation(), page.click('button[name=rest]')]);
  const summary = await page.textContent('#tong-hop-diem-danh');
  expect(summary.includes('32/33 ủy viên có mặt'), `summary: ${summary}`);
  expect(summary.includes('đủ điều kiện biểu quyết'), 'quorum not met');
});

await step('a vote larger than those present is refused beside the count', async () => {
  // The votes fold under their heading until the clerk opens them.
  expect(!(await page.locator('#bieu-quyet').isVisible()), 'the votes are not folded');
  await page.click('details:has(#bieu-quyet) > summary');
  const v = voteOf('kinh tế');
  await v.locator('input[name=for]').fill('40');
  await Promise.all([page.waitForNavigation(), v.locator('button[type=submit]').click()]);
  const msg = await voteOf('kinh tế').locator('#ferr-for').textContent();
  expect(msg.includes('lớn hơn số thành viên có mặt (32)'), `message: ${msg}`);
  expect(await voteOf('kinh tế').locator('input[name=for]').inputValue() === '40', 'typed count lost');
});

await step('the office records a vote that passes and one that fails', async () => {
  let v = voteOf('kinh tế');
  await v.locator('input[name=for]').fill('30');
  await v.locator('input[name=against]').fill('2');
  await Promise.all([page.waitForNavigation(), v.locator('button[type=submit]').click()]);
  v = voteOf('dự toán');
  await v.locator('input[name=for]').fill('12');
  await v.locator('input[name=against]').fill('18');
  await v.locator('input[name=abstain]').fill('2');
  await Promise.all([page.waitForNavigation(), v.locator('button[type=submit]').click()]);
  expect((await voteOf('kinh tế').locator('.outcome').textContent()) === 'thông qua', 'first did not pass');
  expect((await voteOf('dự toán').locator('.outcome').textContent()) === 'không thông qua', 'second passed');
  const rows = await page.locator('#chuong-trinh table tbody tr').allTextContents();
  expect(rows[0].includes('không thông qua') && rows[1].includes('thông qua'), `outcomes: ${rows.join(' | ')}`);
});

await step('the office corrects the failed vote with a reason', async () => {
  const v = voteOf('dự toán');
  await v.locator('summary').click();
  await v.locator('input[name=for]').fill('28');
  await v.locator('input[name=against]').fill('2');
  await v.locator('input[name=abstain]').fill('2');
  await v.locator('input[name=reason]').fill('Tổ kiểm phiếu cộng nhầm');
  await Promise.all([page.waitForNavigation(), v.locator('button[type=submit]').click()]);
  const text = await voteOf('dự toán').textContent();
  expect(text.includes('Lý do: Tổ kiểm phiếu cộng nhầm'), 'no reason shown');
  expect((await voteOf('dự toán').locator('.outcome').textContent()) === 'thông qua', 'outcome not corrected');
  expect(cspErrors.length === 0, `CSP: ${cspErrors.join('; ')}`);
  await page.screenshot({ path: `${shots}/21-session-27-1366.png`, fullPage: true });
});

await step('a clerk can run the session on a phone', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(sessionUrl);
  expect(await noSidewaysScroll(), 'the session page scrolls sideways on a phone');
  const box = await page.locator('button[name=rest]').boundingBox();
  expect(box && box.width >= 40 && box.height >= 30, 'the rest-present button is too small to tap');
  await page.screenshot({ path: `${shots}/22-session-27-390.png`, fullPage: true });
  await page.goto(`${base}/sessions`);
  await page.click('#them-phien summary');
  expect(await noSidewaysScroll(), 'the add form scrolls sideways on a phone');
  await page.screenshot({ path: `${shots}/23-session-add-390.png`, fullPage: true });
});

await finish();
