import * as pulumi from "@pulumi/pulumi";
import { thinclient } from "pulumi-aws-euc";

const config = new pulumi.Config();
const account = config.get("accountId") ?? "123456789012";

// The newest software set AWS publishes. Marking it VALIDATED records that it was tested here;
// destroying the stack puts back the status it had.
const newest = thinclient.listSoftwareSets().then((sets) => sets[0]);
const tested = new thinclient.SoftwareSetValidation("tested", {
  softwareSetId: newest.then((set) => set.id),
  validationStatus: "VALIDATED",
});

// Devices of this environment run the tested set, installed in a weeknight window, local time.
const office = new thinclient.Environment("branch-office", {
  name: "Branch office",
  desktopArn: `arn:aws:workspaces:us-west-2:${account}:directory/d-0000000001`,
  softwareSetUpdateMode: "USE_DESIRED",
  desiredSoftwareSetId: tested.softwareSetId,
  softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW",
  maintenanceWindow: {
    type: "CUSTOM",
    startTimeHour: 22,
    startTimeMinute: 0,
    endTimeHour: 23,
    endTimeMinute: 30,
    daysOfTheWeek: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"],
    applyTimeOf: "DEVICE",
  },
  deviceCreationTags: { site: "branch" },
  tags: { team: "it", site: "branch" },
});

// A device registered itself with an activation code; take it over by id and name it. On destroy
// it is deregistered and archived, and the stack waits until the service says ARCHIVED.
const reception = new thinclient.Device("reception", {
  adoptId: config.get("deviceId") ?? "tcdevice0000000000000002",
  name: "branch-reception",
  desiredSoftwareSetId: tested.softwareSetId,
  tags: { site: "branch" },
  deleteBehaviour: "ARCHIVE",
});

// Give this code to whoever sets up the next device; it stays encrypted in the stack's state.
export const activationCode = office.activationCode;
export const environmentId = office.id;
export const pinnedSoftwareSet = newest.then((set) => `${set.id} (${set.version})`);
export const receptionStatus = reception.status;
// Every device registered to the environment, as of this update.
export const registeredDevices = thinclient
  .listDevicesOutput({ environmentId: office.id, statuses: ["REGISTERED"] })
  .apply((devices) => devices.map((d) => `${d.id} ${d.serialNumber ?? ""}`.trim()));
