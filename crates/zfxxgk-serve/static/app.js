// The review page of `zfxxgk serve`. Plain JavaScript, no libraries.
//
// Every text that comes from a report (titles, cells, findings, notes, file names) is
// put into the page with textContent or as an attribute value, never as markup: the
// page builds its elements with el() below and nothing else.
'use strict';

const state = {
  lang: 'zh',
  reports: [], // {file, name, data}
  view: null, // {mode: 'one', index} | {mode: 'pair', old, new, diff}
  selected: null, // {pane, index}: the finding chosen
  status: null, // {say, isError}: the last word on reading
};

const UI = {
  zh: {
    reading: (n) => `正在读取 ${n}…`,
    read: (n, c) => `已读取 ${n}：${c} 条问题`,
    failed: (n, m) => `无法读取 ${n}：${m}`,
    comparing: (a, b) => `正在对比 ${a} 与 ${b}…`,
    compared: (c) => `对比完成：${c} 处变化`,
    same: '请选择两份不同的报告',
    findings: '问题',
    none: '未发现问题',
    source: '原文',
    choose: '选择左侧一条问题，查看原文位置',
    tables: '表格',
    absent: '报告中没有此表',
    notes: '解析说明',
    unplaced: '未能放入模板的内容',
    meta: '报告信息',
    downloads: '下载',
    findingsCsv: '问题 CSV',
    cellsCsv: '单元格 CSV',
    cellsJson: '单元格 JSON',
    title: '标题', body: '机关', year: '年度', edition: '模板版本', encoding: '编码', kind: '文件类型',
    position: '按位置放入（无行标签）',
    changes: '变化的单元格',
    key: '单元格', old: '上一年', new: '本年', change: '变化',
    noChange: '两年数据相同',
    otherBody: '注意：两份报告的机关名称不同，按要求对比。',
    remove: '移除',
    extra: '模板之外的单元格',
    t305: '跨年度检查（T305）',
    flagged: (n) => `${n} 条问题涉及此单元格`,
    culprit: '最可能出错的单元格',
    blank: '空白',
    jump: '跳到表格',
    showCells: '在两份报告中标出此单元格',
  },
  en: {
    reading: (n) => `Reading ${n}…`,
    read: (n, c) => `Read ${n}: ${c} findings`,
    failed: (n, m) => `Could not read ${n}: ${m}`,
    comparing: (a, b) => `Comparing ${a} with ${b}…`,
    compared: (c) => `Compared: ${c} cells changed`,
    same: 'Choose two different reports',
    findings: 'Findings',
    none: 'No findings',
    source: 'Source',
    choose: 'Choose a finding to see its source lines',
    tables: 'Tables',
    absent: 'The report has no such table',
    notes: 'Parser notes',
    unplaced: 'Text not placed on the template',
    meta: 'Report',
    downloads: 'Downloads',
    findingsCsv: 'Findings CSV',
    cellsCsv: 'Cells CSV',
    cellsJson: 'Cells JSON',
    title: 'Title', body: 'Body', year: 'Year', edition: 'Edition', encoding: 'Encoding', kind: 'File kind',
    position: 'placed by position (no row label)',
    changes: 'Changed cells',
    key: 'Cell', old: 'Old', new: 'New', change: 'Change',
    noChange: 'The two years hold the same figures',
    otherBody: 'Note: the two reports name different bodies; compared as asked.',
    remove: 'Remove',
    extra: 'Cells outside the template',
    t305: 'Across years (T305)',
    flagged: (n) => `${n} findings name this cell`,
    culprit: 'the cell most likely wrong',
    blank: 'blank',
    jump: 'Jump to table',
    showCells: 'mark this cell in both reports',
  },
};

function t() {
  return UI[state.lang];
}

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A message in the language shown: `{zh, en}`, or one string for both. */
function inLang(message) {
  if (message && typeof message === 'object') return message[state.lang] ?? message.zh ?? '';
  return message ?? '';
}

