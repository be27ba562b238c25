/**
 * Gson 2.8.9's com.google.gson.stream.JsonReader (the version ZStack's pom.xml pins), ported for one
 * purpose: to read a request body as a management node does, token by token, with the same leniency
 * (Gson.fromJson reads lenient: unquoted and single-quoted strings, comments, `=`/`=>`, `;`, `[1,,2]`)
 * and the same error texts, positions and paths. The whole body is in memory, so Gson's 1024-char
 * buffer matters only where it changes an answer: a number literal of 1024 characters or more is no
 * number (peekNumber gives up) and reads as an unquoted string.
 *
 * Strings are sliced out of the body between escapes, never built a character at a time. Nothing here
 * recurses: nesting is a stack of scopes, as in Gson.
 */

/** The failures a caller must tell apart: Java reports each with its own class name. */
export type GsonFailureKind = 'malformed' | 'eof' | 'state' | 'number';

export class GsonFailure extends Error {
  constructor(
    readonly kind: GsonFailureKind,
    message: string,
  ) {
    super(message);
  }
}

const Scope = {
  EMPTY_ARRAY: 1,
  NONEMPTY_ARRAY: 2,
  EMPTY_OBJECT: 3,
  DANGLING_NAME: 4,
  NONEMPTY_OBJECT: 5,
  EMPTY_DOCUMENT: 6,
  NONEMPTY_DOCUMENT: 7,
} as const;

const P = {
  NONE: 0,
  BEGIN_OBJECT: 1,
  END_OBJECT: 2,
  BEGIN_ARRAY: 3,
  END_ARRAY: 4,
  TRUE: 5,
  FALSE: 6,
  NULL: 7,
  SINGLE_QUOTED: 8,
  DOUBLE_QUOTED: 9,
  UNQUOTED: 10,
  SINGLE_QUOTED_NAME: 12,
  DOUBLE_QUOTED_NAME: 13,
  UNQUOTED_NAME: 14,
  LONG: 15,
  NUMBER: 16,
  EOF: 17,
} as const;

export type Token =
  | 'BEGIN_ARRAY'
  | 'END_ARRAY'
  | 'BEGIN_OBJECT'
  | 'END_OBJECT'
  | 'NAME'
  | 'STRING'
  | 'NUMBER'
  | 'BOOLEAN'
  | 'NULL'
  | 'END_DOCUMENT';

const TOKEN: Record<number, Token> = {
  [P.BEGIN_OBJECT]: 'BEGIN_OBJECT',
  [P.END_OBJECT]: 'END_OBJECT',
  [P.BEGIN_ARRAY]: 'BEGIN_ARRAY',
  [P.END_ARRAY]: 'END_ARRAY',
  [P.SINGLE_QUOTED_NAME]: 'NAME',
  [P.DOUBLE_QUOTED_NAME]: 'NAME',
  [P.UNQUOTED_NAME]: 'NAME',
  [P.TRUE]: 'BOOLEAN',
  [P.FALSE]: 'BOOLEAN',
  [P.NULL]: 'NULL',
  [P.SINGLE_QUOTED]: 'STRING',
  [P.DOUBLE_QUOTED]: 'STRING',
  [P.UNQUOTED]: 'STRING',
  [P.LONG]: 'NUMBER',
  [P.NUMBER]: 'NUMBER',
  [P.EOF]: 'END_DOCUMENT',
};

/** Gson's buffer length: peekNumber gives up on a literal that fills it. */
const BUFFER_LENGTH = 1024;

const NumberChar = {
  NONE: 0,
  SIGN: 1,
  DIGIT: 2,
  DECIMAL: 3,
  FRACTION_DIGIT: 4,
  EXP_E: 5,
  EXP_SIGN: 6,
  EXP_DIGIT: 7,
};

const LONG_MAX = '9223372036854775807';
const LONG_MIN_DIGITS = '9223372036854775808';

/** Whether ASCII digits (no sign, no leading zero) fit in a Java long, negative or not. */
function fitsInLong(digits: string, negative: boolean): boolean {
  if (digits.length !== 19) return digits.length < 19;
  return digits <= (negative ? LONG_MIN_DIGITS : LONG_MAX);
}

