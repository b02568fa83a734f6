// Reads the method and deployment rows out of hardhat-gas-reporter's text table.

export interface GasTable {
  /** contract name → method name → average gas */
  methods: Map<string, Map<string, number>>;
  /** contract name → average deployment gas */
  deployments: Map<string, number>;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export function parseGasTable(output: string): GasTable {
  const methods = new Map<string, Map<string, number>>();
  const deployments = new Map<string, number>();
  let section: "other" | "methods" | "deployments" = "other";
  let contract: Map<string, number> | undefined;

  for (const rawLine of output.replace(ANSI, "").split("\n")) {
    if (!rawLine.startsWith("|")) continue;
    const cells = rawLine.slice(1).replace(/│\s*$/, "").split("·").map((cell) => cell.trim());
    const name = cells[0];
    if (name === "Contracts / Methods") section = "methods";
    else if (name === "Deployments") section = "deployments";
    else if (name === "Key") section = "other";
    else if (section === "methods" && /^ {6}\w/.test(rawLine.slice(1))) {
      contract?.set(name, averageGas(cells));
    } else if (section === "methods" && /^\w+$/.test(name)) {
      contract = new Map();
      methods.set(name, contract);
    } else if (section === "deployments" && /^\w+$/.test(name)) {
      deployments.set(name, averageGas(cells));
    }
  }
  return { methods, deployments };
}

/** The table's columns are name · min · max · avg · …; avg is printed with thousands separators. */
function averageGas(cells: string[]): number {
  return Number((cells[3] ?? "").replace(/,/g, ""));
}