/** Says how reading went; `say` makes the sentence in the language shown, so that it
 * follows the language switch. */
function status(say, isError) {
  state.status = { say, isError: !!isError };
  showStatus();
}

function showStatus() {
  const box = document.getElementById('status');
  const s = state.status;
  box.textContent = s ? s.say(t()) : '';
  box.classList.toggle('error', !!(s && s.isError));
}

// ------------------------------------------------------------------ the API

async function apiError(response) {
  try {
    const body = await response.json();
    return body.error && body.error.message ? body.error.message : response.statusText;
  } catch (_) {
    return `${response.status} ${response.statusText}`;
  }
}

async function readFile(file) {
  const response = await fetch(`/api/read?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
  });
  if (!response.ok) throw new Error(await apiError(response));
  return response.json();
}

async function diffFiles(oldFile, newFile) {
  const form = new FormData();
  form.append('old', oldFile, oldFile.name);
  form.append('new', newFile, newFile.name);
  const response = await fetch('/api/diff', { method: 'POST', body: form });
  if (!response.ok) throw new Error(await apiError(response));
  return response.json();
}

async function addFiles(files) {
  for (const file of files) {
    status((ui) => ui.reading(file.name));
    try {
      const data = await readFile(file);
      state.reports.push({ file, name: file.name, data });
      state.view = { mode: 'one', index: state.reports.length - 1 };
      state.selected = null;
      status((ui) => ui.read(file.name, data.findings.length));
      render();
    } catch (e) {
      status((ui) => ui.failed(file.name, e.message), true);
    }
  }
}

async function compare(oldIndex, newIndex) {
  const a = state.reports[oldIndex];
  const b = state.reports[newIndex];
  if (!a || !b || oldIndex === newIndex) {
    status((ui) => ui.same, true);
    return;
  }
  status((ui) => ui.comparing(a.name, b.name));
  try {
    const diff = await diffFiles(a.file, b.file);
    state.view = { mode: 'pair', old: oldIndex, new: newIndex, diff };
    state.selected = null;
    const changes = diff.comparisons.reduce((n, c) => n + c.changes.length, 0);
    status((ui) => ui.compared(changes));
    render();
  } catch (e) {
    status((ui) => ui.failed(`${a.name} / ${b.name}`, e.message), true);
  }
}

// ------------------------------------------------------------------ tables

/** Cells of the report by key: placement and location. */
function cellIndex(report) {
  const cells = new Map();
  for (const table of report.tables || []) {
    for (const cell of table.cells || []) cells.set(cell.key, cell);
  }
  return cells;
}

/** The cells findings name as the likely typo. */
function culprits(findings) {
  return new Set(findings.map((f) => f.culprit).filter((k) => k));
}

/** Finding indexes by the keys their places name. */
function findingIndex(findings) {
  const byKey = new Map();
  findings.forEach((f, i) => {
    for (const place of f.places || []) {
      if (!place.key) continue;
      if (!byKey.has(place.key)) byKey.set(place.key, []);
      byKey.get(place.key).push(i);
    }
  });
  return byKey;
}

function worst(findings, indexes) {
  const rank = { error: 3, warning: 2, info: 1 };
  let best = 'info';
  for (const i of indexes) {
    const s = findings[i].severity;
    if ((rank[s] || 0) > (rank[best] || 0)) best = s;
  }
  return best;
}

/**
 * A cell of the layout: its value as read, its key as title, marked when placed by
 * position, flagged (and linked to its first finding) when findings name it, marked
 * as changed when a comparison says so.
 */
function cellNode(cell, ctx) {
  const read = ctx.cells.get(cell.key);
  const classes = ['cell', cell.shape];
  const titleParts = [cell.key];
  if (read && read.placement === 'position') {
    classes.push('position');
    titleParts.push(t().position);
  }
  const flagged = ctx.byKey.get(cell.key) || [];
  let content = cell.text;
  if (flagged.length > 0) {
    classes.push('flagged', worst(ctx.findings, flagged));
    if (ctx.culprits.has(cell.key)) {
      classes.push('culprit');
      titleParts.push(t().culprit);
    }
    titleParts.push(t().flagged(flagged.length));
    content = el('a', {
      href: `#${ctx.pane}-finding-${flagged[0]}`,
      class: 'cell-link',
      onclick: (event) => {
        event.preventDefault();
        selectFinding(ctx.pane, flagged[0], true);
      },
    }, cell.text === '' ? el('span', { class: 'blank-mark', 'aria-label': t().blank, text: '∅' }) : cell.text);
  }
  const change = ctx.changes && ctx.changes.get(cell.key);
  if (change) {
    classes.push('changed');
    titleParts.push(`${change.old ?? '—'} → ${change.new ?? '—'}`);
  }
  return el('td', {
    class: classes.join(' '),
    'data-key': cell.key,
    title: titleParts.join(' · '),
  }, content);
}

