/*
 * The search page: reads q, topic, year, type, from, to, the taxonomy filters (speaker, org …),
 * sort and page from the URL (ten results a page: search.html?q=服务&page=2), searches as the
 * reader types,
 * keeps the state in the URL so a search can be bookmarked, and builds every result with DOM
 * text nodes, so nothing from the index or the query is ever parsed as HTML.
 */
(function () {
  'use strict';
  const form = document.getElementById('search-form');
  if (!form || !window.LantaiSearch) return;
  const root = form.dataset.root;
  const engine = LantaiSearch.createEngine(LantaiSearch.pageLoader(form.dataset.index));
  const input = document.getElementById('search-q');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const pager = document.getElementById('search-pager');
  const selects = {};
  for (const key of ['topic', 'year', 'type', 'from', 'to', 'sort']) selects[key] = document.getElementById(`search-${key}`);
  const params = new URLSearchParams(location.search);
  const PER_PAGE = 10;
  /** The page of results shown, from the URL; back to 1 whenever the query changes. */
  let pageNumber = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  let sequence = 0;
  let timer = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The snippet's text with its highlights as <mark> elements. */
  function snippetNode(snippet) {
    const paragraph = element('p', 'search-snippet');
    const link = element('a');
    link.href = root + snippet.url;
    let cursor = 0;
    for (const [start, end] of snippet.highlights) {
      if (start < cursor) continue;
      link.appendChild(document.createTextNode(snippet.text.slice(cursor, start)));
      link.appendChild(element('mark', null, snippet.text.slice(start, end)));
      cursor = end;
    }
    link.appendChild(document.createTextNode(snippet.text.slice(cursor)));
    paragraph.appendChild(link);
    return paragraph;
  }

  /** 2023-05-12 → 2023年5月12日, as every page of the portal writes a date. */
  function chineseDate(iso) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return parts ? `${parts[1]}年${Number(parts[2])}月${Number(parts[3])}日` : iso;
  }

  function resultNode(result) {
    const item = element('li', 'search-result');
    const title = element('a', 'doc-title', result.title);
    title.href = root + result.url;
    item.appendChild(title);
    const meta = [chineseDate(result.date), result.type, result.speaker].filter(Boolean).join(' · ');
    if (meta) item.appendChild(element('div', 'doc-meta', meta));
    for (const snippet of result.snippets) item.appendChild(snippetNode(snippet));
    return item;
  }

  function currentQuery() {
    const query = { text: input.value, limit: PER_PAGE, offset: (pageNumber - 1) * PER_PAGE };
    for (const key of Object.keys(selects)) query[key] = selects[key] ? selects[key].value : '';
    return query;
  }

  /** The URL's query string for a query at a page. */
  function address(query, page) {
    const next = new URLSearchParams();
    if (query.text.trim()) next.set('q', query.text.trim());
    for (const key of Object.keys(selects)) if (query[key]) next.set(key, query[key]);
    if (page > 1) next.set('page', String(page));
    return next.toString();
  }

  function remember(query) {
    const search = address(query, pageNumber);
    try { history.replaceState(null, '', search ? `?${search}` : location.pathname); } catch (error) { /* file:// may refuse */ }
  }

  /** Links to the previous and next pages and to each page, each an address of its own. */
  function showPager(query, total) {
    pager.replaceChildren();
    const pages = Math.ceil(total / PER_PAGE);
    if (pages <= 1) return;
    const link = (page, text, current) => {
      const node = element(current ? 'span' : 'a', current ? 'current' : null, text);
      if (current) node.setAttribute('aria-current', 'page');
      else node.href = `?${address(query, page)}`;
      return node;
    };
    if (pageNumber > 1) pager.appendChild(link(pageNumber - 1, '上一页', false));
    const first = Math.max(1, Math.min(pageNumber - 4, pages - 9));
    for (let page = first; page <= Math.min(pages, first + 9); page++) pager.appendChild(link(page, String(page), page === pageNumber));
    if (pageNumber < pages) pager.appendChild(link(pageNumber + 1, '下一页', false));
  }

  async function run() {
    const query = currentQuery();
    const mine = ++sequence;
    remember(query);
    document.body.dataset.searchState = 'searching';
    if (!LantaiSearch.queryTerms(query.text, new Map()).length) {
      list.replaceChildren();
      pager.replaceChildren();
      status.textContent = '输入检索词即可查找全部文稿中的原文表述。';
      document.body.dataset.searchState = 'done';
      return;
    }
    status.textContent = '正在检索…';
    const show = (found) => {
      list.replaceChildren(...found.results.map(resultNode));
      list.start = query.offset + 1;
      const range = `第 ${query.offset + 1}–${query.offset + found.results.length} 篇`;
      if (!found.complete) {
        status.textContent = `已找到 ${found.total} 篇，继续查找…`;
        document.body.dataset.searchState = 'partial';
      } else {
        status.textContent = found.total
          ? `找到 ${found.total} 篇文稿${found.total > found.results.length ? `，显示${range}` : ''}。`
          : `没有找到包含“${query.text.trim()}”的文稿。`;
        showPager(query, found.total);
      }
    };
    try {
      // A common phrase shows a first page early; the exact total and ranking follow.
      const found = await engine.search(query, { onFirstPage: (first) => { if (mine === sequence) show(first); } });
      if (mine !== sequence) return;
      show(found);
    } catch (error) {
      if (mine !== sequence) return;
      list.replaceChildren();
      status.textContent = `检索出错：${error.message}`;
    }
    document.body.dataset.searchState = 'done';
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }

  /**
   * A select per taxonomy with values (讲话人, 单位 …), before the sort select. A value in the
   * address that the index does not hold stays selected (and finds nothing) rather than being
   * dropped without a word.
   */
  function addTaxonomyFilters(taxonomies) {
    const before = selects.sort.parentNode;
    for (const taxonomy of taxonomies) {
      if (!taxonomy.values.length) continue;
      const label = element('label', null, `${taxonomy.label} `);
      const select = element('select');
      select.name = taxonomy.parameter;
      select.id = `search-${taxonomy.parameter}`;
      const all = element('option', null, '全部');
      all.value = '';
      select.appendChild(all);
      const wanted = params.get(taxonomy.parameter);
      const values = taxonomy.values.slice();
      if (wanted && !values.some((facet) => facet.value === wanted)) values.push({ value: wanted, label: wanted, count: 0 });
      for (const facet of values) {
        const option = element('option', null, `${facet.label}（${facet.count}）`);
        option.value = facet.value;
        select.appendChild(option);
      }
      label.appendChild(select);
      before.parentNode.insertBefore(label, before);
      selects[taxonomy.parameter] = select;
    }
  }

  async function start() {
    input.value = params.get('q') || '';
    try {
      const { meta } = await engine.prepare();
      for (const [key, facets] of [['topic', meta.topics], ['year', meta.years], ['type', meta.types], ['from', meta.years], ['to', meta.years]]) {
        for (const facet of facets) {
          const label = key === 'from' || key === 'to' ? facet.value : `${facet.label}（${facet.count}）`;
          const option = element('option', null, label);
          option.value = facet.value;
          selects[key].appendChild(option);
        }
      }
      addTaxonomyFilters(meta.taxonomies);
      for (const key of Object.keys(selects)) selects[key].value = params.get(key) || '';
    } catch (error) {
      status.textContent = `无法载入检索索引：${error.message}`;
      document.body.dataset.searchState = 'done';
      return;
    }
    // A changed query starts again at its first page.
    input.addEventListener('input', () => { pageNumber = 1; schedule(); });
    for (const select of Object.values(selects)) select.addEventListener('change', () => { pageNumber = 1; run(); });
    form.addEventListener('submit', (event) => { event.preventDefault(); pageNumber = 1; run(); });
    run();
  }

  start();
})();
