/** A column of a printed table: its heading and which side its cells keep to. */
export interface Column {
  title: string;
  align?: 'left' | 'right';
}

/** Lays out rows under their headings, columns two spaces apart, with a rule under the headings. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns.map((column, i) => (column.align === 'left' ? (cells[i] ?? '').padEnd(widths[i]!) : (cells[i] ?? '').padStart(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((column) => column.title)), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** "12.3 s". */
export function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

/** "456 MB" (10^6 bytes). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}

/** "123.4 KB" (10^3 bytes). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1e3).toFixed(1)} KB`;
}

/** "×1.23". */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `×${value.toFixed(2)}` : '–';
}
