// Consistency analysis: time per investigation (gemeente + 3 partners over the real framework) and for
// the 400 investigations an overview matrix needs. Targets: < 5 ms per analysis, < 500 ms for 400.
// Run: npx tsx bench/analysis.bench.ts (or npm run bench). Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyseInvestigation } from '../server/analysis/analyse-investigation.js';
import type { AnswerSet } from '../shared/analysis/analysis-input.js';
import { frameworkSchema, type Framework } from '../server/framework/framework.schema.js';
import { consistentCases, divergentCases } from '../tests/unit/analysis/fixtures/comment-texts.js';
import { maastrichtAnswerSets } from '../tests/unit/analysis/fixtures/maastricht.js';

const RUNS = 2_000;
const WARM_UP = 200;
const INVESTIGATIONS = 400;

function loadFramework(): Framework {
  const file = fileURLToPath(new URL('../questionnaires/toetsingskader.json', import.meta.url));
  return frameworkSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Deterministic PRNG (mulberry32), so every run analyses the same investigations. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TEXTS = [...consistentCases, ...divergentCases].flatMap((testCase) => Object.values(testCase.texts));

/** Realistic spread: mostly ja, some nee and weet_niet, a few gaps; 2–4 items per checkbox. */
function generateInvestigation(framework: Framework, random: () => number, index: number): AnswerSet[] {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const respondents: AnswerSet['role'][] = ['gemeente', 'netwerkpartner', 'netwerkpartner', 'netwerkpartner'];
  return respondents.map((role, position) => {
    const data: Record<string, unknown> = {};
    for (const theme of framework.themes) {
      for (const criterion of theme.criteria) {
        for (const indicator of criterion.indicators) {
          for (const question of indicator.questions) {
            const roll = random();
            if (roll < 0.03) continue;
            switch (question.kind) {
              case 'jnw':
                data[question.name] =
                  roll < 0.75
                    ? framework.answerScale.yes
                    : roll < 0.92
                      ? framework.answerScale.no
                      : framework.answerScale.unknown;
                break;
              case 'checkbox': {
                const count = 2 + Math.floor(random() * 3);
                data[question.name] = [
                  ...new Set(Array.from({ length: count }, () => pick(question.choices)?.value)),
                ];
                break;
              }
              case 'comment':
              case 'text':
                data[question.name] = pick(TEXTS);
                break;
            }
          }
        }
      }
    }
    return { respondentId: `bench-${index}-${position}`, role, status: 'ingediend', data };
  });
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export async function runAnalysisBench(): Promise<void> {
  const framework = loadFramework();

  for (let run = 0; run < WARM_UP; run += 1) analyseInvestigation(framework, maastrichtAnswerSets);
  const durations: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    analyseInvestigation(framework, maastrichtAnswerSets);
    durations.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  durations.sort((a, b) => a - b);
  const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  // Wall-clock figures include time the process waits for a core on a busy machine; CPU time does not.
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / RUNS;
  console.log(`load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(
    `one investigation (Maastricht: gemeente + 3 partners, 30 indicators), ${RUNS} runs: ` +
      `mean ${mean.toFixed(3)} ms, p50 ${percentile(durations, 0.5).toFixed(3)} ms, ` +
      `p99 ${percentile(durations, 0.99).toFixed(3)} ms, max ${percentile(durations, 1).toFixed(3)} ms; ` +
      `CPU ${cpuPerRun.toFixed(3)} ms/run (target < 5 ms)`,
  );

  const random = seededRandom(20_130_601);
  const investigations = Array.from({ length: INVESTIGATIONS }, (_, index) =>
    generateInvestigation(framework, random, index),
  );
  analyseInvestigation(framework, investigations[0] ?? []);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let verbeterpunten = 0;
  for (const answerSets of investigations) {
    verbeterpunten += analyseInvestigation(framework, answerSets).aggregates.proposalCounts.verbeterpunt;
  }
  const total = performance.now() - start;
  const cpuTotal = process.cpuUsage(cpuStart);
  console.log(
    `${INVESTIGATIONS} generated investigations (overview matrix input): ${total.toFixed(1)} ms ` +
      `(${(total / INVESTIGATIONS).toFixed(3)} ms each; CPU ${((cpuTotal.user + cpuTotal.system) / 1000).toFixed(1)} ms; ` +
      `${verbeterpunten} verbeterpunten proposed) (target < 500 ms)`,
  );

  // The pass above is the first over input shaped unlike the warm-up's (no labels, every question
  // answered), so it includes V8 re-optimising the analysis; an overview that is recomputed runs warm.
  const warmStart = performance.now();
  const warmCpuStart = process.cpuUsage();
  for (const answerSets of investigations) analyseInvestigation(framework, answerSets);
  const warmTotal = performance.now() - warmStart;
  const warmCpu = process.cpuUsage(warmCpuStart);
  console.log(
    `${INVESTIGATIONS} generated investigations, second pass (JIT warm): ${warmTotal.toFixed(1)} ms ` +
      `(CPU ${((warmCpu.user + warmCpu.system) / 1000).toFixed(1)} ms)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runAnalysisBench();
}
