// phone.test.mjs: the office's pages on a phone (390×844): no sideways scrolling, list tables as cards whose every value carries its column's label, the session page's sections folded under headings with their counts, charts legible.
import { base, shots, step, expect, page, context, cspErrors, login, finish } from './lib.mjs';

const phone = { width: 390, height: 844 };

// How far the page is wider than the screen (0: no sideways scrolling).
async function overflow() {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// The visible cells of every list table that do not show their column's header before their
// value (a cell is a card's line on a phone), and how many were looked at.
async function unlabelled() {
  return page.evaluate(() => {
    const bad = [];
    let seen = 0;
    for (const table of document.querySelectorAll('main table')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      if (!heads.length)
        continue;
      if (getComputedStyle(table.querySelector('thead')).display !== 'none')
        bad.push('a table keeps its header row (not cards)');
      for (const td of table.querySelectorAll('tbody td')) {
        if (!td.getClientRects().length || td.colSpan > 1)
          continue;
        seen++;
        const before = getComputedStyle(td, '::before');
        const want = JSON.stringify(heads[td.cellIndex]);
        if (before.content !== want || before.display === 'none')
          bad.push(`${td.textContent.trim().slice(0, 30)}: ${before.content} instead of ${want}`);
        // The label sits inside its card, left of the value, not pushed off by the cell's padding.
        const cell = td.getBoundingClientRect(), st = getComputedStyle(td);
        const content = cell.left + parseFloat(st.borderLeftWidth) + parseFloat(st.paddingLeft);
        const left = content + parseFloat(before.marginLeft);
        if (left < cell.left - 0.5 || left + parseFloat(before.width) > content + 0.5)
          bad.push(`${td.textContent.trim().slice(0, 30)}: its label is outside the card`);
      }
    }
    return { bad, seen };
  });
}

// Opens path at phone size and checks what a clerk notices: no sideways scrolling, labelled cards.
async function phonePage(path, shot, minCells = 1) {
  await page.goto(`${base}${path}`);
  expect(!(await page.locator('.error h1').count()), `${path} answers an error page`);
  const over = await overflow();
  expect(over <= 0, `${path} scrolls sideways by ${over}px`);
  const { bad, seen } = await unlabelled();
  expect(seen >= minCells, `${path}: ${seen} card cells, expected at least ${minCells}`);
  expect(bad.length === 0, `${path}: cells without their label: ${bad.slice(0, 5).join('; ')}`);
  await page.screenshot({ path: `${shots}/${shot}`, fullPage: true });
}

// The charts' names and figures: effective font size (viewBox scale × font-size) and overlaps.
async function chartTrouble() {
  return page.evaluate(() => {
    const bad = [];
    const charts = [...document.querySelectorAll('svg.chart')];
    for (const svg of charts) {
      const box = svg.getBoundingClientRect();
      if (box.right > window.innerWidth)
        bad.push(`the chart runs ${box.right - window.innerWidth}px past the screen`);
      const texts = [...svg.querySelectorAll('text')];
      const boxes = texts.map((t) => t.getBoundingClientRect());
      texts.forEach((t, i) => {
        const px = Number(t.getAttribute('font-size')) * svg.getScreenCTM().a;
        if (px < 11)
          bad.push(`"${t.textContent}" reads at ${px.toFixed(1)}px`);
        if (boxes[i].right > box.right + 0.5)
          bad.push(`"${t.textContent}" is cut at the chart's right edge`);
        for (let k = 0; k < i; k++) {
          const a = boxes[i], b = boxes[k];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            bad.push(`"${t.textContent}" overlaps "${texts[k].textContent}"`);
        }
      });
      if (!texts.length)
        bad.push('a chart without names');
    }
    return { bad, charts: charts.length };
  });
}

await step('the office opens its lists on a phone: cards with labels, nothing scrolls sideways', async () => {
  await page.setViewportSize(phone);
  await login('vanphong', 'demo-vanphong');
  await phonePage('/tasks', '70-phone-tasks-390.png', 6);
  await phonePage('/documents', '71-phone-documents-390.png', 4);
  await phonePage('/sessions', '72-phone-sessions-390.png', 5);
  await phonePage('/notices', '73-phone-notices-390.png', 4);
  await phonePage('/audit', '74-phone-audit-390.png', 6);
  // The queue of requests to close is a list of cards already: it only must not scroll sideways.
  await phonePage('/tasks/close-requests', '75-phone-close-requests-390.png', 0);
  expect(cspErrors.length === 0, `CSP: ${cspErrors.join('; ')}`);
});

await step('a task card shows the task, its units and its deadline each under its label', async () => {
  await page.goto(`${base}/tasks`);
  const card = page.locator('table.tasks tbody tr').first();
  const labels = await card.locator('td').evaluateAll((tds) =>
    tds.map((td) => getComputedStyle(td, '::before').content));
  expect(labels.join('|') === '"Số"|"Nhiệm vụ"|"Đơn vị"|"Thời hạn"|"Tình trạng"|"Báo cáo mới nhất"',
    `labels: ${labels.join('|')}`);
  // A card is one column: the value sits under its label, inside the screen.
  const boxes = await card.locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().right));
  expect(boxes.every((r) => r <= 390), `a cell ends at ${Math.max(...boxes)}px`);
});

