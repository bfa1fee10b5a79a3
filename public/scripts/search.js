// Search page: reveal Pagefind's Component UI (the plain form is the no-JS fallback) and run ?q= queries.
const ui = document.getElementById('search-ui');
const fallback = document.getElementById('search-fallback');
await customElements.whenDefined('pagefind-input');
ui.hidden = false;
fallback.hidden = true;
const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
const q = new URLSearchParams(location.search).get('q');
if (instance && q) {
  // Faceted mode first runs an empty search to list everything; run the query right after it.
  let ran = false;
  instance.on('results', () => {
    if (ran) return;
    ran = true;
    instance.triggerSearch(q);
  });
}
// Keep the address in step with the query so a search can be shared.
instance?.on('search', (term) => {
  const url = new URL(location.href);
  if (term) url.searchParams.set('q', term);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
});
