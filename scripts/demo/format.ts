// How the demo prints: short tables, epochs with their time, amounts in FIL.
import { formatFil } from "../../src/fil";

/** Filecoin epochs are 30 s: 2,880 a day. */
export const EPOCHS_PER_DAY = 2_880n;

/** "518,400" */
export const grouped = (n: bigint): string => n.toLocaleString("en-US");

/** "epoch 8,652 (day 3)": an epoch with the day of the chain it falls on. */
export const epoch = (e: bigint): string => `epoch ${grouped(e)} (day ${grouped(e / EPOCHS_PER_DAY)})`;

/** "518,400 epochs (180 days)", "30 epochs (15 min)" */
export function span(epochs: bigint): string {
  const minutes = Number(epochs) / 2;
  const time = minutes < 120 ? `${minutes} min` : minutes < 2 * 1440 ? `${(minutes / 60).toFixed(1)} hours` : `${Math.round(minutes / 1440)} days`;
  return `${grouped(epochs)} epochs (${time})`;
}

/** "0.5184 FIL", as Lotus prints balances; under a milliFIL in nanoFIL. */
export const fil = (atto: bigint): string => (atto !== 0n && (atto < 0n ? -atto : atto) < 10n ** 15n ? formatFil(atto, "nanoFIL") : formatFil(atto));

/** A miner id as Filecoin writes it: t01000. */
export const miner = (id: bigint): string => (id === 0n ? "—" : `t0${id}`);

/** Prints a heading, then the rows as an aligned table under `columns`. */
export function table(title: string, columns: string[], rows: (string | bigint | number)[][]): void {
  const cells = [columns, ...rows.map((r) => r.map(String))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => "  " + r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log("  " + widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** A phase of the story: a bold heading and what it is about. */
export function phase(n: number, title: string, about: string): void {
  console.log(`\n━━ ${n}. ${title} ━━`);
  console.log(`  ${about}`);
}

/** One line of narration. */
export const say = (text: string): void => console.log(`  ${text}`);
