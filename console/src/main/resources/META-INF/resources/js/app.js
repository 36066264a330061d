// Boot: config, login (or its completion), the navigation for the caller's role, and a hash router.
import { loadConfig, completeLogin, login, logout, caller } from './auth.js';
import { t, toggleLang, applyStatic } from './i18n.js';
import { h, clear } from './dom.js';
import { feed } from './live.js';
import { renderOverview } from './views/overview.js';
import { renderAlarms, renderAlarm } from './views/alarms.js';
import { renderHazards, renderHazard } from './views/hazards.js';
import { renderEnterprises, renderEnterprise } from './views/enterprise.js';
import { renderPlans, renderPlan } from './views/enforcement.js';
import { renderInspections, renderInspection } from './views/inspection.js';
import { renderCases, renderCase, renderPostings } from './views/cases.js';
import { renderRegister } from './views/register.js';
import { renderRiskMap } from './views/riskmap.js';
import { renderChecks } from './views/checks.js';
import { renderVerifications } from './views/verifications.js';
import { EMERGENCY_ROUTES } from './views/emergency.js';
import { renderWarnings, renderWarning } from './views/warnings.js';
import { renderCommitments } from './views/commitments.js';
import { renderTraining } from './views/training.js';
import { renderActivities } from './views/activities.js';
import { renderDevices } from './views/devices.js';
import { renderRules } from './views/rules.js';
import { renderAlarmStats } from './views/alarmstats.js';
import { renderReports, renderReport } from './views/reports.js';
import { renderCreditList, renderCredit } from './views/credit.js';

