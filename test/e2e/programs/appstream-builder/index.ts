import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();
type BuilderState = "RUNNING" | "STOPPED";

const builder = new appstream.ImageBuilder("packaging", {
  imageName: "AppStream-WinServer2022-06-12-2024",
  instanceType: "stream.standard.large",
  displayName: config.get("builderDisplayName") ?? "Application packaging",
  state: config.get<BuilderState>("builderState"),
  tags: { team: "packaging" },
});

// An image made from a builder earlier, outside the API, taken over by name.
const adoptImage = config.get("adoptImage");
const image = adoptImage
  ? new appstream.Image("golden", { adoptId: adoptImage, tags: { release: "2024.06" } })
  : undefined;

export const builderName = builder.name;
export const builderState = builder.currentState;
export const builderImageName = builder.imageName;
export const imageArn = image?.arn;

// Only a RUNNING builder hands out a streaming URL; the whole result is a secret.
export const builderUrl = config.getBoolean("streamingUrl")
  ? appstream.createImageBuilderStreamingUrl({ name: builder.name, validity: 600 })
  : undefined;

// Every session of a stack and fleet, however many pages the service splits them into.
const sessionsOf = config.getObject<{ stackName: string; fleetName: string }>("sessionsOf");
export const sessionCount = sessionsOf
  ? appstream.describeSessions(sessionsOf).then((sessions) => sessions.length)
  : undefined;
