// The analytics API as the page uses it: JSON in, errors with the API's own message out.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
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

export async function getJson(path, params = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError(0, "the analytics service cannot be reached");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.message ?? `HTTP ${response.status}`);
  return body;
}

// The private part answers only this machine; anywhere else it is 403 and the UI hides it.
export async function privateReachable() {
  try {
    return await getJson("/api/v1/private/summary/");
  } catch {
    return null;
  }
}
