// Which region, profile, endpoint and attempt count the provider's calls use, when several places
// say: the provider's own keys (aws-euc:*) over the AWS provider's (aws:*) over the environment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAwsClients } from "../../provider/aws-clients";
import { configureFrom, resetRuntimeConfig, runtimeConfig, setRuntimeConfig } from "../../provider/engine/config";

const envKeys = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "PULUMI_AWS_EUC_ENDPOINT"] as const;
let savedEnv: Record<string, string | undefined>;

beforeEach(() => {
  savedEnv = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));
  for (const k of envKeys) delete process.env[k];
  resetRuntimeConfig();
});
afterEach(() => {
  for (const k of envKeys) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  resetRuntimeConfig();
});

/** The configuration Pulumi passes to configure(), as "namespace:key" pairs. */
const passed = (values: Record<string, string>) => configureFrom({ get: (k) => values[k] });

describe("the runtime config's precedence", () => {
  it("region: aws-euc:region, then aws:region, then AWS_REGION, then AWS_DEFAULT_REGION", () => {
    process.env.AWS_DEFAULT_REGION = "ap-south-1";
    expect(runtimeConfig().region).toBe("ap-south-1");
    process.env.AWS_REGION = "eu-central-1";
    passed({});
    expect(runtimeConfig().region).toBe("eu-central-1");
    passed({ "aws:region": "us-west-2" });
    expect(runtimeConfig().region).toBe("us-west-2");
    passed({ "aws:region": "us-west-2", "aws-euc:region": "eu-west-1" });
    expect(runtimeConfig().region).toBe("eu-west-1");
    // An empty setting (pulumi config set aws-euc:region "") says nothing.
    passed({ "aws:region": "us-west-2", "aws-euc:region": "" });
    expect(runtimeConfig().region).toBe("us-west-2");
  });

  it("profile: aws-euc:profile, then aws:profile, then AWS_PROFILE; none at all is the default chain", () => {
    expect(runtimeConfig().profile).toBeUndefined();
    process.env.AWS_PROFILE = "env-profile";
    passed({});
    expect(runtimeConfig().profile).toBe("env-profile");
    passed({ "aws:profile": "aws-profile" });
    expect(runtimeConfig().profile).toBe("aws-profile");
    passed({ "aws:profile": "aws-profile", "aws-euc:profile": "euc-profile" });
    expect(runtimeConfig().profile).toBe("euc-profile");
  });

  it("endpoint and attempts: aws-euc:endpoint over PULUMI_AWS_EUC_ENDPOINT; maxAttempts as a number", () => {
    process.env.PULUMI_AWS_EUC_ENDPOINT = "http://127.0.0.1:4100";
    passed({ "aws-euc:maxAttempts": "7" });
    expect(runtimeConfig()).toEqual({
      endpoint: "http://127.0.0.1:4100",
      region: undefined,
      profile: undefined,
      maxAttempts: 7,
    });
    passed({ "aws-euc:endpoint": "http://127.0.0.1:4200" });
    expect(runtimeConfig()).toEqual({
      endpoint: "http://127.0.0.1:4200",
      region: undefined,
      profile: undefined,
      maxAttempts: undefined,
    });
  });

  it("a new configure() replaces the settings in use, also after tools set them directly", () => {
    setRuntimeConfig({ region: "us-east-1" });
    passed({ "aws-euc:region": "eu-west-2" });
    expect(runtimeConfig().region).toBe("eu-west-2");
  });

  it("the clients the calls go through get the resolved region and attempt count", async () => {
    passed({ "aws:region": "eu-west-1", "aws-euc:maxAttempts": "9" });
    const clients = createAwsClients(runtimeConfig());
    expect(await clients.appstream.config.region()).toBe("eu-west-1");
    expect(await clients.appstream.config.maxAttempts()).toBe(9);
  });
});
