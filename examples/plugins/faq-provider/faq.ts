import { readFileSync } from 'node:fs';
import { z } from 'zod';

const FaqFile = z.object({
  /** Said when no entry matches well enough. */
  fallback: z.string().min(1),
  entries: z
    .array(
      z.object({
        id: z.string().min(1),
        keywords: z.array(z.string().min(1)).min(1),
        answer: z.string().min(1),
      }),
    )
    .min(1),
});
export type FaqData = z.output<typeof FaqFile>;
export type FaqEntry = FaqData['entries'][number];

export interface FaqMatch {
  entry: FaqEntry;
  /** Keywords of the entry found in the question. */
  score: number;
}

/** Reads and checks a FAQ file (small, read once at start); a bad file names itself and the field. */
export function readFaq(file: string): FaqData {
  const text = readFileSync(file, 'utf8');
  const parsed = FaqFile.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** The entries whose keywords the question contains, best first; ties keep the file's order. */
export function matchFaq(faq: FaqData, question: string, minScore: number): FaqMatch[] {
  const asked = words(question);
  return faq.entries
    .map((entry) => ({ entry, score: entry.keywords.filter((k) => asked.has(k)).length }))
    .filter((match) => match.score >= minScore)
    .sort((a, b) => b.score - a.score);
}
