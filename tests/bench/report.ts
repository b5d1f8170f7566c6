import type { HugoFigures } from './hugo.ts';
import { formatRelated, type RelateFigures } from './related.ts';
import { BUILD_STAGES, missingLines, type BuildFigures, type FolderFigures, type PageWeights } from './site.ts';
import type { RunFigures } from './stages.ts';
import { formatTable, kilobytes, megabytes, ratio, seconds, type Column } from './table.ts';
import type { Traffic, Transfer } from './transfer.ts';

/** How many files besides its HTML pages dist/ may hold at 100,000 papers, as the issue states. */
const FILES_OVER_PAGES = 2000;
/** The most a paper page may weigh, HTML and CSS compressed, as issue 12 states. */
const PAPER_PAGE_BUDGET = 20_000;

/** Everything measured for one catalog; a step that was skipped or failed is absent, with a note saying why. */
export interface CatalogResult {
  label: string;
  papers: number;
  /** Seconds to generate and check the synthetic digests. */
  generated?: number;
  cold?: BuildFigures;
  output?: FolderFigures;
  /** gzip bytes of HTML + CSS: a paper page (median, largest) and the home page. */
  weight?: PageWeights;
  changed?: BuildFigures;
  added?: BuildFigures;
  transfer?: Transfer;
  /** `npm run dev`: seconds until ready, and until an edited digest shows. */
  dev?: { ready: number; editShown: number };
  hugo?: HugoFigures;
  notes: string[];
  failed?: string;
}

/**
 * The tables of a bench run: builds by stage, output, transfer, Hugo + Pagefind for comparison, and relating papers
 * (absent when skipped, null when it failed).
 */
export function formatReport(results: readonly CatalogResult[], related?: readonly RelateFigures[] | null): string {
  const sections = [
    ['Builds: wall time and peak RSS of the build process tree, by stage', buildTable(results)],
    ['Output (dist/)', outputTable(results)],
    [`Page weight: gzip bytes of a page's HTML and its CSS (the budget: ${kilobytes(PAPER_PAGE_BUDGET)} for a paper page)`, weightTable(results)],
    ['Transfer: bytes in requests that reached the server (gzip for text, headers included)', transferTable(results)],
    ['npm run dev on the built catalog', devTable(results)],
    ['Hugo + Pagefind CLI on the same parsed papers', hugoTable(results)],
    ['Related papers of synthetic catalogs (relatePapers alone, no site build; growth from the size before: ×10 for ×10 papers is linear)', related ? formatRelated(related) : ''],
  ];
  const notes = results.flatMap((result) => [
    ...result.notes.map((note) => `${result.label}: ${note}`),
    ...(result.output && result.output.files - result.output.pages > FILES_OVER_PAGES
      ? [`${result.label}: dist/ holds ${result.output.files - result.output.pages} files besides its pages (the issue allows ${FILES_OVER_PAGES} at 100,000 papers)`]
      : []),
    ...(result.weight && result.weight.paperMax > PAPER_PAGE_BUDGET
      ? [`${result.label}: the largest paper page weighs ${kilobytes(result.weight.paperMax)}, over the budget of ${kilobytes(PAPER_PAGE_BUDGET)}`]
      : []),
    ...(result.failed ? [`${result.label}: FAILED: ${result.failed.split('\n')[0]}`] : []),
    ...[result.cold, result.changed, result.added].flatMap((build) => (build ? missingLines(build) : [])).map((line) => `${result.label}: no log line for ${line}`),
  ]);
  return [
    ...sections.filter(([, table]) => table !== '').map(([title, table]) => `${title}\n${table}`),
    ...(notes.length > 0 ? [`Notes\n${[...new Set(notes)].map((note) => `- ${note}`).join('\n')}`] : []),
  ].join('\n\n');
}

/** The figures as JSON, without the build logs. */
export function reportJson(results: readonly CatalogResult[], environment: Record<string, unknown>, related?: readonly RelateFigures[] | null): string {
  return JSON.stringify({ environment, catalogs: results, related }, (key, value) => (key === 'lines' ? undefined : value), 2);
}

