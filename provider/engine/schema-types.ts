// The shape of a resource schema file (schema/<service>/<resource>.yaml). The meta-schema in
// meta-schema.ts validates every file against exactly this shape when the package builds.

export type ServiceName = "nimble" | "appstream" | "thinclient";

/** A JSON Schema node with this project's annotations (x-*). */
export interface PropertySchema {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  description?: string;
  enum?: Array<string | number>;
  items?: PropertySchema;
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean | PropertySchema;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  /** The rule every key of a map (additionalProperties) must meet. */
  propertyNames?: PropertySchema;
  pattern?: string;
  format?: string;
  /** Changing the value replaces the resource. */
  "x-replaceOnChange"?: boolean;
  /** The update call takes this property in place. */
  "x-updatable"?: boolean;
  /** The service never returns it: the value is kept from the inputs. */
  "x-writeOnly"?: boolean;
  /** The value the service applies when the input is absent, so absence does not diff against it. */
  "x-serviceDefault"?: unknown;
  /** An array whose order the service does not keep. */
  "x-unordered"?: boolean;
  /** Stored and shown as a secret. */
  "x-secret"?: boolean;
  /** Read by the engine (timeouts, delete behaviour, adoption), never sent to the service. */
  "x-engine"?: boolean;
  /** The update call's AttributesToDelete value that removes this property when it is dropped (at any depth). */
  "x-removeAttribute"?: string;
  /**
   * Desired-state values in which the service accepts a change of this property (a RUNNING fleet
   * takes only some). Elsewhere the engine moves the resource to the first of them, updates, and
   * returns it to where it was unless the program asks for another state.
   */
  "x-updatableIn"?: string[];
  /** The name of this property on the wire when it differs from the case convention. */
  "x-wireName"?: string;
  /** Human wording of the rule, used in place of the validator's message. */
  "x-message"?: string;
  /** Optional in the program, but the service needs a value: the engine generates one. */
  "x-autoName"?: {
    maxLength: number;
    separator?: string;
    lowercase?: boolean;
    /** Characters to drop, as a regex class. */ strip?: string;
  };
  /** Why this node deliberately differs from the official service model (see ModelDeviation). */
  "x-modelDeviation"?: ModelDeviation;
  [rule: string]: unknown; // if/then/allOf/not and other JSON Schema keywords
}

/**
 * The reason a schema node deliberately differs from the official AWS service model in models/ (a
 * documented service rule the model cannot express, a member the read hook derives, ...).
 * test/unit/schema-model.test.ts lists every one of them and fails on a difference without one.
 */
export type ModelDeviation = string;

/** One SDK call. Values in `params` may be templates: "{studioId}" is a property of the resource. */
export interface CallSpec {
  operation: string;
  params?: Record<string, unknown>;
  /** Which input properties travel in the request: all service inputs, the updatable ones, or a list. */
  inputs?: "all" | "updatable" | "changed" | string[];
  /** Dotted path to the resource object in the response, e.g. "studio" or "Fleets.0". */
  response?: string;
  /** Request member that carries the client token, for calls that take one. */
  clientToken?: string;
  /** Error names that mean the resource is gone (NotFound on read and delete). */
  notFound?: string[];
  /**
   * Reads only, for a service with no call that describes one resource: read by listing, the item at
   * `items` of the call's pages (following `nextToken`) whose members equal these (templates over the
   * resource's properties), completed by the request's own members.
   */
  match?: Record<string, unknown>;
  /** Listings (and reads by listing): where each page's items are. */
  items?: string;
  /** Listings (and reads by listing): the request and response member of the continuation token. */
  nextToken?: string;
  /** Reads only: concurrent reads may share one call that names them all (see ReadBatchSpec). */
  batch?: ReadBatchSpec;
}

/**
 * A Describe* call that takes a list of names: reads of many resources that arrive together (a
 * refresh, parallel waits) become one call. The items come from `response` without its last
 * segment ("Fleets.0" -> "Fleets"); pages follow the `list` operation's nextToken when it is the
 * same operation.
 */
export interface ReadBatchSpec {
  /** The request member holding the list, given as a one-name list in `params`. */
  param: string;
  /** The member of each returned item that holds its name. */
  key: string;
  /** Names per call. */
  maxSize: number;
}

