import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

// Nested members are Inputs like the top-level ones: each Output below comes from another
// resource, and Pulumi resolves it before the provider sees the fleet's inputs.
const stack = new appstream.Stack("source", {
  displayName: "Nested inputs",
  userSettings: [
    {
      action: appstream.StackUserSettingAction.ClipboardCopyFromLocalDevice,
      permission: pulumi.output(appstream.StackUserSettingPermission.Disabled),
    },
  ],
});
const stackName = pulumi.interpolate`${stack.name}`;

const fleet = new appstream.Fleet("nested", {
  imageName: "AppStream-WinServer2019-06-12-2024",
  instanceType: "stream.standard.medium",
  fleetType: appstream.FleetType.OnDemand,
  computeCapacity: { desiredInstances: stackName.apply((name) => (name.length > 0 ? 3 : 1)) },
  vpcConfig: {
    subnetIds: [stackName.apply(() => "subnet-0a1b2c3d4e5f60718")],
    securityGroupIds: pulumi.output(["sg-0a1b2c3d4e5f60718"]),
  },
  tags: { source: stackName },
});

export { stackName };
export const desiredInstances = fleet.computeCapacity.apply((capacity) => capacity?.desiredInstances);
