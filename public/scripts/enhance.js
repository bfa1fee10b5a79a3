// Theme toggle that remembers the choice; citation previews from the references list (Escape closes).
(() => {
  const root = document.documentElement;
  const button = document.getElementById('theme-toggle');
  const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  const sync = () => {
    button.setAttribute('aria-pressed', String(dark()));
    button.textContent = dark() ? 'Light theme' : 'Dark theme';
  };
  if (button) {
    button.hidden = false;
    sync();
    button.addEventListener('click', () => {
      const next = dark() ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {}
      sync();
    });
  }
  const preview = (event) => {
    const cite = event.target.closest?.('.cite');
    if (!cite) return;
    cite.removeAttribute('data-dismissed');
    if (cite.querySelector('.cite-preview')) return;
    const ref = document.getElementById(cite.querySelector('a')?.getAttribute('aria-describedby') ?? '');
    if (!ref) return;
    const box = document.createElement('span');
    box.className = 'cite-preview';
    box.ariaHidden = 'true';
    const quote = document.createElement('q');
    quote.textContent = (ref.querySelector('blockquote')?.textContent ?? '').replace(/^“|”$/g, '');
    const source = document.createElement('span');
    source.className = 'cite-preview-source';
    source.textContent = ` — ${ref.querySelector('.ref-source')?.textContent.trim() ?? ''}${ref.querySelector('.ref-meta')?.textContent ?? ''}`;
    box.append(quote, source);
    cite.append(box);
  };
  document.addEventListener('focusin', preview);
  document.addEventListener('mouseover', preview);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const cite of document.querySelectorAll('.cite:hover, .cite:focus-within')) cite.setAttribute('data-dismissed', '');
  });
})();
