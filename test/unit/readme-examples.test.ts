import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Every TypeScript file under test/, with its text. */
function testFiles(dir = path.join(ROOT, "test")): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return name.endsWith(".ts") ? [{ file: path.relative(ROOT, full), text: readFileSync(full, "utf8") }] : [];
  });
}

/** The README's TypeScript blocks that are tests (they call `it` or `describe`). */
function readmeTests(): { line: number; code: string }[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .filter((m) => /\b(it|describe)\(/.test(m[1]))
    .map((m) => ({ line: readme.slice(0, m.index).split("\n").length + 1, code: m[1] }));
}

describe("the README's examples", () => {
  it("are all run by a test: each test block stands, as written, in a file under test/", () => {
    const files = testFiles();
    const blocks = readmeTests();
    expect(blocks.length).to.be.greaterThan(4);
    const missing = blocks.filter(({ code }) => !files.some(({ text }) => text.includes(code.replace(/^\/\/ [^\n]*\n/, ""))));
    expect(missing.map((b) => `README.md line ${b.line}: ${b.code.split("\n")[0]}`)).to.deep.equal([]);
  });
});
