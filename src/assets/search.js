// The search page on Pagefind's JS API (/pagefind/pagefind.js). Results come first: a query loads Pagefind's
// index chunks and the fragments of the 10 results shown; the filter counts follow once those results are on
// screen, or as soon as a reader uses a filter. The address keeps the query and filters, so a search can be shared.
const PAGE_SIZE = 10;
// The first result shows as soon as its own fragment is loaded, the rest of the page right after: pages come first, and a
// page's fragment (its text, for excerpts) is three times a claim's, so waiting for three kept a second query past its
// 50 KB budget (bench/budgets.ts).
const FIRST_SHOWN = 1;
const DEBOUNCE_MS = 80;
const SUB_RESULTS = 2;

const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const pane = document.getElementById('search-filters');
const summary = document.getElementById('search-summary');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const groups = [...pane.querySelectorAll('details[data-filter]')];

const ui = document.getElementById('search-ui');
// The site may be served under a path (`/dossier/`): Pagefind's files are there, and its result URLs get it.
const base = ui.dataset.base ?? '/';
const OPTIONS = { excerptLength: 24, baseUrl: base };
// The claims have indexes of their own (one per 20,000 claims), written while the site builds; Pagefind searches
// them and the pages' as one. Claims outnumber pages five to one and are short, so on scores alone they bury the page
// a reader looks for ("Geneva" put the Geneva episode 12th, behind claims that mention it). Pagefind multiplies a
// merged index's scores by its weight: this one puts every page that matches first, in its own order, then the
// claims, in theirs.
const CLAIMS_WEIGHT = 1e-6;
// Among pages, a source text is ten times as long as a person page: Pagefind's default length penalty (0.75) put a
// source below every page quoting its name ("translated retelling" found its source 10th); 0.3 puts it first.
const PAGES_RANKING = { pageLength: 0.3 };
const claimsIndexes = ui.dataset.claimsIndexes?.split(' ') ?? [];
// A large dossier's pages fill several indexes (one per 10,000 by default): merged with the first, ranked alike.
const pagesIndexes = ui.dataset.pagesIndexes?.split(' ') ?? [];
const pagefind = import(`${base}pagefind/pagefind.js`).then(async (pf) => {
  await pf.options({ ...OPTIONS, ranking: PAGES_RANKING });
  await Promise.all([
    pf.init(),
    ...pagesIndexes.map((url) => pf.mergeIndex(url, { ...OPTIONS, ranking: PAGES_RANKING })),
    ...claimsIndexes.map((url) => pf.mergeIndex(url, { ...OPTIONS, indexWeight: CLAIMS_WEIGHT })),
  ]);
  return pf;
});

/** The reader's filters: group name → chosen values. */
const chosen = new Map(groups.map((g) => [g.dataset.filter, new Set()]));
/** The search on screen: its results, how many are shown, and the type of the last one shown. */
let current = { results: [], shown: 0, last: undefined };
let generation = 0;
let timer;
let allFilters;

const element = (tag, className, ...children) => {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children);
  return el;
};

function link(href, text, className) {
  const a = element('a', className, text);
  a.href = href;
  return a;
}

const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const typeLabel = (type) => pane.querySelector(`input[name="type"][value="${CSS.escape(type)}"] + .filter-label`)?.textContent ?? type;

/** The chosen filters in Pagefind's form: any value within a group, every group. */
function pagefindFilters(except) {
  const filters = {};
  for (const [name, values] of chosen) if (name !== except && values.size > 0) filters[name] = { any: [...values] };
  return filters;
}

/** A value's checkbox, created for the groups listed from the index. */
function valueBox(group, value) {
  const existing = [...group.querySelectorAll('input')].find((i) => i.value === value);
  if (existing) return existing;
  // The same markup as the type and status values search.astro lists.
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: group.dataset.filter, value });
  const item = element('li', '', element('label', '', box, element('span', 'filter-label', value), element('span', 'filter-count')));
  const values = group.querySelector('.filter-values');
  const after = [...values.children].find((li) => li.querySelector('input').value.localeCompare(value, 'en') > 0);
  values.insertBefore(item, after ?? null);
  return box;
}

