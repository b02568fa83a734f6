export const acc = new Map<string, number>();
const now = () => { const c = process.cpuUsage(); return c.user + c.system; };
export async function T<X>(name: string, f: () => Promise<X>): Promise<X> { const t = now(); try { return await f(); } finally { acc.set(name, (acc.get(name) ?? 0) + now() - t); } }
export function TS<X>(name: string, f: () => X): X { const t = now(); try { return f(); } finally { acc.set(name, (acc.get(name) ?? 0) + now() - t); } }
