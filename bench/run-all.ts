// `npm run bench`: every throughput/latency figure of the project in one run, next to a baseline.
const benches: { name: string; file: string; exportName: string }[] = [
  { name: 'Embedded engine via Mongoose', file: './engine.bench.js', exportName: 'runEngineBench' },
  { name: 'Respondent API (autosave, open link)', file: './respond.bench.js', exportName: 'runRespondBench' },
  { name: 'Consistency analysis', file: './analysis.bench.js', exportName: 'runAnalysisBench' },
  {
    name: 'Overview of a year (400 investigations)',
    file: './overview.bench.js',
    exportName: 'runOverviewBench',
  },
];

for (const bench of benches) {
  console.log(`\n=== ${bench.name} ===`);
  const module = (await import(bench.file)) as Record<string, unknown>;
  const run = module[bench.exportName];
  if (typeof run !== 'function') throw new Error(`${bench.file} does not export ${bench.exportName}()`);
  const figures = await (run as () => Promise<unknown>)();
  // Benches that return their figures instead of printing them (the engine bench) are printed here.
  if (figures && typeof figures === 'object') {
    for (const [name, value] of Object.entries(figures)) {
      console.log(
        `${name.padEnd(36)} ${typeof value === 'number' ? Math.round(value).toLocaleString('en') : JSON.stringify(value)}`,
      );
    }
  }
}
