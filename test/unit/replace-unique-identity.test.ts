// A resource whose identity the program chooses (a user's email address, an association's stack and
// user) and that must be unique: a replacement that keeps the identity deletes the old one first,
// or the service would refuse the new one as already existing.
import { describe, expect, it } from "vitest";
import { diffResource } from "../../provider/engine/plan";

const user = {
  userName: "jane@example.com",
  authenticationType: "USERPOOL",
  firstName: "Jane",
  __inputKeys: ["userName", "authenticationType", "firstName"],
};
const association = {
  stackName: "apps",
  userName: "jane@example.com",
  authenticationType: "USERPOOL",
  sendEmailNotification: true,
  __inputKeys: ["stackName", "userName", "authenticationType", "sendEmailNotification"],
};

describe("replacing a resource of a unique identity the program chose", () => {
  it("deletes a user first when it keeps the email address", () => {
    expect(diffResource("appstream:User", user, { ...user, firstName: "Janet" })).toEqual({
      changes: true,
      replaces: ["firstName"],
      deleteBeforeReplace: true,
    });
  });

  it("creates the new user first when the email address changes", () => {
    expect(diffResource("appstream:User", user, { ...user, userName: "janet@example.com" })).toMatchObject({
      replaces: ["userName"],
      deleteBeforeReplace: false,
    });
  });

  it("disassociates first when only sendEmailNotification changes, and not when the stack changes", () => {
    expect(
      diffResource("appstream:UserStackAssociation", association, { ...association, sendEmailNotification: false }),
    ).toMatchObject({ deleteBeforeReplace: true });
    expect(
      diffResource("appstream:UserStackAssociation", association, { ...association, stackName: "other" }),
    ).toMatchObject({ deleteBeforeReplace: false });
  });

  it("changes enabled in place", () => {
    expect(diffResource("appstream:User", user, { ...user, enabled: false })).toEqual({
      changes: undefined,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
