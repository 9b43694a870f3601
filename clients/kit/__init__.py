"""The Fuel master node kit: what a master runs to feed fuel-stats (see docs/kit.md).

`fuelstats_kit` is this folder, `clients/kit`, shipped as the distribution `fuel-stats-kit`
(clients/pyproject.toml) with its command `fuelstats-master` (cli.py). It never imports the
services' package `fuelstats`: what both sides share is `fuelstats_common`. Its tables live in the
master's own database, migrated by `fuelstats-master db upgrade`; it talks to the collector only
through the client generated from openapi/collector.yaml (`fuelstats_collector_client`), which it
ships.
"""
