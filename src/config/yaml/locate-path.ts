import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** Where an issue points: at the value, at the key that names it, or at a key that is absent. */
export type Anchor = 'value' | 'key' | 'missing';

export interface Position {
  line: number;
  column: number;
}

export type Locator = (path: readonly PropertyKey[], anchor?: Anchor) => Position;

interface Walk {
  /** The deepest node reached, and the key node that led to it (absent after a list index). */
  node: Node | null;
  key: Node | null;
  complete: boolean;
}

function deref(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

function walk(doc: Document, path: readonly PropertyKey[]): Walk {
  let node = deref(doc, doc.contents);
  let key: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (pair === undefined) return { node, key, complete: false };
      key = pair.key as Node;
      node = deref(doc, pair.value);
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      key = null;
      node = deref(doc, node.items[segment]);
    } else {
      return { node, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

function start(node: Node | null): number | undefined {
  return node?.range?.[0] ?? undefined;
}

/** A null scalar written as nothing (`expect:`) has an empty range at the end of the line. */
function isEmpty(node: Node | null): boolean {
  const range = node?.range;
  return range === undefined || range === null || range[0] === range[1];
}

/**
 * Maps a field path to a line and column in the YAML source. A missing key points at the key
 * of its parent mapping (`expect:`), or at the parent's first line when it has no key.
 */
export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  return (path, anchor = 'value') => {
    const found = walk(doc, path);
    let offset: number | undefined;
    if (!found.complete || anchor === 'missing' || anchor === 'key') {
      offset = start(found.key) ?? start(found.node);
    } else {
      offset = isEmpty(found.node) ? start(found.key) : start(found.node);
    }
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

/** The field path of the innermost node spanning `offset`, to name where a syntax error sits. */
export function pathAtOffset(doc: Document, offset: number): PropertyKey[] {
  const path: PropertyKey[] = [];
  let node = deref(doc, doc.contents);
  for (;;) {
    const inside = (n: unknown) => {
      const range = (n as Node | null)?.range;
      return range !== undefined && range !== null && range[0] <= offset && offset <= range[2];
    };
    if (isMap(node)) {
      // From the key to the end of the value, so a tag or anchor before the value counts too.
      const pair = node.items.find((p) => {
        const from = (p.key as Node | null)?.range?.[0];
        const to = (p.value as Node | null)?.range?.[2] ?? (p.key as Node | null)?.range?.[2];
        return from != null && to != null && from <= offset && offset <= to;
      });
      if (pair === undefined || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (!(isMap(pair.value) || isSeq(pair.value)) || !inside(pair.value)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(inside);
      if (index < 0) return path;
      path.push(index);
      node = node.items[index] as Node;
    } else {
      return path;
    }
  }
}
