// The search page's script, the one piece of JavaScript on the site. `foldVietnamese` is put in front of
// this file when the site is built (templates/pages/search-script.ts), the same function that folded the
// words article pages give the index, so `Đảng ủy`, `đảng uỷ` and `dang uy` all ask for the same thing.

/** The site's root under any path prefix: this script sits at its top (`/tin/search.js` → `/tin/`). */
const root = new URL('./', import.meta.url);
const form = document.querySelector('#tim-kiem');
const input = document.querySelector('#tu-khoa');
const status = document.querySelector('#trang-thai');
const list = document.querySelector('#ket-qua');
const MAX_RESULTS = 20;
const LEAD_CHARS = 220;

let pagefind;
/** Pagefind, with every index of the site: a big archive has several (see src/search/search-index.ts). */
async function engine() {
  if (!pagefind) {
    const bundle = new URL('pagefind/', root);
    const engine = await import(new URL('pagefind.js', bundle).href);
    await engine.options({ baseUrl: root.pathname });
    const more = await fetch(new URL('indexes.json', bundle)).then((response) => (response.ok ? response.json() : []));
    for (const folder of more) await engine.mergeIndex(new URL(folder, bundle).pathname, { baseUrl: root.pathname });
    pagefind = engine;
  }
  return pagefind;
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

async function search(query) {
  const folded = foldVietnamese(query).trim();
  const url = new URL(location.href);
  if (folded) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!folded) {
    list.replaceChildren();
    status.textContent = 'Gõ từ cần tìm, có dấu hay không dấu đều được.';
    return;
  }
  status.textContent = 'Đang tìm…';
  let found;
  try {
    found = await (await engine()).debouncedSearch(folded, {}, 200);
  } catch {
    // `serve` and `build --no-search` write no index.
    status.textContent = 'Chưa có chỉ mục tìm kiếm: trang cần được dựng bằng npm run build.';
    return;
  }
  if (found === null) return; // A newer query has replaced this one.
  const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  list.replaceChildren(...results.map(resultItem));
  status.textContent =
    found.results.length === 0
      ? `Không tìm thấy bài nào có “${query}”.`
      : `Tìm thấy ${found.results.length} bài có “${query}”${found.results.length > MAX_RESULTS ? `; đây là ${MAX_RESULTS} bài khớp nhất` : ''}.`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  search(input.value);
});
input.addEventListener('input', () => search(input.value));
input.value = new URL(location.href).searchParams.get('q') ?? '';
search(input.value);
