// How a reader follows a create through the engine: a walk of the call graph from createResource,
// in source order, entering each engine function the first time it is called (the TypeScript
// checker resolves every call, method calls and `new` included: a class's constructor is entered
// like a function). It counts the files
// the walk enters, how often it enters each, and how often it lands (by a call or by returning) in
// a file it had already left, and how many of those landings are calls rather than returns to the
// caller (a reader keeps the caller open; a call back into a file left earlier is a bounce). Calls into hooks (interface members, no body) and into libraries are
// not followed.
//
//   node -r ts-node/register/transpile-only scripts/engine-walk.ts [repository root]
import * as path from "node:path";
import ts from "typescript";

const root = path.resolve(process.argv[2] ?? path.join(__dirname, ".."));
const engineDir = path.join(root, "provider", "engine") + path.sep;
const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, "tsconfig.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  },
);
if (!config) throw new Error("no tsconfig.json");
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();

type Body = ts.FunctionLikeDeclaration & { body: ts.Node };

function declarationOf(node: ts.Node): Body | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  // `new C()` runs C's constructor.
  const constructor = symbol?.declarations
    ?.find(ts.isClassDeclaration)
    ?.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
  const declaration = constructor ?? symbol?.declarations?.find((d) => ts.isFunctionLike(d) && (d as Body).body);
  if (!declaration || !declaration.getSourceFile().fileName.startsWith(engineDir)) return undefined;
  return declaration as Body;
}

/** The engine functions `fn` calls (or whose getters it reads), in source order. */
function callees(fn: Body): Body[] {
  const found: Body[] = [];
  const visit = (node: ts.Node): void => {
    let target: ts.Node | undefined;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      target = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    } else if (ts.isPropertyAccessExpression(node) && !ts.isCallExpression(node.parent)) {
      target = node.name; // a getter (ctx.subject)
    }
    const declaration = target && declarationOf(target);
    if (declaration && (ts.isGetAccessor(declaration) || !ts.isPropertyAccessExpression(node))) found.push(declaration);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

const start = program
  .getSourceFiles()
  .filter((f) => f.fileName.startsWith(engineDir))
  .flatMap((f) => f.statements.filter(ts.isFunctionDeclaration))
  .find((d) => d.name?.text === "createResource" && d.body) as Body | undefined;
if (!start) throw new Error("createResource not found");

const fileOf = (fn: Body) => path.relative(engineDir, fn.getSourceFile().fileName);
const seen = new Set<Body>();
const trail: string[] = []; // the file the reader is in, after every step
let callsIntoLeft = 0; // calls (not returns) that land in a file the walk had entered and left before
function walk(fn: Body): void {
  seen.add(fn);
  const file = fileOf(fn);
  if (trail.length > 0 && trail[trail.length - 1] !== file && trail.includes(file)) callsIntoLeft++;
  trail.push(file);
  for (const callee of callees(fn)) {
    if (seen.has(callee)) continue;
    walk(callee);
    trail.push(fileOf(fn)); // back in the caller
  }
}
walk(start);

const switches = trail.filter((file, i) => i === 0 || file !== trail[i - 1]);
const entries = new Map<string, number>();
let returnsToLeft = 0;
const left = new Set<string>();
switches.forEach((file, i) => {
  if (i > 0) left.add(switches[i - 1]);
  if (left.has(file)) returnsToLeft++;
  entries.set(file, (entries.get(file) ?? 0) + 1);
});
console.log(
  JSON.stringify(
    {
      functions: seen.size,
      files: entries.size,
      visitsPerFile: Object.fromEntries([...entries].sort((a, b) => b[1] - a[1])),
      fileSwitches: switches.length - 1,
      returnsToAFileAlreadyLeft: returnsToLeft,
      callsIntoAFileAlreadyLeft: callsIntoLeft,
      path: switches.join(" > "),
    },
    null,
    2,
  ),
);
