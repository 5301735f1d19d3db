// Budget Narrator's officer page: built on the public GraphQL API only (POST /login, POST /graphql) and the
// two file downloads every reader may use. Plain ES modules, no build step.
import { gql, signIn, signOut, token, download, features, GraphQLError } from './api.js';
import { FIELD_LABELS, SECTION_ORDER, STATUS_LABELS, SEVERITY_LABELS, REVIEW_LABELS } from './labels.js';

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
};

const state = { me: null, departments: [], code: null, year: null, data: null, catalogue: [], sections: {}, current: null,
  versions: [], model: false };

function say(text, kind = '') {
  const m = $('message');
  m.textContent = text;
  m.className = 'message ' + kind;
}

function failure(e) {
  if (e instanceof GraphQLError && e.code === 'UNAUTHENTICATED') {
    signOut();
    showSignIn('登录已失效，请重新登录。');
    return;
  }
  say(e instanceof GraphQLError ? e.message : '操作失败：' + e.message, 'error');
}

// ---------------------------------------------------------------- sign-in

function showSignIn(error = '') {
  $('workspace').hidden = true;
  $('signin').hidden = false;
  $('who').replaceChildren();
  $('signin-error').textContent = error;
  $('username').focus();
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-button').disabled = true;
  try {
    await signIn($('username').value.trim(), $('password').value);
    $('password').value = '';
    await start();
  } catch (e) {
    $('signin-error').textContent = e.message;
  } finally {
    $('signin-button').disabled = false;
  }
});

async function start() {
  const { me, reasonCatalogue } = await gql(`{ me { username role departmentCode } reasonCatalogue { code name phrase directions subjects } }`);
  state.me = me;
  state.catalogue = reasonCatalogue;
  const roles = { ADMIN: '管理员', OFFICER: '经办人员', VIEWER: '查阅人员' };
  $('who').replaceChildren(el('span', {}, `${me.username}（${roles[me.role] || me.role}${me.departmentCode ? '，' + me.departmentCode : ''}）`),
    el('button', { type: 'button', id: 'signout', onclick: () => { signOut(); showSignIn(); } }, '退出'));
  if (me.role === 'OFFICER') {
    // An officer works on their own department: the page offers no other.
    const { department } = await gql(`query D($code: String!) { department(code: $code) { code name years } }`, { code: me.departmentCode });
    state.departments = department ? [department] : [];
  } else {
    const { departments } = await gql(`{ departments(first: 100) { nodes { code name years } } }`);
    state.departments = departments.nodes;
  }
  try {
    state.model = (await features()).model === true;
  } catch {
    state.model = false;
  }
  $('suggest').hidden = !state.model;
  $('signin').hidden = true;
  $('workspace').hidden = false;
  const select = $('department');
  select.replaceChildren(...state.departments.map((d) => el('option', { value: d.code }, `${d.name}（${d.code}）`)));
  if (state.departments.length === 0) {
    say('没有可以打开的部门。', 'error');
    return;
  }
  route();
}

// ---------------------------------------------------------------- choosing a department-year (#/CODE/YEAR)