function blockNode(block, ctx) {
  const table = el('table', { class: 'grid' });
  if (block.caption) table.append(el('caption', { text: block.caption }));
  const head = el('thead');
  for (const row of block.header) {
    head.append(el('tr', {}, row.map((h) => el('th', {
      scope: 'col',
      colspan: h.colspan > 1 ? h.colspan : null,
      rowspan: h.rowspan > 1 ? h.rowspan : null,
      text: h.text,
    }))));
  }
  const body = el('tbody');
  for (const row of block.rows) {
    const labels = row.labels.map((l) => el('th', {
      scope: 'row',
      class: `label level-${l.level}`,
      colspan: l.colspan > 1 ? l.colspan : null,
      rowspan: l.rowspan > 1 ? l.rowspan : null,
      text: l.text,
    }));
    body.append(el('tr', {}, labels, row.cells.map((c) => cellNode(c, ctx))));
  }
  table.append(head, body);
  return el('div', { class: 'scroll' }, table);
}

function tablesNode(data, ctx) {
  const out = el('section', { class: 'tables', 'aria-label': t().tables });
  for (const table of data.layout.tables) {
    const section = el('section', { class: 'table', 'data-table': table.id, id: `${ctx.pane}-${table.id}` });
    section.append(el('h3', {}, table.title, el('small', { text: ` (${table.edition})` })));
    if (!table.present) section.append(el('p', { class: 'absent-note', text: t().absent }));
    for (const block of table.blocks) section.append(blockNode(block, ctx));
    if (table.extra.length > 0) {
      section.append(el('h4', { text: t().extra }));
      const row = el('tr', {}, table.extra.map((c) => cellNode(c, ctx)));
      const keys = el('tr', {}, table.extra.map((c) => el('th', { scope: 'col', text: c.key })));
      section.append(el('div', { class: 'scroll' }, el('table', { class: 'grid' }, el('thead', {}, keys), el('tbody', {}, row))));
    }
    out.append(section);
  }
  return out;
}

// ------------------------------------------------------------------ findings

function findingsNode(findings, pane, heading) {
  const box = el('section', { class: 'findings', 'aria-label': heading });
  box.append(el('h2', { text: `${heading} (${findings.length})` }));
  if (findings.length === 0) {
    box.append(el('p', { class: 'none', text: t().none }));
    return box;
  }
  const list = el('ol', { class: 'finding-list' });
  findings.forEach((f, i) => {
    const pressed = state.selected && state.selected.pane === pane && state.selected.index === i;
    const button = el('button', {
      type: 'button',
      id: `${pane}-finding-${i}`,
      class: `finding ${f.severity}`,
      'data-rule': f.rule,
      'aria-pressed': pressed ? 'true' : 'false',
      onclick: () => selectFinding(pane, i, false),
    },
    el('span', { class: 'rule', text: f.rule }),
    el('span', { class: 'severity', text: f.severity }),
    el('span', { class: 'message', text: inLang(f.message) }));
    list.append(el('li', {}, button));
  });
  box.append(list);
  box.append(el('h3', { text: t().source }));
  box.append(el('pre', { class: 'source', id: `${pane}-source`, tabindex: '0', text: t().choose }));
  return box;
}

