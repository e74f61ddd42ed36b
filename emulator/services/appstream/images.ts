import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import { DELETED } from "../../core/world";
import {
  arn,
  compact,
  inUse,
  invalid,
  KIND,
  notFound,
  notPermitted,
  optString,
  optStringList,
  pageOf,
  reqString,
  selectByNames,
  setTags,
  type Input,
  read,
  write,
} from "./common";

/** Base images a fresh world offers, so fleets and image builders have something to reference. */
const SEEDED: Array<{ name: string; visibility: "PUBLIC" | "PRIVATE"; platform: string; description: string }> = [
  {
    name: "AppStream-WinServer2019-06-12-2024",
    visibility: "PUBLIC",
    platform: "WINDOWS_SERVER_2019",
    description: "Windows Server 2019 base image",
  },
  {
    name: "AppStream-WinServer2022-06-12-2024",
    visibility: "PUBLIC",
    platform: "WINDOWS_SERVER_2022",
    description: "Windows Server 2022 base image",
  },
  {
    name: "AppStream-AmazonLinux2-06-12-2024",
    visibility: "PUBLIC",
    platform: "AMAZON_LINUX2",
    description: "Amazon Linux 2 base image",
  },
  {
    name: "euc-base-image",
    visibility: "PRIVATE",
    platform: "WINDOWS_SERVER_2019",
    description: "Private image built from the Windows Server 2019 base",
  },
];

const RELEASED = Date.UTC(2024, 5, 12) / 1000;

export function seedImages(ctx: OperationContext): void {
  for (const image of SEEDED) {
    const isPublic = image.visibility === "PUBLIC";
    // Public images belong to no account: their ARN has an empty account field.
    const imageArn = arn(ctx, "image", image.name, isPublic ? "" : ctx.accountId);
    ctx.put({
      kind: KIND.image,
      id: image.name,
      attributes: compact({
        Name: image.name,
        Arn: imageArn,
        BaseImageArn: isPublic ? undefined : arn(ctx, "image", "AppStream-WinServer2019-06-12-2024", ""),
        DisplayName: image.name,
        State: "AVAILABLE",
        Visibility: image.visibility,
        ImageBuilderSupported: true,
        Platform: image.platform,
        Description: image.description,
        Applications: [],
        CreatedTime: RELEASED,
        PublicBaseImageReleasedDate: RELEASED,
        AppstreamAgentVersion: "09-18-2024",
        ImageType: "NATIVE",
      }),
    });
  }
}

/** Resolves ImageName / ImageArn of a create or update request to an available image. */
export function resolveImage(ctx: OperationContext, input: Input, required: boolean): ResourceRecord | undefined {
  const name = optString(input, "ImageName");
  const imageArn = optString(input, "ImageArn");
  if (name && imageArn) throw invalid("Specify either ImageName or ImageArn, not both.");
  if (!name && !imageArn) {
    if (required) throw invalid("Missing required parameter: one of ImageName or ImageArn.");
    return undefined;
  }
  const image = name ? ctx.get(KIND.image, name) : ctx.list(KIND.image).find((i) => i.attributes.Arn === imageArn);
  if (!image || image.attributes.State !== "AVAILABLE") throw notFound(`Image ${name ?? imageArn}`);
  return image;
}

function describeImages(input: Input, ctx: OperationContext) {
  const names = optStringList(input, "Names");
  const arns = optStringList(input, "Arns");
  if (names && arns) throw invalid("Specify either Names or Arns, not both.");
  const type = input["Type"] as string | undefined;
  let images = selectByNames(ctx, KIND.image, "Image", names);
  if (arns) {
    images = arns.map((a) => {
      const image = ctx.list(KIND.image).find((i) => i.attributes.Arn === a);
      if (!image) throw notFound(`Image ${a}`);
      return image;
    });
  }
  if (type) images = images.filter((i) => i.attributes.Visibility === type);
  const page = pageOf(ctx, "DescribeImages", images, input, "MaxResults", 25);
  return { body: compact({ Images: page.items.map((i) => i.attributes), NextToken: page.nextToken }) };
}

function deleteImage(input: Input, ctx: OperationContext) {
  const name = reqString(input, "Name");
  const image = ctx.get(KIND.image, name);
  if (!image) throw notFound(`Image ${name}`);
  if (image.attributes.Visibility !== "PRIVATE") throw notPermitted(`Image ${name} is not owned by this account.`);
  const imageArn = image.attributes.Arn;
  const users = [...ctx.list(KIND.fleet), ...ctx.list(KIND.imageBuilder)].filter(
    (r) => r.attributes.ImageName === name || r.attributes.ImageArn === imageArn,
  );
  if (users.length > 0) throw inUse(`Image ${name} is in use by ${users.map((u) => u.id).join(", ")}.`);
  if (image.attributes.State !== "DELETING") {
    ctx.transition(image, "State", ["DELETING", DELETED]);
    setTags(ctx, String(imageArn), undefined);
  }
  return { body: { Image: image.attributes } };
}

export const imageOperations: Operation[] = [
  read("DescribeImages", (req, ctx) => describeImages(req.body, ctx)),
  write("DeleteImage", (req, ctx) => deleteImage(req.body, ctx)),
];
