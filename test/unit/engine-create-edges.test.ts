// A create's edges, through createResource against the local endpoint: the program's create timeout
// ends a wait the service never finishes, a type whose create takes no client token records none, and
// a take-over keeps the write-only inputs the program gives (the service never returns them), sending
// only what the program changes.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource, ResourceInitError } from "../../provider/engine/create";
import { tokenField } from "../../provider/engine/state";

const { emulator, checked, unique } = engineEndpoint([appstreamService, nimbleService], {
  stack: "create-edges",
  namePrefix: "e",
});

describe("a create the service never finishes", () => {
  it("gives up at the program's create timeout, keeping the resource in the stack", async () => {
    const inputs = checked("nimble:Studio", {
      displayName: "Slow",
      adminRoleArn: "arn:aws:iam::123456789012:role/a",
      userRoleArn: "arn:aws:iam::123456789012:role/u",
      studioName: `slow${unique()}x`,
      timeouts: { create: 0.0005 },
    });
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      const failed = await createResource("nimble:Studio", inputs).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(ResourceInitError);
      expect((failed as ResourceInitError).message).toMatch(
        /^nimble:Studio e\d+ \(\S+\) is still CREATE_IN_PROGRESS after \d+\.\ds, past its timeout of 0\.0005 min;/,
      );
    } finally {
      await emulator().control.updateSettings({ transitionMs: 0 });
    }
  });
});

describe("a create of a type whose create call takes no client token", () => {
  it("records no token", async () => {
    const { outs } = await createResource("appstream:Stack", checked("appstream:Stack", {}));
    expect(outs).not.toHaveProperty(tokenField);
  });
});

describe("a take-over of a directory config", () => {
  const credentials = { accountName: "CORP\\join", accountPassword: "s3cret" };
  const directory = () => ({
    directoryName: `corp${unique()}.example.com`,
    organizationalUnitDistinguishedNames: ["OU=a,DC=corp"],
    serviceAccountCredentials: credentials,
  });

  it("keeps the program's credentials, which the service never returns, and sends only the changed units", async () => {
    const program = directory();
    const existing = await createResource("appstream:DirectoryConfig", checked("appstream:DirectoryConfig", program));
    await emulator().control.resetCalls();
    const { id, outs } = await createResource(
      "appstream:DirectoryConfig",
      checked("appstream:DirectoryConfig", {
        ...program,
        organizationalUnitDistinguishedNames: ["OU=b,DC=corp"],
        adoptId: existing.id,
      }),
    );
    expect(id).toBe(existing.id);
    expect(outs.serviceAccountCredentials).toEqual(credentials);
    expect(await emulator().control.inputs("UpdateDirectoryConfig")).toEqual([
      { DirectoryName: program.directoryName, OrganizationalUnitDistinguishedNames: ["OU=b,DC=corp"] },
    ]);
  });
});