/** The findings shown in a pane: a report's, or T305's of a comparison. */
function paneFindings(pane) {
  const v = state.view;
  if (!v) return [];
  if (pane === 'pair') return v.diff.findings;
  const index = pane === 'one' ? v.index : pane === 'old' ? v.old : v.new;
  const r = state.reports[index];
  return r ? r.data.findings : [];
}

function selectFinding(pane, index, focus) {
  const findings = paneFindings(pane);
  const f = findings[index];
  if (!f) return;
  state.selected = { pane, index };
  document.querySelectorAll(`[id^="${pane}-finding-"]`).forEach((b) => {
    b.setAttribute('aria-pressed', b.id === `${pane}-finding-${index}` ? 'true' : 'false');
  });
  const source = document.getElementById(`${pane}-source`);
  if (source) source.textContent = inLang(f.rendered);
  document.querySelectorAll('td.selected').forEach((c) => c.classList.remove('selected'));
  const scope = document.querySelector(`[data-pane="${pane}"]`) || document;
  let first = null;
  for (const place of f.places || []) {
    if (!place.key) continue;
    scope.querySelectorAll(`td[data-key="${CSS.escape(place.key)}"]`).forEach((c) => {
      c.classList.add('selected');
      if (!first) first = c;
    });
  }
  if (first) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  if (focus) {
    const button = document.getElementById(`${pane}-finding-${index}`);
    if (button) button.focus();
  }
}

// ------------------------------------------------------------------ a report

function metaNode(data) {
  const m = data.report.meta || {};
  const rows = [
    [t().title, m.title], [t().body, m.body], [t().year, m.year],
    [t().edition, m.edition], [t().encoding, m.encoding], [t().kind, data.kind],
  ];
  return el('dl', { class: 'meta' }, rows.filter(([, v]) => v !== undefined && v !== null)
    .flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]));
}

function notesNode(data) {
  const out = [];
  const notes = data.report.notes || [];
  if (notes.length > 0) {
    out.push(el('h3', { text: t().notes }));
    out.push(el('ul', { class: 'notes' }, notes.map((n) => el('li', {},
      el('code', { text: n.kind }), ' ', inLang(n.message),
      n.location ? el('span', { class: 'where', text: ` (${n.location.line}:${n.location.column})` }) : null))));
  }
  const unplaced = data.report.unplaced || [];
  if (unplaced.length > 0) {
    out.push(el('h3', { text: t().unplaced }));
    out.push(el('ul', { class: 'unplaced' }, unplaced.map((u) => el('li', {},
      el('code', { text: u.kind }), ' ',
      el('span', { class: 'where', text: `${u.table ? u.table + ' ' : ''}${u.location.line}:${u.location.column} ` }),
      el('pre', { text: u.text })))));
  }
  return out;
}

function csvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows) {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function stem(name) {
  return name.replace(/\.[^.]*$/, '') || 'report';
}

/** The findings CSV: the columns of `check --format csv`, message in the language shown. */
function findingsCsv(findings) {
  const rows = [['source', 'rule', 'severity', 'keys', 'expected', 'actual', 'line', 'column', 'message',
    'values', 'culprit', 'notes']];
  for (const f of findings) {
    const cells = (f.places || []).filter((p) => p.key);
    const keys = cells.map((p) => p.key).join(';');
    const values = cells.map((p) => (p.value || '').replace(/[\\;]/g, (c) => `\\${c}`)).join(';');
    const first = (f.places || []).find((p) => p.location);
    rows.push([f.source, f.rule, f.severity, keys, f.expected, f.actual,
      first ? first.location.line : '', first ? first.location.column : '', inLang(f.message),
      values, f.culprit || '', (f.notes || []).map(inLang).join('\n')]);
  }
  return csv(rows);
}

function downloadsNode(r) {
  const name = stem(r.name);
  const cells = r.data.tidy;
  return el('div', { class: 'downloads', role: 'group', 'aria-label': t().downloads },
    el('span', { text: `${t().downloads}: ` }),
    el('button', {
      type: 'button', 'data-download': 'findings-csv',
      onclick: () => download(`${name}.findings.csv`, 'text/csv', findingsCsv(r.data.findings)),
    }, t().findingsCsv),
    el('button', {
      type: 'button', 'data-download': 'cells-csv',
      onclick: () => download(`${name}.cells.csv`, 'text/csv',
        csv([['source', 'key', 'value'], ...cells.map((c) => [r.name, c.key, c.value])])),
    }, t().cellsCsv),
    el('button', {
      type: 'button', 'data-download': 'cells-json',
      onclick: () => download(`${name}.cells.json`, 'application/json',
        JSON.stringify({ source: r.name, cells }, null, 2) + '\n'),
    }, t().cellsJson));
}

function reportNode(r, pane, changes) {
  const data = r.data;
  const ctx = {
    pane,
    cells: cellIndex(data.report),
    findings: data.findings,
    byKey: findingIndex(data.findings),
    culprits: culprits(data.findings),
    changes,
  };
  return el('article', { class: 'report', 'data-pane': pane },
    el('h2', { class: 'report-title', text: data.layout.title }),
    el('p', { class: 'source-name', text: r.name }),
    metaNode(data),
    downloadsNode(r),
    el('nav', { class: 'jump', 'aria-label': t().jump }, data.layout.tables.map((tb) =>
      el('a', { href: `#${pane}-${tb.id}` }, tb.title))),
    tablesNode(data, ctx),
    notesNode(data));
}

function renderOne(v) {
  const r = state.reports[v.index];
  if (!r) return [];
  return [el('div', { class: 'one' },
    reportNode(r, 'one', null),
    el('aside', { class: 'side' }, findingsNode(r.data.findings, 'one', t().findings)))];
}

/** A change as the command line writes it: `+3`, `-5`, or null when it has none. */
function signed(change) {
  if (change === null || change === undefined) return null;
  return /^[0-9]/.test(change) && !/^0(\.0*)?$/.test(change) ? `+${change}` : change;
}

function renderPair(v) {
  const a = state.reports[v.old];
  const b = state.reports[v.new];
  if (!a || !b) return [];
  const changes = new Map();
  const comparison = v.diff.comparisons[0] || { changes: [] };
  for (const c of comparison.changes) changes.set(c.key, c);
  const showChange = (key) => {
    document.querySelectorAll('td.selected').forEach((c) => c.classList.remove('selected'));
    const cells = document.querySelectorAll(`.pair td[data-key="${CSS.escape(key)}"]`);
    cells.forEach((c) => c.classList.add('selected'));
    if (cells[0]) cells[0].scrollIntoView({ block: 'center', inline: 'nearest' });
  };
  const changeRows = comparison.changes.map((c) => el('tr', {
    'data-key': c.key,
    class: 'change',
    tabindex: '0',
    title: t().showCells,
    onclick: () => showChange(c.key),
    onkeydown: (e) => { if (e.key === 'Enter') showChange(c.key); },
  },
    el('td', { text: c.key }), el('td', { text: c.old ?? '' }), el('td', { text: c.new ?? '' }),
    el('td', { text: signed(c.change) ?? c.kind })));
  const summary = el('section', { class: 'diff', 'aria-label': t().changes },
    v.diff.same_body ? null : el('p', { class: 'warning-note', text: t().otherBody }),
    el('div', { class: 'diff-grid' },
      el('div', {},
        el('h2', { text: `${t().changes} (${comparison.changes.length})` }),
        comparison.changes.length === 0 ? el('p', { text: t().noChange }) :
          el('div', { class: 'scroll changes' }, el('table', { class: 'grid' },
            el('thead', {}, el('tr', {}, [t().key, t().old, t().new, t().change].map((h) => el('th', { scope: 'col', text: h })))),
            el('tbody', {}, changeRows)))),
      findingsNode(v.diff.findings, 'pair', t().t305)));
  return [
    summary,
    el('div', { class: 'pair' },
      el('div', { class: 'col' }, reportNode(a, 'old', changes), findingsNode(a.data.findings, 'old', t().findings)),
      el('div', { class: 'col' }, reportNode(b, 'new', changes), findingsNode(b.data.findings, 'new', t().findings))),
  ];
}

// ------------------------------------------------------------------ the page

function renderNav() {
  const nav = document.getElementById('reports');
  nav.hidden = state.reports.length === 0;
  const list = document.getElementById('report-list');
  list.replaceChildren(...state.reports.map((r, i) => {
    const current = state.view && state.view.mode === 'one' && state.view.index === i;
    const errors = r.data.findings.filter((f) => f.severity === 'error').length;
    return el('li', {},
      el('button', {
        type: 'button', class: 'report-tab', 'aria-current': current ? 'page' : null,
        onclick: () => { state.view = { mode: 'one', index: i }; state.selected = null; render(); },
      }, r.name, el('span', { class: errors ? 'count error' : 'count', text: String(r.data.findings.length) })),
      el('button', {
        type: 'button', class: 'remove', 'aria-label': `${t().remove} ${r.name}`, title: t().remove,
        onclick: () => removeReport(i),
      }, '×'));
  }));
  for (const id of ['old', 'new']) {
    const select = document.getElementById(id);
    const keep = select.value;
    select.replaceChildren(...state.reports.map((r, i) => el('option', { value: i, text: r.name })));
    if (keep && Number(keep) < state.reports.length) select.value = keep;
  }
  const n = state.reports.length;
  if (n >= 2 && document.getElementById('old').value === document.getElementById('new').value) {
    document.getElementById('old').value = String(n - 2);
    document.getElementById('new').value = String(n - 1);
  }
  document.getElementById('compare').hidden = n < 2;
}

function removeReport(i) {
  state.reports.splice(i, 1);
  state.view = state.reports.length ? { mode: 'one', index: Math.max(0, i - 1) } : null;
  state.selected = null;
  render();
}

function translateStatic() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-zh]').forEach((node) => {
    node.textContent = node.getAttribute(`data-${state.lang}`);
  });
  document.getElementById('lang-zh').setAttribute('aria-pressed', String(state.lang === 'zh'));
  document.getElementById('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
}

