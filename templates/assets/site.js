// The site's one script: small enhancements over pages that work without it. Loaded as a file
// (the Content-Security-Policy allows no inline script) and as a module, so it runs after parsing.

// Search: without JavaScript the header link leads to the contents; with it, to the search page.
for (const link of document.querySelectorAll('a[data-search-href]')) {
  link.setAttribute('href', link.getAttribute('data-search-href'));
  link.querySelector('[data-search-fallback]')?.remove();
}

// Wide tables and charts on a phone: say in words that the box scrolls sideways, when it does.
const hint = (wrap) => {
  const over = wrap.scrollWidth > wrap.clientWidth + 1;
  wrap.classList.toggle('table-wrap--overflowing', over);
  if (over && !wrap.querySelector(':scope > .table-wrap__hint')) {
    const p = document.createElement('p');
    p.className = 'table-wrap__hint';
    p.textContent = wrap.classList.contains('chart__image') ? 'Scroll sideways to see the whole chart.' : 'Scroll sideways to see the whole table.';
    wrap.prepend(p);
  }
};
const wraps = [...document.querySelectorAll('.table-wrap, .chart__image[tabindex]')];
const checkAll = () => wraps.forEach(hint);
checkAll();
window.addEventListener('resize', checkAll);
document.addEventListener('toggle', checkAll, true);

// Dashboard filter: the links jump to a priority without JavaScript; with it, they show only that priority.
const groups = [...document.querySelectorAll('.dashboard-group')];
const filterLinks = [...document.querySelectorAll('.dashboard-filter__link')];
if (groups.length && filterLinks.length) {
  const show = (id) => {
    const known = groups.some((g) => g.dataset.priority === id);
    for (const g of groups) g.hidden = known && g.dataset.priority !== id;
    for (const a of filterLinks) {
      if (a.dataset.filter === (known ? id : 'all')) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  };
  const fromHash = () => show(decodeURIComponent(location.hash.replace(/^#priority-/, '')));
  window.addEventListener('hashchange', fromHash);
  fromHash();
}

// Search page: Pagefind's index, written by the build into pagefind/.
const box = document.querySelector('[data-search]');
if (box) {
  const input = box.querySelector('input');
  const status = box.querySelector('[role="status"]');
  const list = box.querySelector('ol');
  let pagefind;
  try {
    pagefind = await import(new URL('../pagefind/pagefind.js', import.meta.url).href);
    await pagefind.init();
  } catch {
    pagefind = undefined;
  }
  if (pagefind) {
    box.hidden = false;
    document.querySelector('[data-search-fallback]')?.remove();
    let latest = 0;
    const run = async () => {
      const query = input.value.trim();
      const mine = ++latest;
      list.replaceChildren();
      if (!query) {
        status.textContent = '';
        return;
      }
      const search = await pagefind.search(query);
      if (mine !== latest) return;
      const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
      if (mine !== latest) return;
      status.textContent = results.length ? `${search.results.length} ${search.results.length === 1 ? 'page matches' : 'pages match'} “${query}”.` : `Nothing matches “${query}”.`;
      for (const r of results) {
        // The part of the page that matches best: its heading contains the words searched for, else it holds most matches.
        const q = query.toLowerCase();
        const subs = [...(r.sub_results ?? [])].sort((a, b) => Number(b.title.toLowerCase().includes(q)) - Number(a.title.toLowerCase().includes(q)) || (b.locations?.length ?? 0) - (a.locations?.length ?? 0));
        const best = subs[0];
        const li = document.createElement('li');
        li.className = 'site-search__result';
        const a = document.createElement('a');
        a.className = 'govuk-link site-search__link';
        a.href = new URL((best?.url ?? r.url).replace(/^\//, ''), new URL('../', import.meta.url)).href;
        a.textContent = best && best.title !== r.meta.title ? `${best.title} (${r.meta.title})` : r.meta.title;
        const p = document.createElement('p');
        p.className = 'govuk-body-s site-search__excerpt';
        // Pagefind marks the matched words with <mark>; the excerpt is otherwise plain text from our own pages.
        p.textContent = (best?.excerpt ?? r.excerpt).replace(/<\/?mark>/g, '');
        li.append(a, p);
        list.append(li);
      }
    };
    input.addEventListener('input', run);
    const q = new URLSearchParams(location.search).get('q');
    if (q) {
      input.value = q;
      run();
    }
  }
}
