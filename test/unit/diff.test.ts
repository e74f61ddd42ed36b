import { describe, expect, it } from "vitest";
import { diffProperties, inputKeysField, liveAsWritten } from "../../provider/engine/diff";
import { diffResource } from "../../provider/engine/plan";
import { loadSchema } from "../../provider/engine/schema-loader";

const stack = loadSchema("appstream:Stack");
const studio = loadSchema("nimble:Studio");

describe("diff", () => {
  const state = {
    name: "training-1a2b3c4",
    displayName: "Training",
    userSettings: [
      { action: "FILE_DOWNLOAD", permission: "DISABLED" },
      { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
    ],
    description: "set by the service",
    arn: "arn:aws:appstream:us-west-2:123456789012:stack/training-1a2b3c4",
    [inputKeysField]: ["displayName", "name", "userSettings"],
  };

  it("sees no change when only order of an unordered list and outputs differ", () => {
    const news = {
      name: "training-1a2b3c4",
      displayName: "Training",
      userSettings: [
        { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
        { action: "FILE_DOWNLOAD", permission: "DISABLED" },
      ],
    };
    expect(diffProperties(stack, state, news)).toEqual({ changed: [], replaces: [], deleteBeforeReplace: false });
  });

  it("ignores a value the service chose for a property the program never set", () => {
    expect(
      diffProperties(stack, state, { name: state.name, displayName: "Training", userSettings: state.userSettings })
        .changed,
    ).toEqual([]);
  });

  it("treats an empty list like an absent one, and reports a removed property", () => {
    expect(
      diffProperties(stack, { ...state, embedHostDomains: [] }, { ...state, embedHostDomains: undefined }).changed,
    ).toEqual([]);
    expect(diffProperties(stack, state, { name: state.name, userSettings: state.userSettings }).changed).toEqual([
      "displayName",
    ]);
  });

  it("reports replace-on-change properties, deleting first where the name must stay unique", () => {
    expect(diffProperties(stack, state, { ...state, name: "other" })).toEqual({
      changed: ["name"],
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
    const old = {
      studioName: "main",
      displayName: "a",
      studioEncryptionConfiguration: { keyType: "AWS_OWNED_KEY" },
      [inputKeysField]: ["studioName", "displayName", "studioEncryptionConfiguration"],
    };
    const key = { keyType: "CUSTOMER_MANAGED_KEY", keyArn: "arn:aws:kms:us-west-2:123456789012:key/k" };
    expect(diffProperties(studio, old, { ...old, studioEncryptionConfiguration: key })).toEqual({
      changed: ["studioEncryptionConfiguration"],
      replaces: ["studioEncryptionConfiguration"],
      deleteBeforeReplace: true,
    });
  });

  it("applies the service default, so an absent input equals it", () => {
    const old = {
      studioName: "main",
      studioEncryptionConfiguration: { keyType: "AWS_OWNED_KEY" },
      [inputKeysField]: ["studioName", "studioEncryptionConfiguration"],
    };
    expect(diffProperties(studio, old, { studioName: "main" }).changed).toEqual([]);
  });

  it("replaces a resource whose create ended in a failed state", () => {
    const failed = {
      studioName: "main",
      state: "CREATE_FAILED",
      statusCode: "INTERNAL_ERROR",
      [inputKeysField]: ["studioName"],
    };
    expect(diffResource("nimble:Studio", failed, { studioName: "main" })).toEqual({
      changes: true,
      replaces: ["studioId"],
      deleteBeforeReplace: true,
    });
  });
});

describe("liveAsWritten", () => {
  const streamConfiguration = loadSchema("nimble:LaunchProfile").inputs.properties.streamConfiguration;
  const program = { clipboardMode: "ENABLED", sessionPersistenceMode: "ACTIVATED", volumeConfiguration: { size: 600 } };
  const live = {
    ...program,
    automaticTerminationMode: "DEACTIVATED",
    maxSessionLengthInMinutes: 690,
    sessionBackup: { mode: "DEACTIVATED" },
    volumeConfiguration: { size: 600, iops: 3000, throughput: 125 },
  };

  it("reports the program's own value when the live one only adds the service's defaults", () => {
    expect(liveAsWritten(streamConfiguration, program, live)).toEqual(program);
  });

  it("reports a real change without the defaults the program left out", () => {
    const changed = {
      ...live,
      clipboardMode: "DISABLED",
      volumeConfiguration: { size: 800, iops: 3000, throughput: 125 },
    };
    expect(liveAsWritten(streamConfiguration, program, changed)).toEqual({
      clipboardMode: "DISABLED",
      sessionPersistenceMode: "ACTIVATED",
      volumeConfiguration: { size: 800 },
    });
  });
});
