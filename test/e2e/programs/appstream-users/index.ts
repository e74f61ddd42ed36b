import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();

const stack = new appstream.Stack("apps", { displayName: "Applications" });
const user = new appstream.User("jane", {
  userName: "jane@example.com",
  authenticationType: "USERPOOL",
  firstName: config.get("firstName") ?? "Jane",
  lastName: "Doe",
  messageAction: "SUPPRESS",
  enabled: config.getBoolean("enabled"),
});

if (config.getBoolean("associate")) {
  new appstream.UserStackAssociation("jane-apps", {
    // A stack the service does not have, when the test asks for one.
    stackName: config.get("associationStack") ?? stack.name,
    userName: user.userName,
    authenticationType: user.authenticationType,
    sendEmailNotification: config.getBoolean("notify"),
  });
}

export const stackName = stack.name;
export const userStatus = user.status;
export const users = appstream.describeUsersOutput({ authenticationType: user.authenticationType });
