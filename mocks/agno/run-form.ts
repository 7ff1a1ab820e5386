import { z } from 'zod';
import type { ValidationDetail } from './fastapi-error.js';

/*
 * The form fields of `POST /agents/{agent_id}/runs` (agno 2.9, `create_agent_run` in
 * libs/agno/agno/os/routers/agents/router.py): `message` (required), `stream` (default TRUE),
 * `session_id`, `user_id`, `files` (uploads), `version`, `background`, `factory_input`. Any other
 * field is passed to the run as a keyword; `metadata` is JSON (`get_request_kwargs` in
 * agno/os/utils.py). FastAPI takes the last value of a repeated field and treats an empty
 * string like an absent one, so an empty `message` is "Field required".
 */

// pydantic's lax str -> bool parsing.
const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
const BOOL_MESSAGE = 'Input should be a valid boolean, unable to interpret input';

const formBool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      const word = value.toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      ctx.addIssue({ code: 'custom', message: BOOL_MESSAGE, params: { type: 'bool_parsing' } });
      return z.NEVER;
    });

const jsonObject = z
  .string()
  .optional()
  .transform((value) => {
    if (value === undefined) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      // AgentOS logs a bad metadata string and drops it rather than failing the run.
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  });

/** The run form as the mock reads it; uploads are accepted and not looked at. */
export const runFormSchema = z.object({
  message: z.string({ error: 'Field required' }),
  stream: formBool(true),
  session_id: z.string().optional(),
  user_id: z.string().optional(),
  background: formBool(false),
  metadata: jsonObject,
});

/** A validated run form. */
export type RunForm = z.infer<typeof runFormSchema>;

const FIELDS = ['message', 'stream', 'session_id', 'user_id', 'background', 'metadata'] as const;

/** A form that parsed, or the 422 `detail` list FastAPI would send. */
export type ReadRunForm =
  | { state: 'ok'; form: RunForm }
  | { state: 'error'; detail: ValidationDetail[] };

/** Last non-empty string value of each known field; other content types read as an empty form. */
async function formFields(request: Request): Promise<Record<string, string>> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    return {};
  }
  const fields: Record<string, string> = {};
  for (const name of FIELDS) {
    const last = data.getAll(name).at(-1);
    if (typeof last === 'string' && last !== '') fields[name] = last;
  }
  return fields;
}

/** Reads and validates the form body of a run request, reporting every problem at once. */
export async function readRunForm(request: Request): Promise<ReadRunForm> {
  const fields = await formFields(request);
  const parsed = runFormSchema.safeParse(fields);
  if (parsed.success) return { state: 'ok', form: parsed.data };
  const detail = parsed.error.issues.map((issue): ValidationDetail => {
    const field = String(issue.path[0] ?? '');
    const input = fields[field];
    if (issue.code === 'custom') {
      const type = String((issue.params as { type?: unknown } | undefined)?.type ?? 'value_error');
      return { type, loc: ['body', field], msg: issue.message, input };
    }
    if (input === undefined)
      return { type: 'missing', loc: ['body', field], msg: 'Field required', input: null };
    return { type: 'value_error', loc: ['body', field], msg: issue.message, input };
  });
  return { state: 'error', detail };
}
