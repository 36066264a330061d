// Chinese and English labels; each key holds [zh, en]. The choice is kept in localStorage.
const LABELS = {
  'app.title': ['安全生产监管平台', 'Work-safety supervision'],
  loading: ['加载中…', 'Loading…'],
  'login.required': ['正在跳转到统一身份认证…', 'Redirecting to sign-in…'],
  'login.failed': ['登录失败', 'Sign-in failed'],
  logout: ['退出', 'Sign out'],
  'sound.on': ['声音：开', 'Sound: on'],
  'sound.off': ['声音：关', 'Sound: off'],
  'nav.overview': ['一屏观全域', 'Overview'],
  'nav.alarms': ['报警', 'Alarms'],
  'nav.hazards': ['隐患', 'Hazards'],
  'nav.enterprises': ['企业', 'Enterprises'],
  'nav.mine': ['本企业', 'My enterprise'],
  'role.regulator': ['监管部门', 'Regulator'],
  'role.enterprise': ['企业', 'Enterprise'],
  'role.operator': ['运维', 'Operator'],
  'overview.title': ['一屏观全域', 'District overview'],
  'overview.map': ['企业分布（按风险等级着色）', 'Enterprises by position, coloured by risk'],
  'overview.feed': ['实时报警', 'Live alarms'],
  'overview.live': ['实时', 'live'],
  'overview.polling': ['轮询', 'polling'],
  'count.majorOpen': ['未销号重大隐患', 'Open major hazards'],
  'count.overdue': ['逾期隐患', 'Overdue hazards'],
  'count.missing': ['今日未承诺企业', 'Missing commitments today'],
  'count.certRate': ['持证上岗率', 'Certificate rate'],
  'count.openAlarms': ['未关闭报警', 'Open alarms'],
  'risk.RED': ['重大风险（红）', 'Major risk (red)'],
  'risk.ORANGE': ['较大风险（橙）', 'High risk (orange)'],
  'risk.YELLOW': ['一般风险（黄）', 'Moderate risk (yellow)'],
  'risk.BLUE': ['低风险（蓝）', 'Low risk (blue)'],
  'level.RED': ['Ⅰ级 红色', 'Level I red'],
  'level.ORANGE': ['Ⅱ级 橙色', 'Level II orange'],
  'level.YELLOW': ['Ⅲ级 黄色', 'Level III yellow'],
  'level.BLUE': ['Ⅳ级 蓝色', 'Level IV blue'],
  'status.ACTIVE': ['报警中', 'Active'],
  'status.ACKNOWLEDGED': ['已确认', 'Acknowledged'],
  'status.CLEARED_UNACKNOWLEDGED': ['已恢复未确认', 'Cleared, unacknowledged'],
  'status.CLEARED': ['已恢复', 'Cleared'],
  'status.CLOSED': ['已关闭', 'Closed'],
  'alarm.title': ['报警详情', 'Alarm'],
  'alarm.device': ['设备', 'Device'],
  'alarm.enterprise': ['企业', 'Enterprise'],
  'alarm.metric': ['监测项', 'Metric'],
  'alarm.value': ['当前值', 'Value'],
  'alarm.peak': ['峰值', 'Peak'],
  'alarm.threshold': ['阈值', 'Threshold'],
  'alarm.raisedAt': ['报警时间', 'Raised at'],
  'alarm.status': ['状态', 'Status'],
  'alarm.level': ['级别', 'Level'],
  'alarm.trail': ['处置记录', 'Trail'],
  'alarm.acknowledge': ['确认报警', 'Acknowledge'],
  'alarm.close': ['关闭报警', 'Close alarm'],
  'alarm.cause': ['原因', 'Cause'],
  'alarm.note': ['处置说明', 'Note'],
  'alarm.acknowledged': ['报警已确认', 'Alarm acknowledged'],
  'alarm.closed': ['报警已关闭', 'Alarm closed'],
  'alarm.none': ['暂无报警', 'No alarms'],
  'cause.REAL_DANGER': ['真实险情', 'Real danger'],
  'cause.FALSE_ALARM': ['误报', 'False alarm'],
  'cause.MAINTENANCE': ['检维修', 'Maintenance'],
  'cause.CALIBRATION': ['标定', 'Calibration'],
  'cause.DEVICE_FAULT': ['设备故障', 'Device fault'],
  'hazard.title': ['隐患', 'Hazard'],
  'hazard.list': ['隐患排查治理', 'Hazards'],
  'hazard.grade': ['等级', 'Grade'],
  'hazard.GENERAL': ['一般隐患', 'General'],
  'hazard.MAJOR': ['重大隐患', 'Major'],
  'hazard.deadline': ['整改期限', 'Deadline'],
  'hazard.overdue': ['已逾期', 'Overdue'],
  'hazard.age': ['天数', 'Age (days)'],
  'hazard.responsible': ['责任人', 'Responsible'],
  'hazard.measures': ['整改措施', 'Measures'],
  'hazard.description': ['描述', 'Description'],
  'hazard.history': ['流转记录', 'History'],
  'hazard.openOnly': ['仅看未销号', 'Open only'],
  'hazard.to.RECTIFYING': ['开始整改', 'Start rectifying'],
  'hazard.to.RECTIFIED': ['提交验收', 'Submit for acceptance'],
  'hazard.to.CLOSED': ['验收销号', 'Accept and close'],
  'hazard.to.REJECTED': ['验收不通过', 'Reject'],
  'hazard.moved': ['隐患状态已更新', 'Hazard updated'],
  'hstatus.REPORTED': ['已上报', 'Reported'],
  'hstatus.RECTIFYING': ['整改中', 'Rectifying'],
  'hstatus.RECTIFIED': ['待验收', 'Rectified'],
  'hstatus.CLOSED': ['已销号', 'Closed'],
  'hstatus.REJECTED': ['验收未通过', 'Rejected'],
  'ent.title': ['企业档案', 'Enterprise'],
  'ent.district': ['区县', 'District'],
  'ent.town': ['街镇', 'Town'],
  'ent.sectors': ['行业', 'Sectors'],
  'ent.risk': ['风险等级', 'Risk colour'],
  'ent.status': ['经营状态', 'Status'],
  'ent.address': ['地址', 'Address'],
  'ent.legal': ['法定代表人', 'Legal representative'],
  'ent.disclosure': ['安全生产责任公示', 'Safety responsibility disclosure'],
  'ent.noDisclosure': ['尚未公示', 'Not published yet'],
  'ent.persons': ['包保责任人', 'Responsible persons'],
  'ent.riskPoints': ['重大风险点', 'Major risk points'],
  'ent.guardians': ['重大危险源包保', 'Hazard-source guardians'],
  'ent.devices': ['监测设备', 'Devices'],
  'ent.noDevices': ['暂无设备', 'No devices'],
  'ent.maintenance': ['维护中', 'maintenance'],
  'ent.readings': ['近一小时读数', 'Readings, last hour'],
  'ent.noReadings': ['近一小时无读数', 'No readings in the last hour'],
  'ent.personnel': ['人员持证', 'Personnel certificates'],
  'ent.noPersonnel': ['暂无人员持证数据', 'No certificate data available'],
  'ent.forbidden': ['无权查看：企业用户只能查看本企业的信息', 'Forbidden: an enterprise user can only open its own enterprise'],
  'ent.notFound': ['未找到该企业，或不在您的监管范围内', 'Enterprise not found or outside your scope'],
  'ent.list': ['企业列表', 'Enterprises'],
  'admin.principal': ['主要负责人', 'Principal'],
  'admin.administrative': ['属地行政包保责任人', 'Administrative'],
  'admin.industrySupervision': ['行业监管责任人', 'Industry supervision'],
  'admin.professionalSupervision': ['专业监管责任人', 'Professional supervision'],
  'field.name': ['名称', 'Name'],
  'field.phone': ['电话', 'Phone'],
  'field.post': ['职务', 'Post'],
  'field.kind': ['类型', 'Kind'],
  'field.time': ['时间', 'Time'],
  'field.by': ['操作人', 'By'],
  'field.certificate': ['证书', 'Certificate'],
  'field.validUntil': ['有效期至', 'Valid until'],
  'error.generic': ['操作失败', 'Request failed'],
  'error.unavailable': ['暂不可用', 'Not available'],
  'sector.HAZARDOUS_CHEMICALS': ['危险化学品', 'Hazardous chemicals'],
  'sector.TOWN_GAS': ['城镇燃气', 'Town gas'],
  'sector.INDUSTRY_TRADE': ['工贸', 'Industry and trade'],
  'sector.SPECIAL_EQUIPMENT': ['特种设备', 'Special equipment'],
  'sector.CONSTRUCTION': ['建筑施工', 'Construction'],
  'sector.ROAD_TRANSPORT': ['道路运输', 'Road transport'],
  'sector.FIRE_SAFETY_KEY_UNIT': ['消防安全重点单位', 'Fire-safety key unit'],
  'sector.FIREWORKS': ['烟花爆竹', 'Fireworks'],
  'sector.NON_COAL_MINE': ['非煤矿山', 'Non-coal mine'],
  'estatus.OPERATING': ['正常经营', 'Operating'],
  'estatus.SUSPENDED': ['停产整顿', 'Suspended'],
  'estatus.CLOSED': ['已关闭', 'Closed'],
  submit: ['提交', 'Submit'],
  back: ['返回', 'Back'],
};

let lang = localStorage.getItem('safetyhub.lang') === 'en' ? 'en' : 'zh';

export function t(key) {
  const pair = LABELS[key];
  if (!pair) return key;
  return lang === 'en' ? pair[1] : pair[0];
}

/** The label of an enum value, or the value itself when there is none. */
export function label(prefix, value) {
  const key = `${prefix}.${value}`;
  return LABELS[key] ? t(key) : (value ?? '—');
}

export function currentLang() {
  return lang;
}

export function toggleLang() {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem('safetyhub.lang', lang);
  applyStatic();
}

/** Fills every [data-i18n] element of the page shell. */
export function applyStatic() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  const toggle = document.getElementById('lang');
  if (toggle) toggle.textContent = lang === 'en' ? '中文' : 'EN';
}
