#!/usr/bin/env python3
"""Writes the official AWS service models this project checks itself against into models/.

The AWS SDK for Python (botocore) ships the service models as data files: shapes, required
members, enums, length/range/pattern constraints, each operation's errors and HTTP status, the
paginators and the waiters. This script downloads the botocore wheels named below with pip, takes
the three services' files out of them, drops the documentation strings (they are most of the
bytes and nothing here reads them), and writes them with their provenance. Tests and the local
endpoint read only the committed files; nothing at test time needs a registry.

Nimble Studio was removed from botocore after AWS shut the service down in 2024; 1.35.47 is the
last release that ships its model. AppStream (now "WorkSpaces Applications", same API) and
WorkSpaces Thin Client come from the current release.

  npm run sync-models                      # the pinned versions below
  npm run sync-models -- --current 1.44.9  # move AppStream and Thin Client to another release
"""
import argparse, gzip, hashlib, json, os, subprocess, sys, tempfile, zipfile

CURRENT = "1.44.8"
NIMBLE_LAST = "1.35.47"
SERVICES = {
    # project name: (botocore service id, API version, release that carries it)
    "appstream": ("appstream", "2016-12-01", "current"),
    "thinclient": ("workspaces-thin-client", "2023-08-22", "current"),
    "nimble": ("nimble", "2020-08-01", "nimble"),
}
FILES = ["service-2.json", "paginators-1.json", "waiters-2.json"]
DROP_KEYS = {"documentation", "documentationUrl", "examples"}


def strip_docs(node):
    if isinstance(node, dict):
        return {k: strip_docs(v) for k, v in node.items() if k not in DROP_KEYS}
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def download(version, into):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    f"botocore=={version}", "-d", into], check=True)
    (wheel,) = [f for f in os.listdir(into) if f.startswith(f"botocore-{version}-") and f.endswith(".whl")]
    path = os.path.join(into, wheel)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return path, digest


def read_member(wheel, name):
    for candidate in (name, name + ".gz"):
        try:
            data = wheel.read(candidate)
        except KeyError:
            continue
        return json.loads(gzip.decompress(data) if candidate.endswith(".gz") else data)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--current", default=CURRENT, help="botocore release for AppStream and Thin Client")
    parser.add_argument("--nimble", default=NIMBLE_LAST, help="botocore release for Nimble Studio")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "models"))
    args = parser.parse_args()
    versions = {"current": args.current, "nimble": args.nimble}
    with tempfile.TemporaryDirectory() as tmp:
        wheels = {}
        for key, version in versions.items():
            if version not in wheels:
                wheels[version] = download(version, os.path.join(tmp, version))
        for project_name, (service_id, api_version, release) in SERVICES.items():
            version = versions[release]
            wheel_path, digest = wheels[version]
            out_dir = os.path.join(args.out, project_name)
            os.makedirs(out_dir, exist_ok=True)
            written = []
            with zipfile.ZipFile(wheel_path) as wheel:
                for file_name in FILES:
                    model = read_member(wheel, f"botocore/data/{service_id}/{api_version}/{file_name}")
                    if model is None:
                        continue
                    with open(os.path.join(out_dir, file_name), "w") as out:
                        json.dump(strip_docs(model), out, indent=1, sort_keys=True)
                        out.write("\n")
                    written.append(file_name)
            provenance = {
                "package": "botocore",
                "version": version,
                "wheelSha256": digest,
                "path": f"botocore/data/{service_id}/{api_version}/",
                "files": written,
                "note": "documentation strings removed; everything else as published",
            }
            with open(os.path.join(out_dir, "provenance.json"), "w") as out:
                json.dump(provenance, out, indent=1)
                out.write("\n")
            print(f"models/{project_name}: botocore {version} ({', '.join(written)})")


if __name__ == "__main__":
    main()
