// Prints Vitest's totals as one plain closing line ("tests: N passed, N failed, N skipped").
import fs from 'node:fs';

const [reportPath] = process.argv.slice(2);
if (!reportPath || !fs.existsSync(reportPath)) {
  console.log('tests: 0 passed, 1 failed (no test report was written)');
  process.exit(0);
}
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