function route() {
  const [, code, year] = (location.hash.match(/^#\/([^/]+)\/(\d{4})$/) || []);
  const wanted = code ? decodeURIComponent(code) : state.departments[0].code;
  const department = state.departments.find((d) => d.code === wanted);
  if (!department) {
    $('tables').replaceChildren();
    $('drafts').replaceChildren();
    say(state.me.role === 'OFFICER'
      ? `您是 ${state.me.departmentCode} 的经办人员，只能打开本部门的数据；${wanted} 不能在此打开。`
      : `没有部门 ${wanted}。`, 'error');
    return;
  }
  const y = year ? Number(year) : department.years[department.years.length - 1];
  $('department').value = department.code;
  $('year').replaceChildren(...department.years.map((v) => el('option', { value: v }, `${v} 年`)));
  $('year').value = String(y);
  open(department.code, y);
}

window.addEventListener('hashchange', () => state.me && route());
$('department').addEventListener('change', () => {
  const d = state.departments.find((x) => x.code === $('department').value);
  location.hash = `#/${encodeURIComponent(d.code)}/${d.years[d.years.length - 1]}`;
});
$('year').addEventListener('change', () => { location.hash = `#/${encodeURIComponent($('department').value)}/${$('year').value}`; });

const YEAR_QUERY = `query Year($code: String!, $year: Int!) {
  department(code: $code) { code name
    year(year: $year) { year stage
      incomes { source name amount previousAmount yoyRate }
      accounts(classification: FUNCTIONAL) { code name level adjustedBudget initialBudget actual previousActual executionRate }
      threePublic { item name budget actual previousActual completionRate }
      projects(first: 100) { nodes { code name adjustedBudget executed executionRate
        indicators { level1 level2 name target actual evaluation { status } } } }
      indicators { level1 level2 name target actual weight score evaluation { status suggestedScore } }
      audit { ruleId severity message fingerprint review { status }
        subjects { table code field document } }
    } } }`;

async function open(code, year) {
  state.code = code;
  state.year = year;
  say('正在读取……');
  try {
    const { department } = await gql(YEAR_QUERY, { code, year });
    if (!department || !department.year) {
      say(`${code} 没有 ${year} 年的数据。`, 'error');
      return;
    }
    state.data = department;
    $('suggestions').replaceChildren();
    renderTables();
    await loadSections();
    say(`${department.name} ${year} 年`);
  } catch (e) {
    failure(e);
  }
}

// ---------------------------------------------------------------- the tables and the audit

const money = (v) => (v === null || v === undefined ? '' : v);
const rate = (v) => (v === null || v === undefined ? '' : v + '%');

/** Findings about table lines whose subject matches: the audit names lines by table title and code. */
function findingsWhere(match) {
  return state.data.year.audit.filter((f) => f.subjects.some((s) => s.table && s.code && match(s)));
}

function flagCell(findings) {
  if (findings.length === 0) return '';
  return el('span', { class: 'badge ' + findings[0].severity, title: findings.map((f) => f.message).join('\n') },
    `审核 ${findings.length}`);
}

function table(caption, head, rows) {
  return el('div', { class: 'scroll' }, el('table', {}, el('caption', { class: 'muted' }, caption),
    el('thead', {}, el('tr', {}, head.map(([label, num]) => el('th', { class: num ? 'num' : '' }, label)))),
    el('tbody', {}, rows)));
}

function renderTables() {
  const y = state.data.year;
  const parts = [];
  parts.push(el('h2', {}, '审核发现'));
  if (y.audit.length === 0) {
    parts.push(el('p', { class: 'muted' }, '审核未发现问题。'));
  }
  for (const f of y.audit) {
    parts.push(el('div', { class: 'finding ' + f.severity, 'data-rule': f.ruleId },
      el('span', { class: 'badge ' + f.severity }, SEVERITY_LABELS[f.severity] || f.severity), ' ', f.ruleId, ' ',
      f.review ? el('span', { class: 'muted' }, `（${REVIEW_LABELS[f.review.status] || f.review.status}）`) : '',
      el('div', {}, f.message),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', onclick: () => review(f, 'ACCEPTED') }, '确认问题'), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => review(f, 'FALSE_ALARM') }, '标为误报'))));
  }

  parts.push(el('h3', {}, '收入'));
  parts.push(table('单位：万元', [['项目'], ['本年', 1], ['上年', 1], ['增减率', 1]], y.incomes.map((i) =>
    el('tr', {}, el('td', {}, i.name), el('td', { class: 'num' }, money(i.amount)), el('td', { class: 'num' }, money(i.previousAmount)),
      el('td', { class: 'num' }, rate(i.yoyRate))))));

  const classes = y.accounts.filter((a) => a.level === 'CLASS');
  parts.push(el('h3', {}, '支出（按功能分类，类级）'));
  parts.push(table('单位：万元', [['科目'], ['全年预算数', 1], ['决算数', 1], ['执行率', 1], ['']], classes.map((a) => {
    // A finding on a 款 or 项 line is flagged on its 类.
    const flagged = findingsWhere((s) => /^\d+$/.test(s.code) && s.code.startsWith(a.code));
    return el('tr', { class: flagged.length ? 'flagged' : '' }, el('td', {}, `${a.code} ${a.name}`), el('td', { class: 'num' }, money(a.adjustedBudget)),
      el('td', { class: 'num' }, money(a.actual)), el('td', { class: 'num' }, rate(a.executionRate)), el('td', {}, flagCell(flagged)));
  })));

  parts.push(el('h3', {}, '财政拨款“三公”经费'));
  parts.push(table('单位：万元', [['项目'], ['预算数', 1], ['决算数', 1], ['上年决算数', 1], ['完成预算', 1], ['']], y.threePublic.map((t) => {
    const flagged = findingsWhere((s) => s.table.includes('三公') && s.code === t.item);
    return el('tr', { class: flagged.length ? 'flagged' : '' }, el('td', {}, t.name), el('td', { class: 'num' }, money(t.budget)),
      el('td', { class: 'num' }, money(t.actual)), el('td', { class: 'num' }, money(t.previousActual)),
      el('td', { class: 'num' }, rate(t.completionRate)), el('td', {}, flagCell(flagged)));
  })));

  const projects = y.projects.nodes;
  if (projects.length) {
    parts.push(el('h3', {}, '项目'));
    parts.push(table('单位：万元', [['项目'], ['全年预算数', 1], ['执行数', 1], ['执行率', 1], ['指标']], projects.map((p) => {
      const missed = p.indicators.filter((i) => i.evaluation.status === 'NOT_MET').length;
      return el('tr', {}, el('td', {}, p.name), el('td', { class: 'num' }, money(p.adjustedBudget)), el('td', { class: 'num' }, money(p.executed)),
        el('td', { class: 'num' }, rate(p.executionRate)),
        el('td', {}, `${p.indicators.length} 项`, missed ? el('span', { class: 'badge NOT_MET' }, ` 未达 ${missed}`) : ''));
    })));
  }
  if (y.indicators.length) {
    parts.push(el('h3', {}, '部门整体绩效指标'));
    parts.push(table('', [['指标'], ['年度指标值'], ['实际完成值'], ['分值', 1], ['得分', 1], ['评价']], y.indicators.map((i) =>
      el('tr', {}, el('td', {}, [i.level1, i.level2, i.name].filter(Boolean).join(' / ')), el('td', {}, i.target || ''), el('td', {}, i.actual || ''),
        el('td', { class: 'num' }, i.weight ?? ''), el('td', { class: 'num' }, i.score ?? ''),
        el('td', {}, el('span', { class: 'badge ' + i.evaluation.status }, STATUS_LABELS[i.evaluation.status] || i.evaluation.status))))));
  }
  $('tables').replaceChildren(el('div', { class: 'card' }, parts));
}

async function review(finding, status) {
  try {
    await gql(`mutation R($code: String!, $year: Int!, $fp: String!, $status: ReviewStatus!) {
      reviewFinding(departmentCode: $code, year: $year, fingerprint: $fp, status: $status) { fingerprint } }`,
    { code: state.code, year: state.year, fp: finding.fingerprint, status });
    await open(state.code, state.year);
    say(status === 'FALSE_ALARM' ? '已标为误报。' : '已确认。', 'ok');
  } catch (e) {
    failure(e);
  }
}

// ---------------------------------------------------------------- drafts

const DRAFT_FIELDS = `section title text missing { subject aspect description offset length } facts { subject field value display offset length }`;

// Drafts, versions and reasons are the department's working data: the server gives them only to its officers and
// administrators, so other readers are told so instead of being shown empty sections.
const mayWork = () => state.me.role === 'ADMIN' || (state.me.role === 'OFFICER' && state.me.departmentCode === state.code);

async function loadSections() {
  if (!mayWork()) {
    state.sections = {};
    $('drafts').replaceChildren(el('div', { class: 'card' }, el('h2', {}, '草稿'),
      el('p', { class: 'muted' }, '草稿、版本和原因属于本部门的工作数据，仅本部门经办人员和管理员可以查看。')));
    return;
  }
  // One request per section, in parallel: a section the stage cannot draft (its error) leaves the others shown.
  const drafts = await Promise.all(SECTION_ORDER.map((s) => fetchSection(s).catch(() => null)));
  state.sections = Object.fromEntries(SECTION_ORDER.map((s, i) => [s, drafts[i]]));
  const available = SECTION_ORDER.filter((s) => state.sections[s] && state.sections[s].printed.trim());
  if (available.length === 0) {
    $('drafts').replaceChildren(el('div', { class: 'card' }, el('h2', {}, '草稿'), el('p', { class: 'muted' }, '这一年的数据不足以起草任何章节。')));
    return;
  }
  if (!available.includes(state.current)) {
    state.current = available.find((s) => state.sections[s].missing.length) || available[0];
  }
  await renderDrafts();
}

// A section as the report prints it: the latest saved text where one was saved, else the template's draft. The
// template's draft (with its figures and gaps) comes along, to show beside a saved text whose data changed since.
async function fetchSection(section) {
  const { department } = await gql(`query One($code: String!, $year: Int!, $s: SectionKind!) {
    department(code: $code) { year(year: $year) { section(section: $s) { text stale saved { version origin author createdAt }
      template { ${DRAFT_FIELDS} } } } } }`,
  { code: state.code, year: state.year, s: section });
  const printed = department.year.section;
  return { ...printed.template, printed: printed.text, saved: printed.saved, stale: printed.stale, template: printed.template };
}

async function reloadSection(section) {
  state.sections[section] = await fetchSection(section);
}

function subjectLabel(subject) {
  const [kind, key] = subject.split(':');
  const y = state.data.year;
  if (kind === 'account') {
    const a = y.accounts.find((x) => x.code === key);
    return a ? `支出科目 ${a.code} ${a.name}` : `支出科目 ${key}`;
  }
  if (kind === 'threePublic') {
    const t = y.threePublic.find((x) => x.item === key);
    return t ? `“三公”经费：${t.name}` : `“三公”经费 ${key}`;
  }
  if (kind === 'income') {
    const i = y.incomes.find((x) => x.source === key);
    return i ? `收入：${i.name}` : `收入 ${key}`;
  }
  if (kind === 'project') return `项目：${key}`;
  if (kind === 'total') return '收支总计';
  return subject;
}

function showFact(fact, button) {
  document.querySelectorAll('.fact.active').forEach((b) => b.classList.remove('active'));
  button.classList.add('active');
  $('fact-body').replaceChildren(el('div', {}, el('strong', {}, fact.display)),
    el('div', {}, '来源：', subjectLabel(fact.subject)),
    el('div', {}, '字段：', FIELD_LABELS[fact.field] || fact.field),
    el('div', {}, '存储的值：', fact.value),
    el('div', { class: 'muted' }, `${fact.subject} · ${fact.field}`));
  $('fact').hidden = false;
}
$('fact-close').addEventListener('click', () => { $('fact').hidden = true; });
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') $('fact').hidden = true; });

function renderText(draft) {
  const marks = [...draft.facts.map((f) => ({ ...f, kind: 'fact' })), ...draft.missing.map((g) => ({ ...g, kind: 'gap' }))]
    .sort((a, b) => a.offset - b.offset);
  const out = [];
  let at = 0;
  for (const m of marks) {
    if (m.offset < at) continue;
    out.push(draft.text.slice(at, m.offset));
    const shown = draft.text.slice(m.offset, m.offset + m.length);
    if (m.kind === 'fact') {
      const b = el('button', { type: 'button', class: 'fact', title: `${subjectLabel(m.subject)} · ${FIELD_LABELS[m.field] || m.field}：${m.value}` }, shown);
      b.addEventListener('click', () => showFact(m, b));
      out.push(b);
    } else {
      out.push(el('mark', { class: 'gap', tabindex: '0', title: m.description }, shown));
    }
    at = m.offset + m.length;
  }
  out.push(draft.text.slice(at));
  return el('div', { class: 'text', id: 'draft-text' }, out);
}

function direction(gap) {
  if (/小于|减少|下降|低于|未完成/.test(gap.description)) return 'DOWN';
  if (/大于|增加|增长|高于|超过|超出/.test(gap.description)) return 'UP';
  return null;
}

function fittingReasons(gap) {
  const kind = gap.subject.split(':')[0];
  const dir = direction(gap);
  return state.catalogue.filter((r) => (r.subjects.includes('*') || r.subjects.some((s) => kind === s || gap.subject.startsWith(s)))
    && (!dir || r.directions.length === 0 || r.directions.includes(dir)));
}

function gapEditor(gap, index) {
  const select = el('select', { id: `gap-reason-${index}` }, el('option', { value: '' }, '— 选择原因 —'),
    fittingReasons(gap).map((r) => el('option', { value: r.code }, `${r.name}：${r.phrase}`)));
  const note = el('input', { id: `gap-note-${index}`, placeholder: '补充说明（可选；填写后替代所选原因的表述）' });
  const apply = el('button', { type: 'button', id: `gap-apply-${index}` }, '采用并重新起草');
  apply.addEventListener('click', async () => {
    if (!select.value && !note.value.trim()) {
      say('请选择一个原因，或填写说明。', 'error');
      select.focus();
      return;
    }
    apply.disabled = true;
    try {
      await gql(`mutation SetReasons($code: String!, $year: Int!, $subject: String!, $aspect: ReasonAspect!, $reasons: [ReasonInput!]!) {
        setReasons(departmentCode: $code, year: $year, subject: $subject, aspect: $aspect, reasons: $reasons) { subject } }`,
      { code: state.code, year: state.year, subject: gap.subject, aspect: gap.aspect,
        reasons: [{ code: select.value || null, note: note.value.trim() || null }] });
      await reloadSection(state.current);
      await renderDrafts();
      say('已记录原因，本节已重新起草。', 'ok');
    } catch (e) {
      failure(e);
      apply.disabled = false;
    }
  });
  return el('div', { class: 'gap-editor' }, el('div', {}, el('strong', {}, '待补充：'), gap.description),
    el('label', {}, '原因 ', select), el('label', {}, '说明 ', note), apply);
}

async function loadVersions() {
  const { department } = await gql(`query V($code: String!, $year: Int!, $s: SectionKind) {
    department(code: $code) { year(year: $year) { draftVersions(section: $s) { version origin author createdAt text fallbackReason } } } }`,
  { code: state.code, year: state.year, s: state.current });
  state.versions = department.year.draftVersions;
}

async function renderDrafts() {
  await loadVersions();
  const draft = state.sections[state.current];
  const nav = el('div', { class: 'sections', role: 'toolbar', 'aria-label': '章节' },
    SECTION_ORDER.filter((s) => state.sections[s] && state.sections[s].printed.trim()).map((s) => el('button', {
      type: 'button', 'aria-current': s === state.current ? 'true' : 'false', 'data-section': s,
      onclick: async () => { state.current = s; await renderDrafts(); },
    }, state.sections[s].title, state.sections[s].missing.length ? el('span', { class: 'count' }, state.sections[s].missing.length) : '')));
  const latest = state.versions[state.versions.length - 1];
  const parts = [el('h2', {}, '草稿'), nav, el('h3', {}, draft.title)];
  if (draft.saved) {
    // The saved text is what the report, the frozen report and every download print for this section.
    parts.push(el('p', { class: 'muted', id: 'printed-note' }, `本节使用已保存的第 ${draft.saved.version} 版文字；报告、定稿和导出的文件均以此为准。`));
    parts.push(savedText(draft.printed));
    if (draft.stale) {
      parts.push(el('p', { class: 'stale', id: 'stale-note', role: 'note' },
        '本节数据在保存后已有变动，已保存文字中的数字可能已过时。下面是按现有数字起草的文字，供对照；已保存的文字不会被自动改写。'));
      const fresh = renderText(draft.template);
      fresh.id = 'template-text';
      parts.push(el('div', { class: 'compare' }, el('h4', {}, '按现有数字起草（供对照）'), fresh));
    }
  } else {
    parts.push(el('p', { class: 'muted' }, '按存储的数字起草；点击带下划线的数字查看其来源。', draft.missing.length ? `本节有 ${draft.missing.length} 处待补充。` : ''));
    parts.push(renderText(draft));
    draft.missing.forEach((g, i) => parts.push(gapEditor(g, i)));
  }
  if (state.checked && state.checked.code === state.code && state.checked.year === state.year && state.checked.section === state.current) {
    parts.push(checkedFindings(state.checked));
  }

  const actions = el('div', { class: 'row' },
    el('button', { type: 'button', id: 'edit', onclick: () => edit(latest ? latest.text : draft.text, latest ? latest.version : null) }, '编辑本节'),
    state.model ? el('button', { type: 'button', id: 'polish', class: 'secondary', onclick: polish }, '请模型润色') : '');
  parts.push(actions);
  parts.push(el('div', { id: 'editor' }));

  parts.push(el('h3', {}, '已保存的版本'));
  if (state.versions.length === 0) {
    parts.push(el('p', { class: 'muted' }, '尚无保存的版本。'));
  } else {
    const origins = { GENERATED: '起草', EDITED: '手工编辑', RESTORED: '恢复' };
    parts.push(el('ol', { class: 'versions', id: 'versions' }, [...state.versions].reverse().map((v) => el('li', { 'data-version': v.version },
      `第 ${v.version} 版 · ${origins[v.origin] || v.origin} · ${v.author || ''} · ${v.createdAt.replace('T', ' ').slice(0, 19)} `,
      v.fallbackReason ? el('span', { class: 'badge WARNING', title: v.fallbackReason }, '模型文本未通过校验，保留模板草稿') : '',
      v !== latest ? el('button', { type: 'button', class: 'secondary', onclick: () => restore(v.version) }, '恢复此版') : el('span', { class: 'muted' }, '（最新）'),
      el('details', {}, el('summary', {}, '查看文字'), el('div', { class: 'text' }, v.text))))));
  }
  $('drafts').replaceChildren(el('div', { class: 'card' }, parts));
}

// A saved text as the report prints it, its gaps (【待补充：…】) marked as in a draft.
function savedText(text) {
  const out = [];
  let at = 0;
  for (const m of text.matchAll(/【待补充：[^】]*】/g)) {
    out.push(text.slice(at, m.index), el('mark', { class: 'gap' }, m[0]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return el('div', { class: 'text', id: 'draft-text' }, out);
}

// What the narrative check found in the text just saved: shown at once, never a reason the save did not happen.
function checkedFindings(checked) {
  if (checked.findings === null) {
    return el('div', { class: 'card', id: 'save-findings' }, el('p', { class: 'muted' }, '已保存；叙述核查未能在时限内完成，可稍后用审核功能再查。'));
  }
  if (checked.findings.length === 0) {
    return el('div', { class: 'card', id: 'save-findings' }, el('p', {}, `第 ${checked.version} 版的叙述核查：未发现与数据不符之处。`));
  }
  return el('div', { class: 'card', id: 'save-findings' }, el('h4', {}, `第 ${checked.version} 版的叙述核查发现 ${checked.findings.length} 处问题（文字已保存）`),
    checked.findings.map((f) => el('div', { class: `finding ${f.severity}` },
      el('span', { class: `badge ${f.severity}` }, SEVERITY_LABELS[f.severity] || f.severity), ' ', el('span', { class: 'muted' }, f.ruleId), ' ', f.message)));
}

function edit(text, baseVersion) {
  const area = el('textarea', { id: 'editor-text', 'aria-label': '本节文字' });
  area.value = text;
  const save = el('button', { type: 'button', id: 'save' }, '保存为新版本');
  const cancel = el('button', { type: 'button', class: 'secondary', onclick: () => $('editor').replaceChildren() }, '取消');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const { saveDraft } = await gql(`mutation Save($code: String!, $year: Int!, $s: SectionKind, $base: Int, $text: String!) {
        saveDraft(departmentCode: $code, year: $year, section: $s, baseVersion: $base, text: $text) {
          version findings { ruleId severity message } } }`,
      { code: state.code, year: state.year, s: state.current, base: baseVersion, text: area.value });
      state.checked = { code: state.code, year: state.year, section: state.current, version: saveDraft.version, findings: saveDraft.findings };
      await reloadSection(state.current);
      await renderDrafts();
      $('save-findings').scrollIntoView({ block: 'center' });
      const errors = (saveDraft.findings || []).filter((f) => f.severity === 'ERROR').length;
      say(`已保存为第 ${saveDraft.version} 版。` + (errors ? `叙述核查发现 ${errors} 处错误，请查看本节下方。` : ''), errors ? 'error' : 'ok');
    } catch (e) {
      save.disabled = false;
      if (e instanceof GraphQLError && e.code === 'CONFLICT') {
        // The officer's text stays in the box: nothing typed is lost.
        say('保存未成功：编辑期间他人已保存了更新的版本。您的文字仍在编辑框中；请查看最新版本后再保存。', 'error');
        await loadVersions();
        const newest = state.versions[state.versions.length - 1];
        baseVersion = newest ? newest.version : null;
      } else {
        failure(e);
      }
    }
  });
  $('editor').replaceChildren(el('div', { class: 'editor' }, area, el('div', { class: 'row' }, save, cancel)));
  area.focus();
}

async function restore(version) {
  try {
    const { restoreDraftVersion } = await gql(`mutation Restore($code: String!, $year: Int!, $s: SectionKind, $v: Int!) {
      restoreDraftVersion(departmentCode: $code, year: $year, section: $s, version: $v) { version } }`,
    { code: state.code, year: state.year, s: state.current, v: version });
    await reloadSection(state.current);
    await renderDrafts();
    say(`已将第 ${version} 版恢复为第 ${restoreDraftVersion.version} 版。`, 'ok');
  } catch (e) {
    failure(e);
  }
}

async function polish() {
  say('模型正在润色……');
  try {
    const { regenerateDraft } = await gql(`mutation Polish($code: String!, $year: Int!, $s: SectionKind) {
      regenerateDraft(departmentCode: $code, year: $year, section: $s, mode: POLISH, force: true) { version fallbackReason } }`,
    { code: state.code, year: state.year, s: state.current });
    await reloadSection(state.current);
    await renderDrafts();
    say(regenerateDraft.fallbackReason
      ? `模型的文字未通过数字校验（${regenerateDraft.fallbackReason}），已保存模板草稿为第 ${regenerateDraft.version} 版。`
      : `模型润色的文字通过了数字校验，已保存为第 ${regenerateDraft.version} 版。`, regenerateDraft.fallbackReason ? 'error' : 'ok');
  } catch (e) {
    failure(e);
  }
}

$('suggest').addEventListener('click', async () => {
  say('模型正在建议原因……');
  try {
    const { suggestReasons } = await gql(`mutation Suggest($code: String!, $year: Int!) { suggestReasons(departmentCode: $code, year: $year) {
      fallbackReason suggestions { subject aspect code text measures newReason } } }`, { code: state.code, year: state.year });
    if (suggestReasons.fallbackReason) {
      say(`模型未给出可用的建议：${suggestReasons.fallbackReason}`, 'error');
      return;
    }
    showSuggestions(suggestReasons.suggestions);
    say(suggestReasons.suggestions.length ? `模型提出了 ${suggestReasons.suggestions.length} 条建议（尚未保存，采用后记录并重新起草）。` : '模型没有建议。', 'ok');
  } catch (e) {
    failure(e);
  }
});

// Suggestions are only proposals: nothing is stored until the officer adopts one (setReasons), as for a gap.
function showSuggestions(suggestions) {
  $('suggestions').replaceChildren(...(suggestions.length === 0 ? [] : [el('div', { class: 'card' }, el('h2', {}, '模型建议的原因'),
    el('ul', {}, suggestions.map((s) => {
      const adopt = el('button', { type: 'button', class: 'secondary' }, '采用');
      adopt.addEventListener('click', async () => {
        adopt.disabled = true;
        try {
          await gql(`mutation Adopt($code: String!, $year: Int!, $subject: String!, $aspect: ReasonAspect!, $reasons: [ReasonInput!]!) {
            setReasons(departmentCode: $code, year: $year, subject: $subject, aspect: $aspect, reasons: $reasons) { subject } }`,
          { code: state.code, year: state.year, subject: s.subject, aspect: s.aspect,
            reasons: [s.code ? { code: s.code, note: null } : { code: null, note: s.text }] });
          await loadSections();
          say('已采用建议的原因，草稿已重新起草。', 'ok');
        } catch (e) {
          failure(e);
          adopt.disabled = false;
        }
      });
      return el('li', {}, `${subjectLabel(s.subject)}：${s.text}`, s.measures ? `（改进措施：${s.measures}）` : '',
        s.newReason ? el('span', { class: 'badge WARNING' }, '目录外，请斟酌') : '', ' ', adopt);
    })))]));
}

$('export-docx').addEventListener('click', () => download(`/departments/${encodeURIComponent(state.code)}/${state.year}/report.docx`,
  `${state.code}-${state.year}.docx`).then(() => say('已导出情况说明。', 'ok'), failure));
$('export-xlsx').addEventListener('click', () => download(`/departments/${encodeURIComponent(state.code)}/${state.year}/self-evaluation.xlsx`,
  `${state.code}-${state.year}-自评表.xlsx`).then(() => say('已导出绩效自评表。', 'ok'), failure));

// ---------------------------------------------------------------- start

if (token()) {
  start().catch((e) => {
    signOut();
    showSignIn(e instanceof GraphQLError ? e.message : '');
  });
} else {
  showSignIn();
}
