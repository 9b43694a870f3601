"""The Fuel master node kit: what a master runs to feed fuel-stats (see docs/kit.md).

`fuelstats.kit` is this folder, `clients/kit`. Its tables live in the master's own database,
migrated by `fuelstats master db upgrade`; it talks to the collector only through the client
generated from openapi/collector.yaml (`fuelstats_collector_client`).
"""
