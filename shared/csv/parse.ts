/**
 * RFC 4180 CSV reader tolerant of what force exports really contain: a UTF-8 BOM, CRLF or LF line ends, quoted
 * fields holding commas, doubled quotes and newlines. Each record keeps the physical line it starts on so every
 * problem can be reported as "line N", which is what a supervisor can find in the file.
 */
export interface CsvRow {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvError {
  line: number;
  message: string;
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: CsvError[];
}

export function parseCsv(text: string): CsvParseResult {
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  const n = src.length;

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (src[i] === '"') {
        // Quoted field: runs to the closing quote; "" is a literal quote.
        i++;
        let closed = false;
        while (i < n) {
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) {
          errors.push({ line: startLine, message: `unterminated quoted field starting on line ${startLine}` });
          fields.push(field);
          rows.push({ line: startLine, fields });
          return { rows, errors };
        }
        // Text after a closing quote before the delimiter is kept rather than dropped (lenient, like spreadsheets).
        while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
      } else {
        while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        endOfRecord = true;
      } else if (src[i] === ',') {
        i++;
        if (i >= n) {
          fields.push('');
          endOfRecord = true;
        }
      } else {
        // CRLF, lone LF or lone CR all end a record.
        if (src[i] === '\r' && src[i + 1] === '\n') i++;
        i++;
        line++;
        endOfRecord = true;
      }
    }
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: startLine, fields });
  }
  return { rows, errors };
}

/** Quotes a field only when it must be (delimiter, quote, CR/LF, or leading/trailing space). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CRLF line ends: the form spreadsheet software on force workstations expects. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
