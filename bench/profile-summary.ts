// Self and total time by function (and by package) of a V8 .cpuprofile, the heaviest first:
//   node -r ts-node/register/transpile-only bench/profile-summary.ts <file.cpuprofile> [rows]
import * as fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const rows = Number(rowsArg ?? 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map<number, number>();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
const name = (n: ProfileNode) => {
  const f = n.callFrame;
  const where = f.url
    .replace(/^file:\/\//, "")
    .replace(/.*node_modules\//, "nm:")
    .replace(/.*\/dist\//, "dist:");
  return `${f.functionName || "(anon)"} ${where}:${f.lineNumber + 1}`;
};
const pkg = (n: ProfileNode) => {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName || "(native)";
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes("/dist/")) return "pulumi-aws-euc";
  if (url.startsWith("node:")) return "node:" + url.split(":")[1].split("/")[0];
  return url.split("/").slice(-2).join("/");
};
const self = new Map<string, number>();
const total = new Map<string, number>();
const pkgSelf = new Map<string, number>();
let all = 0;
for (const [id, ms] of selfMs) {
  const n = byId.get(id) as ProfileNode;
  all += ms;
  self.set(name(n), (self.get(name(n)) ?? 0) + ms);
  pkgSelf.set(pkg(n), (pkgSelf.get(pkg(n)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at) as ProfileNode);
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + ms);
  }
}
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([k, v]) => `${v.toFixed(0).padStart(8)} ms  ${k}`)
    .join("\n");
console.log(`${file}: ${(all / 1000).toFixed(2)} s sampled`);
console.log("\n-- self by package\n" + top(pkgSelf));
console.log("\n-- self by function\n" + top(self));
console.log("\n-- total by function\n" + top(total));
