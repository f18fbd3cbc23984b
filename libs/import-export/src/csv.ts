/**
 * RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, a quote or
 * a line break (a quote doubled inside), lines ended by CRLF or LF; a leading BOM is ignored.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStarted = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('a quoted field is not closed');
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** One CSV field, quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated). */
export function csvLine(values: (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Rows as objects keyed by the header row's names (trimmed); missing cells are ''. */
export function csvRecords(rows: string[][]): {
  header: string[];
  records: Record<string, string>[];
} {
  const [header = [], ...body] = rows;
  const names = header.map((h) => h.trim());
  return {
    header: names,
    records: body.map((cells) =>
      Object.fromEntries(names.map((name, index) => [name, cells[index] ?? ''])),
    ),
  };
}
