import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();
type FleetState = "RUNNING" | "STOPPED";

const fleet = new appstream.Fleet("office", {
  imageName: "AppStream-WinServer2019-06-12-2024",
  instanceType: config.get("instanceType") ?? "stream.standard.medium",
  // A multi-session fleet (maxSessionsPerInstance) states its capacity in sessions.
  computeCapacity: config.getNumber("maxSessionsPerInstance")
    ? { desiredSessions: config.requireNumber("desiredSessions") }
    : { desiredInstances: 2 },
  maxSessionsPerInstance: config.getNumber("maxSessionsPerInstance"),
  displayName: config.get("displayName") ?? "Office applications",
  maxUserDurationInSeconds: config.getNumber("maxUserDuration") ?? 14400,
  disconnectTimeoutInSeconds: 900,
  vpcConfig: config.getBoolean("withVpc")
    ? { subnetIds: ["subnet-0a1b2c3d4e5f60718"], securityGroupIds: ["sg-0a1b2c3d4e5f60718"] }
    : undefined,
  state: config.get<FleetState>("fleetState"),
  tags: { team: "office" },
});

if (config.getBoolean("associate")) {
  const stack = new appstream.Stack("office", { displayName: "Office applications" });
  new appstream.FleetStackAssociation("office", { fleetName: fleet.name, stackName: stack.name });
}

export const fleetName = fleet.name;
export const currentState = fleet.currentState;
