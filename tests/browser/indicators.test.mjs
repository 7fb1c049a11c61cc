// indicators.test.mjs: the office enters figures on the grid and sees them on the report; XLSX download. TAP, numbered from DONDOC_TAP_FROM.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { base, shots, step, expect, page, cspErrors, login, finish } from './lib.mjs';

// The report's row of an indicator, as text.
async function reportRow(name) {
  const row = page.locator('table tbody tr', { has: page.locator(`td:text-is("${name}")`) });
  return (await row.count()) ? row.first().textContent() : '';
}

await step('the office opens the entry grid from the indicators page', async () => {
  await login('vanphong', 'demo-vanphong');
  await page.click('nav >> text=Chỉ tiêu');
  expect((await page.textContent('main')).includes('9 tháng đầu năm 2023'), 'not the demo period');
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("Nhập số liệu")')]);
  expect(page.url().includes('/indicators/entry?body='), `went to ${page.url()}`);
  expect((await page.textContent('h1')) === 'Nhập số liệu chỉ tiêu', 'no grid heading');
  const industry = page.getByLabel('Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp', { exact: true });
  expect((await industry.inputValue()) === '4.132', `industry holds ${await industry.inputValue()}`);
  await page.screenshot({ path: `${shots}/20-indicator-grid.png`, fullPage: true });
});

await step('a cell that is not a number is refused next to it and nothing is saved', async () => {
  await page.getByLabel('Diện tích gieo trồng lúa', { exact: true }).fill('12.345');
  await page.getByLabel('Giá trị sản xuất nông nghiệp', { exact: true }).fill('3,9,4');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Ghi số liệu")')]);
  const msg = await page.textContent('tr.bad .cellerr');
  expect(msg.includes('Giá trị sản xuất nông nghiệp') && msg.includes('không phải là số'), `message: ${msg}`);
  expect((await page.getByLabel('Diện tích gieo trồng lúa', { exact: true }).inputValue()) === '12.345',
    'the typed value was lost');
  await page.screenshot({ path: `${shots}/21-indicator-grid-refused.png`, fullPage: true });
  const body = new URL(page.url()).searchParams.get('body') ||
    await page.locator('form.entry input[name=body]').inputValue();
  const resp = await page.request.get(`${base}/indicators?body=${body}&period=2023-T09`);
  expect(!(await resp.text()).includes('12.345'), 'the refused save wrote a value');
});

await step('the office types values, saves, and sees them on the report', async () => {
  await page.getByLabel('Giá trị sản xuất nông nghiệp', { exact: true }).fill('3.943');
  await page.getByLabel('Diện tích gieo trồng lúa', { exact: true }).fill('12.345');
  await page.getByLabel('Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp', { exact: true }).fill('4.150');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Ghi số liệu")')]);
  expect(page.url().includes('/indicators?body='), `went to ${page.url()}`);
  const rice = await reportRow('Diện tích gieo trồng lúa');
  expect(rice.includes('12.345'), `rice row: ${rice}`);
  const industry = await reportRow('Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp');
  expect(industry.includes('4.150'), `industry row: ${industry}`);
  await page.screenshot({ path: `${shots}/22-indicators-after-entry.png`, fullPage: true });
});

await step('the report downloads as XLSX holding the figures', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải bảng XLSX")')]);
  expect(/^chi-tieu-.+-2023-T09\.xlsx$/.test(download.suggestedFilename()), `file ${download.suggestedFilename()}`);
  const path = `${shots}/chi-tieu.xlsx`;
  await download.saveAs(path);
  expect(readFileSync(path).subarray(0, 2).toString() === 'PK', 'not a zip');
  const strings = execFileSync('unzip', ['-p', path, 'xl/sharedStrings.xml']).toString();
  expect(strings.includes('Diện tích gieo trồng lúa'), 'the sheet lacks the new indicator');
});

await step('the grid is usable on a phone', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("Nhập số liệu")')]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, 'the grid scrolls sideways on a phone');
  const box = await page.getByLabel('Diện tích gieo trồng lúa', { exact: true }).boundingBox();
  expect(box && box.width >= 100, `the input is ${box && box.width}px wide`);
  await page.screenshot({ path: `${shots}/23-indicator-grid-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(cspErrors.length === 0, cspErrors.join('; '));
});

await finish();
