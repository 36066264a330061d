// Every feature's label file, gathered here so that i18n.js imports one table and a new feature adds its line here,
// never to i18n.js. Keys must not repeat across files (a later file would silently win).
import { VERIFICATION_LABELS } from './verification.js';
import { DELIVERY_LABELS } from './delivery.js';
import { REPORT_LABELS } from './reports.js';
import { EMERGENCY_LABELS } from './emergency.js';
import { CODE_LABELS } from './codes.js';
import { PAGE_LABELS } from './pages.js';

export const FEATURE_LABELS = {
  ...VERIFICATION_LABELS, ...CODE_LABELS, ...PAGE_LABELS, ...DELIVERY_LABELS, ...REPORT_LABELS, ...EMERGENCY_LABELS,
};