const ROUTES = [
  [/^#\/alarms\/verifications$/, renderVerifications],
  [/^#\/alarms\/([^/]+)$/, renderAlarm],
  [/^#\/alarms$/, renderAlarms],
  [/^#\/hazards\/([^/]+)$/, renderHazard],
  [/^#\/hazards$/, renderHazards],
  [/^#\/enterprises\/([^/]+)\/risk$/, renderRiskMap],
  [/^#\/enterprises\/([^/]+)$/, renderEnterprise],
  [/^#\/enterprises$/, renderEnterprises],
  [/^#\/overview$/, renderOverview],
  [/^#\/enforcement\/plans\/([^/]+)$/, renderPlan],
  [/^#\/enforcement$/, renderPlans],
  [/^#\/inspections\/([^/]+)$/, renderInspection],
  [/^#\/inspections$/, renderInspections],
  [/^#\/cases\/([^/]+)$/, renderCase],
  [/^#\/cases$/, renderCases],
  [/^#\/postings$/, renderPostings],
  [/^#\/major-hazards$/, renderRegister],
  [/^#\/checks$/, renderChecks],
  ...EMERGENCY_ROUTES,
  [/^#\/warnings\/([^/]+)$/, renderWarning],
  [/^#\/warnings$/, renderWarnings],
  [/^#\/commitments$/, renderCommitments],
  [/^#\/training$/, renderTraining],
  [/^#\/activities$/, renderActivities],
  [/^#\/devices$/, renderDevices],
  [/^#\/rules$/, renderRules],
  [/^#\/stats$/, renderAlarmStats],
  [/^#\/reports\/([^/]+)$/, renderReport],
  [/^#\/reports$/, renderReports],
  [/^#\/credit\/([^/]+)$/, renderCredit],
  [/^#\/credit$/, renderCreditList],
];

let who;
let cleanup = () => {};
let generation = 0;

function navigation() {
  const nav = document.getElementById('nav');
  clear(nav);
  const links = [['#/overview', 'nav.overview'], ['#/alarms', 'nav.alarms'], ['#/hazards', 'nav.hazards']];
  links.push(who.role === 'enterprise'
    ? [`#/enterprises/${encodeURIComponent(who.enterpriseId)}`, 'nav.mine']
    : ['#/enterprises', 'nav.enterprises']);
  // Dual prevention: the major-hazard register and the check tasks (an enterprise's own; a regulator's overdue ones).
  links.push(['#/major-hazards', 'nav.register'], ['#/checks', 'nav.checks']);
  // Enforcement (执法): plans and draws for regulators and operators; inspections, cases and postings for all.
  if (who.role !== 'enterprise') links.push(['#/enforcement', 'nav.enforcement']);
  // Disposal feedback (核查): the regulator's queue of closed level I/II alarms to verify.
  if (who.role === 'regulator') links.push(['#/alarms/verifications', 'nav.verifications']);
  links.push(['#/inspections', 'nav.inspections'], ['#/cases', 'nav.cases'], ['#/postings', 'nav.postings']);
  links.push(['#/emergency', 'nav.emergency']); // 应急管理: accidents, plans, drills, resources, duty (tabs on the pages)
  // Warnings (一键发布) and receipts, commitments, training and exams, publicity, devices, rules, alarm statistics.
  links.push(['#/warnings', 'nav.warnings'], ['#/commitments', 'nav.commitments'], ['#/training', 'nav.training'],
    ['#/activities', 'nav.activities'], ['#/devices', 'nav.devices'], ['#/rules', 'nav.rules'], ['#/stats', 'nav.stats']);
  // Reports (举报) are the regulators' (handlers act); credit (信易+安全) for everyone, an enterprise its own.
  if (who.role !== 'enterprise') links.push(['#/reports', 'nav.reports']);
  links.push(['#/credit', 'nav.credit']);
  links.forEach(([href, key]) => nav.append(h('a', { href, dataset: { testid: `nav-${key.split('.')[1]}` } }, t(key))));
  nav.hidden = false;
  const scope = who.district || who.enterpriseId || '';
  document.getElementById('who').textContent = `${who.username} · ${t(`role.${who.role}`)}${scope ? ` · ${scope}` : ''}`;
}

async function route() {
  cleanup();
  cleanup = () => {};
  const view = document.getElementById('view');
  const hash = location.hash || '#/overview';
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', hash.startsWith(a.getAttribute('href'))));
  const match = ROUTES.map(([pattern, render]) => [hash.match(pattern), render]).find(([m]) => m);
  clear(view).append(h('p', { class: 'muted' }, t('loading')));
  if (!match) {
    location.hash = '#/overview';
    return;
  }
  const [groups, render] = match;
  // A page still loading when the user moves on must not paint over the newer one.
  const mine = ++generation;
  try {
    const container = h('div', { class: 'page' });
    const dispose = await render(container, who, ...groups.slice(1).map(decodeURIComponent));
    if (mine !== generation) {
      if (typeof dispose === 'function') dispose();
      return;
    }
    clear(view).append(container);
    if (typeof dispose === 'function') cleanup = dispose;
  } catch (e) {
    if (mine === generation) {
      clear(view).append(h('div', { class: 'error', role: 'alert' }, `${t('error.generic')}: ${e.message}`));
    }
  }
}

async function boot() {
  applyStatic();
  document.getElementById('lang').addEventListener('click', () => { toggleLang(); if (who) { navigation(); route(); } });
  const sound = document.getElementById('sound');
  const showSound = () => { sound.textContent = t(feed.soundOn ? 'sound.on' : 'sound.off'); };
  sound.addEventListener('click', () => { feed.toggleSound(); showSound(); });
  showSound();
  try {
    await loadConfig();
    if (!await completeLogin()) {
      clear(document.getElementById('view')).append(h('p', { class: 'muted' }, t('login.required')));
      await login();
      return;
    }
  } catch (e) {
    clear(document.getElementById('view')).append(
      h('div', { class: 'error', role: 'alert' }, `${t('login.failed')}: ${e.message}`),
      h('button', { type: 'button', onclick: () => login() }, t('submit')));
    return;
  }
  who = caller();
  document.body.dataset.role = who.role;
  const out = document.getElementById('logout');
  out.hidden = false;
  out.addEventListener('click', logout);
  navigation();
  feed.start();
  window.addEventListener('hashchange', route);
  await route();
}

boot();
