// The analytics API as the page uses it: JSON in, errors with the API's own message out, and who
// the visitor is (GET /api/v1/session/): the user, and the session's CSRF token, which every request
// that changes something sends in X-CSRF-Token.

export class ApiError extends Error {
  constructor(status, message, rule = null) {
    super(message);
    this.status = status;
    this.rule = rule;
  }

  // Elasticsearch down or not indexed yet: the API says 503 and why.
  get unavailable() {
    return this.status === 503 || this.status === 0;
  }
}

// Strict validation refuses unknown or empty parameters, so unset ones are left out entirely.
export function apiUrl(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url.pathname + url.search;
}

// The login page, and back here after it.
export function loginUrl(next = location.pathname + location.search) {
  return `/login?${new URLSearchParams({ next })}`;
}

let visitor = null;

// Who opens the page: { user (null: nobody), role, csrf_token, mode }, asked once per page.
export function whoami() {
  visitor ??= request("GET", "/api/v1/session/");
  return visitor;
}

async function request(method, path, body = undefined) {
  const headers = { accept: "application/json" };
  if (method !== "GET") {
    const { csrf_token: csrf } = await whoami().catch(() => ({}));
    if (csrf) headers["X-CSRF-Token"] = csrf;
    if (body !== undefined) headers["content-type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "the analytics service cannot be reached");
  }
  if (response.status === 204) return null;
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(response.status, answer?.message ?? `HTTP ${response.status}`, answer?.rule);
    // Someone logged in whose session has ended (idle too long, logged out elsewhere, disabled):
    // the login page, and back here afterwards.
    if (response.status === 401 && path !== "/api/v1/session/" && (await whoami().catch(() => ({}))).user) {
      location.assign(loginUrl());
    }
    error.retryAfter = Number(response.headers.get("retry-after")) || null;
    throw error;
  }
  return answer;
}

export const getJson = (path, params = {}) => request("GET", apiUrl(path, params));
export const postJson = (path, body = {}) => request("POST", path, body);

// The private part answers admins on this machine; anyone else gets 401 or 403 and the UI hides it.
export async function privateReachable() {
  try {
    return await getJson("/api/v1/private/summary/");
  } catch {
    return null;
  }
}
