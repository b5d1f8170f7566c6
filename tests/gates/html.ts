// `npm run gate:html`: validates every HTML file of the built site (dist/, built first if missing) with html-validate
// and the rules in .htmlvalidate.mjs; fails on any error.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, formatterFactory, HtmlValidate } from 'html-validate';
import { builtSite } from './built-site.ts';

const { dist } = builtSite();
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html'))
  .map((name) => join(dist, name))
  .sort();
const report = await new HtmlValidate(new FileSystemConfigLoader()).validateMultipleFiles(files);
if (!report.valid) console.log(formatterFactory('stylish')(report.results));
console.log(`html-validate: ${files.length} HTML files, ${report.errorCount} errors, ${report.warningCount} warnings`);
process.exitCode = report.valid && files.length > 0 ? 0 : 1;
