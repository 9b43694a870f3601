"""What both sides of fuel-stats share: the services (`fuelstats`) and the Fuel master node kit (`fuelstats_kit`).

A distribution of its own, `fuel-stats-common` (clients/common), so that the kit, installed on a
Fuel master node, never imports the services' package: the sanitization rules both sides apply
(`sanitize`) and the way every program logs (`logs`) live here once.
"""
