// session.test.mjs: the office runs a session's whole cycle in the browser, no CLI step: registers it with its start time, its agenda, attendance and votes, corrects a vote, composes the notice (a contradiction found and fixed, two tasks), issues it as 513-TB/HU, follows its task up with the unit to completion and downloads the follow-up report; on a PC and on a phone.
import { execFileSync } from 'node:child_process';
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
  await page.fill('#them-phien input[name=date]', '2026-11-20');
  // A time that is not one: refused beside the field, what was typed kept.
  await page.fill('#them-phien input[name=place]', 'Hội trường Huyện ủy');
  await page.fill('#them-phien input[name=time]', '08:30');
  await page.screenshot({ path: `${shots}/20-session-add-1366.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#them-phien button[type=submit]')]);
  sessionUrl = page.url();
  expect(/\/sessions\/\d+$/.test(sessionUrl), `landed on ${sessionUrl}`);
  expect((await page.textContent('h1')).includes('phiên thứ 27'), 'not session 27');
  expect((await page.textContent('#gio-hop')) === '08:30', 'no start time');
  expect((await page.textContent('main')).includes('20/11/2026'), 'date not dd/mm/yyyy');
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

await step('the office corrects a recorded vote with a reason', async () => {
  const v = voteOf('kinh tế');
  await v.locator('summary').click();
  await v.locator('input[name=for]').fill('29');
  await v.locator('input[name=against]').fill('3');
  await v.locator('input[name=reason]').fill('Tổ kiểm phiếu cộng nhầm');
  await Promise.all([page.waitForNavigation(), v.locator('button[type=submit]').click()]);
  const text = await voteOf('kinh tế').textContent();
  expect(text.includes('Lý do: Tổ kiểm phiếu cộng nhầm'), 'no reason shown');
  expect((await voteOf('kinh tế').locator('.outcome').textContent()) === 'thông qua', 'outcome changed');
  expect((await voteOf('dự toán').locator('.outcome').textContent()) === 'không thông qua', 'the failed vote changed');
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

let noticeUrl = '';
const body = () => page.locator('#noi-dung');

await step('the office composes the notice from the held session, no template syntax to write', async () => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(sessionUrl);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tạo thông báo kết luận")')]);
  noticeUrl = page.url();
  expect(/\/notices\/\d+$/.test(noticeUrl), `landed on ${noticeUrl}`);
  // the preview is the rendered page, with the organ, the date and the failed item's outcome
  const frame = page.frameLocator('iframe.paper');
  const preview = await frame.locator('body').textContent();
  expect(preview.includes('Kết luận phiên họp thứ 27'), `preview: ${preview.slice(0, 200)}`);
  expect(preview.includes('Ngày 20/11/2026'), 'no session date in the opening');
  expect(preview.includes('không thông qua nội dung này'), 'the failed item is not said to have failed');
  expect(await page.inputValue('input[name=sign_name]') === 'Đinh Đức Cảnh', 'signer not proposed');
  expect((await page.textContent('#so-ke-tiep')) === '513-TB/HU', 'next number not shown');
  expect(cspErrors.length === 0, `CSP: ${cspErrors.join('; ')}`);
  await page.screenshot({ path: `${shots}/24-notice-draft-1366.png`, fullPage: true });
});

await step('agreement written over the failed item is flagged and blocks issuing', async () => {
  const text = await body().inputValue();
  const failed = /Ban Chấp hành Đảng bộ huyện không thông qua nội dung này[^\n]*/;
  expect(failed.test(text), 'the composed outcome is not in the text');
  await body().fill(text.replace(failed, 'Ban Chấp hành Đảng bộ huyện nhất trí với nội dung này.'));
  await Promise.all([page.waitForNavigation(), page.click('#soan-thao button[type=submit]')]);
  const warn = await page.textContent('section.warnings');
  expect(warn.includes('Chặn ban hành') && warn.includes('không được thông qua'), `warnings: ${warn}`);
  expect(await page.locator('#ban-hanh button[type=submit]').isDisabled(), 'issuing is not blocked');
  await page.screenshot({ path: `${shots}/25-notice-contradiction-1366.png`, fullPage: true });
  const fixed = (await body().inputValue()).replace('Ban Chấp hành Đảng bộ huyện nhất trí với nội dung này.',
    'Ban Chấp hành Đảng bộ huyện không thông qua nội dung này; giao cơ quan trình hoàn thiện, trình lại.');
  await body().fill(fixed);
  await Promise.all([page.waitForNavigation(), page.click('#soan-thao button[type=submit]')]);
  expect(await page.locator('section.warnings li.err').count() === 0, 'the error stays after the fix');
  expect(!(await page.locator('#ban-hanh button[type=submit]').isDisabled()), 'issuing still blocked');
});

await step('the office adds two tasks, one with a bad deadline first', async () => {
  const add = async (content, lead, deadline) => {
    await page.fill('#nhiem-vu textarea[name=content]', content);
    await page.selectOption('#nhiem-vu select[name=lead_unit_id]', { label: `${lead} (Huyện ủy Tân Yên)` });
    await page.fill('#nhiem-vu input[name=deadline]', deadline);
    await Promise.all([page.waitForNavigation(), page.click('#nhiem-vu button:has-text("Thêm nhiệm vụ")')]);
  };
  await add('Hoàn thiện Báo cáo kinh tế - xã hội theo ý kiến hội nghị', 'Văn phòng Huyện ủy', 'sớm nhất');
  const msg = await page.textContent('#ferr-deadline');
  expect(msg.includes('thời hạn'), `message: ${msg}`);
  expect((await page.inputValue('#nhiem-vu textarea[name=content]')).includes('Hoàn thiện Báo cáo'), 'typed content lost');
  await add('Hoàn thiện Báo cáo kinh tế - xã hội theo ý kiến hội nghị', 'Văn phòng Huyện ủy', '02 tháng tới');
  await add('Rà soát dự toán ngân sách năm 2027', 'Ban Thường vụ Huyện ủy', '31/12/2026');
  const rows = await page.locator('#nhiem-vu tbody tr').allTextContents();
  expect(rows.length === 2 && rows[0].includes('02 tháng tới') && rows[1].includes('31/12/2026'), `rows: ${rows.join(' | ')}`);
  const preview = await page.frameLocator('iframe.paper').locator('body').textContent();
  expect(preview.includes('giao Văn phòng Huyện ủy chủ trì; thời hạn: 02 tháng tới'), 'task not in the text');
});

await step('the office issues the notice as 513-TB/HU and its rows become tasks', async () => {
  await page.fill('#ban-hanh input[name=date]', '2026-11-21');
  await Promise.all([page.waitForNavigation(), page.click('#ban-hanh button[type=submit]')]);
  expect((await page.textContent('h1')).includes('513-TB/HU'), `h1: ${await page.textContent('h1')}`);
  expect(await page.locator('#soan-thao').count() === 0, 'an issued notice is still editable');
  const links = await page.locator('#nhiem-vu a[href^="/tasks/"]').count();
  expect(links === 2, `${links} task links`);
  await page.screenshot({ path: `${shots}/26-notice-issued-1366.png`, fullPage: true });
});

let taskUrl = '';

async function logout() {
  await Promise.all([page.waitForNavigation(), page.click('form.logout button')]);
}

async function unitAsksToClose(text) {
  await login('donvi', 'demo-donvi');
  await page.goto(taskUrl);
  const form = page.locator('form.report').first();
  await form.locator('textarea[name=text]').fill(text);
  await form.locator('input[name=close_request]').check();
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect((await page.textContent('main')).includes(text), 'the report is not in the timeline');
  await logout();
}

await step('the unit reports on its task and asks to close it; the office sends it back once', async () => {
  taskUrl = base + await page.locator('#nhiem-vu a[href^="/tasks/"]').first().getAttribute('href');
  await logout();
  await unitAsksToClose('Đã hoàn thiện dự thảo báo cáo (phiên 27)');
  await login('vanphong', 'demo-vanphong');
  await page.goto(`${base}/tasks/close-requests`);
  const id = taskUrl.split('/').pop();
  const form = page.locator(`#req-${id} form.sendback`);
  await form.locator('input[name=note]').fill('Bổ sung số liệu tháng 11');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect(await page.locator(`#req-${id}`).count() === 0, 'the request is still waiting');
  await logout();
});

