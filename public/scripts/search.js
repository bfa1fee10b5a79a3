// Search page: reveal Pagefind's Component UI (the plain form is the no-JS fallback) and run ?q= queries.
const ui = document.getElementById('search-ui');
const fallback = document.getElementById('search-fallback');
await customElements.whenDefined('pagefind-input');
ui.hidden = false;
fallback.hidden = true;
// The component renders its <input> after it connects; wait for it.
let input = null;
for (let i = 0; i < 100 && !input; i++) {
  input = document.querySelector('pagefind-input input');
  if (!input) await new Promise((r) => requestAnimationFrame(r));
}
const q = new URLSearchParams(location.search).get('q');
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
