// followup.test.mjs: the office's follow-up in the browser: a request to close sent back once and confirmed from the queue, a deadline extended, the follow-up report downloaded. TAP, numbered from DONDOC_TAP_FROM.
import { execFileSync } from 'node:child_process';
import { base, shots, step, expect, page, cspErrors, login, finish } from './lib.mjs';

const wide = { width: 1366, height: 900 }, phone = { width: 390, height: 844 };

async function logout() {
  await Promise.all([page.waitForNavigation(), page.click('form.logout button')]);
}

// The unit reports on task 5 (the demo's Quy chế task, led by the office's unit) asking to close it.
async function reportAndAskToClose(text) {
  await login('donvi', 'demo-donvi');
  await page.goto(`${base}/tasks/5`);
  const form = page.locator('form.report').first();
  await form.locator('textarea[name=text]').fill(text);
  await form.locator('input[name=close_request]').check();
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect((await page.textContent('main')).includes(text), 'the report is not in the timeline');
  await logout();
}

await page.setViewportSize(wide);

await step('a unit reports on its task and asks the office to close it', async () => {
  await reportAndAskToClose('Đã trình Ban Thường vụ dự thảo Quy chế (kiểm thử theo dõi)');
});

await step('the office finds the request in its queue from the dashboard', async () => {
  await login('vanphong', 'demo-vanphong');
  await Promise.all([page.waitForNavigation(),
    page.click('a:has-text("Đề nghị kết thúc nhiệm vụ chờ xác nhận")')]);
  expect(page.url() === `${base}/tasks/close-requests`, `went to ${page.url()}`);
  const req = await page.textContent('#req-5');
  expect(req.includes('Quy chế làm việc') && req.includes('Đã trình Ban Thường vụ dự thảo Quy chế'),
    `request: ${req}`);
  expect(req.includes('Văn phòng Huyện ủy'), `no unit in: ${req}`);
  await page.screenshot({ path: `${shots}/30-close-requests.png`, fullPage: true });
});

await step('a completion date before the request is refused beside the field', async () => {
  const form = page.locator('#req-5 form.confirm');
  await form.locator('input[name=date]').fill('2023-11-01');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  const msg = await page.textContent('#req-5 #ferr-date');
  expect(msg.includes('trước ngày đơn vị đề nghị kết thúc'), `message: ${msg}`);
  expect((await page.locator('#req-5 form.confirm input[name=date]').inputValue()) === '2023-11-01',
    'the typed date was lost');
  await page.screenshot({ path: `${shots}/31-close-request-refused.png`, fullPage: true });
});

await step('the office sends the request back once, with a note', async () => {
  const form = page.locator('#req-5 form.sendback');
  await form.locator('input[name=note]').fill('Đề nghị gửi kèm dự thảo đã tiếp thu ý kiến');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect(page.url() === `${base}/tasks/close-requests`, `went to ${page.url()}`);
  expect(await page.locator('#req-5').count() === 0, 'the request is still waiting');
  await page.goto(`${base}/tasks/5`);
  const main = await page.textContent('main');
  expect(main.includes('trả lại, tiếp tục thực hiện') && main.includes('đã tiếp thu ý kiến'),
    'the timeline lacks the send-back');
  await logout();
});

await step('the unit reports again and the office confirms from the queue', async () => {
  await reportAndAskToClose('Đã gửi dự thảo tiếp thu ý kiến (lần 2, kiểm thử theo dõi)');
  await login('vanphong', 'demo-vanphong');
  await page.goto(`${base}/tasks/close-requests`);
  expect((await page.textContent('#req-5')).includes('lần 2'), 'the new request is not in the queue');
  await Promise.all([page.waitForNavigation(), page.click('#req-5 form.confirm button[type=submit]')]);
  expect(page.url() === `${base}/tasks/close-requests`, `went to ${page.url()}`);
  await page.goto(`${base}/tasks/5`);
  expect((await page.textContent('main')).includes('Văn phòng xác nhận hoàn thành'), 'not confirmed');
  expect(await page.locator('form.extend').count() === 0, 'a completed task offers an extension');
});

await step('the office extends another task\'s deadline with a reason', async () => {
  await page.goto(`${base}/tasks/6`);
  const form = page.locator('form.extend');
  await form.locator('input[name=deadline]').fill('quý I/2024');
  await form.locator('input[name=reason]').fill('Chờ Tỉnh phê duyệt quy hoạch sử dụng đất');
  await form.locator('input[name=decided_on]').fill('2023-11-20');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  expect(page.url() === `${base}/tasks/6`, `went to ${page.url()}`);
  const ev = await page.textContent('li.ev-extended');
  expect(ev.includes('20/11/2023') && ev.includes('Chờ Tỉnh phê duyệt'), `event: ${ev}`);
  expect(ev.includes('30/11/2023 → quý I/2024 (31/03/2024)'), `old → new: ${ev}`);
  expect((await page.textContent('dd.deadline')).includes('quý I/2024 (31/03/2024)'), 'deadline unchanged');
  await page.screenshot({ path: `${shots}/32-task-extended.png`, fullPage: true });
});

await step('the follow-up report downloads from the notice as PDF with the new facts', async () => {
  await page.goto(`${base}/notices/1`);
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.click('a:has-text("Báo cáo kết quả (PDF)")')]);
  expect(download.suggestedFilename() === 'bao-cao-ket-qua-tb-1.pdf', `file ${download.suggestedFilename()}`);
  const path = `${shots}/bao-cao-ket-qua.pdf`;
  await download.saveAs(path);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().normalize('NFC')
    .replace(/\s+/g, ' ');
  expect(text.includes('BÁO CÁO'), 'no title');
  expect(text.includes('Kết quả thực hiện'), 'no summary');
  // Table cells wrap and interleave in the extracted text: short phrases only.
  expect(text.includes('(lần 2,'), 'the latest report of the confirmed task is missing');
  expect(text.includes('Rà soát danh'), 'the extended task is missing');
  await page.screenshot({ path: `${shots}/33-notice-followup.png`, fullPage: true });
});

await step('the queue and the extension form are usable on a phone', async () => {
  await page.setViewportSize(phone);
  await page.goto(`${base}/tasks/close-requests`);
  let overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, 'the queue scrolls sideways on a phone');
  await page.screenshot({ path: `${shots}/34-close-requests-phone.png`, fullPage: true });
  await page.goto(`${base}/tasks/6`);
  overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, 'the task page scrolls sideways on a phone');
  const box = await page.locator('form.extend input[name=deadline]').boundingBox();
  expect(box && box.width >= 200, `the deadline input is ${box && box.width}px wide`);
  await page.screenshot({ path: `${shots}/35-task-phone.png`, fullPage: true });
  await page.setViewportSize(wide);
  expect(cspErrors.length === 0, cspErrors.join('; '));
});

await finish();