await step('the unit asks again and the office confirms', async () => {
  await unitAsksToClose('Đã bổ sung số liệu tháng 11 (phiên 27, lần 2)');
  await login('vanphong', 'demo-vanphong');
  await page.goto(`${base}/tasks/close-requests`);
  const id = taskUrl.split('/').pop();
  await Promise.all([page.waitForNavigation(), page.click(`#req-${id} form.confirm button[type=submit]`)]);
  await page.goto(taskUrl);
  expect((await page.textContent('main')).includes('Văn phòng xác nhận hoàn thành'), 'not confirmed');
});

await step('the follow-up report of 513-TB/HU downloads as a PDF with its tasks', async () => {
  await page.goto(noticeUrl);
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.click('a:has-text("Báo cáo kết quả (PDF)")')]);
  const path = `${shots}/bao-cao-ket-qua-513.pdf`;
  await download.saveAs(path);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().normalize('NFC')
    .replace(/\s+/g, ' ');
  expect(text.includes('513-TB/HU'), 'the report does not name the notice');
  expect(text.includes('Rà soát dự toán'), 'the open task is missing');
  // table cells wrap and interleave in the extracted text: short phrases only
  expect(text.includes('Đã bổ sung số'), 'the confirmed task\'s last report is missing');
  expect(text.includes('hoàn thành'), 'no status');
});

await step('the notice and its composer read on a phone', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(noticeUrl);
  expect(await noSidewaysScroll(), 'the notice page scrolls sideways on a phone');
  await page.screenshot({ path: `${shots}/27-notice-issued-390.png`, fullPage: true });
  expect(cspErrors.length === 0, `CSP: ${cspErrors.join('; ')}`);
});

await finish();