const ch = (c: string): number => c.charCodeAt(0);
const [SLASH, BACKSLASH, SEMI, HASH, EQ, LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA] = [
  ch('/'),
  ch('\\'),
  ch(';'),
  ch('#'),
  ch('='),
  ch('{'),
  ch('}'),
  ch('['),
  ch(']'),
  ch(':'),
  ch(','),
];
const [SPACE, TAB, FF, CR, LF, DQUOTE, SQUOTE, STAR, GT] = [
  32,
  9,
  12,
  13,
  10,
  ch('"'),
  ch("'"),
  ch('*'),
  ch('>'),
];

/**
 * Java's StringBuilder for a string with escapes: runs longer than a few characters are kept as slices
 * of the body, everything else is collected as UTF-16 code units and turned into strings in chunks.
 */
class Utf16Builder {
  private readonly parts: string[] = [];
  private readonly units = new Uint16Array(8192);
  private n = 0;

  append(text: string, start: number, end: number): void {
    if (end - start > 64) {
      this.flush();
      this.parts.push(text.slice(start, end));
      return;
    }
    for (let i = start; i < end; i++) this.push(text.charCodeAt(i));
  }

  push(unit: number): void {
    if (this.n === this.units.length) this.flush();
    this.units[this.n++] = unit;
  }

  private flush(): void {
    if (this.n === 0) return;
    this.parts.push(String.fromCharCode.apply(null, this.units.subarray(0, this.n) as unknown as number[]));
    this.n = 0;
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}

export class GsonReader {
  lenient = false;
  private pos = 0;
  private readonly limit: number;
  private lineNumber = 0;
  private lineStart = 0;
  private peeked: number = P.NONE;
  private peekedNumberLength = 0;
  /** The literal of a PEEKED_LONG (Gson consumes it at peek time and prints Long.toString back). */
  private peekedLong = '';
  private stack: number[] = [Scope.EMPTY_DOCUMENT];
  private pathNames: (string | null)[] = [null];
  private pathIndices: number[] = [0];

