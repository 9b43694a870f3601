"""fuel-stats: anonymous usage statistics of Fuel installations.

The importable package `fuelstats` is this `services/` folder: `collector`, `etl` and `analytics`
are its services; `settings`, `logs`, `web` and `database` are what they share.
"""
