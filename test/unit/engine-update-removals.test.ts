// A property the program drops that the service removes by name: the update call lists it in the
// service's AttributesToDelete member (AppStream's UpdateStack and UpdateFleet), and the resource
// no longer has it.
import { describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { updateResource } from "../../provider/engine/update";
import { engineEndpoint } from "../helpers/engine-endpoint";

const { emulator, checked } = engineEndpoint([appstreamService], { stack: "removals", namePrefix: "rm" });

describe("a dropped property the service removes by name", () => {
  it("is sent in AttributesToDelete, and the stack no longer has it", async () => {
    const inputs = checked("appstream:Stack", { redirectUrl: "https://example.com/bye" });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    const redirect = async () => (await emulator().control.resource("appstream:Stack", id))?.attributes.RedirectURL;
    expect(await redirect()).toBe("https://example.com/bye");
    const { redirectUrl: _dropped, ...without } = inputs;
    await updateResource("appstream:Stack", id, outs, without);
    const [update] = await emulator().control.inputs("UpdateStack");
    expect(update).toMatchObject({ Name: id, AttributesToDelete: ["REDIRECT_URL"] });
    expect(await redirect()).toBeUndefined();
  });
});
