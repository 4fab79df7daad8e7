/*
 * 复制引文: a button after each paragraph of a document copies the passage with its source, as
 * someone drafting a speech quotes it: “passage”（《title》，speaker，date，link）. Selected text
 * inside the document gets a button of its own. Written as ES2017 with no build step; the page
 * reads the same without it.
 */
(function () {
  'use strict';
  const article = document.querySelector('article.document');
  const body = article && article.querySelector('.doc-body');
  if (!body) return;

  /** A paragraph's text as read: without its link mark, its button or a footnote's back link. */
  function textOf(paragraph) {
    const copy = paragraph.cloneNode(true);
    for (const extra of copy.querySelectorAll('.anchor, .cite-button, .footnote-backref, sup')) extra.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  /** “…”（《标题》，讲话人，日期，链接） */
  function citation(text, anchor) {
    const link = location.href.split('#')[0] + (anchor ? '#' + anchor : '');
    const source = [`《${article.dataset.title}》`, article.dataset.speaker, article.dataset.date, link]
      .map((part) => (part || '').trim()).filter(Boolean).join('，');
    return `“${text}”（${source}）`;
  }

  /** The clipboard API where the page may use it, else a hidden text area and the copy command. */
  function copy(text) {
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const done = document.execCommand('copy');
      area.remove();
      return done ? Promise.resolve() : Promise.reject(new Error('copy refused'));
    };
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(fallback);
    return fallback();
  }

  function tell(message) {
    const note = document.createElement('div');
    note.className = 'cite-copied';
    note.setAttribute('role', 'status');
    note.textContent = message;
    document.body.appendChild(note);
    setTimeout(() => note.remove(), 1800);
  }

  function copyAndTell(text) {
    copy(text).then(() => tell('已复制引文'), () => tell('复制失败：请手动选中文字复制'));
  }

  for (const paragraph of body.querySelectorAll('p[id]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-button';
    // The label is drawn by CSS, like the ¶, so selecting and copying the text leaves it out.
    button.setAttribute('aria-label', '复制引文（本段及出处）');
    button.addEventListener('click', () => copyAndTell(citation(textOf(paragraph), paragraph.id)));
    paragraph.appendChild(button);
  }

  // A selection inside the text: one button to copy just that, with the paragraph it starts in.
  const selectionButton = document.createElement('button');
  selectionButton.type = 'button';
  selectionButton.className = 'cite-selection';
  selectionButton.textContent = '复制所选引文';
  selectionButton.hidden = true;
  document.body.appendChild(selectionButton);
  let selected = null;
  document.addEventListener('selectionchange', () => {
    const selection = getSelection();
    const text = selection ? selection.toString().replace(/\s+/g, ' ').trim() : '';
    const start = selection && selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
    const node = start && (start.nodeType === 1 ? start : start.parentElement);
    const paragraph = node && node.closest ? node.closest('.doc-body [id]') : null;
    selected = text && node && body.contains(node) ? { text, anchor: paragraph ? paragraph.id : '' } : null;
    selectionButton.hidden = !selected;
  });
  selectionButton.addEventListener('mousedown', (event) => event.preventDefault());
  selectionButton.addEventListener('click', () => { if (selected) copyAndTell(citation(selected.text, selected.anchor)); });
})();
