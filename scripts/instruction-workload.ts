/**
 * The workload `scripts/count-instructions.sh` runs under valgrind: builds one database and
 * matches real prose `RUNS` times, as the benchmark's real-prose check does: `ARTICLE` is a seed
 * article id prefix (that article against a database of the other four) or `five` (every seed
 * article against the other four). Prints how many sentences matched, so the work cannot be
 * optimised away. (Not the benchmark's generated article: importing bench.ts into a bundle would
 * run its main.)
 */

import { holdOutEach, readArticles } from './seed-articles.ts';

const articles = readArticles();
const which = process.env.ARTICLE ?? '004';
const runs = Number(process.env.RUNS) || 100;

const jobs = holdOutEach(
  articles,
  which === 'five' ? articles : articles.filter((a) => a.id.startsWith(which)),
);
if (jobs.length === 0) throw new Error(`no seed article id starts with ${which}`);

let matched = 0;
for (let i = 0; i < runs; i++) for (const job of jobs) matched += job.matcher.match(job.sentences).length;
console.log(matched);
