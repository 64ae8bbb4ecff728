// STUB (owned by the ingest-text helper): repair of GBK-shifted garbled lines.
export type MojibakeResult = { status: 'clean' | 'repaired' | 'unrepaired'; text: string };

export function repairMojibake(line: string): MojibakeResult {
  return { status: 'clean', text: line };
}
