// Captures what is written to process.stdout while an async action runs, so tests can check
// the exact lines Hardhat prints for contract console.log calls.

/** Runs `action`, returns its result and the complete lines printed to stdout meanwhile. */
export async function captureStdout<T>(action: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const chunks: string[] = [];
  const originalWrite = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((arg): arg is () => void => typeof arg === "function");
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await action();
    // Providers may print from a callback queued just before the request resolves.
    await new Promise((resolve) => setImmediate(resolve));
    return { result, lines: splitLines(chunks.join("")) };
  } finally {
    process.stdout.write = originalWrite;
  }
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
