/**
 * One entry of a FastAPI 422 body, in pydantic v2's key order (`exc.errors()`; FastAPI's
 * `get_missing_field_error` sets `input` to null for a missing field).
 */
export interface ValidationDetail {
  type: string;
  loc: readonly (string | number)[];
  msg: string;
  input: unknown;
}

/**
 * An AgentOS error response. AgentOS installs handlers that answer every HTTPException as
 * `{"detail": "<text>"}` and every validation error as `{"detail": [<pydantic errors>]}`
 * (agno `libs/agno/agno/os/app.py`, `http_exception_handler` and
 * `validation_exception_handler`).
 */
export function fastApiErrorResponse(
  status: number,
  detail: string | readonly ValidationDetail[],
): Response {
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A JSON response as FastAPI's `JSONResponse` sends it. */
export function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}
