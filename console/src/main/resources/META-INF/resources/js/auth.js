// Authorization code + PKCE (RFC 7636, S256) against Keycloak with the public client from
// /console-config.json. Tokens live in sessionStorage (gone with the tab) and are refreshed a minute
// before expiry; the code and refresh exchanges go through the gateway's same-origin relay.
const SESSION_KEY = 'safetyhub.session';
const PENDING_KEY = 'safetyhub.pkce';
const REFRESH_MARGIN_MS = 60_000;

let config;
let session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
let refreshTimer;
const listeners = [];

function base64Url(bytes) {
  let binary = '';
  bytes.forEach(b => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The token's payload; UTF-8 aware because district claims are Chinese. */
export function decodeJwt(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(part + '='.repeat((4 - part.length % 4) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0))));
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

export async function loadConfig() {
  const response = await fetch('console-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`console-config.json: HTTP ${response.status}`);
  config = await response.json();
  return config;
}

export async function login() {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    nonce: randomString(16),
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ui_locales: localStorage.getItem('safetyhub.lang') === 'en' ? 'en' : 'zh-CN',
  }).toString();
  location.assign(url.toString());
}

async function tokenRequest(form) {
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error_description || body.error || body.detail || `HTTP ${response.status}`);
  return body;
}

function store(tokens) {
  const claims = decodeJwt(tokens.access_token);
  session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    idToken: tokens.id_token || (session && session.idToken),
    expiresAt: claims.exp * 1000,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  scheduleRefresh();
  listeners.forEach(listener => listener(session));
}

/** Finishes a login when Keycloak sent us back with ?code=&state=; true when a session exists afterwards. */
export async function completeLogin() {
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', redirectUri() + ((pending && pending.hash) || ''));
    if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
    if (!pending || pending.state !== params.get('state')) throw new Error('login state mismatch; please sign in again');
    store(await tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }));
  }
  if (session && session.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    await refreshNow();
  } else if (session) {
    scheduleRefresh();
  }
  return session !== null;
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const delay = Math.max(5_000, session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(refreshNow, delay);
}

/** Uses the refresh token now; false (and no session) when Keycloak refuses it. */
export async function refreshNow() {
  if (!session || !session.refreshToken) return false;
  try {
    store(await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken }));
    return true;
  } catch (e) {
    forget();
    return false;
  }
}

function forget() {
  session = null;
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(SESSION_KEY);
}

export function logout() {
  const idToken = session && session.idToken;
  forget();
  const url = new URL(config.endSessionEndpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    post_logout_redirect_uri: redirectUri(),
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  location.assign(url.toString());
}

export function accessToken() {
  return session ? session.accessToken : '';
}

export function onTokens(listener) {
  listeners.push(listener);
}

/** Who is signed in, as the services see it: role and tenant scope from the access token. */
export function caller() {
  const claims = decodeJwt(session.accessToken);
  const roles = [...((claims.realm_access && claims.realm_access.roles) || []), ...(claims.roles || []),
    ...(claims.groups || [])];
  const role = ['operator', 'regulator', 'enterprise'].find(r => roles.includes(r)) || 'none';
  return {
    username: claims.preferred_username,
    role,
    enterpriseId: claims.enterprise_id || null,
    district: claims.district || null,
  };
}
