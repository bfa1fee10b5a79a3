// Theme toggle (remembered); citation previews from the references list, Escape closes.
(() => {
  const root = document.documentElement;
  const button = document.getElementById('theme-toggle');
  const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  const sync = () => {
    button.ariaPressed = String(dark());
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
    const make = (tag, props) => Object.assign(document.createElement(tag), props);
    const text = (selector) => ref.querySelector(selector)?.textContent ?? '';
    const box = make('span', { className: 'cite-preview', ariaHidden: 'true' });
    box.append(
      make('q', { textContent: text('blockquote').replace(/^“|”$/g, '') }),
      make('span', { className: 'cite-preview-source', textContent: ` — ${text('.ref-source').trim()}${text('.ref-meta')}` }),
    );
    cite.append(box);
  };
  document.addEventListener('focusin', preview);
  document.addEventListener('mouseover', preview);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const cite of document.querySelectorAll('.cite:hover, .cite:focus-within')) cite.setAttribute('data-dismissed', '');
  });
})();
