// The public JSON API, as the dashboard uses it: the same endpoints any client has.

/** An error answered as application/problem+json (RFC 9457): its detail is what the user reads. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `the service answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function answer(response) {
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ProblemError(response.status, typeof body === 'object' ? body : { detail: body || response.statusText });
  return body;
}

/** GET a path with query parameters (empty ones left out). */
export async function get(path, query = {}) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') parameters.set(name, value);
  const url = parameters.size ? `${path}?${parameters}` : path;
  return answer(await fetch(url, { headers: { Accept: 'application/json' } }));
}

/** POST a body; the API key (if the service wants one for writes) comes from the submit form. */
export async function post(path, body, contentType, apiKey) {
  const headers = { 'Content-Type': contentType, Accept: 'application/json' };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  return answer(await fetch(path, { method: 'POST', headers, body }));
}