await step('the session page folds its sections under headings with their counts', async () => {
  await page.goto(`${base}/sessions`);
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("Phiên thứ 26")')]);
  const sections = await page.locator('main details.sec > summary h2').allTextContents();
  const want = ['Chương trình', 'Điểm danh', 'Biểu quyết', 'Ý kiến góp ý và tiếp thu',
    'Chất vấn và kiến nghị', 'Biên bản', 'Thông báo kết luận', 'Nhiệm vụ'];
  expect(sections.length === want.length && want.every((w, i) => sections[i].startsWith(w)),
    `sections: ${sections.join(' | ')}`);
  // Every list's heading counts its rows: "Điểm danh (33)".
  const count = (h) => Number((/\((\d+)\)$/.exec(h) || [])[1]);
  expect(count(sections[1]) === await page.locator('#diem-danh table tbody tr').count()
    && count(sections[1]) === 33, `attendance heading: ${sections[1]}`);
  expect(count(sections[0]) === await page.locator('#chuong-trinh table tbody tr').count(),
    `agenda heading: ${sections[0]}`);
  expect(count(sections[7]) === 6, `tasks heading: ${sections[7]}`);
  for (const i of [2, 3, 4, 6])
    expect(Number.isInteger(count(sections[i])), `no count in ${sections[i]}`);
  // The agenda is open; the rest of a concluded session wait for a tap (its attendance too).
  const open = await page.locator('main details.sec').evaluateAll((ds) => ds.map((d) => d.open));
  expect(open.join() === 'true,false,false,false,false,false,false,false', `open: ${open.join()}`);
  expect(!(await page.locator('#bieu-quyet').isVisible()), 'the votes are not folded');
  expect((await overflow()) <= 0, 'the session page scrolls sideways');
  await page.screenshot({ path: `${shots}/76-phone-session-26-390.png`, fullPage: true });
  await page.click('details:has(#bieu-quyet) > summary');
  expect(await page.locator('#bieu-quyet').isVisible(), 'a tap does not open the votes');
  // Everything opened: still no sideways scrolling, every card cell labelled.
  await page.locator('main details.sec').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  const over = await overflow();
  expect(over <= 0, `the opened session page scrolls sideways by ${over}px`);
  const { bad, seen } = await unlabelled();
  expect(seen > 33 * 4 && bad.length === 0, `session cards (${seen}): ${bad.slice(0, 5).join('; ')}`);
  await page.screenshot({ path: `${shots}/77-phone-session-26-open-390.png`, fullPage: true });
});

