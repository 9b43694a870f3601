"""Which packages fuel-stats ships; everything else is in pyproject.toml.

The folders do not bear the packages' names: `services/` is `fuelstats`, and the analytics client
is generated into `generated/` (`make generate`). setuptools finds the subpackages of each, so a new
module or a new tag in a spec needs no list kept by hand. The master node kit and the code both
sides share are distributions of their own (clients/, clients/common/).
"""

from setuptools import find_namespace_packages, find_packages, setup

FOLDERS = {"fuelstats": "services", "fuelstats_analytics_client": "generated/fuelstats_analytics_client"}
# The folders of package data under services/resources (OpenAPI schemas, the UI's modules) hold no
# Python; named as packages, setuptools ships their files instead of warning about them.
DATA_FOLDERS = find_namespace_packages("services", include=["resources.*"], exclude=["*__pycache__*", "*.kit"])

setup(
    package_dir=FOLDERS,
    packages=[f"{package}.{sub}" if sub else package
              for package, folder in FOLDERS.items() for sub in ["", *find_packages(folder)]]
    + [f"fuelstats.{folder}" for folder in DATA_FOLDERS],
)
