// Words that say nothing about what a question is about.
const STOP_WORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has
  have having he her here hers him his how i if in into is it its itself just me more most my
  no nor not now of off on once only or other our ours out over own please same she should so
  some such than that the their theirs them then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you
  your yours hi hello thanks thank`.split(/\s+/),
);

/** Content words of a text, lower-cased, with a plural `s` dropped so "returns" meets "return". */
function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) {
    if (STOP_WORDS.has(raw)) continue;
    words.add(raw.length > 3 && raw.endsWith('s') ? raw.slice(0, -1) : raw);
  }
  return words;
}

/** Lines, then sentences within lines, without list bullets. */
function candidateLines(texts: readonly string[]): string[] {
  return texts
    .flatMap((text) => text.split(/\r?\n/))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z0-9])/))
    .map((line) => line.replace(/^\s*(?:[-*\u2022]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
}

/**
 * The line or sentence of `texts` that shares the most content words with `query` (the first one
 * on a tie), or undefined when none shares any. This is how an FAQ held in a system prompt gets
 * answered.
 *
 * @example
 * bestMatchingLine(['Shipping: orders ship in 2 days.\nReturns: 30 days.'], 'How do returns work?');
 * // 'Returns: 30 days.'
 */
export function bestMatchingLine(texts: readonly string[], query: string): string | undefined {
  const wanted = contentWords(query);
  let best: string | undefined;
  let bestScore = 0;
  for (const line of candidateLines(texts)) {
    let score = 0;
    for (const word of contentWords(line)) if (wanted.has(word)) score += 1;
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}
