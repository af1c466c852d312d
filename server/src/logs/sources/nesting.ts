// How deeply a decoded request body nests, measured without recursion: the OTLP receiver turns
// nested AnyValues into lines recursively, so a body nested 20,000 deep would overflow the stack
// (and used to answer 500); it is refused up front instead. JSON text is measured before it is
// parsed (jsonScan.ts nestsDeeper); decoded protobuf here.

/** True when `value` holds objects/arrays more than `limit` deep. Linear; stops at the limit. */
export function valueNestsDeeper(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
