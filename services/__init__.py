"""fuel-stats: anonymous usage statistics of Fuel installations.

The importable package `fuelstats` is this `services/` folder: `collector`, `etl` and `analytics`
are its services; `core` is what they share (settings, logs, the HTTP layer, the databases) and
`cli` the `fuelstats` command.
"""