/** Show each value's count; in the groups from the index, values with no result are hidden unless chosen. */
function showCounts(counts) {
  for (const group of groups) {
    const name = group.dataset.filter;
    const fromIndex = group.hasAttribute('data-from-index');
    if (fromIndex && allFilters) {
      for (const value of Object.keys(allFilters[name] ?? {})) valueBox(group, value);
      const status = group.querySelector('.filter-status');
      status.hidden = Object.keys(allFilters[name] ?? {}).length > 0;
      status.textContent = 'No values in this dossier.';
    }
    const known = counts[name];
    for (const box of group.querySelectorAll('input')) {
      // Once a group is counted, a value Pagefind does not list has no result.
      const n = known ? (known[box.value] ?? 0) : undefined;
      const item = box.closest('li');
      item.querySelector('.filter-count').textContent = n === undefined ? '' : n.toLocaleString('en');
      item.classList.toggle('is-empty', n === 0);
      if (fromIndex) item.hidden = n === 0 && !box.checked;
    }
  }
}

/** Load every filter's values once (the person and outlet lists are the largest part of them). */
async function loadFilters() {
  const pf = await pagefind;
  allFilters ??= await pf.filters();
}

/**
 * Counts for the filters as a faceted search gives them: a group's values are counted with the other groups'
 * filters applied but not its own, so choosing one type still shows how many results the other types have.
 * Pagefind counts only the filters it has loaded, so this runs its own searches (the index is already loaded).
 */
async function refreshCounts(gen, term, done) {
  const pf = await pagefind;
  // A search run after the filters were loaded already counted them; one run before has to be run again.
  const counts = { ...(done ?? (await pf.search(term, { filters: pagefindFilters() }))).filters };
  await Promise.all(
    [...chosen]
      .filter(([, values]) => values.size > 0)
      .map(async ([name]) => {
        const without = await pf.search(term, { filters: pagefindFilters(name) });
        counts[name] = without.filters[name] ?? {};
      }),
  );
  if (gen === generation) showCounts(counts);
}

/** Excerpt HTML from Pagefind as nodes: its text and <mark> elements only. */
function excerptNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  }
  return nodes;
}

const words = (s) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * An excerpt without the words that repeat its title. Pagefind's excerpt is a window of the page's text, which
 * starts with the page's heading; a claim's title is its first sentence. Cut a run of the excerpt's first words
 * (after at most three others, a date before the heading) that the title holds, when the run reaches the end of the
 * title or of the excerpt; an excerpt left with under three words is dropped. A section's excerpt starts inside its
 * heading, so there a run of one word at the start is enough.
 */
function withoutTitle(nodes, title, section = false) {
  const text = nodes.map((n) => n.textContent).join('');
  const spans = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const heading = ` ${words(title).join(' ')} `;
  for (let start = 0; start < Math.min(4, spans.length); start++) {
    let run = ' ';
    let end = start;
    while (end < spans.length && heading.includes(`${run}${spans[end][0].toLowerCase()} `)) run += `${spans[end++][0].toLowerCase()} `;
    const length = end - start;
    const reachesEnd = heading.endsWith(run) || end === spans.length;
    const enough = section && start === 0 ? 1 : Math.min(3, words(title).length);
    if (length < enough || !reachesEnd) continue;
    const last = spans[end - 1];
    return sliceNodes(nodes, end === spans.length ? text.length : last.index + last[0].length);
  }
  return nodes;
}

/** `nodes` from character `from` of their text on, without the punctuation left at the cut; [] if under three words. */
function sliceNodes(nodes, from) {
  const out = [];
  let at = 0;
  for (const node of nodes) {
    const value = node.textContent;
    const keep = at + value.length <= from ? '' : value.slice(Math.max(0, from - at));
    at += value.length;
    if (!keep) continue;
    const copy = node.cloneNode(false);
    copy.textContent = out.length === 0 ? keep.replace(/^[\s.,:;!?)\]”’"']+/u, '') : keep;
    if (copy.textContent) out.push(copy);
  }
  return words(out.map((n) => n.textContent).join('')).length < 3 ? [] : out;
}

