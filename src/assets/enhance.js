// What every page does with JavaScript, within the content pages' 2 KB budget: the theme toggle, citation previews,
// "/" to search. Served compact (src/routes/scripts/enhance.js.ts): end statements with semicolons, and use no regular
// expression literal. The page works without any of it.
(() => {
  const d = document;
  const data = d.documentElement.dataset;
  const on = (...args) => d.addEventListener(...args);
  // A toggle button: its label stays "Dark theme", its pressed state says whether the dark theme is on.
  const button = d.getElementById('theme-toggle');
  const dark = () => (data.theme ? data.theme == 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  if (button) {
    button.hidden = false;
    button.ariaPressed = dark();
    button.onclick = () => {
      data.theme = dark() ? 'light' : 'dark';
      button.ariaPressed = dark();
      try {
        localStorage.theme = data.theme;
      } catch {}
    };
  }
  // A citation's preview: a copy of its entry in the references list (with its "Open in source" link, which only a
  // preview shows), in one popover (the top layer; Escape and a tap outside close it) beside the mark and inside the
  // viewport, or a sheet at the foot of a phone's screen (global.css). Hover opens it, and focus, and a first tap; the
  // mark says whether it is open.
  const box = d.createElement('div');
  box.className = 'cite-preview';
  box.popover = 'auto';
  // In the main landmark, after the text: out of the way of the keyboard, whose Enter on a mark opens the passage.
  d.getElementById('main').append(box);
  let open;
  let tapped;
  const hide = () => {
    if (open) open.ariaExpanded = open = false;
    box.hidePopover();
  };
  box.ontoggle = (e) => e.newState == 'closed' && hide();
  const show = (a) => {
    const ref = a && d.getElementById(a.getAttribute('aria-describedby'));
    if (!ref || a == open) return;
    hide();
    box.replaceChildren(...ref.cloneNode(true).childNodes);
    a.ariaExpanded = true;
    open = a;
    box.showPopover();
    // Centred on the mark (global.css keeps it inside the viewport's width), touching it, so that a pointer can move
    // from one to the other: above it in the lower half of the screen, below it in the upper half.
    const r = a.getBoundingClientRect();
    const above = r.y > innerHeight / 2;
    box.style.cssText = `--x:${r.x + r.width / 2}px;top:${scrollY + (above ? r.y : r.bottom)}px;translate:0 ${above ? -100 : 0}%`;
  };
  const mark = (e) => e.target.closest?.('.cite-link');
  const near = (node) => node?.closest?.('.cite-link,.cite-preview');
  on('focusin', (e) => (near(e.target) ? show(mark(e)) : hide()));
  // Hover is a mouse's: a tap on a phone sends mouse events too, some of them long after the tap.
  on('pointerover', (e) => e.pointerType == 'mouse' && show(mark(e)));
  on('pointerout', (e) => e.pointerType == 'mouse' && near(e.target) && !near(e.relatedTarget) && hide());
  // A tap on a mark whose preview is closed opens it; a second tap, or "Open in source", follows the link. (A touch
  // or a pen: the pointer types after "mouse"; a keyboard's click has none.)
  on('pointerdown', (e) => (tapped = open && mark(e) == open));
  on('click', (e) => {
    if (mark(e) && e.pointerType > 'mouse' && !tapped) {
      e.preventDefault();
      show(mark(e));
    }
  });
  // "/" opens the search page, with its search box focused (on that page, search.js focuses the box itself).
  on('keydown', (e) => {
    if (e.key == '/' && !e.target.closest('input,textarea,select')) {
      e.preventDefault();
      location = `${d.querySelector('[rel=search]').href}#search-input`;
    }
  });
  // A link to a paragraph opens its folded backlinks (global.css shows them before this runs, and without it).
  const opened = () => d.querySelector(':target>.cited-by')?.setAttribute('open', '');
  onhashchange = onload = opened;
})();
