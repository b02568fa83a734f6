/**
 * Mocha sets Error.stackTraceLimit to Infinity. Property tests provoke thousands of expected
 * errors, and capturing their full stacks would dominate the run; keep the usual 10 frames there.
 */
export function useShortStackTraces(): void {
  let saved: number;
  before(() => {
    saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
  });
  after(() => {
    Error.stackTraceLimit = saved;
  });
}