/** One result: its type, title, excerpt and the best-matching sections of its page. */
function resultItem(data) {
  const type = data.meta.type ?? data.filters?.type?.[0] ?? 'page';
  const label = typeLabel(type);
  // Titles in the index name their type ("Claim: … (claim)") for other readers of it; the kicker says it here.
  let title = data.meta.title ?? data.url;
  if (title.endsWith(` (${type})`)) title = title.slice(0, -type.length - 3);
  if (title.startsWith(`${label}: `)) title = title.slice(label.length + 2);
  const excerpt = withoutTitle(excerptNodes(data.excerpt), title);
  const item = element(
    'li',
    'search-result',
    element('p', 'kicker', label),
    element('h3', 'search-result-title', link(data.url, title, 'search-result-link')),
  );
  if (excerpt.length > 0) item.append(element('p', 'search-result-excerpt', ...excerpt));
  item.dataset.type = type;
  const subs = data.sub_results
    .map((sub, i) => ({ sub, i }))
    .filter(({ sub }) => sub.anchor && sub.url !== data.url && sub.title !== data.meta.title)
    .sort((a, b) => b.sub.locations.length - a.sub.locations.length || a.i - b.i)
    .slice(0, SUB_RESULTS)
    .sort((a, b) => a.i - b.i);
  if (subs.length > 0) {
    const section = element('ul', 'search-subresults');
    for (const { sub } of subs)
      section.append(
        element(
          'li',
          '',
          link(sub.url, sub.title),
          element('span', 'search-result-excerpt', ' ', ...withoutTitle(excerptNodes(sub.excerpt), sub.title, true)),
        ),
      );
    item.append(section);
  }
  return item;
}

/**
 * The next `size` results of the search on screen, as list items (undefined if a newer search replaced it). The
 * claims come after every page that matches (CLAIMS_WEIGHT): a line says where they start.
 */
async function nextItems(gen, size = PAGE_SIZE) {
  const page = current.results.slice(current.shown, current.shown + size);
  const data = await Promise.all(page.map((r) => r.data()));
  if (gen !== generation) return undefined;
  current.shown += page.length;
  more.hidden = current.shown >= current.results.length;
  const items = [];
  for (const item of data.map(resultItem)) {
    if (item.dataset.type === 'claim' && current.last && current.last !== 'claim')
      items.push(element('li', 'search-group', element('p', 'search-group-title', 'Claims that mention it, best first')));
    current.last = item.dataset.type;
    items.push(item);
  }
  return items;
}

/** What the results are: the query and the chosen filters, in words. */
function describe(n, term) {
  const parts = [];
  for (const group of groups) {
    const values = chosen.get(group.dataset.filter);
    if (values.size === 0) continue;
    const labels = [...values].map((v) => (group.dataset.filter === 'type' ? typeLabel(v) : v));
    parts.push(`${group.querySelector('summary').textContent.toLowerCase()} ${labels.join(' or ')}`);
  }
  const filters = parts.length ? ` (${parts.join('; ')})` : '';
  if (n === 0) return `No results for ${term ? `“${term}”` : 'these filters'}${filters}. Try fewer words or filters.`;
  // Only a query ranks results; browsing by filters lists pages in the index's order.
  return `${plural(n, 'result')}${term ? ` for “${term}”` : ''}${filters}${term && n > PAGE_SIZE ? ', best first' : ''}.`;
}

/** Keep the address in step with the search, so it can be shared and survives a reload. */
function keepAddress(term) {
  const url = new URL(location.href);
  url.search = '';
  if (term) url.searchParams.set('q', term);
  for (const [name, values] of chosen) for (const v of values) url.searchParams.append(name, v);
  if (url.href !== location.href) history.replaceState(null, '', url);
}

/** A phone's screen: one column, the filters above the results. */
const phone = matchMedia('(max-width: 47.99rem)');

/**
 * On a phone the results sit below the filters, so a filter's new results would appear out of sight and the tap seem
 * to do nothing: bring the count and the first result into view (focus stays on the filter).
 */
