// access.test.mjs: an administrator scoped to one commune, the audit log a district office reads, and login throttling, as people meet them.
import { page, context, step, expect, login, finish, base, shots, cspErrors } from './lib.mjs';

const phone = { width: 390, height: 844 };
// Another person at the same browser: the last one's session goes first.
async function loginAs(user, password) {
  await context.clearCookies();
  await login(user, password);
}

await step('the administrator gives the commune of Ngọc Lý its own administrator', async () => {
  await loginAs('admin', 'demo-admin');
  await page.goto(`${base}/admin`);
  await page.fill('input[name=login]', 'qtngocly');
  await page.fill('input[name=full_name]', 'Quản trị xã Ngọc Lý');
  await page.selectOption('select[name=role]', 'admin');
  const commune = await page.$eval('select[name=body]', (s) =>
    [...s.options].find((o) => o.textContent.includes('Ngọc Lý')).value);
  await page.selectOption('select[name=body]', commune);
  await page.fill('input[name=password]', 'mat-khau-xa-1');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/users"] button[type=submit]')]);
  expect((await page.content()).includes('qtngocly'), 'the new account is listed');
});

await step('the commune administrator sees only its own accounts and cannot make a wider one', async () => {
  await loginAs('qtngocly', 'mat-khau-xa-1');
  await page.setViewportSize(phone);
  await page.goto(`${base}/admin`);
  const html = await page.content();
  expect(html.includes('qtngocly'), 'its own account is listed');
  expect(!html.includes('>vanphong<'), 'the district office is not listed');
  expect(!html.includes('(mọi cơ quan)'), 'no choice of an account over every body');
  await page.screenshot({ path: `${shots}/admin-commune-390.png`, fullPage: true });
  // A form sent by hand without a body would make an administrator of every body.
  const csrf = await page.$eval('form[action="/admin/users"] input[name=_csrf]', (i) => i.value);
  const res = await context.request.post(`${base}/admin/users`, {
    form: { _csrf: csrf, login: 'toanquyen', role: 'admin', password: 'mat-khau-toan-quyen' },
  });
  expect(res.status() === 403, `an account wider than its maker is refused (got ${res.status()})`);
  expect((await res.text()).includes('phạm vi'), 'the refusal says it is about scope');
  await page.goto(`${base}/admin`);
  expect(!(await page.content()).includes('toanquyen'), 'nothing was written');
});

await step('the district office reads the audit log of its bodies, in Vietnamese', async () => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await loginAs('vanphong', 'demo-vanphong');
  await page.goto(`${base}/audit`);
  const html = await page.content();
  expect(html.includes('Nhật ký kiểm tra'), 'the audit page opens');
  expect((await page.$$('tbody tr')).length > 0, 'it lists entries');
  expect(!html.includes('qtngocly'), 'accounts are not the office\'s to read');
  expect(/<td data-label="Lúc">\d\d\/\d\d\/\d{4} \d\d:\d\d<\/td>/.test(html), 'times read dd/mm/yyyy hh:mm');
  expect(html.includes('Số liệu chỉ tiêu số') && html.includes('>sửa<'), 'tables and changes in Vietnamese');
  expect(html.includes('4132 → 4150'), 'a change shows the old value and the new');
  await page.screenshot({ path: `${shots}/audit-office-1366.png` });
  await page.setViewportSize(phone);
  await page.screenshot({ path: `${shots}/audit-office-390.png`, fullPage: false });
});

await step('wrong passwords slow down that login from this address, and say for how long', async () => {
  await page.setViewportSize(phone);
  // The first tries are free; then each waits longer (1 s, 2 s, 4 s …), so a slow machine
  // may still slip past the first waits but not the later ones.
  let last, tries = 0;
  await context.clearCookies();
  while (tries < 12) {
    await page.goto(`${base}/login`);
    await page.fill('input[name=login]', 'xem');
    await page.fill('input[name=password]', `sai-mat-khau-${tries}`);
    [last] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    tries++;
    if (last.status() === 429) break;
  }
  expect(last.status() === 429, `a try after several wrong ones waits (got ${last.status()} after ${tries})`);
  expect(tries > 5, `the first five tries are not held back (held at ${tries})`);
  expect(/hãy thử lại sau \d+ (giây|phút)/.test(await page.content()), 'the page says how long to wait');
  await page.screenshot({ path: `${shots}/login-throttled-390.png` });
  expect(cspErrors.length === 0, `no CSP errors: ${cspErrors.join('; ')}`);
});

await finish();
