/** A CSV file that cannot be read; the message names the line. */
export class CsvSyntaxError extends Error {}

/**
 * Parses RFC 4180 CSV (comma-separated, double-quoted fields with "" for a quote, CRLF or LF line ends,
 * an optional UTF-8 byte order mark). Returns the rows with the line each one starts on.
 */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ cells, line: rowLine });
    cells = [];
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (isQuoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else isQuoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== '' || wasQuoted) throw new CsvSyntaxError(`line ${line}: a quote inside an unquoted field`);
      isQuoted = true;
      wasQuoted = true;
    } else if (ch === ',') endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      if (wasQuoted) throw new CsvSyntaxError(`line ${line}: text after the closing quote of a field`);
      cell += ch;
    }
  }
  if (isQuoted) throw new CsvSyntaxError(`line ${rowLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0 || wasQuoted) endRow();
  return rows;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as RFC 4180 CSV with CRLF line ends, quoting only where needed. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
