// Live alarm feed: the gateway's SSE stream (/api/alarms/stream). EventSource cannot send headers, so the
// token travels as ?access_token=; the browser itself sends Last-Event-ID when it reconnects. A stream lives
// no longer than its token: the feed opens a new one with each fresh token, and when the gateway ends one at
// the token's expiry (event: token-expired) it refreshes and reopens; a new stream carries the last event id
// as ?lastEventId= so the gateway replays what came in between. When the stream is refused or absent, the
// feed falls back to polling /api/alarms so alarms still arrive.
import { accessToken, onTokens, refreshNow } from './auth.js';
import { api } from './api.js';

const CHANGES = ['RAISED', 'LEVEL_RAISED', 'ESCALATED', 'ACKNOWLEDGED', 'CLEARED', 'CLOSED'];
const POLL_MS = 5_000;
const SEEN_EVENTS = 500;
// Only levels I and II sound: III and IV come often (blue for every missed commitment) and would teach people to
// mute the console; colour alone marks them.
const TONES = { RED: [1000, 3], ORANGE: [800, 2] };

/** One shape for an AlarmEvent (the gateway's stream) and an AlarmView (the polled list). */
export function normalise(alarm, change) {
  return {
    id: alarm.alarmId || alarm.id,
    change: alarm.change || change || null,
    level: alarm.level,
    status: alarm.status,
    enterpriseId: alarm.enterpriseId,
    district: alarm.district,
    deviceId: alarm.deviceId,
    deviceKind: alarm.deviceKind,
    kind: alarm.kind,
    metric: alarm.metric,
    threshold: alarm.threshold,
    value: alarm.value,
    unit: alarm.unit,
    message: alarm.message,
    at: alarm.occurredAt || alarm.updatedAt || alarm.raisedAt,
  };
}

class AlarmFeed {
  constructor() {
    this.listeners = new Set();
    this.known = new Map();
    this.mode = 'idle';
    this.soundOn = localStorage.getItem('safetyhub.sound') !== 'off';
    this.lastEventId = null;
    this.seenEvents = new Set();
    // A fresh token opens a fresh stream before the old token's expiry ends the old one (or retries the
    // stream after a fall-back to polling).
    onTokens(() => { if (this.mode !== 'idle') this.connect(); });
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    if (this.mode !== 'idle') return;
    this.connect();
  }

  connect() {
    if (this.source) this.source.close();
    this.mode = 'connecting';
    const token = accessToken();
    const resume = this.lastEventId ? `&lastEventId=${encodeURIComponent(this.lastEventId)}` : '';
    const source = new EventSource(`/api/alarms/stream?access_token=${encodeURIComponent(token)}${resume}`);
    this.source = source;
    let opened = false;
    source.onopen = () => { opened = true; this.setMode('live'); };
    const handle = (event, change) => {
      if (event.lastEventId) this.lastEventId = event.lastEventId;
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return; // a comment or keep-alive line without JSON
      }
      // A reopened stream may replay an event already shown (the gateway sends twice rather than never).
      if (data.eventId && !this.firstSight(data.eventId)) return;
      this.emit(normalise(data, change));
    };
    // The gateway names events after the change in lower case (raised, level-raised, …, changed); the
    // upper-case names are the AlarmEvent.Change constants, accepted too.
    CHANGES.forEach(change => {
      source.addEventListener(change, event => handle(event, change));
      source.addEventListener(change.toLowerCase().replace('_', '-'), event => handle(event, change));
    });
    source.addEventListener('changed', event => handle(event, null));
    // Asked to resume from further back than the gateway keeps: read the current list instead.
    source.addEventListener('reload', () => { this.lastEventId = null; this.poll(); });
    // The token expired (a background tab's refresh timer may run late): close before the browser retries
    // with the stale token, then reopen with a fresh one (the token listener above does that).
    source.addEventListener('token-expired', () => {
      source.close();
      if (accessToken() !== token) {
        this.connect();
      } else {
        refreshNow().then(renewed => { if (!renewed) this.startPolling(); });
      }
    });
    source.onerror = () => {
      // CLOSED means the browser gave up (refused, not an event stream): poll instead and retry later.
      if (source.readyState === EventSource.CLOSED || !opened) {
        source.close();
        this.startPolling();
      }
    };
  }

  /** True the first time an event id is seen; remembers the last few hundred. */
  firstSight(eventId) {
    if (this.seenEvents.has(eventId)) return false;
    this.seenEvents.add(eventId);
    if (this.seenEvents.size > SEEN_EVENTS) this.seenEvents.delete(this.seenEvents.values().next().value);
    return true;
  }

  setMode(mode) {
    this.mode = mode;
    if (mode === 'live' && this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
    this.listeners.forEach(listener => listener(null, mode));
  }

  startPolling() {
    if (this.pollTimer) return;
    this.setMode('polling');
    this.poll();
    this.pollTimer = setInterval(() => this.poll(), POLL_MS);
  }

  async poll() {
    try {
      const page = await api('/api/alarms?size=50');
      const fresh = this.known.size === 0;
      (page.items || []).slice().reverse().forEach(view => {
        const alarm = normalise(view, null);
        const before = this.known.get(alarm.id);
        if (before === `${alarm.status}/${alarm.level}`) return;
        alarm.change = before ? 'CHANGED' : 'RAISED';
        this.emit(alarm, fresh);
      });
    } catch (e) {
      // the next poll tries again
    }
  }

  emit(alarm, quiet = false) {
    if (!alarm.id) return;
    this.known.set(alarm.id, `${alarm.status}/${alarm.level}`);
    if (!quiet && ['RAISED', 'LEVEL_RAISED', 'ESCALATED'].includes(alarm.change)) this.beep(alarm.level);
    this.listeners.forEach(listener => listener(alarm, this.mode));
  }

  toggleSound() {
    this.soundOn = !this.soundOn;
    localStorage.setItem('safetyhub.sound', this.soundOn ? 'on' : 'off');
    if (this.soundOn) this.audio();
    return this.soundOn;
  }

  audio() {
    if (!this.context) this.context = new AudioContext();
    if (this.context.state === 'suspended') this.context.resume().catch(() => {});
    return this.context;
  }

  /** Short beeps for levels I and II: the more severe, the higher and the more of them. */
  beep(level) {
    if (!this.soundOn || !TONES[level]) return;
    const [frequency, count] = TONES[level];
    try {
      const context = this.audio();
      for (let i = 0; i < count; i++) {
        const start = context.currentTime + i * 0.25;
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.2, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.18);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start);
        oscillator.stop(start + 0.2);
      }
    } catch (e) {
      // no audio device: colour alone has to do
    }
  }
}

export const feed = new AlarmFeed();
