/** Where and why a line is not JSON; `offset` is 0-based into the text. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
  fix?: string;
}

class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

const WORD = /^[A-Za-z_$][\w$]*/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The first place strict JSON (RFC 8259) breaks, with a message and, for the usual slips, a
 * fix; undefined when the text is JSON. `JSON.parse` decides, but only sometimes says where.
 * @example
 * jsonSyntaxError('{"a": 1,}'); // { offset: 8, message: 'expected a "key" …', fix: 'remove the trailing comma' }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const at = () => text[i];
  const stop = (message: string, fix?: string | undefined): never => {
    if (i >= text.length) {
      throw new Stop({
        offset: text.length,
        message: 'the line ends too early',
        fix: 'close every {, [ and "',
      });
    }
    throw new Stop(fix === undefined ? { offset: i, message } : { offset: i, message, fix });
  };
  const shown = () => {
    const ch = at() ?? '';
    if (ch < ' ') return `U+${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
    return ch === "'" ? `"'"` : `'${ch}'`;
  };
  const missingComma = (between: string) =>
    /["{[\d\-tfn]/.test(at() ?? '') ? `add a comma between the ${between}` : undefined;
  const space = () => {
    while (at() === ' ' || at() === '\t' || at() === '\r' || at() === '\n') i += 1;
  };
  const string = () => {
    i += 1;
    for (let ch = at(); ch !== '"'; ch = at()) {
      if (ch === undefined) stop('unterminated string');
      else if (ch < ' ') stop('a control character in a string', 'write \\n for a line break');
      else if (ch !== '\\') i += 1;
      else {
        i += 1;
        const escaped = at() ?? '';
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') i += 1;
        else stop(`bad escape \\${escaped}`, 'write \\\\ for a backslash');
      }
    }
    i += 1;
  };
  const key = (afterComma: boolean) => {
    space();
    if (at() === '"') string();
    else if (afterComma && at() === '}')
      stop('expected a "key" after ","', 'remove the trailing comma');
    else if (at() === "'")
      stop(`expected a "key", got ${shown()}`, 'JSON strings use double quotes');
    else stop(`expected a "key", got ${shown()}`, 'put keys in double quotes');
  };
  /** A bare word: a literal, or a string someone forgot to quote. */
  const bareWord = (bare: string) => {
    if (bare === 'true' || bare === 'false' || bare === 'null') {
      i += bare.length;
      return;
    }
    const lower = bare.toLowerCase();
    const literal = lower === 'true' || lower === 'false' || lower === 'null';
    stop(
      `expected a value, got '${bare}'`,
      literal ? `write ${lower}` : 'put strings in double quotes',
    );
  };
  const value = () => {
    space();
    const ch = at();
    const bare = WORD.exec(text.slice(i))?.[0];
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text)?.[0];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (bare !== undefined) bareWord(bare);
    else if (number !== undefined) i += number.length;
    else if (ch === "'") stop(`unexpected ${shown()}`, 'JSON strings use double quotes');
    else stop(`expected a value, got ${shown()}`);
  };
  const object = () => {
    i += 1;
    space();
    if (at() === '}') {
      i += 1;
      return;
    }
    for (let afterComma = false; ; afterComma = true) {
      key(afterComma);
      space();
      if (at() !== ':') stop(`expected ":" after a key, got ${shown()}`);
      i += 1;
      value();
      space();
      if (at() === '}') break;
      if (at() !== ',')
        stop(`expected "," or "}" after a value, got ${shown()}`, missingComma('fields'));
      i += 1;
    }
    i += 1;
  };
  const array = () => {
    i += 1;
    space();
    if (at() === ']') {
      i += 1;
      return;
    }
    for (;;) {
      value();
      space();
      if (at() === ']') break;
      if (at() !== ',')
        stop(`expected "," or "]" after a value, got ${shown()}`, missingComma('items'));
      i += 1;
      space();
      if (at() === ']') stop('expected a value after ","', 'remove the trailing comma');
    }
    i += 1;
  };
  try {
    value();
    space();
    if (i < text.length)
      stop(`unexpected ${shown()} after the end of the value`, 'one JSON value per line');
    return undefined;
  } catch (error: unknown) {
    if (error instanceof Stop) return error.error;
    // Nesting deep enough to exhaust the stack: JSON.parse's own message will have to do.
    return undefined;
  }
}
