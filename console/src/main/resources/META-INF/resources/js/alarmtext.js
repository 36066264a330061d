// What an alarm is about, in the reader's language. warning-service's `message` is an English sentence for logs and
// notices ("gas_lel 60.00 %LEL reached level ORANGE threshold 25.00 (GB/T 50493-2019 §5.5)", "device offline
// (SILENT)"), with codes in it: the page composes its own text from the fields and keeps the message as a tooltip.
import { t, label } from './i18n.js';

const CAUSE = /\((STATUS_MESSAGE|LAST_WILL|SILENT|SESSION_LOST)\)/;

export function describeAlarm(alarm) {
  // Alarms of a missed commitment or duty carry a made-up key (duty:<installation>:<role>:<day>), no device kind.
  const device = alarm.deviceId && alarm.deviceKind ? `${alarm.deviceId} ` : '';
  if (alarm.kind === 'OFFLINE') {
    const cause = (alarm.message || '').match(CAUSE);
    return `${device}${label('alarmkind', 'OFFLINE')}${cause ? `（${label('offcause', cause[1])}）` : ''}`;
  }
  // A missed commitment's "device" is a made-up key (commitment:<enterprise>:<day>): the kind says it all.
  if (alarm.kind === 'COMMITMENT_MISSING') return label('alarmkind', alarm.kind);
  if (alarm.kind && alarm.kind !== 'THRESHOLD') return `${device}${label('alarmkind', alarm.kind)}`;
  if (!alarm.metric) return `${device}${label('alarmkind', alarm.kind || 'THRESHOLD')}`;
  const threshold = alarm.threshold === undefined || alarm.threshold === null ? ''
    : `（${t('alarm.threshold')} ${alarm.threshold}）`;
  return `${device}${label('metric', alarm.metric)} ${alarm.value ?? ''} ${alarm.unit || ''}${threshold}`.trim();
}