function buildTable(results: readonly CatalogResult[]): string {
  const columns: Column[] = [
    { title: 'catalog', align: 'left' },
    { title: 'run', align: 'left' },
    { title: 'new/changed/same', align: 'left' },
    ...BUILD_STAGES.map((stage) => ({ title: stage.name })),
    { title: 'total' },
    { title: 'peak RSS' },
    { title: 'vs cold' },
  ];
  const rows = results.flatMap((result) => {
    const runs: [string, BuildFigures | undefined][] = [['cold', result.cold], ['1 paper changed', result.changed], ['+1 digest of 50', result.added]];
    return runs.flatMap(([name, build]) => {
      if (!build) return [];
      const { run, ingest } = build;
      return [[
        result.label,
        name,
        ingest ? `${ingest.new}/${ingest.changed}/${ingest.unchanged}` : '?',
        // A stage whose end line never came ran on to the end of the build ("?"), or never started ("–").
        ...run.stages.map((stage) => (stage.seen ? '' : stage.seconds > 0 ? '?' : '–') + (stage.seconds > 0 ? `${seconds(stage.seconds)} ${megabytes(stage.peakRss).padStart(6)}` : '')),
        seconds(run.seconds),
        megabytes(run.peakRss),
        result.cold && name !== 'cold' ? ratio(run.seconds / result.cold.run.seconds) : '',
      ]];
    });
  });
  const legend = BUILD_STAGES.map((stage) => `${stage.name} → ${stage.end ?? 'process exit'}`).join(', ');
  return rows.length > 0 ? `${formatTable(columns, rows)}\nEach stage runs from the previous stage's end (the first from the spawn, so Astro's start-up counts as ingest) to the first log line matching:\n  ${legend}` : '';
}

function outputTable(results: readonly CatalogResult[]): string {
  const columns: Column[] = [
    { title: 'catalog', align: 'left' }, { title: 'papers' }, { title: 'indexed' }, { title: 'HTML pages' }, { title: 'files' },
    { title: 'files − pages' }, { title: 'bytes' }, { title: 'pages/s (page gen)' }, { title: 'pages/s (total)' },
  ];
  const rows = results.flatMap((result) => {
    const { cold, output } = result;
    if (!cold || !output) return [];
    const generation = cold.run.stages.find((stage) => stage.name === 'page generation');
    return [[
      result.label, String(result.papers), String(cold.indexed ?? '?'), String(output.pages), String(output.files), String(output.files - output.pages),
      megabytes(output.bytes), generation?.seen ? (output.pages / generation.seconds).toFixed(0) : '?', (output.pages / cold.run.seconds).toFixed(0),
    ]];
  });
  return rows.length > 0 ? formatTable(columns, rows) : '';
}

function weightTable(results: readonly CatalogResult[]): string {
  const columns: Column[] = [{ title: 'catalog', align: 'left' }, { title: 'paper page, median' }, { title: 'paper page, largest' }, { title: 'home page' }, { title: 'digest day, largest' }];
  const rows = results.flatMap(({ label, weight }) => (weight ? [[label, kilobytes(weight.paperMedian), kilobytes(weight.paperMax), kilobytes(weight.home), kilobytes(weight.dayMax)]] : []));
  return rows.length > 0 ? formatTable(columns, rows) : '';
}

function transferTable(results: readonly CatalogResult[]): string {
  const traffic = (value: Traffic) => `${kilobytes(value.bytes)} in ${value.requests}`;
  const columns: Column[] = [
    { title: 'catalog', align: 'left' }, { title: 'home page (to load)' }, { title: 'first visit (to SW active)' },
    { title: 'search page, no SW' }, { title: 'first search, no SW' }, { title: 'search after first visit' },
  ];
  const rows = results.flatMap(({ label, transfer }) =>
    transfer ? [[label, traffic(transfer.homePage), traffic(transfer.firstVisit), traffic(transfer.searchPage), traffic(transfer.firstSearch), traffic(transfer.searchAfterVisit)]] : []);
  return rows.length > 0 ? formatTable(columns, rows) : '';
}

function devTable(results: readonly CatalogResult[]): string {
  const columns: Column[] = [{ title: 'catalog', align: 'left' }, { title: 'ready (home page answers)' }, { title: 'an edited digest shown' }];
  const rows = results.flatMap(({ label, dev }) => (dev ? [[label, seconds(dev.ready), seconds(dev.editShown)]] : []));
  return rows.length > 0 ? formatTable(columns, rows) : '';
}

function hugoTable(results: readonly CatalogResult[]): string {
  const run = (figures: RunFigures) => `${seconds(figures.seconds)} ${megabytes(figures.peakRss).padStart(6)}`;
  const columns: Column[] = [
    { title: 'catalog', align: 'left' }, { title: 'hugo' }, { title: 'pagefind' }, { title: 'together' }, { title: 'hugo pages' },
    { title: 'hugo files' }, { title: 'papershelf pages' }, { title: 'papershelf / (hugo + pagefind)' },
  ];
  const rows = results.flatMap(({ label, hugo, cold, output }) => {
    if (!hugo) return [];
    const together = hugo.hugo.seconds + hugo.pagefind.seconds;
    return [[
      label, run(hugo.hugo), run(hugo.pagefind), `${seconds(together)} ${megabytes(Math.max(hugo.hugo.peakRss, hugo.pagefind.peakRss)).padStart(6)}`,
      String(hugo.output.pages), String(hugo.output.files), output ? String(output.pages) : '?', cold ? ratio(cold.run.seconds / together) : '?',
    ]];
  });
  return rows.length > 0 ? formatTable(columns, rows) : '';
}
