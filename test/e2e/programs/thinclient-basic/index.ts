import * as pulumi from "@pulumi/pulumi";
import { thinclient } from "pulumi-aws-euc";

const config = new pulumi.Config();

type MaintenanceWindow = NonNullable<thinclient.EnvironmentArgs["maintenanceWindow"]>;
type DeleteBehaviour = NonNullable<thinclient.DeviceArgs["deleteBehaviour"]>;

const environment = new thinclient.Environment("front-desk", {
  name: "Front desk",
  desktopArn: "arn:aws:workspaces:us-west-2:123456789012:directory/d-0000000001",
  maintenanceWindow: config.getObject<MaintenanceWindow>("maintenanceWindow") ?? {
    type: "CUSTOM",
    startTimeHour: 1,
    startTimeMinute: 30,
    endTimeHour: 4,
    endTimeMinute: 0,
    daysOfTheWeek: ["SATURDAY", "SUNDAY"],
    applyTimeOf: "DEVICE",
  },
  softwareSetUpdateMode: config.get("softwareSetUpdateMode") as thinclient.EnvironmentArgs["softwareSetUpdateMode"],
  desiredSoftwareSetId: config.get("desiredSoftwareSetId"),
  tags: config.getObject<Record<string, string>>("tags") ?? { team: "euc", owner: "alice" },
});

const deviceId = config.get("deviceId");
const device = deviceId
  ? new thinclient.Device("lobby", {
      adoptId: deviceId,
      name: config.get("deviceName") ?? "lobby-1",
      deleteBehaviour: config.get("deviceDeleteBehaviour") as DeleteBehaviour | undefined,
    })
  : undefined;

const validatedSet = config.get("validatedSoftwareSetId");
const validation = validatedSet
  ? new thinclient.SoftwareSetValidation("validated", { softwareSetId: validatedSet, validationStatus: "VALIDATED" })
  : undefined;

export const environmentId = environment.id;
export const activationCode = environment.activationCode;
export const environmentTags = environment.tags;
export const deviceName = device?.name;
export const deviceStatus = device?.status;
export const previousValidationStatus = validation?.previousValidationStatus;
