// The README's first command as a newcomer runs it, twice: the endpoint starts, `pulumi up` creates
// the demo, outputs and "no drift" are printed, and the second run creates nothing.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { EmulatorControl } from "../../emulator";
import { repoRoot } from "../helpers/pulumi-stack";
import { unusedPort } from "../helpers/ports";

const run = promisify(execFile);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-main-job-"));
const stack = `main-job-${process.pid}`;

let env: NodeJS.ProcessEnv;

async function mainJob(): Promise<string> {
  const { stdout, stderr } = await run("bash", [path.join(repoRoot, "scripts/main-job.sh")], {
    env,
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return `${stdout}\n${stderr}`;
}

afterAll(async () => {
  await run("bash", [path.join(repoRoot, "scripts/stop-endpoint.sh")], { env }).catch(() => undefined);
  await run("pulumi", ["stack", "rm", stack, "--yes", "--force", "--non-interactive"], { env, cwd: repoRoot }).catch(
    () => undefined,
  );
  fs.rmSync(path.join(repoRoot, `Pulumi.${stack}.yaml`), { force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("npm start (scripts/main-job.sh)", () => {
  it("creates the demo, prints its outputs and no drift, and creates nothing when run again", async () => {
    const port = await unusedPort();
    env = {
      ...process.env,
      EUC_LOCAL_DIR: scratch,
      EUC_ENDPOINT_PORT: String(port),
      EUC_STACK: stack,
      EUC_TRANSITION_MS: "100",
      PULUMI_BACKEND_URL: `file://${scratch}/backend`,
      PULUMI_HOME: path.join(scratch, "home"),
      PULUMI_CONFIG_PASSPHRASE: "main-job-test",
    };
    fs.mkdirSync(path.join(scratch, "backend"), { recursive: true });

    const first = await mainJob();
    expect(first).toMatch(/Resources:\s+\+ \d+ created/);
    expect(first).toContain("== stack outputs");
    expect(first).toMatch(/studioState\s+READY/);
    expect(first).toMatch(/no drift: \d+ resources of stack/);
    const control = new EmulatorControl(`http://127.0.0.1:${port}`);
    const before = (await control.resources()).length;

    const second = await mainJob();
    expect(second).toContain("local endpoint already running");
    expect(second).toMatch(/Resources:\s+\d+ unchanged/);
    expect(second).not.toMatch(/\+ \d+ created/);
    expect(second).toMatch(/no drift/);
    expect((await control.resources()).length).toBe(before);
  }, 600_000);
});