function render() {
  translateStatic();
  showStatus();
  renderNav();
  const view = document.getElementById('view');
  const v = state.view;
  view.replaceChildren(...(!v ? [] : v.mode === 'one' ? renderOne(v) : renderPair(v)));
  if (state.selected) selectFinding(state.selected.pane, state.selected.index, false);
}

function setLang(lang) {
  state.lang = lang;
  render();
}

function init() {
  const input = document.getElementById('files');
  input.addEventListener('change', () => {
    const files = Array.from(input.files || []);
    input.value = '';
    addFiles(files);
  });
  const drop = document.getElementById('drop');
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  drop.addEventListener('click', () => input.click());
  for (const name of ['dragenter', 'dragover']) {
    document.addEventListener(name, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  document.addEventListener('dragleave', (e) => {
    if (e.target === drop || !e.relatedTarget) drop.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = Array.from((e.dataTransfer && e.dataTransfer.files) || []);
    if (files.length) addFiles(files);
  });
  document.getElementById('lang-zh').addEventListener('click', () => setLang('zh'));
  document.getElementById('lang-en').addEventListener('click', () => setLang('en'));
  document.getElementById('compare').addEventListener('submit', (e) => {
    e.preventDefault();
    compare(Number(document.getElementById('old').value), Number(document.getElementById('new').value));
  });
  render();
}

document.addEventListener('DOMContentLoaded', init);
