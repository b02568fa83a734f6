// Writes the large benchmark suite: SUITE_FILES copies of each template under .bench/suite,
// each copy its own describe block (16 tests per vault + token pair). Prints the file paths.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const TESTS_PER_COPY = 16;

export function generateSuite(root: string, copies: number): string[] {
  const out = path.join(root, ".bench/suite");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const templates = readdirSync(__dirname).filter((name) => name.endsWith(".template.ts"));
  const files: string[] = [];
  for (let id = 1; id <= copies; id++) {
    for (const template of templates) {
      const text = readFileSync(path.join(__dirname, template), "utf8").replaceAll("__ID__", String(id));
      const file = path.join(out, template.replace(".template.ts", `-${id}.test.ts`));
      writeFileSync(file, text);
      files.push(path.relative(root, file));
    }
  }
  return files;
}
