"""Which packages fuel-stats-kit ships; everything else is in pyproject.toml.

The folders do not bear the packages' names: `clients/kit` is `fuelstats_kit`, and the collector
client the sender sends with is generated into `../generated` (`make generate`). setuptools finds
the subpackages of each; a wheel is built from this folder in place (`make dist`), not from an sdist.
"""

from setuptools import find_packages, setup

FOLDERS = {"fuelstats_kit": "kit", "fuelstats_collector_client": "../generated/fuelstats_collector_client"}
# The folders of the settings API's OpenAPI document (kit/openapi links to ../openapi) hold no
# Python; named as packages, setuptools ships the files pyproject.toml picks instead of warning.
DATA_FOLDERS = ["openapi", "openapi.schemas", "openapi.schemas.kit"]

setup(
    package_dir=FOLDERS,
    packages=[f"{package}.{sub}" if sub else package
              for package, folder in FOLDERS.items() for sub in ["", *find_packages(folder)]]
    + [f"fuelstats_kit.{folder}" for folder in DATA_FOLDERS],
)
