import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import { DELETED } from "../../core/world";
import {
  alreadyExists,
  arn,
  compact,
  concurrent,
  epochSeconds,
  invalid,
  KIND,
  notAvailable,
  notFound,
  notPermitted,
  optBool,
  optInt,
  optList,
  optObject,
  optString,
  optStringList,
  optTags,
  pageOf,
  reqInstanceType,
  reqName,
  selectByNames,
  setTags,
  type Input,
  read,
  write,
} from "./common";
import { requireDirectoryConfig } from "./directory-configs";
import { resolveImage } from "./images";

function mustGet(ctx: OperationContext, name: string): ResourceRecord {
  const builder = ctx.get(KIND.imageBuilder, name);
  if (!builder) throw notFound(`Image builder ${name}`);
  return builder;
}

function accessEndpoints(input: Input): Input[] | undefined {
  const endpoints = optList(input, "AccessEndpoints");
  return endpoints?.map((e) => compact({ EndpointType: String(e.EndpointType), VpceId: optString(e, "VpceId") }));
}

/** A private address in a stable, per-builder spot, so reads are reproducible. */
function networkAccess(ctx: OperationContext, seq: string): Input {
  const n = Number.parseInt(seq.slice(-6), 16);
  return {
    EniPrivateIpAddress: `10.0.${(n >> 8) & 0xff}.${n & 0xff}`,
    EniId: `eni-${seq.slice(-8)}${ctx.region.length}`,
  };
}

function createImageBuilder(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const instanceType = reqInstanceType(input);
  const image = resolveImage(ctx, input, true)!;
  if (image.attributes.ImageBuilderSupported === false)
    throw invalid(`Image ${image.id} does not support image builders.`);
  const vpc = optObject(input, "VpcConfig");
  const subnets = vpc ? optStringList(vpc, "SubnetIds") : undefined;
  if (subnets && subnets.length > 1) throw invalid("An image builder takes exactly one subnet.");
  const domain = optObject(input, "DomainJoinInfo");
  requireDirectoryConfig(ctx, domain);
  const volume = optObject(input, "RootVolumeConfig");
  const tags = optTags(input);
  if (ctx.get(KIND.imageBuilder, name)) throw alreadyExists(`Image builder ${name}`);
  const attributes = compact({
    Name: name,
    Arn: arn(ctx, "image-builder", name),
    ImageArn: image.attributes.Arn,
    Description: optString(input, "Description"),
    DisplayName: optString(input, "DisplayName"),
    VpcConfig: vpc && compact({ SubnetIds: subnets, SecurityGroupIds: optStringList(vpc, "SecurityGroupIds") }),
    InstanceType: instanceType,
    Platform: image.attributes.Platform,
    IamRoleArn: optString(input, "IamRoleArn"),
    State: "PENDING",
    CreatedTime: epochSeconds(ctx),
    EnableDefaultInternetAccess: optBool(input, "EnableDefaultInternetAccess") ?? false,
    DomainJoinInfo:
      domain &&
      compact({
        DirectoryName: optString(domain, "DirectoryName"),
        OrganizationalUnitDistinguishedName: optString(domain, "OrganizationalUnitDistinguishedName"),
      }),
    NetworkAccessConfiguration: subnets?.length ? networkAccess(ctx, ctx.nextId("eni")) : undefined,
    AppstreamAgentVersion: optString(input, "AppstreamAgentVersion") ?? image.attributes.AppstreamAgentVersion,
    AccessEndpoints: accessEndpoints(input),
    RootVolumeConfig: volume && compact({ VolumeSizeInGb: optInt(volume, "VolumeSizeInGb", 200, 500) }),
    LatestAppstreamAgentVersion: "TRUE",
    DisableIMDSV1: optBool(input, "DisableIMDSV1"),
  });
  const builder: ResourceRecord = { kind: KIND.imageBuilder, id: name, attributes };
  const failure = ctx.takeCreateFailure(KIND.imageBuilder);
  if (failure) {
    ctx.transition(builder, "State", ["PENDING", "FAILED"], {
      StateChangeReason: { Code: "INTERNAL_ERROR", Message: failure.statusMessage },
      ImageBuilderErrors: [
        { ErrorCode: failure.statusCode, ErrorMessage: failure.statusMessage, ErrorTimestamp: epochSeconds(ctx) },
      ],
    });
  } else {
    ctx.transition(builder, "State", ["PENDING", "RUNNING"]);
  }
  setTags(ctx, String(attributes.Arn), tags);
  return { body: { ImageBuilder: builder.attributes } };
}

function describeImageBuilders(input: Input, ctx: OperationContext) {
  const builders = selectByNames(ctx, KIND.imageBuilder, "Image builder", optStringList(input, "Names"));
  const page = pageOf(ctx, "DescribeImageBuilders", builders, input, "MaxResults", 25);
  return { body: compact({ ImageBuilders: page.items.map((b) => b.attributes), NextToken: page.nextToken }) };
}

function startImageBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGet(ctx, reqName(input));
  const state = builder.attributes.State;
  if (state === "STOPPED") {
    // The SDK's ImageBuilderState has no STARTING: a starting builder reports PENDING.
    ctx.transition(builder, "State", ["PENDING", "RUNNING"]);
  } else if (state === "FAILED" || state === "DELETING") {
    throw notAvailable(`Image builder ${builder.id} is ${state} and cannot be started.`);
  } else if (state !== "RUNNING" && state !== "PENDING") {
    throw concurrent(`Image builder ${builder.id} is ${String(state)}; try again when it is STOPPED.`);
  }
  return { body: { ImageBuilder: builder.attributes } };
}

function stopImageBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGet(ctx, reqName(input));
  const state = builder.attributes.State;
  if (state === "RUNNING") {
    ctx.transition(builder, "State", ["STOPPING", "STOPPED"]);
  } else if (state === "FAILED" || state === "DELETING") {
    throw notPermitted(`Image builder ${builder.id} is ${state} and cannot be stopped.`);
  } else if (state !== "STOPPED" && state !== "STOPPING") {
    throw concurrent(`Image builder ${builder.id} is ${String(state)}; try again when it is RUNNING.`);
  }
  return { body: { ImageBuilder: builder.attributes } };
}

function deleteImageBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGet(ctx, reqName(input));
  const state = builder.attributes.State;
  if (state === "RUNNING" || state === "STOPPED" || state === "FAILED") {
    ctx.transition(builder, "State", ["DELETING", DELETED]);
    setTags(ctx, String(builder.attributes.Arn), undefined);
  } else if (state !== "DELETING") {
    throw concurrent(`Image builder ${builder.id} is ${String(state)}; try again when it is RUNNING or STOPPED.`);
  }
  return { body: { ImageBuilder: builder.attributes } };
}

function createStreamingUrl(input: Input, ctx: OperationContext) {
  const builder = mustGet(ctx, reqName(input));
  const validity = optInt(input, "Validity", 1, 604800) ?? 3600;
  if (builder.attributes.State !== "RUNNING")
    throw notPermitted(`Image builder ${builder.id} is ${String(builder.attributes.State)}, not RUNNING.`);
  const token = Buffer.from(ctx.nextId("ib-url-")).toString("base64url");
  return {
    body: {
      StreamingURL: `https://appstream2.${ctx.region}.aws.amazon.com/authenticate?parameters=${token}&signature=${builder.id}`,
      Expires: Math.floor(ctx.clock.now() / 1000) + validity,
    },
  };
}

/**
 * Control API "snapshot-image-builder": what the Image Assistant does inside a RUNNING builder
 * (outside the API). {name, imageName, displayName?, description?}: the builder goes SNAPSHOTTING
 * then STOPPED, and a private image of that name goes PENDING then AVAILABLE.
 */
export function snapshotImageBuilder(body: Input, ctx: OperationContext): unknown {
  const builder = mustGet(ctx, reqName(body, "name"));
  const imageName = reqName(body, "imageName");
  if (builder.attributes.State !== "RUNNING")
    throw notPermitted(`Image builder ${builder.id} is ${String(builder.attributes.State)}, not RUNNING.`);
  if (ctx.get(KIND.image, imageName)) throw alreadyExists(`Image ${imageName}`);
  const image: ResourceRecord = {
    kind: KIND.image,
    id: imageName,
    attributes: compact({
      Name: imageName,
      Arn: arn(ctx, "image", imageName),
      BaseImageArn: builder.attributes.ImageArn,
      DisplayName: optString(body, "displayName") ?? imageName,
      Description: optString(body, "description"),
      State: "PENDING",
      Visibility: "PRIVATE",
      ImageBuilderSupported: true,
      ImageBuilderName: builder.id,
      Platform: builder.attributes.Platform,
      Applications: [],
      CreatedTime: epochSeconds(ctx),
      AppstreamAgentVersion: builder.attributes.AppstreamAgentVersion,
      ImageType: "NATIVE",
    }),
  };
  ctx.put(image);
  ctx.transition(image, "State", ["PENDING", "AVAILABLE"]);
  ctx.transition(builder, "State", ["SNAPSHOTTING", "STOPPED"]);
  return { image: image.attributes };
}

export const imageBuilderOperations: Operation[] = [
  write("CreateImageBuilder", (req, ctx) => createImageBuilder(req.body, ctx)),
  read("DescribeImageBuilders", (req, ctx) => describeImageBuilders(req.body, ctx)),
  write("StartImageBuilder", (req, ctx) => startImageBuilder(req.body, ctx)),
  write("StopImageBuilder", (req, ctx) => stopImageBuilder(req.body, ctx)),
  write("DeleteImageBuilder", (req, ctx) => deleteImageBuilder(req.body, ctx)),
  read("CreateImageBuilderStreamingURL", (req, ctx) => createStreamingUrl(req.body, ctx)),
];
