// The 404 page, served for any missing address: offer a search for the words of the address, and have "Report an
// error" report the address and the page that linked to it (src/routes/404.astro).
(() => {
  const base = document.getElementById('not-found').dataset.base ?? '/';
  let path = location.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {}
  // The words a reader meant: the address without the site's base, its folders of page types and file endings.
  const FOLDERS = new Set(['people', 'episodes', 'claims', 'sources', 'discrepancies', 'person', 'source', 'index', 'html', 'htm', 'php']);
  const words = (path.startsWith(base) ? path.slice(base.length) : path)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FOLDERS.has(w.toLowerCase()))
    .join(' ');
  document.getElementById('nf-what').textContent =
    `There is no page at ${path}. Claim and page addresses are permanent; if you followed a link from this site, please report it.`;
  if (words) {
    document.getElementById('nf-search').value = words;
    document.getElementById('nf-words').textContent = `“${words}”`;
    const link = document.getElementById('nf-search-link');
    link.search = new URLSearchParams({ q: words }).toString();
    document.getElementById('nf-suggest').hidden = false;
  }
  const report = document.querySelector('[data-report]');
  if (report) {
    const url = new URL(report.href);
    url.searchParams.set('title', `Missing page: ${path}`);
    url.searchParams.set(
      'body',
      `Address not found: ${location.href}\nLinked from: ${document.referrer || '(typed, bookmarked or not known)'}\n\nWhat were you looking for?\n`,
    );
    report.href = url.href;
  }
})();
