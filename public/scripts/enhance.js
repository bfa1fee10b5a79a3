// Progressive enhancement, under 2 KB: theme toggle that remembers the choice; Escape closes citation previews.
(() => {
  const root = document.documentElement;
  const button = document.getElementById('theme-toggle');
  const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  const sync = () => {
    if (!button) return;
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
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const cite of document.querySelectorAll('.cite:hover, .cite:focus-within')) cite.setAttribute('data-dismissed', '');
  });
  const undismiss = (event) => event.target.closest?.('.cite')?.removeAttribute('data-dismissed');
  document.addEventListener('focusin', undismiss);
  document.addEventListener('mouseover', undismiss);
})();
