// Calls the platform's REST API through the gateway (same origin) with the session's bearer token.
import { accessToken, refreshNow, login } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title || problem.error_description)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  get code() {
    return this.problem.code || '';
  }
}

async function send(path, method, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${accessToken()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function parse(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text.slice(0, 200) };
  }
}

/** JSON in, JSON out; a 401 refreshes the token once, any other failure throws ApiError with the problem. */
export async function api(path, { method = 'GET', body } = {}) {
  let response = await send(path, method, body);
  if (response.status === 401 && await refreshNow()) {
    response = await send(path, method, body);
  }
  if (response.status === 401) {
    login();
    throw new ApiError(401, await parse(response));
  }
  const data = await parse(response);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Like api(), but an endpoint that is missing, forbidden or down yields the fallback instead of an error. */
export async function optional(path, fallback = null) {
  try {
    return await api(path);
  } catch (e) {
    if (e instanceof ApiError && e.status !== 401) return fallback;
    throw e;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A multipart upload (evidence photos): the browser sets the boundary and the length; a refusal throws ApiError. */
export async function upload(path, formData) {
  const post = () => fetch(path, { method: 'POST', headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken()}` },
    body: formData });
  let response = await post();
  if (response.status === 401 && await refreshNow()) response = await post();
  const data = await parse(response);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Bytes that need the bearer token (evidence), as a Blob. */
export async function fetchBlob(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${accessToken()}` } });
  if (!response.ok) throw new ApiError(response.status, await parse(response));
  return response.blob();
}