export interface Phase {
  pending: string[];
  target: string[];
  /** Empty when the schema file names none (the loader fills it in). */
  failed: string[];
  /** Why this wait differs from the model's waiter for the same states. */
  "x-modelDeviation"?: ModelDeviation;
}

export interface Lifecycle {
  stateField: string;
  statusCodeField?: string;
  statusMessageField?: string;
  /** An array of {code/ErrorCode, message/ErrorMessage} objects that ends a wait as a failure when non-empty. */
  errorsField?: string;
  create?: Phase;
  update?: Phase;
  /** Deletion ends in one of `target` states, or when the read reports the resource gone. */
  delete?: Phase;
  /** States in which the service accepts no call: the engine waits them out before updating or deleting. */
  busy?: string[];
}

export interface DesiredStateSpec {
  property: string;
  /** One entry per value of the property: the call that reaches it and the states on the way. */
  values: Record<
    string,
    { call: CallSpec; pending: string[]; target: string[]; failed: string[]; "x-modelDeviation"?: ModelDeviation }
  >;
  /** What the service starts in after create, when it is not the desired value. */
  initial?: string;
}

export interface TagsSpec {
  property: string;
  /** The resource's ARN, a template over its outputs. */
  arn: string;
  /** Tags travel in the create call. */
  inCreate: boolean;
  tag: CallSpec;
  untag: CallSpec;
  list?: CallSpec & { field: string };
  /** Request members of the tag/untag calls. */
  arnParam: string;
  tagsParam: string;
  keysParam: string;
}

/**
 * Resources of another type whose existence refuses this one's delete (the service would leave it
 * DELETE_FAILED): found with that type's list operation over this resource's properties.
 */
export interface DependentsRule {
  type: string;
  /** Properties a listed item must have (templates over this resource's properties). */
  match?: Record<string, string>;
  /** How one dependent is named in the refusal: a template over its properties. */
  label: string;
  /** What follows the resource's name in the error; `{dependents}` lists them. */
  refusal: string;
}

/** What `pulumi destroy` does for one value of the delete-behaviour input. */
export interface DeleteBehaviour {
  /** States in which the resource already is where this behaviour leaves it: no call is sent. */
  keepIn?: string[];
  /** States the call applies from; in any other, the resource is deleted instead (with a warning). */
  from?: string[];
  /** The call that puts the resource where it is kept, and the states on the way. */
  call?: CallSpec;
  /** These three are empty when the schema file names none (the loader fills them in). */
  pending: string[];
  target: string[];
  failed: string[];
  /** Then delete it with the delete operation (after the call, if any). */
  delete?: boolean;
}

/** `deleteBehaviour`-style inputs as data: each value's calls, waits, and whether the resource is kept. */
export interface DeleteBehaviours {
  property: string;
  default: string;
  values: Record<string, DeleteBehaviour>;
}

export interface ResourceSchema {
  type: string; // "<service>:<Resource>"
  service: ServiceName;
  description: string;
  /** The service's member-name convention, from which wire names are derived. */
  wireCase: "camel" | "pascal";
  identity: {
    /** Output properties whose values, joined by "/", make the Pulumi id. */
    parts: string[];
  };
  inputs: PropertySchema & { type: "object"; properties: Record<string, PropertySchema> };
  outputs: Record<string, PropertySchema>;
  operations: {
    create?: CallSpec;
    read: CallSpec;
    update?: CallSpec;
    delete?: CallSpec;
    list?: CallSpec & { items: string };
  };
  lifecycle?: Lifecycle;
  desiredState?: DesiredStateSpec;
  tags?: TagsSpec;
  /** Create only takes over an existing resource (devices register themselves, images come from builders). */
  adoptOnly?: boolean;
  /** Default waits, in minutes, overridable per resource with the `timeouts` input. */
  timeouts: { create: number; update: number; delete: number };
  /** The physical name must be unique, so a replacement deletes before it creates. */
  uniqueName?: boolean;
  /** What a delete does, by the value of an engine input; absent: the delete operation. */
  deleteBehaviours?: DeleteBehaviours;
  /** Refuse a delete while any of these exist. */
  dependents?: DependentsRule[];
  /** Module under provider/hooks/ for what the schema cannot express. */
  hooks?: string;
  /**
   * Property paths (inputs or outputs, dotted, a path covers what is below it) that the service, or
   * an autoscaler acting for the owner, changes by itself: statuses, live counts, timestamps. The
   * drift command never reports them.
   */
  serviceManaged?: string[];
}
