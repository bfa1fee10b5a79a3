// Search page: reveal Pagefind's Component UI (the plain form is the no-JS fallback) and run ?q= queries.
const ui = document.getElementById('search-ui');
const fallback = document.getElementById('search-fallback');
await customElements.whenDefined('pagefind-input');
ui.hidden = false;
fallback.hidden = true;
const q = new URLSearchParams(location.search).get('q');
const input = document.querySelector('pagefind-input input');
if (q && input) {
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
// Keep the address in step with the query so a search can be shared.
input?.addEventListener('input', () => {
  const url = new URL(location.href);
  if (input.value) url.searchParams.set('q', input.value);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
});
