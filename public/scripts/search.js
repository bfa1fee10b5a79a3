// Search page: Pagefind's UI with filters shown before typing; ?q= pre-fills and runs the query.
(() => {
  const fallback = document.getElementById('search-fallback');
  if (!window.PagefindUI) return;
  if (fallback) fallback.hidden = true;
  const ui = new window.PagefindUI({
    element: '#search',
    showSubResults: true,
    showEmptyFilters: false,
    openFilters: ['type', 'status'],
    pageSize: 10,
    resetStyles: false,
    translations: { placeholder: 'Search people, episodes, claims, sources…' },
    processResult: (result) => {
      const type = result.meta && result.meta.type;
      if (type) result.meta.title = `${result.meta.title} · ${type}`;
      return result;
    },
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
  else ui.triggerFilters({});
})();