await step('a link to a folded section opens it', async () => {
  await page.goto(`${page.url().replace(/#.*/, '')}#gop-y`);
  expect(await page.locator('#gop-y').isVisible(), 'the comments stay folded');
});

await step('the indicators and the dashboard chart read at 390 px: names apart, not below 11 px', async () => {
  await phonePage('/indicators', '78-phone-indicators-390.png', 7);
  let { bad, charts } = await chartTrouble();
  expect(charts === 1 && bad.length === 0, `indicators chart (${charts}): ${bad.slice(0, 5).join('; ')}`);
  // The entry grid is cards too, each figure's input under its label.
  await phonePage(await page.getAttribute('a:has-text("Nhập số liệu")', 'href'),
    '78b-phone-indicator-grid-390.png', 7 * 5);
  await phonePage('/', '79-phone-dashboard-390.png', 1);
  ({ bad, charts } = await chartTrouble());
  expect(charts === 1 && bad.length === 0, `dashboard chart (${charts}): ${bad.slice(0, 5).join('; ')}`);
  await page.setViewportSize({ width: 1366, height: 900 });
  ({ bad, charts } = await chartTrouble());
  expect(charts === 1 && bad.length === 0, `dashboard chart on a PC: ${bad.slice(0, 5).join('; ')}`);
  await page.screenshot({ path: `${shots}/79b-dashboard-1366.png`, fullPage: true });
});

await step('the administrator\'s lists are cards with labels too', async () => {
  await page.setViewportSize(phone);
  await context.clearCookies();
  await login('admin', 'demo-admin');
  await phonePage('/admin', '80-phone-admin-accounts-390.png', 6);
  await phonePage('/admin/units', '81-phone-admin-units-390.png', 5);
  await phonePage('/admin/people', '82-phone-admin-people-390.png', 4);
  // The bodies, with the form that ends bodies into a successor, fit the screen too.
  await phonePage('/admin/bodies', '83-phone-admin-bodies-390.png', 9 * 5);
  expect(await page.locator('h2:has-text("Kết thúc, sáp nhập, hợp nhất")').count() === 1,
    'no succession form on /admin/bodies');
});

await step('on a phone the office gives the commune a task from the tasks list, a wrong unit said beside its field', async () => {
  await page.setViewportSize(phone);
  await context.clearCookies();
  await login('vanphong', 'demo-vanphong');
  await page.goto(`${base}/tasks`);
  const form = page.locator('form.assign');
  await form.locator('textarea[name=content]').fill('Kiểm tra công trình thủy lợi ZPHZ');
  await form.locator('input[name=leads]').fill('Ủy ban nhân dân xã Liên Sơn');
  await form.locator('input[name=deadline]').fill('31/12/2026');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  const msg = page.locator('form.assign #ferr-leads');
  expect(await msg.isVisible(), 'no message beside the lead unit');
  expect(/không phải đơn vị của Huyện ủy Tân Yên/.test(await msg.textContent()), `message: ${await msg.textContent()}`);
  expect(await page.locator('form.assign textarea[name=content]').inputValue() === 'Kiểm tra công trình thủy lợi ZPHZ',
    'the content typed was lost');
  const box = await msg.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390, 'the message runs off the screen');
  expect((await overflow()) <= 0, 'the tasks page with the refused form scrolls sideways');
  await page.screenshot({ path: `${shots}/84-phone-assign-refused-390.png`, fullPage: true });
  await page.locator('form.assign input[name=leads]').fill('Đảng ủy xã Liên Sơn');
  await Promise.all([page.waitForNavigation(), page.locator('form.assign button[type=submit]').click()]);
  expect(/\/tasks\/\d+(#.*)?$/.test(page.url()), `landed on ${page.url()}`);
  expect((await page.content()).includes('Kiểm tra công trình thủy lợi ZPHZ'), 'the new task is not shown');
  expect((await page.content()).includes('Đảng ủy xã Liên Sơn'), 'the commune is not its lead');
  expect(cspErrors.length === 0, `CSP: ${cspErrors.join('; ')}`);
});

await finish();