function revealResults() {
  const first = list.querySelector('.search-result') ?? summary;
  if (summary.getBoundingClientRect().top < 0 || first.getBoundingClientRect().bottom > innerHeight)
    summary.scrollIntoView({ block: 'start' });
}

async function run({ reveal = false } = {}) {
  clearTimeout(timer);
  const gen = ++generation;
  const term = input.value.trim();
  keepAddress(term);
  const filters = pagefindFilters();
  if (!term && Object.keys(filters).length === 0) {
    current = { results: [], shown: 0, last: undefined };
    list.replaceChildren();
    more.hidden = true;
    summary.textContent = 'Type words to search, or choose filters to browse.';
    // With nothing chosen the counts are the dossier's totals, once the filters are loaded.
    if (allFilters) await refreshCounts(gen, null);
    else showCounts({});
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const pf = await pagefind;
    const counted = allFilters !== undefined;
    const search = await pf.search(term || null, { filters });
    if (gen !== generation) return;
    current = { results: search.results, shown: 0, last: undefined };
    // The first results show as soon as their excerpts are loaded; the rest of the page follows.
    const items = await nextItems(gen, FIRST_SHOWN);
    if (!items) return;
    list.replaceChildren(...items);
    summary.textContent = describe(search.results.length, term);
    if (reveal && phone.matches) revealResults();
    const rest = await nextItems(gen, PAGE_SIZE - FIRST_SHOWN);
    if (!rest) return;
    list.append(...rest);
    // The filter counts once the results are on screen.
    await loadFilters();
    if (gen === generation) await refreshCounts(gen, term || null, counted ? search : undefined);
  } catch (error) {
    if (gen !== generation) return;
    summary.textContent = 'Search could not run in this browser. The indexes of people, episodes, claims and sources list everything.';
    console.error(error);
  } finally {
    if (gen === generation) list.removeAttribute('aria-busy');
  }
}

function runSoon() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
  // Fetch the index chunks for the words typed so far while the reader types (short prefixes span many chunks).
  const term = input.value.trim();
  if (term.length >= 3) pagefind.then((pf) => pf.preload(term, { filters: pagefindFilters() })).catch(() => {});
}

// Start from the address: ?q= (the home page's form links here) and any filters.
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const group of groups) {
  const name = group.dataset.filter;
  for (const value of params.getAll(name)) {
    const box = valueBox(group, value);
    box.checked = true;
    chosen.get(name).add(value);
    group.open = true;
  }
}

// "/" from any page comes here with #search-input (src/assets/enhance.js); here, it goes to the search box.
if (location.hash === '#search-input') input.focus();
addEventListener(
  'keydown',
  (event) => {
    if (event.key !== '/' || event.target.closest('input, textarea, select')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    input.focus();
  },
  true,
);

// On a phone the filters start folded, so the results are not pushed below them.
if (phone.matches) for (const group of groups) group.open = chosen.get(group.dataset.filter).size > 0;
document.getElementById('search-ui').hidden = false;
input.addEventListener('input', runSoon);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
pane.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
  const values = chosen.get(box.name);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  run({ reveal: true });
});
// The person and outlet lists load when their group is opened.
for (const group of groups.filter((g) => g.hasAttribute('data-from-index')))
  group.addEventListener('toggle', async () => {
    if (!group.open || allFilters) return;
    await loadFilters();
    await refreshCounts(generation, input.value.trim() || null);
  });
more.addEventListener('click', async () => {
  // One page at a time: a second click while the next results load would fetch the same ones again.
  if (more.getAttribute('aria-disabled') === 'true') return;
  more.setAttribute('aria-disabled', 'true');
  try {
    const start = list.children.length;
    const items = await nextItems(generation);
    if (!items) return;
    list.append(...items);
    [...list.children]
      .slice(start)
      .find((li) => li.querySelector('a'))
      ?.querySelector('a')
      ?.focus();
  } finally {
    more.removeAttribute('aria-disabled');
  }
});
if (input.value || [...chosen.values()].some((v) => v.size > 0)) run();
