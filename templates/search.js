// The search page's script, the one piece of JavaScript on the site. `foldVietnamese` is put in front of
// this file when the site is built (templates/pages/search-script.ts), the same function that folded the
// words article pages give the index, so `Đảng ủy`, `đảng uỷ` and `dang uy` all ask for the same thing.
//
// The archive's index is cut by the calendar (src/search/search-tiers.ts): a query first searches the
// newest story's month, then the rest of its year, then earlier years one at a time, each merged on the
// reader's request or by itself while fewer than MAX_RESULTS stories are found. A common word thus costs
// a reader one month's index, not a year's. Pagefind's `mergeIndex` may be called after searches have
// run: the next search covers the merged index too.

/** The site's root under any path prefix: this script sits at its top (`/tin/search.js` → `/tin/`). */
const root = new URL('./', import.meta.url);
const bundle = new URL('pagefind/', root);
const form = document.querySelector('#tim-kiem');
const input = document.querySelector('#tu-khoa');
const status = document.querySelector('#trang-thai');
const list = document.querySelector('#ket-qua');
const more = widerScopeButton();
const MAX_RESULTS = 20;
const LEAD_CHARS = 220;

/**
 * The button that widens the search by the next scope, after the results, hidden until there is one
 * to add. Made here, not in the page: without this script there is nothing for it to do.
 */
function widerScopeButton() {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'nam-truoc';
  button.hidden = true;
  button.textContent = 'Tìm trong các năm trước';
  const holder = document.createElement('p');
  holder.className = 'search-more';
  holder.append(button);
  list.after(holder);
  return button;
}

/** `pagefind/indexes.json` (src/search/search-index.ts): `{ scopes: [{ folders: ["ngay/", "thang/"], year, month }, …] }`, newest first. */
let scopes;
let loading;
/** How many scopes are merged so far, and the merges under way, one after another. */
let scopesMerged = 0;
let merging = Promise.resolve();
/** The newest query: an older one still running stops at its next step. */
let latest = 0;

/** Pagefind with the first scope merged; its first folder holds Pagefind's script, worker and WebAssembly. */
function engine() {
  loading ??= (async () => {
    const response = await fetch(new URL('indexes.json', bundle));
    if (!response.ok) throw new Error('no index');
    ({ scopes } = await response.json());
    // Any article makes a `ngay` tier: no scope, no article at all.
    const [first, ...others] = scopes[0]?.folders ?? [];
    if (!first) throw new Error('no index');
    const pagefind = await import(new URL(`${first}pagefind.js`, bundle).href);
    await pagefind.options({ baseUrl: root.pathname });
    for (const folder of others) await pagefind.mergeIndex(new URL(folder, bundle).pathname, { baseUrl: root.pathname });
    scopesMerged = 1;
    return pagefind;
  })();
  return loading;
}

/** Merges the next scopes until `count` of them are in; merges never run side by side. */
function mergeScopes(pagefind, count) {
  merging = merging.then(async () => {
    while (scopesMerged < Math.min(count, scopes.length)) {
      for (const folder of scopes[scopesMerged].folders) await pagefind.mergeIndex(new URL(folder, bundle).pathname, { baseUrl: root.pathname });
      scopesMerged++;
    }
  });
  return merging;
}

// Before the first query there are no scopes yet (the index is fetched only when a reader searches).
const nextScope = () => (scopes && scopesMerged < scopes.length ? scopes[scopesMerged] : null);

/** What the next scope adds: `cả năm 2024` (the rest of the newest year) or `năm 2023`. */
const scopeName = (scope) => (scope.year === scopes[0].year ? `cả năm ${scope.year}` : `năm ${scope.year}`);

/** `trong tháng 9/2024`, `trong năm 2024`, or `từ năm 2019 đến năm 2024` once earlier years are merged. */
function span() {
  const newest = scopes[0];
  const oldest = scopes[scopesMerged - 1];
  if (oldest.month !== null) return `trong tháng ${oldest.month}/${oldest.year}`;
  return oldest.year === newest.year ? `trong năm ${newest.year}` : `từ năm ${oldest.year} đến năm ${newest.year}`;
}

function shorten(text, max) {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,.;:!?…–—-]+$/u, '')}…`;
}

/** One result: linked title, date and the story's lead (Pagefind's own excerpt may quote the folded words). */
function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'story-card';
  const title = document.createElement('h2');
  title.className = 'story-title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = data.meta.date ?? '';
  const lead = document.createElement('p');
  lead.className = 'excerpt';
  lead.textContent = shorten(data.meta.lead ?? '', LEAD_CHARS);
  item.append(title, meta, lead);
  return item;
}

function showMore(visible) {
  const scope = nextScope();
  more.hidden = !visible || scope === null;
  if (scope !== null) more.textContent = `Tìm thêm trong ${scopeName(scope)}`;
}

/** Searches what is merged; while fewer than MAX_RESULTS stories are found, merges the next scope and searches again. */
async function search(query, { debounce = false } = {}) {
  const ticket = ++latest;
  const folded = foldVietnamese(query).trim();
  const url = new URL(location.href);
  if (folded) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!folded) {
    list.replaceChildren();
    showMore(false);
    status.textContent = 'Gõ từ cần tìm, có dấu hay không dấu đều được.';
    return;
  }
  status.textContent = 'Đang tìm…';
  let pagefind;
  let found;
  try {
    pagefind = await engine();
    found = debounce ? await pagefind.debouncedSearch(folded, {}, 200) : await pagefind.search(folded);
    while (found && found.results.length < MAX_RESULTS && nextScope() !== null && ticket === latest) {
      await mergeScopes(pagefind, scopesMerged + 1);
      found = await pagefind.search(folded);
    }
  } catch {
    // `serve` and `build --no-search` write no index.
    if (ticket === latest) status.textContent = 'Chưa có chỉ mục tìm kiếm: trang cần được dựng bằng npm run build.';
    return;
  }
  if (found === null || ticket !== latest) return; // A newer query has replaced this one.
  const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...results.map(resultItem));
  showMore(true);
  const count = found.results.length;
  status.textContent =
    count === 0
      ? `Không tìm thấy bài nào có “${query}” ${span()}.`
      : `Tìm thấy ${count} bài có “${query}” ${span()}${count > MAX_RESULTS ? `; đây là ${MAX_RESULTS} bài khớp nhất` : ''}.`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  search(input.value);
});
input.addEventListener('input', () => search(input.value, { debounce: true }));
more.addEventListener('click', async () => {
  const pagefind = await engine();
  const scope = nextScope();
  // A second click while the first one's merge ran: that merge already took the last scope.
  if (scope === null) return;
  status.textContent = `Đang tìm thêm trong ${scopeName(scope)}…`;
  await mergeScopes(pagefind, scopesMerged + 1);
  await search(input.value);
  // The button goes once no scope is left to add; the reader is then taken to what the search found.
  if (more.hidden) status.focus();
});
input.value = new URL(location.href).searchParams.get('q') ?? '';
search(input.value);
