/**
 * JSON text for the wire. Results are meant to be hex strings already, but a bigint that slips
 * through must neither crash JSON.stringify nor reach a client as anything but the hex quantity
 * JSON-RPC clients expect.
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== "bigint") return v;
    return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
  });
}
