// 安全承诺公告: today's commitments of the caller's scope (an enterprise: its own, newest version first) and, for
// regulators and operators, the operating hazardous-chemical enterprises still missing today's commitment.
import { optional } from '../api.js';
import { h, formatTime } from '../dom.js';
import { t, currentLang } from '../i18n.js';
import { table, itemsOf } from '../table.js';

const OPERATIONS = ['hotWork', 'confinedSpace', 'blindPlate', 'workAtHeight', 'lifting', 'temporaryElectricity', 'earthworks', 'roadClosure'];

/** Today's date in China (the services' day), as yyyy-mm-dd. */
function today() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function operations(c) {
  const ops = c.specialOperations || {};
  const named = OPERATIONS.filter(k => ops[k] > 0).map(k => `${t(`commit.op.${k}`)} ${ops[k]}`);
  return named.length ? named.join('、') : t('commit.noOperations');
}

export async function renderCommitments(page, who) {
  const day = today();
  const scope = who.enterpriseId ? `&enterpriseId=${encodeURIComponent(who.enterpriseId)}` : '';
  const [posted, missing] = await Promise.all([
    optional(`/api/commitments?from=${day}&to=${day}&size=100${scope}`),
    who.role === 'enterprise' ? Promise.resolve(null) : optional(`/api/commitments/missing?date=${day}&size=100`),
  ]);
  const list = itemsOf(posted);
  page.append(h('h1', {}, t('commit.title'), ` · ${day}`));
  if (who.role !== 'enterprise') {
    const rows = itemsOf(missing);
    page.append(h('section', { class: 'card', dataset: { testid: 'commitments-missing' } },
      h('h2', {}, t('commit.missing'), missing ? ` (${missing.total})` : ''),
      !missing ? h('p', { class: 'muted' }, t('error.unavailable'))
        : rows.length ? table(['field.name', 'ent.district', 'ent.town', 'commit.deadline'], rows.map(m => ({ item: m, cells: [
          h('a', { href: `#/enterprises/${encodeURIComponent(m.enterpriseId)}` }, m.name || m.enterpriseId), m.district, m.town,
          m.pastDeadline ? h('strong', { class: 'pending' }, t('commit.pastDeadline')) : t('commit.beforeDeadline')] })),
        { rowAttrs: m => ({ dataset: { testid: 'missing-row', enterprise: m.enterpriseId } }) })
          : h('p', { class: 'muted' }, t('commit.noneMissing'))));
  }
  page.append(h('section', { class: 'card', dataset: { testid: 'commitments-today' } }, h('h2', {}, t('commit.today')),
    !posted ? h('p', { class: 'muted' }, t('error.unavailable'))
      : list.length ? table(['alarm.enterprise', 'commit.version', 'commit.underControl', 'commit.sources', 'commit.operations',
        'commit.repair', 'commit.signedBy', 'field.time'], list.map(c => ({ item: c, cells: [
        c.enterpriseId, String(c.version), t(c.allHazardSourcesUnderControl ? 'yes' : 'no'), String(c.hazardSourceCount),
        operations(c), c.equipmentUnderRepair ? `${t('yes')} ${c.repairNote || ''}` : t('no'), c.signedBy,
        formatTime(c.postedAt, currentLang())] })), { rowAttrs: () => ({ dataset: { testid: 'commitment-row' } }) })
        : h('p', { class: 'muted' }, t('commit.none'))));
}
