// appstream:Image through the provider's entry points against the local endpoint: an image is only
// ever taken over (adoptId), and destroying it deletes it, which the service refuses while a fleet or
// image builder still uses the image: the destroy then says so and what to do.
import { describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { checked, create, destroy, destroyError, providerEndpoint, read, urnOf } from "../helpers/provider-calls";

const endpoint = providerEndpoint([appstreamService], "world");

const privateImage = "euc-base-image";

/** Takes over the image `name` as the program's resource "golden". */
async function adoptImage(name: string, extra: Record<string, unknown> = {}) {
  return create(
    await checked("appstream:Image", { __urn: urnOf("appstream:Image", "golden"), adoptId: name, ...extra }),
  );
}

async function operations(): Promise<string[]> {
  return (await endpoint().control.calls()).log.map((entry) => entry.operation);
}

describe("appstream:Image", () => {
  it("takes over an existing image by name, with its tags, and reads it back", async () => {
    const image = await adoptImage(privateImage, { tags: { team: "render" } });
    expect(image.id).toBe(privateImage);
    expect(image.outs).toMatchObject({
      name: privateImage,
      visibility: "PRIVATE",
      currentState: "AVAILABLE",
      platform: "WINDOWS_SERVER_2019",
      tags: { team: "render" },
    });
    expect(await endpoint().control.inputs("TagResource")).toEqual([
      { ResourceArn: image.outs.arn, Tags: { team: "render" } },
    ]);
    expect(await operations()).not.toContain("DeleteImage");
    expect((await read(image.id, image.outs)).inputs).toMatchObject({ tags: { team: "render" } });
  });

  it("refuses to delete an image an image builder uses, naming it and saying what to do, and keeps the image", async () => {
    const image = await adoptImage(privateImage);
    const builder = await create(
      await checked("appstream:ImageBuilder", { imageName: privateImage, instanceType: "stream.standard.medium" }),
    );
    await endpoint().control.resetCalls();
    const error = await destroyError(image.id, image.outs);
    expect(error?.message).toBe(
      `appstream:Image golden (${privateImage}) is still in use, so it cannot be deleted: Image ${privateImage} is in use by ${builder.id}. ` +
        "Point those fleets and image builders at another image or delete them, then run the destroy again.",
    );
    expect(await endpoint().control.inputs("DeleteImage")).toEqual([{ Name: privateImage }]);
    expect((await endpoint().control.resource("appstream:Image", privateImage))?.attributes.State).toBe("AVAILABLE");

    // Once nothing uses it, the destroy deletes it and waits until it is gone.
    await destroy(builder.id, builder.outs);
    await endpoint().control.resetCalls();
    await destroy(image.id, image.outs);
    expect(await endpoint().control.inputs("DeleteImage")).toEqual([{ Name: privateImage }]);
    expect(await endpoint().control.resource("appstream:Image", privateImage)).toBeUndefined();
    expect(await read(image.id, image.outs)).toEqual({});
  });

  it("passes on any other refusal in the service's words: a public image belongs to AWS", async () => {
    const publicImage = "AppStream-WinServer2022-06-12-2024";
    const image = await adoptImage(publicImage);
    const error = await destroyError(image.id, image.outs);
    expect(error?.message).toBe(
      `DeleteImage failed: OperationNotPermittedException: Image ${publicImage} is not owned by this account.`,
    );
    expect((await endpoint().control.resource("appstream:Image", publicImage))?.attributes.State).toBe("AVAILABLE");
  });

  it("waits for the deletion as long as its delete timeout says, and no longer", async () => {
    const image = await adoptImage(privateImage, { timeouts: { delete: 0.002 } });
    await endpoint().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      const error = await destroyError(image.id, image.outs);
      expect(error?.message).toMatch(
        new RegExp(
          `^appstream:Image golden \\(${privateImage}\\) is still DELETING after [\\d.]+s, past its timeout of 0\\.002 min`,
        ),
      );
    } finally {
      await endpoint().control.updateSettings({ transitionMs: 20 });
    }
  });
});
