/**
 * Minimal RFC 4180 CSV parser: quoted fields, doubled quotes ("") inside quoted
 * fields, separators and newlines (CRLF, LF or CR) embedded in quoted fields.
 */

/** Parses CSV text into rows of raw (untrimmed) cells; a trailing newline does not add an empty row. */
export function parseCsv(text: string, separator: string): string[][] {
  if (separator.length !== 1 || separator === '"' || separator === '\r' || separator === '\n') {
    throw new Error(`parseCsv: separator must be a single character other than a quote or newline, got ${JSON.stringify(separator)}`);
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let wasQuoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const endField = (): void => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < n) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '' && !wasQuoted) {
      inQuotes = true;
      wasQuoted = true;
    } else if (ch === separator) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      // A quote inside an unquoted field (or after a closing quote) is kept literally.
      field += ch;
    }
    i += 1;
  }

  if (inQuotes) {
    throw new Error(`parseCsv: unterminated quoted field in row ${rows.length + 1}`);
  }
  // Flush the last row unless the text ended with a newline (or was empty).
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return rows;
}
