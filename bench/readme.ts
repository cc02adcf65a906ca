/**
 * Writes bench/results/latest.md and fills the README's "How fast it is" figures (between the
 * bench markers) from bench/results/latest.json. `npm run bench` calls it after a full run;
 * after a partial one (BENCH_ONLY) run `npm run bench:readme` yourself if you want those
 * figures in the README. Both files go through Prettier, so `npm test`'s format check passes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { latestMarkdown, readmeSection, replaceSection } from './report';
import { LATEST_MD, readResults, type BenchResults } from './results';

const README = join(import.meta.dirname, '..', 'README.md');

async function prettierMarkdown(text: string, filepath: string): Promise<string> {
  return format(text, { ...(await resolveConfig(filepath)), filepath });
}

export async function writeLatestMarkdown(results: BenchResults): Promise<void> {
  writeFileSync(LATEST_MD, await prettierMarkdown(latestMarkdown(results), LATEST_MD));
}

export async function updateReadme(results: BenchResults): Promise<void> {
  const readme = readFileSync(README, 'utf8');
  const next = await prettierMarkdown(replaceSection(readme, readmeSection(results)), README);
  if (next !== readme) writeFileSync(README, next);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = readResults();
  await writeLatestMarkdown(results);
  await updateReadme(results);
  console.log('wrote bench/results/latest.md and the figures in README.md');
}
