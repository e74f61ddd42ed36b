// Streaming images and studio components are not managed by this project, but a launch profile must
// reference them. Amazon-owned streaming images exist in every studio (seeded once, stable ids that
// example programs can name); each new studio gets one studio component of its own.
import type { OperationContext, ResourceRecord } from "../../core/types";
import { queryList, queryString } from "../shared/checks";
import { maxResults, page, read, studioOf, view } from "./access";
import { notFound } from "./errors";
import { CALLER, KIND, arn, now } from "./model";

const IMAGES = [
  {
    streamingImageId: "al2-workstation",
    name: "Amazon Linux 2 workstation",
    platform: "LINUX",
    ec2ImageId: "ami-0a1b2c3d4e5f00001",
  },
  {
    streamingImageId: "win2019-workstation",
    name: "Windows Server 2019 workstation",
    platform: "WINDOWS",
    ec2ImageId: "ami-0a1b2c3d4e5f00002",
  },
];

export function seedStreamingImages(ctx: OperationContext): void {
  for (const image of IMAGES) {
    ctx.put({
      kind: KIND.image,
      id: image.streamingImageId,
      attributes: {
        ...image,
        arn: arn(ctx, `streaming-image/${image.streamingImageId}`),
        description: `${image.name} provided by Amazon`,
        eulaIds: [],
        owner: "amazon",
        state: "READY",
        statusCode: "STREAMING_IMAGE_READY",
        statusMessage: "",
        tags: {},
      },
    });
  }
}

/** Images visible in a studio: the Amazon-owned ones plus any the studio owns. */
export function imagesIn(ctx: OperationContext, studioId: string): ResourceRecord[] {
  return ctx.list(KIND.image).filter((r) => r.parentId === undefined || r.parentId === studioId);
}

export function componentsIn(ctx: OperationContext, studioId: string): ResourceRecord[] {
  return ctx.list(KIND.component).filter((r) => r.parentId === studioId);
}

export function createDefaultComponent(ctx: OperationContext, studioId: string): void {
  const id = ctx.nextId("sc-");
  const at = now(ctx);
  ctx.put({
    kind: KIND.component,
    id,
    parentId: studioId,
    attributes: {
      arn: arn(ctx, `studio-component/${id}`),
      createdAt: at,
      createdBy: CALLER,
      description: "Shared project storage created with the studio",
      ec2SecurityGroupIds: [],
      initializationScripts: [],
      name: "shared-storage",
      scriptParameters: [],
      state: "READY",
      statusCode: "STUDIO_COMPONENT_CREATED",
      statusMessage: "",
      studioComponentId: id,
      subtype: "CUSTOM",
      tags: {},
      type: "SHARED_FILE_SYSTEM",
      updatedAt: at,
      updatedBy: CALLER,
    },
  });
}

function findIn(records: ResourceRecord[], id: string, what: string, studioId: string): ResourceRecord {
  const record = records.find((r) => r.id === id);
  if (!record) throw notFound(what, id, { studioId, id });
  return record;
}

export const catalogOperations = [
  read("ListStreamingImages", (req, ctx) => {
    const { studioId } = req.params;
    studioOf(ctx, studioId);
    const owner = queryString(req.query.owner);
    const images = imagesIn(ctx, studioId).filter((r) => owner === undefined || r.attributes.owner === owner);
    const result = page(ctx, ["ListStreamingImages", studioId, owner], images, req.query.nextToken);
    return { body: { streamingImages: result.items, nextToken: result.nextToken } };
  }),
  read("GetStreamingImage", (req, ctx) => {
    const { studioId, streamingImageId } = req.params;
    studioOf(ctx, studioId);
    return {
      body: { streamingImage: view(findIn(imagesIn(ctx, studioId), streamingImageId, "Streaming image", studioId)) },
    };
  }),
  read("ListStudioComponents", (req, ctx) => {
    const { studioId } = req.params;
    studioOf(ctx, studioId);
    const filters = { states: queryList(req.query.states), types: queryList(req.query.types) };
    const pageSize = maxResults(req.query.maxResults);
    const components = componentsIn(ctx, studioId).filter(
      (r) =>
        (!filters.states || filters.states.includes(r.attributes.state as string)) &&
        (!filters.types || filters.types.includes(r.attributes.type as string)),
    );
    const result = page(ctx, ["ListStudioComponents", studioId, filters], components, req.query.nextToken, pageSize);
    return { body: { studioComponents: result.items, nextToken: result.nextToken } };
  }),
  read("GetStudioComponent", (req, ctx) => {
    const { studioId, studioComponentId } = req.params;
    studioOf(ctx, studioId);
    return {
      body: {
        studioComponent: view(findIn(componentsIn(ctx, studioId), studioComponentId, "Studio component", studioId)),
      },
    };
  }),
];
