#!/usr/bin/env python3
"""The local endpoint seen by an independent client: the AWS SDK for Python (botocore).

botocore is pointed at the committed models (models/, the same data the endpoint reads), with its
client-side parameter validation OFF, so every request reaches the endpoint as sent. For every
operation the endpoint serves it makes one valid call and, generated here from the botocore model
(independently of the TypeScript suite), one call per constrained member that breaks its required,
enum, length, range or pattern constraint. It counts a disagreement when:

  - a valid call fails, or its parsed response breaks the operation's output shape (required
    members, types, enums, lengths, ranges, patterns), checked by a validator written here;
  - an invalid call succeeds;
  - any error code is one the operation does not model (the AWS common errors aside).

Run by hand (it needs botocore from a package registry, so it is no part of `npm test`):

  python3 -m venv /tmp/euc-py && /tmp/euc-py/bin/pip install boto3
  bash scripts/toolchain.sh run /tmp/euc-py/bin/python scripts/check-with-python-sdk.py

It starts its own endpoint (node dist/emulator/cli.js, with PULUMI_AWS_EUC_CHECK_RESPONSES=1), or
talks to a running one with --endpoint URL. It prints the figures and exits 1 on any disagreement.
"""
import argparse, copy, datetime, json, os, re, shutil, subprocess, sys, tempfile, urllib.request

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SERVICES = {
    # project name: (botocore service name, API version)
    "appstream": ("appstream", "2016-12-01"),
    "nimble": ("nimble", "2020-08-01"),
    "thinclient": ("workspaces-thin-client", "2023-08-22"),
}
# Errors every AWS API may answer with although no operation lists them ("Common Errors").
COMMON_ERRORS = {"AccessDeniedException", "IncompleteSignature", "InternalFailure", "InvalidAction", "InvalidClientTokenId",
                 "NotAuthorized", "OptInRequired", "RequestExpired", "ServiceUnavailable", "ThrottlingException", "ValidationException"}
