"""Generate the typed Python clients of openapi/*.yaml into generated/ (`make generate`).

    python -m tools.generate_clients [--output DIR]

openapi-python-client (pinned in pyproject.toml, so the output is the same everywhere) reads one
self-contained document. Ours $ref JSON Schema files by relative path, so each spec is first
bundled: every referenced file becomes a named component schema (its `title`), which is what
gives the generated models names like `ActionLogsRequest` rather than a path-long one.
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
OPENAPI = ROOT / "openapi"
GENERATED = ROOT / "generated"
# spec file -> (importable package generated from it, whether a generator warning is an error)
CLIENTS = {
    "collector.yaml": ("fuelstats_collector_client", True),
    # The archive export answers application/zip, which the generator leaves out with a warning.
    "analytics.yaml": ("fuelstats_analytics_client", False),
}
# No ruff post-hooks: a formatter of another version would make the output differ between machines.
GENERATOR_CONFIG = {"post_hooks": [], "literal_enums": False}


class _Bundler:
    """Turns external $refs into #/components/schemas/<Title> references, each file loaded once."""

    def __init__(self, spec_path: Path) -> None:
        self.spec_path = spec_path
        self.schemas: dict[str, Any] = {}
        self.names: dict[Path, str] = {}

    def bundle(self) -> dict[str, Any]:
        spec = yaml.safe_load(self.spec_path.read_text())
        spec = self._walk(spec, self.spec_path.parent)
        for path_item in spec.get("paths", {}).values():
            for operation in path_item.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    # Connexion's dotted handler path; the client wants the function's name only.
                    operation["operationId"] = operation["operationId"].rsplit(".", 1)[-1]
        components = spec.setdefault("components", {})
        components.setdefault("schemas", {}).update(dict(sorted(self.schemas.items())))
        return spec

    def _walk(self, node: Any, base: Path) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return {"$ref": f"#/components/schemas/{self._load(base / ref)}"}
            walked = {key: self._walk(value, base) for key, value in node.items()}
            # OpenAPI 3.0 allows an array without `items`; the generator refuses it. `{}` means the same.
            if walked.get("type") == "array" and "items" not in walked:
                walked["items"] = {}
            return walked
        if isinstance(node, list):
            return [self._walk(item, base) for item in node]
        return node

    def _load(self, path: Path) -> str:
        path = path.resolve()
        if path in self.names:
            return self.names[path]
        schema = json.loads(path.read_text())
        name = schema.get("title") or "".join(part.title() for part in path.stem.split("_"))
        if name in self.schemas:
            raise SystemExit(f"two schemas are both named {name!r}; give {path} its own title")
        self.names[path] = name
        self.schemas[name] = {}  # reserved before walking: a schema may refer to itself
        self.schemas[name] = self._walk(copy.deepcopy(schema), path.parent)
        return name


def bundle(spec_path: Path) -> dict[str, Any]:
    return _Bundler(spec_path).bundle()


def generate(output: Path, openapi_dir: Path = OPENAPI) -> list[Path]:
    """Write each client package into `output` (replacing it there) and return their folders."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="fuelstats-generate-") as scratch_dir:
        scratch = Path(scratch_dir)
        config = scratch / "config.yaml"
        config.write_text(yaml.safe_dump(GENERATOR_CONFIG))
        for spec_name, (package, strict) in CLIENTS.items():
            document = scratch / f"{package}.json"
            document.write_text(json.dumps(bundle(openapi_dir / spec_name), indent=2))
            target = scratch / package
            result = subprocess.run(
                [str(Path(sys.executable).with_name("openapi-python-client")), "generate",
                 "--path", str(document), "--meta", "none", "--output-path", str(target),
                 "--config", str(config), "--fail-on-warning" if strict else "--no-fail-on-warning"],
                capture_output=True, text=True, check=False,
            )
            if result.returncode != 0:
                raise SystemExit(f"openapi-python-client failed on {spec_name}:\n{result.stdout}\n{result.stderr}")
            destination = output / package
            shutil.rmtree(destination, ignore_errors=True)
            shutil.copytree(target, destination)
            written.append(destination)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=GENERATED)
    for folder in generate(parser.parse_args().output):
        print(f"generated {folder}")


if __name__ == "__main__":
    main()
