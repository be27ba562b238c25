/**
 * The part of Papa Parse (papaparse) the console uses. DefinitelyTyped's @types/papaparse references
 * Node's types, which would put Node's globals into the browser code's type-check; this declares only
 * the string parser and the writer.
 */
declare module 'papaparse' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
    message: string;
    row?: number;
    index?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    /** Characters of the input consumed so far. */
    cursor: number;
  }
  export interface ParseStepResult {
    data: string[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig {
    delimiter?: string;
    delimitersToGuess?: string[];
    newline?: string;
    quoteChar?: string;
    header?: false;
    skipEmptyLines?: boolean | 'greedy';
    step?: (results: ParseStepResult) => void;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface UnparseConfig {
    quotes?: boolean;
    delimiter?: string;
    newline?: string;
    header?: boolean;
    escapeFormulae?: boolean | RegExp;
  }
  export function parse(input: string, config?: ParseConfig): ParseResult;
  export function unparse(data: string[][], config?: UnparseConfig): string;
  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