  constructor(private readonly text: string) {
    this.limit = text.length;
    // Gson's fillBuffer skips a byte order mark at the very start (and does not count its column).
    if (text.charCodeAt(0) === 0xfeff) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  private get depth(): number {
    return this.stack.length;
  }

  private top(): number {
    return this.stack[this.stack.length - 1] ?? Scope.EMPTY_DOCUMENT;
  }

  private setTop(scope: number): void {
    this.stack[this.stack.length - 1] = scope;
  }

  private push(scope: number): void {
    this.stack.push(scope);
    this.pathNames.push(null);
    this.pathIndices.push(0);
  }

  private pop(): void {
    this.stack.pop();
    this.pathNames.pop();
    this.pathIndices.pop();
  }

  private bumpIndex(): void {
    const i = this.depth - 1;
    this.pathIndices[i] = (this.pathIndices[i] ?? 0) + 1;
  }

  private code(i: number): number {
    return this.text.charCodeAt(i);
  }

  private current(): number {
    return this.peeked === P.NONE ? this.doPeek() : this.peeked;
  }

  private unexpected(expected: string): GsonFailure {
    return new GsonFailure('state', `Expected ${expected} but was ${this.peek()}${this.locationString()}`);
  }

  beginArray(): void {
    if (this.current() !== P.BEGIN_ARRAY) throw this.unexpected('BEGIN_ARRAY');
    this.push(Scope.EMPTY_ARRAY);
    this.peeked = P.NONE;
  }

  endArray(): void {
    if (this.current() !== P.END_ARRAY) throw this.unexpected('END_ARRAY');
    this.pop();
    this.bumpIndex();
    this.peeked = P.NONE;
  }

  beginObject(): void {
    if (this.current() !== P.BEGIN_OBJECT) throw this.unexpected('BEGIN_OBJECT');
    this.push(Scope.EMPTY_OBJECT);
    this.peeked = P.NONE;
  }

  endObject(): void {
    if (this.current() !== P.END_OBJECT) throw this.unexpected('END_OBJECT');
    this.pop();
    this.bumpIndex();
    this.peeked = P.NONE;
  }

  hasNext(): boolean {
    const p = this.current();
    return p !== P.END_OBJECT && p !== P.END_ARRAY;
  }

  peek(): Token {
    const t = TOKEN[this.current()];
    if (!t) throw new Error('unreachable peeked state');
    return t;
  }

  /** JsonReaderInternalAccess.promoteNameToValue: the next name reads as a string value (map keys). */
  promoteNameToValue(): void {
    const p = this.current();
    if (p === P.DOUBLE_QUOTED_NAME) this.peeked = P.DOUBLE_QUOTED;
    else if (p === P.SINGLE_QUOTED_NAME) this.peeked = P.SINGLE_QUOTED;
    else if (p === P.UNQUOTED_NAME) this.peeked = P.UNQUOTED;
    else throw new GsonFailure('state', `Expected a name but was ${this.peek()}${this.locationString()}`);
  }

  nextName(): string {
    const p = this.current();
    let result: string;
    if (p === P.UNQUOTED_NAME) result = this.nextUnquotedValue();
    else if (p === P.SINGLE_QUOTED_NAME) result = this.nextQuotedValue(SQUOTE);
    else if (p === P.DOUBLE_QUOTED_NAME) result = this.nextQuotedValue(DQUOTE);
    else throw new GsonFailure('state', `Expected a name but was ${this.peek()}${this.locationString()}`);
    this.peeked = P.NONE;
    this.pathNames[this.depth - 1] = result;
    return result;
  }

  nextString(): string {
    const p = this.current();
    let result: string;
    if (p === P.UNQUOTED) result = this.nextUnquotedValue();
    else if (p === P.SINGLE_QUOTED) result = this.nextQuotedValue(SQUOTE);
    else if (p === P.DOUBLE_QUOTED) result = this.nextQuotedValue(DQUOTE);
    else if (p === P.LONG) result = this.peekedLong;
    else if (p === P.NUMBER) {
      result = this.text.slice(this.pos, this.pos + this.peekedNumberLength);
      this.pos += this.peekedNumberLength;
    } else throw new GsonFailure('state', `Expected a string but was ${this.peek()}${this.locationString()}`);
    this.peeked = P.NONE;
    this.bumpIndex();
    return result;
  }

  nextBoolean(): boolean {
    const p = this.current();
    if (p === P.TRUE || p === P.FALSE) {
      this.peeked = P.NONE;
      this.bumpIndex();
      return p === P.TRUE;
    }
    throw new GsonFailure('state', `Expected a boolean but was ${this.peek()}${this.locationString()}`);
  }

  nextNull(): void {
    if (this.current() !== P.NULL)
      throw new GsonFailure('state', `Expected null but was ${this.peek()}${this.locationString()}`);
    this.peeked = P.NONE;
    this.bumpIndex();
  }

  private doPeek(): number {
    const peekStack = this.top();
    if (peekStack === Scope.EMPTY_ARRAY) {
      this.setTop(Scope.NONEMPTY_ARRAY);
    } else if (peekStack === Scope.NONEMPTY_ARRAY) {
      const c = this.nextNonWhitespace(true);
      if (c === RBRACKET) return (this.peeked = P.END_ARRAY);
      if (c === SEMI) this.checkLenient();
      else if (c !== COMMA) throw this.syntaxError('Unterminated array');
    } else if (peekStack === Scope.EMPTY_OBJECT || peekStack === Scope.NONEMPTY_OBJECT) {
      this.setTop(Scope.DANGLING_NAME);
      if (peekStack === Scope.NONEMPTY_OBJECT) {
        const c = this.nextNonWhitespace(true);
        if (c === RBRACE) return (this.peeked = P.END_OBJECT);
        if (c === SEMI) this.checkLenient();
        else if (c !== COMMA) throw this.syntaxError('Unterminated object');
      }
      const c = this.nextNonWhitespace(true);
      if (c === DQUOTE) return (this.peeked = P.DOUBLE_QUOTED_NAME);
      if (c === SQUOTE) {
        this.checkLenient();
        return (this.peeked = P.SINGLE_QUOTED_NAME);
      }
      if (c === RBRACE) {
        if (peekStack !== Scope.NONEMPTY_OBJECT) return (this.peeked = P.END_OBJECT);
        throw this.syntaxError('Expected name');
      }
      this.checkLenient();
      this.pos--; // the first character of an unquoted name is part of it
      if (this.isLiteral(c)) return (this.peeked = P.UNQUOTED_NAME);
      throw this.syntaxError('Expected name');
    } else if (peekStack === Scope.DANGLING_NAME) {
      this.setTop(Scope.NONEMPTY_OBJECT);
      const c = this.nextNonWhitespace(true);
      if (c === EQ) {
        this.checkLenient();
        if (this.pos < this.limit && this.code(this.pos) === GT) this.pos++;
      } else if (c !== COLON) throw this.syntaxError("Expected ':'");
    } else if (peekStack === Scope.EMPTY_DOCUMENT) {
      if (this.lenient) this.consumeNonExecutePrefix();
      this.setTop(Scope.NONEMPTY_DOCUMENT);
    } else if (peekStack === Scope.NONEMPTY_DOCUMENT) {
      const c = this.nextNonWhitespace(false);
      if (c === -1) return (this.peeked = P.EOF);
      this.checkLenient();
      this.pos--;
    }

    const c = this.nextNonWhitespace(true);
    const inArray = peekStack === Scope.EMPTY_ARRAY || peekStack === Scope.NONEMPTY_ARRAY;
    if (c === RBRACKET && peekStack === Scope.EMPTY_ARRAY) return (this.peeked = P.END_ARRAY);
    if (c === RBRACKET || c === SEMI || c === COMMA) {
      // in an array, a missing value is a null (lenient)
      if (!inArray) throw this.syntaxError('Unexpected value');
      this.checkLenient();
      this.pos--;
      return (this.peeked = P.NULL);
    }
    if (c === SQUOTE) {
      this.checkLenient();
      return (this.peeked = P.SINGLE_QUOTED);
    }
    if (c === DQUOTE) return (this.peeked = P.DOUBLE_QUOTED);
    if (c === LBRACKET) return (this.peeked = P.BEGIN_ARRAY);
    if (c === LBRACE) return (this.peeked = P.BEGIN_OBJECT);
    this.pos--; // the first character of a literal is part of it

    const keyword = this.peekKeyword();
    if (keyword !== P.NONE) return keyword;
    const num = this.peekNumber();
    if (num !== P.NONE) return num;
    if (!this.isLiteral(this.code(this.pos))) throw this.syntaxError('Expected value');
    this.checkLenient();
    return (this.peeked = P.UNQUOTED);
  }

  private peekKeyword(): number {
    const c = this.text.charAt(this.pos);
    let keyword: string;
    let peeking: number;
    if (c === 't' || c === 'T') [keyword, peeking] = ['true', P.TRUE];
    else if (c === 'f' || c === 'F') [keyword, peeking] = ['false', P.FALSE];
    else if (c === 'n' || c === 'N') [keyword, peeking] = ['null', P.NULL];
    else return P.NONE;
    const upper = keyword.toUpperCase();
    const length = keyword.length;
    for (let i = 1; i < length; i++) {
      if (this.pos + i >= this.limit) return P.NONE;
      const k = this.text.charAt(this.pos + i);
      if (k !== keyword.charAt(i) && k !== upper.charAt(i)) return P.NONE;
    }
    // no "trues", "falsey" or "nullsoft"
    if (this.pos + length < this.limit && this.isLiteral(this.code(this.pos + length))) return P.NONE;
    this.pos += length;
    return (this.peeked = peeking);
  }

  private peekNumber(): number {
    const p = this.pos;
    let negative = false;
    let last = NumberChar.NONE;
    let firstDigit = -1;
    let i = 0;
    for (; ; i++) {
      if (p + i === this.limit) break;
      if (i === BUFFER_LENGTH) return P.NONE;
      const c = this.code(p + i);
      if (c === ch('-')) {
        if (last === NumberChar.NONE) {
          negative = true;
          last = NumberChar.SIGN;
          continue;
        } else if (last === NumberChar.EXP_E) {
          last = NumberChar.EXP_SIGN;
          continue;
        }
        return P.NONE;
      }
      if (c === ch('+')) {
        if (last === NumberChar.EXP_E) {
          last = NumberChar.EXP_SIGN;
          continue;
        }
        return P.NONE;
      }
      if (c === ch('e') || c === ch('E')) {
        if (last === NumberChar.DIGIT || last === NumberChar.FRACTION_DIGIT) {
          last = NumberChar.EXP_E;
          continue;
        }
        return P.NONE;
      }
      if (c === ch('.')) {
        if (last === NumberChar.DIGIT) {
          last = NumberChar.DECIMAL;
          continue;
        }
        return P.NONE;
      }
      if (c < 48 || c > 57) {
        if (!this.isLiteral(c)) break;
        return P.NONE;
      }
      if (last === NumberChar.SIGN || last === NumberChar.NONE) {
        firstDigit = p + i;
        last = NumberChar.DIGIT;
      } else if (last === NumberChar.DIGIT) {
        // a leading '0' (octal?) is no number
        if (this.code(firstDigit) === 48) return P.NONE;
      } else if (last === NumberChar.DECIMAL) {
        last = NumberChar.FRACTION_DIGIT;
      } else if (last === NumberChar.EXP_E || last === NumberChar.EXP_SIGN) {
        last = NumberChar.EXP_DIGIT;
      }
    }
    if (last === NumberChar.DIGIT) {
      const digits = this.text.slice(firstDigit, p + i);
      const isZero = digits === '0';
      if (fitsInLong(digits, negative) && !(isZero && negative)) {
        // the literal is what Long.toString prints: only '-' as a sign, no leading zero, never "-0"
        this.peekedLong = this.text.slice(p, p + i);
        this.pos += i;
        return (this.peeked = P.LONG);
      }
    }
    if (last === NumberChar.DIGIT || last === NumberChar.FRACTION_DIGIT || last === NumberChar.EXP_DIGIT) {
      this.peekedNumberLength = i;
      return (this.peeked = P.NUMBER);
    }
    return P.NONE;
  }

  private isLiteral(c: number): boolean {
    switch (c) {
      case SLASH:
      case BACKSLASH:
      case SEMI:
      case HASH:
      case EQ:
        this.checkLenient();
        return false;
      case LBRACE:
      case RBRACE:
      case LBRACKET:
      case RBRACKET:
      case COLON:
      case COMMA:
      case SPACE:
      case TAB:
      case FF:
      case CR:
      case LF:
        return false;
      default:
        return true;
    }
  }

  private nextQuotedValue(quote: number): string {
    const text = this.text;
    let out: Utf16Builder | undefined;
    let p = this.pos;
    let start = p;
    while (p < this.limit) {
      const c = text.charCodeAt(p++);
      if (c === quote) {
        this.pos = p;
        if (!out) return text.slice(start, p - 1);
        out.append(text, start, p - 1);
        return out.toString();
      }
      if (c === BACKSLASH) {
        out ??= new Utf16Builder();
        out.append(text, start, p - 1);
        this.pos = p;
        out.push(this.readEscapeCharacter());
        p = this.pos;
        start = p;
      } else if (c === LF) {
        this.lineNumber++;
        this.lineStart = p;
      }
    }
    this.pos = p;
    throw this.syntaxError('Unterminated string');
  }

  private nextUnquotedValue(): string {
    let i = this.pos;
    for (; i < this.limit; i++) {
      const c = this.code(i);
      if (c === SLASH || c === BACKSLASH || c === SEMI || c === HASH || c === EQ) {
        this.checkLenient();
        break;
      }
      if (
        c === LBRACE ||
        c === RBRACE ||
        c === LBRACKET ||
        c === RBRACKET ||
        c === COLON ||
        c === COMMA ||
        c === SPACE ||
        c === TAB ||
        c === FF ||
        c === CR ||
        c === LF
      )
        break;
    }
    const result = this.text.slice(this.pos, i);
    this.pos = i;
    return result;
  }

  /** The next character that is not whitespace or a comment, consumed; -1 at the end (when allowed). */
  private nextNonWhitespace(throwOnEof: boolean): number {
    let p = this.pos;
    while (p < this.limit) {
      const c = this.code(p++);
      if (c === LF) {
        this.lineNumber++;
        this.lineStart = p;
        continue;
      }
      if (c === SPACE || c === CR || c === TAB) continue;
      this.pos = p;
      if (c === SLASH) {
        if (p === this.limit) return c;
        this.checkLenient();
        const next = this.code(p);
        if (next === STAR) {
          this.pos++;
          if (!this.skipTo('*/')) throw this.syntaxError('Unterminated comment');
          p = this.pos + 2;
          continue;
        }
        if (next === SLASH) {
          this.pos++;
          this.skipToEndOfLine();
          p = this.pos;
          continue;
        }
        return c;
      }
      if (c === HASH) {
        this.checkLenient();
        this.skipToEndOfLine();
        p = this.pos;
        continue;
      }
      return c;
    }
    this.pos = p;
    if (throwOnEof) throw new GsonFailure('eof', `End of input${this.locationString()}`);
    return -1;
  }

  private checkLenient(): void {
    if (!this.lenient) throw this.syntaxError('Use JsonReader.setLenient(true) to accept malformed JSON');
  }

  private skipToEndOfLine(): void {
    while (this.pos < this.limit) {
      const c = this.code(this.pos++);
      if (c === LF) {
        this.lineNumber++;
        this.lineStart = this.pos;
        break;
      }
      if (c === CR) break;
    }
  }

  private skipTo(toFind: string): boolean {
    for (; this.pos + toFind.length <= this.limit; this.pos++) {
      if (this.code(this.pos) === LF) {
        this.lineNumber++;
        this.lineStart = this.pos + 1;
        continue;
      }
      if (this.text.startsWith(toFind, this.pos)) return true;
    }
    return false;
  }

  locationString(): string {
    return ` at line ${this.lineNumber + 1} column ${this.pos - this.lineStart + 1} path ${this.getPath()}`;
  }

  getPath(): string {
    let result = '$';
    for (let i = 0; i < this.stack.length; i++) {
      const scope = this.stack[i];
      if (scope === Scope.EMPTY_ARRAY || scope === Scope.NONEMPTY_ARRAY) result += `[${this.pathIndices[i]}]`;
      else if (
        scope === Scope.EMPTY_OBJECT ||
        scope === Scope.DANGLING_NAME ||
        scope === Scope.NONEMPTY_OBJECT
      )
        result += `.${this.pathNames[i] ?? ''}`;
    }
    return result;
  }

  /** The code unit an escape stands for (the backslash is consumed already). */
  private readEscapeCharacter(): number {
    if (this.pos === this.limit) throw this.syntaxError('Unterminated escape sequence');
    const escaped = this.code(this.pos++);
    switch (escaped) {
      case ch('u'): {
        if (this.pos + 4 > this.limit) throw this.syntaxError('Unterminated escape sequence');
        const hex = this.text.slice(this.pos, this.pos + 4);
        // Gson's own hex loop throws a NumberFormatException (not a Gson exception) on a bad digit
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new GsonFailure('number', `\\u${hex}`);
        this.pos += 4;
        return parseInt(hex, 16);
      }
      case ch('t'):
        return TAB;
      case ch('b'):
        return 8;
      case ch('n'):
        return LF;
      case ch('r'):
        return CR;
      case ch('f'):
        return FF;
      case LF:
        this.lineNumber++;
        this.lineStart = this.pos;
        return LF;
      case SQUOTE:
      case DQUOTE:
      case BACKSLASH:
      case SLASH:
        return escaped;
      default:
        throw this.syntaxError('Invalid escape sequence');
    }
  }

  private syntaxError(message: string): GsonFailure {
    return new GsonFailure('malformed', `${message}${this.locationString()}`);
  }

  /** Lenient readers skip the ")]}'\n" prefix some servers put before JSON. */
  private consumeNonExecutePrefix(): void {
    this.nextNonWhitespace(true);
    this.pos--;
    if (this.text.startsWith(")]}'\n", this.pos)) this.pos += 5;
  }
}
