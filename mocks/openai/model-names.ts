/**
 * The dated snapshot each alias resolves to, as OpenAI reports it in the `model` field of a
 * response (e.g. the recorded gpt-4o-mini cassettes answer `gpt-4o-mini-2024-07-18`).
 */
export const modelSnapshots: Readonly<Record<string, string>> = {
  'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
  'gpt-4o': 'gpt-4o-2024-08-06',
  'gpt-4.1': 'gpt-4.1-2025-04-14',
  'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
};

/** The model name a response reports: the snapshot for a known alias, else the name as asked. */
export function responseModelName(requested: string): string {
  return modelSnapshots[requested] ?? requested;
}

/** The alias a snapshot name belongs to, so `gpt-4o-2024-08-06` finds gpt-4o's latency profile. */
export function aliasOf(model: string): string | undefined {
  return Object.entries(modelSnapshots).find(([, snapshot]) => snapshot === model)?.[0];
}