# With an endpoint given, botocore needs no more of a ruleset than "use it".
ENDPOINT_RULESET = {
    "version": "1.0",
    "parameters": {"Endpoint": {"builtIn": "SDK::Endpoint", "required": False, "type": "String"},
                   "Region": {"builtIn": "AWS::Region", "required": False, "type": "String"}},
    "rules": [{"conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}], "endpoint": {"url": {"ref": "Endpoint"}}, "type": "endpoint"},
              {"conditions": [], "error": "An endpoint is required.", "type": "error"}],
}
STEP_MS = 1000


def data_dir():
    """botocore's data layout, filled with the committed models."""
    root = tempfile.mkdtemp(prefix="euc-botocore-")
    for name, (service, version) in SERVICES.items():
        target = os.path.join(root, service, version)
        os.makedirs(target)
        with open(os.path.join(REPO, "models", name, "service-2.json")) as f:
            model = json.load(f)
        # The AppStream model lists smithy-rpc-v2-cbor before json; the endpoint speaks its json
        # protocol (awsJson1_1), which the model lists too.
        if "json" in model["metadata"].get("protocols", []):
            model["metadata"]["protocols"] = ["json"]
            model["metadata"]["protocol"] = "json"
        with open(os.path.join(target, "service-2.json"), "w") as f:
            json.dump(model, f)
        for extra in ("paginators-1.json", "waiters-2.json"):
            src = os.path.join(REPO, "models", name, extra)
            if os.path.exists(src):
                shutil.copy(src, target)
        with open(os.path.join(target, "endpoint-rule-set-1.json"), "w") as f:
            json.dump(ENDPOINT_RULESET, f)
    return root


class Endpoint:
    def __init__(self, url):
        self.url, self.process = url, None

    @classmethod
    def start(cls):
        env = dict(os.environ, PULUMI_AWS_EUC_CHECK_RESPONSES="1")
        process = subprocess.Popen(["node", os.path.join(REPO, "dist/emulator/cli.js"), "--port", "0", "--transition-ms", str(STEP_MS)],
                                   stdout=subprocess.PIPE, env=env, text=True)
        endpoint = cls(process.stdout.readline().strip())
        endpoint.process = process
        return endpoint

    def control(self, path, body):
        req = urllib.request.Request(f"{self.url}/_emulator/{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req) as res:
            return json.load(res)

    def advance(self, steps=1):
        self.control("advance", {"ms": steps * STEP_MS})

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait()


# ---- the output validator: an independent reading of the model's constraints -----------------

def pattern_of(text):
    try:
        return re.compile(text)
    except re.error:
        return None  # Java or ECMAScript-only syntax (\p{L}, \p{IsAlphabetic}): not checked here


def check_value(shape, value, path, problems, unchecked):
    t = shape.type_name
    meta = shape.metadata
    if t == "structure":
        if not isinstance(value, dict):
            return problems.append(f"{path}: not a structure")
        for name in shape.required_members:
            if name not in value and shape.members[name].serialization.get("location") is None:
                problems.append(f"{path}.{name}: required, missing")
        for name, v in value.items():
            if name == "ResponseMetadata" and not path:
                continue
            if name not in shape.members:
                problems.append(f"{path}.{name}: not a member of {shape.name}")
                continue
            check_value(shape.members[name], v, f"{path}.{name}" if path else name, problems, unchecked)
    elif t == "list":
        if not isinstance(value, list):
            return problems.append(f"{path}: not a list")
        bounds(meta, len(value), path, "items", problems)
        for i, item in enumerate(value):
            check_value(shape.member, item, f"{path}[{i}]", problems, unchecked)
    elif t == "map":
        if not isinstance(value, dict):
            return problems.append(f"{path}: not a map")
        bounds(meta, len(value), path, "entries", problems)
        for k, v in value.items():
            check_value(shape.key, k, f"{path} key", problems, unchecked)
            check_value(shape.value, v, f"{path}.{k}", problems, unchecked)
    elif t == "string":
        if not isinstance(value, str):
            return problems.append(f"{path}: not a string")
        if shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of the model's values")
        bounds(meta, len(value), path, "characters", problems)
        if "pattern" in meta:
            compiled = pattern_of(meta["pattern"])
            if compiled is None:
                unchecked.add(meta["pattern"])
            elif not compiled.search(value):
                problems.append(f"{path}: {value!r} does not match {meta['pattern']}")
    elif t in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            return problems.append(f"{path}: not an integer")
        bounds(meta, value, path, "", problems)
    elif t == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: not a boolean")
    elif t == "timestamp":
        if not isinstance(value, datetime.datetime):
            problems.append(f"{path}: not a timestamp")


def bounds(meta, n, path, unit, problems):
    if "min" in meta and n < meta["min"]:
        problems.append(f"{path}: {n} {unit} is below the minimum {meta['min']}")
    if "max" in meta and n > meta["max"]:
        problems.append(f"{path}: {n} {unit} is above the maximum {meta['max']}")


# ---- invalid requests, generated from the botocore model ----------------------------------------

def violations(shape, value, path, place):
    """(kind, path, request) for each constraint of members the valid request holds."""
    out = []
    t, meta = shape.type_name, shape.metadata
    if t == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            child = f"{path}.{name}" if path else name
            location = member.serialization.get("location")
            if name in shape.required_members and location != "uri" and name in value:
                out.append(("required", child, place({k: v for k, v in value.items() if k != name})))
            if name in value:
                out += violations(member, value[name], child, lambda v, name=name: place({**value, name: v}))
            elif member.type_name == "string" and member.enum:
                out.append(("enum", child, place({**value, name: "NOT_A_MODEL_VALUE"})))
    elif t == "list" and isinstance(value, list) and value:
        if meta.get("min", 0) > 0:
            out.append(("length", path, place(value[: meta["min"] - 1])))
        if "max" in meta and meta["max"] < 10000:
            out.append(("length", path, place([copy.deepcopy(value[0]) for _ in range(meta["max"] + 1)])))
        out += violations(shape.member, value[0], f"{path}[0]", lambda v: place([v] + value[1:]))
    elif t == "map" and isinstance(value, dict) and value:
        key, item = next(iter(value.items()))
        if "max" in meta and meta["max"] < 10000:
            out.append(("length", path, place({f"{key[:100]}{i}": item for i in range(meta["max"] + 1)})))
        if meta.get("min", 0) > 0:
            out.append(("length", path, place({})))
    elif t == "string" and isinstance(value, str):
        if shape.enum:
            out.append(("enum", path, place("NOT_A_MODEL_VALUE")))
            return out
        if meta.get("min", 0) > 1:
            out.append(("length", path, place(value[: meta["min"] - 1])))
        if "max" in meta and meta["max"] < 100000:
            out.append(("length", path, place(value + value[-1:] * (meta["max"] + 1 - len(value)))))
        compiled = pattern_of(meta["pattern"]) if "pattern" in meta else None
        if compiled is not None:
            bad = next((c * max(meta.get("min", 1), 1) for c in "!? #" if not compiled.search(c * max(meta.get("min", 1), 1))), None)
            if bad is not None and len(bad) <= meta.get("max", len(bad)):
                out.append(("pattern", path, place(bad)))
    elif t in ("integer", "long") and isinstance(value, int):
        if "min" in meta:
            out.append(("range", path, place(meta["min"] - 1)))
        if "max" in meta:
            out.append(("range", path, place(meta["max"] + 1)))
    return out


# ---- the valid requests --------------------------------------------------------------------------

PUBLIC_IMAGE = "AppStream-WinServer2019-06-12-2024"
FLEET = {"InstanceType": "stream.standard.medium", "ImageName": PUBLIC_IMAGE, "ComputeCapacity": {"DesiredInstances": 1}}
STUDIO = {"adminRoleArn": "arn:aws:iam::123456789012:role/StudioAdmin", "userRoleArn": "arn:aws:iam::123456789012:role/StudioUser"}
STREAM = {"clipboardMode": "ENABLED", "ec2InstanceTypes": ["g4dn.xlarge"], "streamingImageIds": ["al2-workstation"],
          "sessionPersistenceMode": "ACTIVATED", "automaticTerminationMode": "DEACTIVATED",
          "sessionBackup": {"mode": "AUTOMATIC", "maxBackupsToRetain": 5}, "volumeConfiguration": {"size": 500, "iops": 3000, "throughput": 125}}


def plan(ids, ep):
    """(service, operation, request or a function of ids returning it, run before the call)."""
    def profile(name):
        return {"studioId": ids["studioId"], "name": name, "ec2SubnetIds": ["subnet-0123456789abcdef0"],
                "launchProfileProtocolVersions": ["2021-03-31"], "studioComponentIds": [ids["componentId"]], "streamConfiguration": STREAM}
    return [
        ("appstream", "CreateStack", lambda: {"Name": "py-stack", "DisplayName": "Python", "Tags": {"team": "py"}}),
        ("appstream", "CreateFleet", lambda: {"Name": "py-fleet", **FLEET, "Tags": {"team": "py"}}),
        ("appstream", "DescribeFleets", lambda: {"Names": ["py-fleet"]}),
        ("appstream", "UpdateFleet", lambda: {"Name": "py-fleet", "DisplayName": "Renamed"}),
        ("appstream", "AssociateFleet", lambda: {"FleetName": "py-fleet", "StackName": "py-stack"}),
        ("appstream", "ListAssociatedStacks", lambda: {"FleetName": "py-fleet"}),
        ("appstream", "ListAssociatedFleets", lambda: {"StackName": "py-stack"}),
        ("appstream", "DescribeStacks", lambda: {"Names": ["py-stack"]}),
        ("appstream", "UpdateStack", lambda: {"Name": "py-stack", "Description": "Updated", "EmbedHostDomains": ["example.com"]}),
        ("appstream", "StartFleet", lambda: {"Name": "py-fleet"}),
        ("appstream", "DescribeSessions", lambda: {"StackName": "py-stack", "FleetName": "py-fleet", "Limit": 10}),
        ("appstream", "StopFleet", lambda: (ep.advance(), {"Name": "py-fleet"})[1]),
        ("appstream", "DisassociateFleet", lambda: {"FleetName": "py-fleet", "StackName": "py-stack"}),
        ("appstream", "TagResource", lambda: {"ResourceArn": ids["fleetArn"], "Tags": {"owner": "py"}}),
        ("appstream", "ListTagsForResource", lambda: {"ResourceArn": ids["fleetArn"]}),
        ("appstream", "UntagResource", lambda: {"ResourceArn": ids["fleetArn"], "TagKeys": ["owner"]}),
        ("appstream", "DeleteFleet", lambda: (ep.advance(), {"Name": "py-fleet"})[1]),
        ("appstream", "DeleteStack", lambda: {"Name": "py-stack"}),
        ("appstream", "CreateImageBuilder", lambda: {"Name": "py-builder", "InstanceType": "stream.standard.medium", "ImageName": PUBLIC_IMAGE}),
        ("appstream", "DescribeImageBuilders", lambda: {"Names": ["py-builder"]}),
        ("appstream", "StopImageBuilder", lambda: (ep.advance(), {"Name": "py-builder"})[1]),
        ("appstream", "StartImageBuilder", lambda: (ep.advance(), {"Name": "py-builder"})[1]),
        ("appstream", "CreateImageBuilderStreamingURL", lambda: (ep.advance(), {"Name": "py-builder", "Validity": 3600})[1]),
        ("appstream", "DeleteImageBuilder", lambda: {"Name": "py-builder"}),
        ("appstream", "DescribeImages", lambda: {"Names": [PUBLIC_IMAGE], "MaxResults": 5}),
        ("appstream", "DeleteImage", lambda: {"Name": "euc-base-image"}),
        ("appstream", "CreateDirectoryConfig", lambda: {"DirectoryName": "py.example.com", "OrganizationalUnitDistinguishedNames": ["OU=Py,DC=py,DC=example,DC=com"], "ServiceAccountCredentials": {"AccountName": "PY\\join", "AccountPassword": "py-Passw0rd"}}),
        ("appstream", "DescribeDirectoryConfigs", lambda: {"DirectoryNames": ["py.example.com"]}),
        ("appstream", "UpdateDirectoryConfig", lambda: {"DirectoryName": "py.example.com", "OrganizationalUnitDistinguishedNames": ["OU=Other,DC=py,DC=example,DC=com"]}),
        ("appstream", "DeleteDirectoryConfig", lambda: {"DirectoryName": "py.example.com"}),
        ("appstream", "CreateUser", lambda: {**{"UserName": "py-user@example.com", "AuthenticationType": "USERPOOL"}, "MessageAction": "SUPPRESS"}),
        ("appstream", "DescribeUsers", lambda: {"AuthenticationType": "USERPOOL"}),
        ("appstream", "DisableUser", lambda: {"UserName": "py-user@example.com", "AuthenticationType": "USERPOOL"}),
        ("appstream", "EnableUser", lambda: {"UserName": "py-user@example.com", "AuthenticationType": "USERPOOL"}),
        ("appstream", "CreateStack", lambda: {"Name": "py-user-stack"}),
        ("appstream", "BatchAssociateUserStack", lambda: {"UserStackAssociations": [{**{"UserName": "py-user@example.com", "AuthenticationType": "USERPOOL"}, "StackName": "py-user-stack"}]}),
        ("appstream", "DescribeUserStackAssociations", lambda: {"StackName": "py-user-stack"}),
        ("appstream", "BatchDisassociateUserStack", lambda: {"UserStackAssociations": [{**{"UserName": "py-user@example.com", "AuthenticationType": "USERPOOL"}, "StackName": "py-user-stack"}]}),
        ("appstream", "DeleteUser", lambda: {"UserName": "py-user@example.com", "AuthenticationType": "USERPOOL"}),
        ("nimble", "CreateStudio", lambda: {**STUDIO, "displayName": "Python", "studioName": "pythonstudio", "tags": {"team": "py"}}),
        ("nimble", "GetStudio", lambda: (ep.advance(), {"studioId": ids["studioId"]})[1]),
        ("nimble", "ListStudios", lambda: {}),
        ("nimble", "ListStudioComponents", lambda: {"studioId": ids["studioId"], "maxResults": 10}),
        ("nimble", "GetStudioComponent", lambda: {"studioId": ids["studioId"], "studioComponentId": ids["componentId"]}),
        ("nimble", "ListStreamingImages", lambda: {"studioId": ids["studioId"]}),
        ("nimble", "GetStreamingImage", lambda: {"studioId": ids["studioId"], "streamingImageId": "al2-workstation"}),
        ("nimble", "CreateLaunchProfile", lambda: profile("py-profile")),
        ("nimble", "GetLaunchProfile", lambda: (ep.advance(), {"studioId": ids["studioId"], "launchProfileId": ids["launchProfileId"]})[1]),
        ("nimble", "GetLaunchProfileDetails", lambda: {"studioId": ids["studioId"], "launchProfileId": ids["launchProfileId"]}),
        ("nimble", "ListLaunchProfiles", lambda: {"studioId": ids["studioId"], "maxResults": 10}),
        ("nimble", "UpdateLaunchProfile", lambda: {"studioId": ids["studioId"], "launchProfileId": ids["launchProfileId"], "description": "Updated"}),
        ("nimble", "CreateStreamingSession", lambda: (ep.advance(), {"studioId": ids["studioId"], "launchProfileId": ids["launchProfileId"]})[1]),
        ("nimble", "GetStreamingSession", lambda: (ep.advance(), {"studioId": ids["studioId"], "sessionId": ids["sessionId"]})[1]),
        ("nimble", "ListStreamingSessions", lambda: {"studioId": ids["studioId"]}),
        ("nimble", "CreateStreamingSessionStream", lambda: {"studioId": ids["studioId"], "sessionId": ids["sessionId"], "expirationInSeconds": 600}),
        ("nimble", "GetStreamingSessionStream", lambda: (ep.advance(), {"studioId": ids["studioId"], "sessionId": ids["sessionId"], "streamId": ids["streamId"]})[1]),
        ("nimble", "StopStreamingSession", lambda: {"studioId": ids["studioId"], "sessionId": ids["sessionId"], "volumeRetentionMode": "RETAIN"}),
        ("nimble", "ListStreamingSessionBackups", lambda: (ep.advance(2), {"studioId": ids["studioId"]})[1]),
        ("nimble", "GetStreamingSessionBackup", lambda: {"studioId": ids["studioId"], "backupId": ids["backupId"]}),
        ("nimble", "StartStreamingSession", lambda: {"studioId": ids["studioId"], "sessionId": ids["sessionId"], "backupId": ids["backupId"]}),
        ("nimble", "DeleteStreamingSession", lambda: (ep.advance(), {"studioId": ids["studioId"], "sessionId": ids["sessionId"]})[1]),
        ("nimble", "TagResource", lambda: {"resourceArn": ids["studioArn"], "tags": {"owner": "py"}}),
        ("nimble", "ListTagsForResource", lambda: {"resourceArn": ids["studioArn"]}),
        ("nimble", "UntagResource", lambda: {"resourceArn": ids["studioArn"], "tagKeys": ["owner"]}),
        ("nimble", "UpdateStudio", lambda: {"studioId": ids["studioId"], "displayName": "Renamed"}),
        ("nimble", "StartStudioSSOConfigurationRepair",
         lambda: (ep.advance(), ep.control("mutate", {"kind": "nimble:Studio", "id": ids["studioId"], "patch": {"statusCode": "AWS_SSO_NOT_ENABLED"}}),
                  {"studioId": ids["studioId"]})[2]),
        ("nimble", "DeleteLaunchProfile", lambda: (ep.advance(3), {"studioId": ids["studioId"], "launchProfileId": ids["launchProfileId"]})[1]),
        ("nimble", "DeleteStudio", lambda: (ep.advance(3), {"studioId": ids["studioId"]})[1]),
        ("thinclient", "CreateEnvironment", lambda: {"name": "python", "desktopArn": "arn:aws:appstream:us-east-1:123456789012:stack/py-stack",
                                                     "maintenanceWindow": {"type": "SYSTEM"}, "deviceCreationTags": {"site": "hq"}, "tags": {"team": "py"}}),
        ("thinclient", "GetEnvironment", lambda: {"id": ids["environmentId"]}),
        ("thinclient", "ListEnvironments", lambda: {"maxResults": 10}),
        ("thinclient", "UpdateEnvironment", lambda: {"id": ids["environmentId"], "name": "renamed"}),
        ("thinclient", "GetDevice", lambda: {"id": "tcdevice0000000000000003"}),
        ("thinclient", "ListDevices", lambda: {"maxResults": 10}),
        ("thinclient", "UpdateDevice", lambda: {"id": "tcdevice0000000000000003", "name": "kiosk"}),
        ("thinclient", "DeregisterDevice", lambda: {"id": "tcdevice0000000000000003", "targetDeviceStatus": "ARCHIVED"}),
        ("thinclient", "DeleteDevice", lambda: (ep.advance(), {"id": "tcdevice0000000000000003"})[1]),
        ("thinclient", "GetSoftwareSet", lambda: {"id": "softwareset-0002"}),
        ("thinclient", "ListSoftwareSets", lambda: {"maxResults": 10}),
        ("thinclient", "UpdateSoftwareSet", lambda: {"id": "softwareset-0002", "validationStatus": "VALIDATED"}),
        ("thinclient", "TagResource", lambda: {"resourceArn": ids["environmentArn"], "tags": {"owner": "py"}}),
        ("thinclient", "ListTagsForResource", lambda: {"resourceArn": ids["environmentArn"]}),
        ("thinclient", "UntagResource", lambda: {"resourceArn": ids["environmentArn"], "tagKeys": ["owner"]}),
        ("thinclient", "DeleteEnvironment", lambda: {"id": ids["environmentId"]}),
    ]


def remember(ids, operation, out):
    """The ids later requests name."""
    if operation == "CreateFleet":
        ids["fleetArn"] = out["Fleet"]["Arn"]
    elif operation == "CreateStudio":
        ids["studioId"], ids["studioArn"] = out["studio"]["studioId"], out["studio"]["arn"]
    elif operation == "ListStudioComponents":
        ids["componentId"] = out["studioComponents"][0]["studioComponentId"]
    elif operation == "CreateLaunchProfile":
        ids["launchProfileId"] = out["launchProfile"]["launchProfileId"]
    elif operation == "CreateStreamingSession":
        ids["sessionId"] = out["session"]["sessionId"]
    elif operation == "CreateStreamingSessionStream":
        ids["streamId"] = out["stream"]["streamId"]
    elif operation == "ListStreamingSessionBackups":
        ids["backupId"] = out["streamingSessionBackups"][0]["backupId"]
    elif operation == "CreateEnvironment":
        ids["environmentId"], ids["environmentArn"] = out["environment"]["id"], out["environment"]["arn"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", help="a running endpoint's URL (default: start one)")
    args = parser.parse_args()
    ep = Endpoint(args.endpoint) if args.endpoint else Endpoint.start()
    session = botocore.session.get_session()
    session.set_config_variable("data_path", data_dir())
    config = Config(parameter_validation=False, inject_host_prefix=False, retries={"max_attempts": 1})
    clients = {name: session.create_client(service, region_name="us-east-1", endpoint_url=ep.url, aws_access_key_id="euc",
                                           aws_secret_access_key="euc-secret", config=config)
               for name, (service, _) in SERVICES.items()}
    ids, disagreements, unchecked = {}, [], set()
    figures = {"operations": 0, "valid calls": 0, "invalid calls": 0, "modeled errors": 0}
    per_kind = {}
    try:
        for service, operation, make in plan(ids, ep):
            client = clients[service]
            op_model = client.meta.service_model.operation_model(operation)
            # A server fault (InternalFailure: the endpoint's own model check failed) is no answer to bad input.
            modeled = {e.name for e in op_model.error_shapes} | (COMMON_ERRORS - {"InternalFailure", "ServiceUnavailable"})
            request = make()
            figures["operations"] += 1
            # Every constraint broken, one at a time, before the valid call changes anything.
            for kind, path, bad in violations(op_model.input_shape, request, "", lambda v: v) if op_model.input_shape else []:
                figures["invalid calls"] += 1
                per_kind[kind] = per_kind.get(kind, 0) + 1
                try:
                    client._make_api_call(operation, bad)
                    disagreements.append(f"{service} {operation}: accepted a request breaking {kind} of {path}")
                except ClientError as err:
                    code = err.response["Error"]["Code"]
                    status = err.response["ResponseMetadata"]["HTTPStatusCode"]
                    if code in modeled and 400 <= status < 500:
                        figures["modeled errors"] += 1
                    else:
                        disagreements.append(f"{service} {operation}: {kind} {path} answered {status} {code}, which the operation does not model for bad input")
            figures["valid calls"] += 1
            try:
                out = client._make_api_call(operation, request)
            except ClientError as err:
                disagreements.append(f"{service} {operation}: the valid request failed: {err}")
                continue
            problems = []
            if op_model.output_shape:
                check_value(op_model.output_shape, out, "", problems, unchecked)
            status = out["ResponseMetadata"]["HTTPStatusCode"]
            expected = op_model.http.get("responseCode", 200)
            if status != expected:
                problems.append(f"status {status}, the model says {expected}")
            disagreements += [f"{service} {operation}: response {p}" for p in problems]
            remember(ids, operation, out)
    finally:
        if not args.endpoint:
            ep.stop()
    print(json.dumps({**figures, "invalid calls per kind": per_kind, "calls": figures["valid calls"] + figures["invalid calls"],
                      "disagreements": len(disagreements), "patterns Python cannot check": sorted(unchecked)}, indent=2))
    for d in disagreements:
        print("DISAGREEMENT", d)
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
